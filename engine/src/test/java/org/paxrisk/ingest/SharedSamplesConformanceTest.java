package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.paxrisk.SharedData;
import org.paxrisk.model.Traveller;

/**
 * Reads every sample in {@code ../shared/samples} and checks flights, travellers, crew and PNRs
 * against the reference table in its SOURCES.md (computed there by an independent reader). Skipped
 * when {@code ../shared} is absent.
 */
class SharedSamplesConformanceTest {

  record Expected(String file, String message, Integer flights, int travellers, Integer crew,
      Integer pnrs) {}

  @TestFactory
  Stream<DynamicTest> everySample_matchesReferenceTable() throws IOException {
    Path samples = SharedData.sharedOrSkip().resolve("samples");
    List<Expected> table = referenceTable(samples.resolve("SOURCES.md"));
    assertTrue(table.size() >= 20, "reference table read: " + table.size() + " rows");
    return table.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> check(samples, e)));
  }

  /** Parses one sample and checks it against its row of a reference table. */
  static void check(Path samples, Expected e) {
      Path file = e.file().contains("/") ? samples.resolve(e.file())
          : samples.resolve(e.message().toLowerCase()).resolve(e.file());
      Parse p = Parse.file(file);
      assertEquals(List.of(), p.rejected(), "rejected messages");
      int flights = 0;
      int travellers = 0;
      int crew = 0;
      int pnrs = 0;
      for (ParsedMessage m : p.parsed()) {
        assertEquals(e.message(), m.origin().type().name());
        if (m instanceof ApiMessage a) {
          flights += a.flight().legs().size();
        } else {
          pnrs += ((PnrMessage) m).bookings().size();
        }
        for (Traveller t : m.travellers()) {
          travellers++;
          crew += t.isCrew() ? 1 : 0;
        }
      }
      assertEquals(e.travellers(), travellers, "travellers");
      if (e.flights() != null) {
        assertEquals(e.flights(), flights, "flights (TDT legs)");
      }
      if (e.crew() != null) {
        assertEquals(e.crew(), crew, "crew");
      }
      if (e.pnrs() != null) {
        assertEquals(e.pnrs(), pnrs, "PNRs");
      }
  }

  /** The markdown table under "Reference facts". */
  static List<Expected> referenceTable(Path sources) throws IOException {
    List<Expected> rows = new ArrayList<>();
    for (String line : Files.readAllLines(sources)) {
      if (!line.startsWith("| ") || line.startsWith("| file") || line.startsWith("| ---")) {
        continue;
      }
      String[] c = line.split("\\|", -1);
      String file = c[1].trim();
      if (!file.contains(".")) {
        continue;
      }
      rows.add(new Expected(file, c[2].trim(), num(c[3]), num(c[4]), num(c[5]), num(c[6])));
    }
    return rows;
  }

  private static Integer num(String cell) {
    String t = cell.trim();
    return t.isEmpty() ? null : Integer.valueOf(t);
  }
}
