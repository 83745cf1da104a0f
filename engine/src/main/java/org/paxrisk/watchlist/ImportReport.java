package org.paxrisk.watchlist;

import java.util.List;

/**
 * What an import read: rows (or records) read, entries imported, and each rejected row with its
 * file, line and reason. An import never stops at a bad row.
 *
 * @param list the list name the entries were imported under
 * @param format the format read
 * @param rowsRead rows or records read from the files
 * @param imported entries handed on to the store
 * @param aliases alias names among the imported entries
 * @param rejected rows that could not be imported, with where and why
 */
public record ImportReport(
    String list, String format, long rowsRead, long imported, long aliases,
    List<Problem> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** A row that was not imported, or a field that was dropped. */
  public record Problem(String file, long line, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + reason;
    }
  }
}
