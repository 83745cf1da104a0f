package org.paxrisk.watchlist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;

/** One published version of a store, opened for reading: its two maps and its manifest. */
final class StoreVersion implements Closeable {
  private static final int[] NONE = new int[0];

  final Path dir;
  final Manifest manifest;
  private final ChronicleMap<Integer, byte[]> entries;
  private final ChronicleMap<CharSequence, byte[]> postings;
  private final ThreadLocal<Bin.Reader> readers = ThreadLocal.withInitial(Bin.Reader::new);

  private StoreVersion(Path dir, Manifest manifest, ChronicleMap<Integer, byte[]> entries,
      ChronicleMap<CharSequence, byte[]> postings) {
    this.dir = dir;
    this.manifest = manifest;
    this.entries = entries;
    this.postings = postings;
  }

  static StoreVersion open(Path dir) throws IOException {
    Manifest m = Manifest.read(dir, dir.getFileName().toString());
    if (m.normalizer() != Normalizer.VERSION) {
      throw new IOException("watch-list store version " + dir.getFileName() + " was built with"
          + " normaliser " + m.normalizer() + "; this PaxRisk uses " + Normalizer.VERSION
          + ": import the lists again");
    }
    for (String f : new String[] {StoreBuilder.ENTRIES, StoreBuilder.POSTINGS}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IOException("watch-list store version " + dir + " lacks " + f);
      }
    }
    ChronicleMap<Integer, byte[]> e = ChronicleMap.of(Integer.class, byte[].class)
        .name("paxrisk-entries").entries(Math.max(1, m.entries())).averageValueSize(64)
        .createPersistedTo(dir.resolve(StoreBuilder.ENTRIES).toFile());
    ChronicleMap<CharSequence, byte[]> p = ChronicleMap.of(CharSequence.class, byte[].class)
        .name("paxrisk-postings").entries(Math.max(1, m.keys())).averageKeySize(8)
        .averageValueSize(8).createPersistedTo(dir.resolve(StoreBuilder.POSTINGS).toFile());
    return new StoreVersion(dir, m, e, p);
  }

  int size() {
    return manifest.entries();
  }

  /** The entry with that number, decoded, or null. */
  EntryCodec.Prepared entry(int id) {
    byte[] b = entries.get(id);
    if (b == null) {
      return null;
    }
    return EntryCodec.decode(readers.get().wrap(b, 0, b.length));
  }

  /**
   * The entry with that number, as scoring reads it, or null. Decoded entries are kept in a
   * direct-mapped cache of up to {@link #CACHE} entries: OFAC and UN fit whole; a list of a
   * million keeps the entries that come up.
   */
  EntryCodec.Lean lean(int id) {
    int slot = id & (cache.length() - 1);
    Cached c = cache.get(slot);
    if (c != null && c.id == id) {
      return c.lean;
    }
    byte[] b = entries.get(id);
    if (b == null) {
      return null;
    }
    EntryCodec.Lean lean = EntryCodec.decodeLean(readers.get().wrap(b, 0, b.length));
    cache.set(slot, new Cached(id, lean));
    return lean;
  }

  static final int CACHE = 1 << 16;
  private final java.util.concurrent.atomic.AtomicReferenceArray<Cached> cache =
      new java.util.concurrent.atomic.AtomicReferenceArray<>(CACHE);

  private record Cached(int id, EntryCodec.Lean lean) {}

  /** How many entries have the key (0 when none). */
  int count(String key) {
    byte[] b = postings.get(key);
    return b == null ? 0 : ByteBuffer.wrap(b).getInt();
  }

  /**
   * The entries with the key; with {@code all} false only the first page ({@link
   * StoreBuilder#PAGE} ids). The first element of the result is the total count.
   */
  int[] posting(String key, boolean all) {
    byte[] first = postings.get(key);
    if (first == null) {
      return NONE;
    }
    ByteBuffer b = ByteBuffer.wrap(first);
    int total = b.getInt();
    int n = all ? total : Math.min(total, StoreBuilder.PAGE);
    int[] out = new int[n + 1];
    out[0] = total;
    int k = 1;
    while (b.hasRemaining() && k <= n) {
      out[k++] = b.getInt();
    }
    for (int page = 1; k <= n; page++) {
      byte[] more = postings.get(key + '\u0001' + page);
      if (more == null) {
        throw new IllegalStateException("watch-list store " + dir + ": posting page missing");
      }
      ByteBuffer mb = ByteBuffer.wrap(more);
      while (mb.hasRemaining() && k <= n) {
        out[k++] = mb.getInt();
      }
    }
    return out;
  }

  @Override
  public void close() {
    entries.close();
    postings.close();
  }
}
