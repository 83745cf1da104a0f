package org.paxrisk.cli;

import java.io.PrintWriter;
import java.util.List;

/** The per-file table of {@code parse --format summary}. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, List<ParseCommand.FileCounts> rows, ParseCommand.FileCounts total) {
    int w = "file".length();
    for (ParseCommand.FileCounts c : rows) {
      w = Math.max(w, c.file.length());
    }
    w = Math.min(w, 80);
    String fmt = "%-" + w + "s %8s %8s %10s %6s %8s %8s%n";
    out.printf(fmt, "file", "messages", "flights", "travellers", "PNRs", "warnings", "rejected");
    for (ParseCommand.FileCounts c : rows) {
      out.printf(fmt, shorten(c.file, w), c.messages, c.flights, c.travellers, c.pnrs, c.warnings,
          c.rejected);
    }
    out.printf(fmt, "total (" + rows.size() + " files)", total.messages, total.flights,
        total.travellers, total.pnrs, total.warnings, total.rejected);
  }

  private static String shorten(String s, int w) {
    return s.length() <= w ? s : "..." + s.substring(s.length() - w + 3);
  }
}
