package org.paxrisk.watchlist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A watch-list store: a folder of persisted Chronicle Maps holding every entry of every imported
 * list, indexed for matching (see {@link Keys}), in versions. {@link #open} opens the version that
 * is current; {@link #importList} builds a new version beside it (all other lists carried over),
 * then publishes it in one atomic step. A store that is open keeps its version however many
 * imports follow, and a crash during an import leaves the current version as it was.
 *
 * <pre>{@code
 * WatchlistStore.importList(store, Importers.forFormat("ofac"), files, "ofac-sdn");
 * try (WatchlistStore lists = WatchlistStore.open(store)) {
 *   List<WatchlistMatch> matches = lists.matcher().match(traveller);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may match at once.
 */
public final class WatchlistStore implements AutoCloseable {
  private final StoreVersion version;
  private final WatchlistMatcher matcher;

  private WatchlistStore(StoreVersion version) {
    this.version = version;
    this.matcher = new WatchlistMatcher(version, MatchSettings.DEFAULTS);
  }

  /**
   * Opens the current version of the store in {@code dir}.
   *
   * @throws IOException when the folder holds no store or the version cannot be read
   */
  public static WatchlistStore open(Path dir) throws IOException {
    Path v = new StoreFiles(dir).current();
    if (v == null) {
      throw new IOException("no watch-list store in " + dir + " (nothing imported yet)");
    }
    return new WatchlistStore(StoreVersion.open(v));
  }

  /**
   * The version the store in {@code dir} publishes now ({@code v000003}), or null before the first
   * import. Cheap (one small file), so a long-running reader can poll it to follow new versions.
   */
  public static String currentVersion(Path dir) throws IOException {
    Path v = new StoreFiles(dir).current();
    return v == null ? null : v.getFileName().toString();
  }

  /** The version's manifest: lists, counts, sources. */
  public Manifest manifest() {
    return version.manifest;
  }

  /** The version this store reads, e.g. {@code v000003}. */
  public String version() {
    return version.manifest.version();
  }

  /** Number of entries over all lists. */
  public int size() {
    return version.size();
  }

  /** Hands every entry of every list to {@code sink}, in store order. */
  public void forEach(java.util.function.Consumer<WatchlistEntry> sink) {
    for (int id = 0; id < version.size(); id++) {
      WatchlistEntry e = version.entry(id);
      if (e != null) {
        sink.accept(e);
      }
    }
  }

  /** The matcher with the default settings. */
  public WatchlistMatcher matcher() {
    return matcher;
  }

  /** A matcher with other thresholds. */
  public WatchlistMatcher matcher(MatchSettings settings) {
    return new WatchlistMatcher(version, settings);
  }

  @Override
  public void close() {
    version.close();
  }

  /** What an import did. */
  public record ImportResult(ImportReport report, Manifest manifest, List<Path> cleanedUp) {}

  /**
   * Imports one list into the store in {@code dir} (created if needed), replacing an earlier
   * import of the same list name, and publishes a new version.
   */
  public static ImportResult importList(
      Path dir, ListImporter importer, List<Path> files, String list) throws IOException {
    Objects.requireNonNull(importer, "importer");
    if (list == null || !list.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("list name must be 1-64 letters, digits, '.', '_' or '-'");
    }
    StoreFiles files0 = new StoreFiles(dir);
    try (FileLock lock = files0.lockForImport()) {
      List<Path> cleaned = files0.removeAbandonedBuilds();
      Path currentDir = files0.current();
      Path build = files0.newBuildDir();
      try (StoreVersion current = currentDir == null ? null : StoreVersion.open(currentDir)) {
        Path spool = build.resolve("import.spool");
        ImportReport report;
        try (Spool out = new Spool(spool)) {
          report = importer.read(files, list, out);
        }
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
          sources.add(f.getFileName() + " sha256:" + sha256(f));
        }
        StoreBuilder.Stats stats = StoreBuilder.build(build, sink -> {
          if (current != null) {
            for (int id = 0; id < current.size(); id++) {
              WatchlistEntry e = current.entry(id);
              if (!e.list().equals(list)) {
                sink.accept(e);
              }
            }
          }
          Spool.read(spool, sink);
        });
        Files.delete(spool);
        List<Manifest.ListInfo> lists = new ArrayList<>();
        if (current != null) {
          for (Manifest.ListInfo l : current.manifest.lists()) {
            if (!l.name().equals(list)) {
              lists.add(l);
            }
          }
        }
        lists.add(new Manifest.ListInfo(list, importer.defaultCategory(), importer.format(),
            report.imported(), report.aliases(), sources));
        Manifest m = new Manifest(null, Instant.now(), Normalizer.VERSION, stats.entries(),
            stats.names(), stats.keys(), lists);
        m.write(build);
        Path published = files0.publish(build);
        Manifest named = Manifest.read(published, published.getFileName().toString());
        files0.pruneOldVersions(published);
        return new ImportResult(report, named, cleaned);
      } catch (IOException | RuntimeException e) {
        StoreFiles.deleteTree(build);
        throw e;
      }
    }
  }

  private static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Imported entries on disk between the importer and the two passes of the build. */
  private static final class Spool implements Consumer<WatchlistEntry>, AutoCloseable {
    private final DataOutputStream out;
    private final Bin.Writer w = new Bin.Writer();

    Spool(Path file) throws IOException {
      OutputStream os = Files.newOutputStream(file);
      this.out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
    }

    @Override
    public void accept(WatchlistEntry e) {
      List<NameSimilarity.Tokens> none = new ArrayList<>(e.names().size());
      for (int i = 0; i < e.names().size(); i++) {
        none.add(new NameSimilarity.Tokens(new String[0], new String[0], new double[0]));
      }
      byte[] b = EntryCodec.encode(e, none, w);
      try {
        out.writeInt(b.length);
        out.write(b);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    static void read(Path file, Consumer<WatchlistEntry> sink) throws IOException {
      Bin.Reader r = new Bin.Reader();
      try (DataInputStream in = new DataInputStream(
          new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        while (true) {
          int n;
          try {
            n = in.readInt();
          } catch (EOFException end) {
            return;
          }
          byte[] b = in.readNBytes(n);
          sink.accept(EntryCodec.decode(r.wrap(b, 0, n)));
        }
      }
    }
  }
}
