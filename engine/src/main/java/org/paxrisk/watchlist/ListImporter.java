package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one watch-list format and hands each entry to a sink as it is read, so that a list of a
 * million entries never needs to be held at once. Implementations are stateless and thread-safe.
 */
public interface ListImporter {

  /** The format's name on the command line: {@code csv}, {@code ofac}, {@code un}, {@code documents}. */
  String format();

  /** The category entries get unless the file says otherwise. */
  String defaultCategory();

  /**
   * Reads the files of one list.
   *
   * @param files the files of the list (OFAC: sdn.csv, alt.csv, add.csv in any order)
   * @param list the list name to give the entries
   * @param sink receives every entry read
   * @return counts and every rejected row with its line
   * @throws IOException when a file cannot be read at all
   */
  ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink)
      throws IOException;
}
