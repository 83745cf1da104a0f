package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of a list store:
 *
 * <pre>
 *   STORE/CURRENT                  the name of the published version, replaced atomically
 *   STORE/versions/v000007/        a complete version: entries.cm, postings.cm, manifest.properties
 *   STORE/versions/building-...    a version being built; ignored by readers, removed by the next import
 *   STORE/.import.lock             held while an import runs
 * </pre>
 *
 * A version is never changed once published, so readers keep using the version they opened while
 * the next one is built beside it, and a crash during an import leaves the current version intact.
 */
final class StoreFiles {
  static final String CURRENT = "CURRENT";
  static final String VERSIONS = "versions";
  static final String BUILDING = "building-";
  static final int KEEP_VERSIONS = 3;

  private final Path dir;

  StoreFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The published version's folder, or null when nothing was ever imported. */
  Path current() throws IOException {
    Path c = dir.resolve(CURRENT);
    if (!Files.exists(c)) {
      return null;
    }
    String name = Files.readString(c, StandardCharsets.UTF_8).trim();
    Path v = dir.resolve(VERSIONS).resolve(name);
    if (!name.matches("v\\d{6}") || !Files.isDirectory(v)) {
      throw new IOException("watch-list store " + dir + ": CURRENT names a missing version '"
          + name + "'");
    }
    return v;
  }

  /** Takes the import lock: one import at a time per store, across processes. */
  FileLock lockForImport() throws IOException {
    Files.createDirectories(dir.resolve(VERSIONS));
    FileChannel ch = FileChannel.open(dir.resolve(".import.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock = ch.tryLock();
    if (lock == null) {
      ch.close();
      throw new IOException("another import into " + dir + " is running");
    }
    return lock;
  }

  /** Removes what crashed imports left behind. Call with the import lock held. */
  List<Path> removeAbandonedBuilds() throws IOException {
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(VERSIONS), BUILDING + "*")) {
      for (Path p : ds) {
        deleteTree(p);
        removed.add(p);
      }
    }
    return removed;
  }

  Path newBuildDir() throws IOException {
    return Files.createDirectory(dir.resolve(VERSIONS).resolve(BUILDING + System.currentTimeMillis()
        + "-" + ProcessHandle.current().pid()));
  }

  /** Renames a finished build to the next version number and makes it current, atomically. */
  Path publish(Path build) throws IOException {
    int next = 1;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(VERSIONS), "v*")) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.matches("v\\d{6}")) {
          next = Math.max(next, Integer.parseInt(n.substring(1)) + 1);
        }
      }
    }
    String name = String.format("v%06d", next);
    Path version = dir.resolve(VERSIONS).resolve(name);
    Files.move(build, version, StandardCopyOption.ATOMIC_MOVE);
    Path tmp = dir.resolve(CURRENT + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
    }
    return version;
  }

  /** Deletes versions older than the newest {@link #KEEP_VERSIONS}, never the current one. */
  void pruneOldVersions(Path current) throws IOException {
    List<Path> versions = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve(VERSIONS), "v*")) {
      ds.forEach(versions::add);
    }
    versions.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (int i = 0; i < versions.size() - KEEP_VERSIONS; i++) {
      if (!versions.get(i).equals(current)) {
        deleteTree(versions.get(i));
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
