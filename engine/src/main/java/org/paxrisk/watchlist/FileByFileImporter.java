package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * An importer whose files are read one after the other, each on its own (UN XML, lost/stolen
 * documents): every file is checked readable before any is read, and one report counts them all.
 */
abstract class FileByFileImporter implements ListImporter {

  @Override
  public final ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink)
      throws IOException {
    for (Path f : files) {
      Importers.requireReadable(f, format());
    }
    Importers.Counts counts = new Importers.Counts();
    for (Path f : files) {
      readFile(f, list, counts, sink);
    }
    return counts.report(list, format());
  }

  /** Reads one file, counting rows and rejections in {@code counts}. */
  abstract void readFile(Path file, String list, Importers.Counts counts,
      Consumer<WatchlistEntry> sink) throws IOException;
}
