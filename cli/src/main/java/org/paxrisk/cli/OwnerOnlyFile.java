package org.paxrisk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Output files as results need them: readable by their owner only, and complete or absent. The
 * content goes to a temporary file beside the target, which is renamed over it when the writer
 * has finished; a failure (a full disk, a kill) leaves the target as it was. A temporary file
 * left by a run that was killed is removed by the next run for the same target.
 */
final class OwnerOnlyFile {
  private OwnerOnlyFile() {}

  /** Writes what {@code body} produces; returns what it returns. */
  interface Body<T> {
    T write(OutputStream out) throws IOException;
  }

  static <T> T write(Path target, Body<T> body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeStale(dir, target);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
    try {
      ownerOnly(tmp);
      T result;
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        result = body.write(os);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary files a killed run left for the same target: never complete, so never kept. */
  private static void removeStale(Path dir, Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (var old = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".partial");
    })) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void ownerOnly(Path p) {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException | UnsupportedOperationException e) {
        // A file system without POSIX modes keeps its defaults.
      }
    }
  }
}
