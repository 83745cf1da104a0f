package org.paxrisk.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generator's output with a tiny splitter of its own (default separators, release
 * character honoured), not with the project's parser: the generator feeds the parser's tests, so
 * it must not be judged by it.
 */
class TrafficGeneratorTest {
  /** Small flights keep the suite fast; the structure does not depend on the size. */
  private static final TrafficGenerator SMALL =
      TrafficGenerator.withSeed(20250314L).travellersPerFlight(20, 60);

  @Test
  void writePaxlst_sameSeed_sameBytes() throws IOException {
    byte[] a = paxlst(TrafficGenerator.withSeed(7).travellersPerFlight(20, 60), 6);
    byte[] b = paxlst(TrafficGenerator.withSeed(7).travellersPerFlight(20, 60), 6);
    assertArrayEquals(a, b);
  }

  @Test
  void writePnrgov_sameSeed_sameBytes() throws IOException {
    byte[] a = pnrgov(TrafficGenerator.withSeed(7).travellersPerFlight(20, 60), 6);
    byte[] b = pnrgov(TrafficGenerator.withSeed(7).travellersPerFlight(20, 60), 6);
    assertArrayEquals(a, b);
  }

  @Test
  void writePaxlst_otherSeed_otherBytes() throws IOException {
    byte[] a = paxlst(TrafficGenerator.withSeed(7).travellersPerFlight(20, 60), 2);
    byte[] b = paxlst(TrafficGenerator.withSeed(8).travellersPerFlight(20, 60), 2);
    assertFalse(Arrays.equals(a, b));
  }

  @Test
  void writePaxlst_fewerFlights_samePrefix() throws IOException {
    // Flight i does not depend on how many flights are asked for.
    byte[] three = paxlst(SMALL, 3);
    byte[] five = paxlst(SMALL, 5);
    assertArrayEquals(three, Arrays.copyOf(five, three.length));
  }

  @Test
  void writePaxlst_untCountsSegmentsOfEachMessage() throws IOException {
    checkEnvelopes(segments(paxlst(SMALL, 8)), 8);
  }

  @Test
  void writePnrgov_untCountsSegmentsOfEachMessage() throws IOException {
    checkEnvelopes(segments(pnrgov(SMALL, 8)), 8);
  }

  @Test
  void writePaxlst_cntEqualsNadTravellers() throws IOException {
    int travellers = 0;
    int messages = 0;
    for (Seg s : segments(paxlst(SMALL, 8))) {
      switch (s.tag) {
        case "UNH" -> travellers = 0;
        case "NAD" -> {
          String q = s.get(1, 0);
          if (!q.equals("MS")) {
            assertTrue(List.of("FL", "DDU").contains(q), "passenger list holds passengers: " + q);
            travellers++;
          }
        }
        case "CNT" -> {
          assertEquals("42", s.get(1, 0));
          assertEquals(travellers, Integer.parseInt(s.get(1, 1)));
          assertTrue(travellers >= 20 && travellers <= 60, "travellers per flight in bounds");
          messages++;
        }
        default -> { }
      }
    }
    assertEquals(8, messages);
  }

  @Test
  void writePnrgov_eqnEqualsSrcCount() throws IOException {
    Integer eqn = null;
    int src = 0;
    int messages = 0;
    for (Seg s : segments(pnrgov(SMALL, 8))) {
      switch (s.tag) {
        case "UNH" -> {
          eqn = null;
          src = 0;
        }
        case "EQN" -> {
          // The first EQN is the header's; a later EQN+1 inside a SRC announces a split PNR.
          if (src == 0) {
            eqn = Integer.parseInt(s.get(1, 0));
          }
        }
        case "SRC" -> src++;
        case "UNT" -> {
          assertEquals(eqn, src);
          messages++;
        }
        default -> { }
      }
    }
    assertEquals(8, messages);
  }

  @Test
  void writeFlights_sameTravellersInApiAndPnr(@TempDir Path dir) throws IOException {
    SMALL.writeFlights(dir, 3);
    for (int i = 1; i <= 3; i++) {
      String name = String.format("flight-%05d.edi", i);
      List<Seg> api = segments(Files.readAllBytes(dir.resolve("paxlst").resolve(name)));
      List<Seg> pnr = segments(Files.readAllBytes(dir.resolve("pnrgov").resolve(name)));

      Map<String, Integer> apiByLocator = new TreeMap<>();
      List<String> apiSurnames = new ArrayList<>();
      for (Seg s : api) {
        if (s.tag.equals("NAD") && !s.get(1, 0).equals("MS")) {
          apiSurnames.add(s.get(4, 0));
        } else if (s.tag.equals("RFF") && s.get(1, 0).equals("AVF")) {
          apiByLocator.merge(s.get(1, 1), 1, Integer::sum);
        }
      }
      // PNR travellers: the TIFs of each SRC before its first itinerary TVL.
      Map<String, Integer> pnrByLocator = new TreeMap<>();
      List<String> pnrSurnames = new ArrayList<>();
      String locator = null;
      boolean inNames = false;
      for (Seg s : pnr) {
        switch (s.tag) {
          case "SRC" -> {
            locator = null;
            inNames = true;
          }
          case "RCI" -> {
            if (locator == null) {
              locator = s.get(1, 1);
            }
          }
          case "TVL" -> inNames = false;
          case "TIF" -> {
            if (inNames) {
              pnrSurnames.add(s.get(1, 0));
              pnrByLocator.merge(locator, 1, Integer::sum);
            }
          }
          default -> { }
        }
      }
      apiSurnames.sort(null);
      pnrSurnames.sort(null);
      assertFalse(apiSurnames.isEmpty());
      assertEquals(apiSurnames, pnrSurnames, name);
      assertEquals(apiByLocator, pnrByLocator, name);
    }
  }

  @Test
  void writeFlights_namesFilesByFlightNumber(@TempDir Path dir) throws IOException {
    SMALL.writeFlights(dir, 2);
    for (String kind : List.of("paxlst", "pnrgov")) {
      assertTrue(Files.isRegularFile(dir.resolve(kind).resolve("flight-00001.edi")));
      assertTrue(Files.isRegularFile(dir.resolve(kind).resolve("flight-00002.edi")));
      assertFalse(Files.exists(dir.resolve(kind).resolve("flight-00003.edi")));
    }
    // The files are the flights of the streaming methods, byte for byte.
    byte[] stream = paxlst(SMALL, 1);
    assertArrayEquals(stream, Files.readAllBytes(dir.resolve("paxlst").resolve("flight-00001.edi")));
  }

  @Test
  void writePaxlst_everyNameIsPrintable() throws IOException {
    int names = 0;
    for (Seg s : segments(paxlst(SMALL, 20))) {
      if (s.tag.equals("NAD") && !s.get(1, 0).equals("MS")) {
        for (String part : s.elements.get(4)) {
          assertPrintable(part);
        }
        assertFalse(s.get(4, 0).isBlank(), "surname present");
        assertFalse(s.get(4, 1).isBlank(), "given name present");
        names++;
      }
    }
    assertTrue(names > 400);
  }

  @Test
  void writePnrgov_everyNameIsPrintable() throws IOException {
    int names = 0;
    for (Seg s : segments(pnrgov(SMALL, 20))) {
      if (s.tag.equals("TIF")) {
        assertPrintable(s.get(1, 0));
        assertPrintable(s.get(2, 0));
        names++;
      }
    }
    assertTrue(names > 400);
  }

  @Test
  void writePaxlst_releasesApostrophesInNames() throws IOException {
    byte[] bytes = paxlst(SMALL, 40);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    long released = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("NAD+") && line.contains("?'")) {
        released++;
      }
    }
    assertTrue(released > 0, "some generated surnames carry an apostrophe (O'NEILL, D'SOUZA...)");
    long decoded = segments(bytes).stream()
        .filter(s -> s.tag.equals("NAD") && s.get(4, 0).contains("'"))
        .count();
    assertEquals(released, decoded, "every released apostrophe stays inside its name");
  }

  @Test
  void text_releasesEveryServiceCharacter() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EdiWriter w = new EdiWriter(out);
    w.seg("NAD").e("FL").e().e().e("O'NEILL").c("A+B:C?D").end();
    w.flush();
    assertEquals("NAD+FL+++O?'NEILL:A?+B?:C??D'\n", out.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void text_refusesNonAscii() {
    EdiWriter w = new EdiWriter(new ByteArrayOutputStream());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> w.seg("NAD").e("M\u00dcLLER"));
    assertFalse(e.getMessage().contains("LLER"), "no personal data in exceptions");
  }

  @Test
  void feminine_russianAndPolishSurnames() {
    assertEquals("IVANOVA", Planner.feminine("IVANOV"));
    assertEquals("DOSTOEVSKAYA", Planner.feminine("DOSTOEVSKIY"));
    assertEquals("KOWALSKA", Planner.feminine("KOWALSKI"));
    assertEquals("TOLSTAYA", Planner.feminine("TOLSTOY"));
    assertEquals("NOWAK", Planner.feminine("NOWAK"));
  }

  @Test
  void civil_convertsEpochDays() {
    assertEquals(19700101, EdiWriter.civil(0));
    assertEquals(20000229, EdiWriter.civil(java.time.LocalDate.of(2000, 2, 29).toEpochDay()));
    assertEquals(19450508, EdiWriter.civil(java.time.LocalDate.of(1945, 5, 8).toEpochDay()));
  }

  @Test
  void travellersPerFlight_rejectsBadBounds() {
    TrafficGenerator g = TrafficGenerator.withSeed(1);
    assertThrows(IllegalArgumentException.class, () -> g.travellersPerFlight(0, 10));
    assertThrows(IllegalArgumentException.class, () -> g.travellersPerFlight(10, 9));
    assertThrows(IllegalArgumentException.class, () -> g.travellersPerFlight(1, 900));
  }

  // ---------------------------------------------------------------- helpers

  private static byte[] paxlst(TrafficGenerator g, int flights) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    g.writePaxlst(out, flights);
    return out.toByteArray();
  }

  private static byte[] pnrgov(TrafficGenerator g, int flights) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    g.writePnrgov(out, flights);
    return out.toByteArray();
  }

  private static void assertPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      assertTrue(ch >= 0x20 && ch <= 0x7e, "printable ASCII only");
    }
  }

  /** UNT = segments UNH..UNT, UNT's reference = UNH's, UNZ = messages of its interchange. */
  private static void checkEnvelopes(List<Seg> segs, int interchanges) {
    int seen = 0;
    int inMessage = -1;
    int messages = 0;
    String ref = null;
    for (Seg s : segs) {
      switch (s.tag) {
        case "UNA" -> { }
        case "UNB" -> {
          messages = 0;
          seen++;
        }
        case "UNH" -> {
          inMessage = 0;
          ref = s.get(1, 0);
          messages++;
        }
        case "UNZ" -> assertEquals(messages, Integer.parseInt(s.get(1, 0)));
        default -> { }
      }
      if (inMessage >= 0) {
        inMessage++;
        if (s.tag.equals("UNT")) {
          assertEquals(inMessage, Integer.parseInt(s.get(1, 0)), "UNT segment count");
          assertEquals(ref, s.get(2, 0), "UNT message reference");
          inMessage = -1;
        }
      }
    }
    assertEquals(-1, inMessage, "last message closed");
    assertEquals(interchanges, seen);
  }

  /** A segment: its tag and its elements, each a list of components, release characters removed. */
  private record Seg(String tag, List<List<String>> elements) {
    /** Element {@code e} (the tag is element 0), component {@code c}; empty when absent. */
    String get(int e, int c) {
      if (e >= elements.size() || c >= elements.get(e).size()) {
        return "";
      }
      return elements.get(e).get(c);
    }
  }

  /** Splits text written with the default service characters {@code :+.? '}. */
  private static List<Seg> segments(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    List<Seg> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r' || ch == ' ') {
        i++;
        continue;
      }
      if (text.startsWith("UNA", i)) {
        assertEquals(EdiWriter.UNA, text.substring(i, i + 9));
        out.add(new Seg("UNA", List.of()));
        i += 9;
        continue;
      }
      List<List<String>> elements = new ArrayList<>();
      List<String> components = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean terminated = false;
      while (i < n) {
        char c = text.charAt(i++);
        if (c == '?') {
          cur.append(text.charAt(i++));
        } else if (c == '\'') {
          terminated = true;
          break;
        } else if (c == '+') {
          components.add(cur.toString());
          elements.add(components);
          components = new ArrayList<>();
          cur.setLength(0);
        } else if (c == ':') {
          components.add(cur.toString());
          cur.setLength(0);
        } else if (c == '\n' || c == '\r') {
          throw new AssertionError("line break inside a segment");
        } else {
          cur.append(c);
        }
      }
      assertTrue(terminated, "segment terminated");
      components.add(cur.toString());
      elements.add(components);
      String tag = elements.get(0).get(0);
      assertTrue(tag.matches("[A-Z]{3}"), "three-letter tag");
      out.add(new Seg(tag, elements));
    }
    return out;
  }

  /** Two flights of one run never share carrier, number, day and origin (they were screened as one). */
  @Test
  void flightsOfARunHaveDistinctKeys() {
    Planner planner = new Planner(2026, 1, 1);
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < 5000; i++) {
      Plan.Flight f = planner.flight(i);
      assertTrue(keys.add(f.carrier.code + f.number + "/" + Math.floorDiv(f.depUtc, 1440) + "/"
          + f.from.code), "flight " + i);
    }
  }
}
