package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/** {@code paxrisk screen}: the output contract, the summary, and the exit codes. */
class ScreenCommandTest {
  @TempDir static Path tmp;
  static Path store;
  static Path samples;

  @BeforeAll
  static void demoStore() throws IOException {
    Path lists = SharedData.testdata().resolve("watchlists");
    samples = SharedData.testdata().resolve("samples");
    store = tmp.resolve("store");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    WatchlistStore.importList(store, Importers.forFormat("documents"),
        List.of(lists.resolve("lost-stolen.csv")), "lost-stolen-demo");
  }

  @Test
  void jsonlToFile_contractFields_summary_ownerOnly() throws IOException {
    Path out = tmp.resolve("results.jsonl");
    ParseCommandTest.Run r = ParseCommandTest.run("screen", "--store", store.toString(),
        "--out", out.toString(), "--threads", "2", samples.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(29, lines.size());
    Map<String, Object> hit = null;
    for (String line : lines) {
      Map<String, Object> o = ParseCommandTest.flat(line);
      for (String field : List.of("travellerId", "flight", "surname", "givenNames", "score", "band",
          "provenance.engine", "provenance.ruleset", "provenance.listVersion",
          "provenance.screenedAt")) {
        assertTrue(o.containsKey(field), field + " missing in " + line);
      }
      if ("ADEYEMI".equals(o.get("surname"))) {
        hit = o;
      }
    }
    assertTrue(hit != null);
    assertEquals("high", hit.get("band"));
    assertEquals("no-fly-match", hit.get("hits.rule"));
    assertEquals("watchlist", hit.get("hits.category"));
    assertEquals("high", hit.get("hits.severity"));
    assertTrue(hit.containsKey("hits.score") && hit.containsKey("hits.reason"), hit.toString());
    assertEquals("demo-list:D-001", hit.get("matches.entryId"));
    assertEquals("demo-list", hit.get("matches.list"));
    assertTrue(hit.containsKey("matches.score") && hit.containsKey("matches.reasons"));
    // The summary goes to stdout when results go to a file.
    assertTrue(r.out().contains("Screened 29 travellers on 8 flights"), r.out());
    assertTrue(r.out().contains("Rules fired (travellers):"), r.out());
    assertTrue(r.out().contains("no-fly-match"), r.out());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    try (var left = Files.list(tmp)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }
  }

  @Test
  void sameInputSameIdsAndCsv() throws IOException {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    assertEquals(0, ParseCommandTest.run("screen", "--store", store.toString(), "--format", "csv",
        "--out", a.toString(), samples.toString()).code());
    assertEquals(0, ParseCommandTest.run("screen", "--store", store.toString(), "--format", "csv",
        "--out", b.toString(), "--threads", "1", samples.toString()).code());
    List<String> ra = Files.readAllLines(a);
    List<String> rb = Files.readAllLines(b);
    assertTrue(ra.get(0).startsWith("travellerId,flight,surname,givenNames,"), ra.get(0));
    assertEquals(30, ra.size());
    for (int i = 0; i < ra.size(); i++) {
      // Identical but for the time of screening (the last column).
      assertEquals(ra.get(i).replaceAll(",[^,]*$", ""), rb.get(i).replaceAll(",[^,]*$", ""));
    }
  }

  @Test
  void rejectedMessage_exit3_reportedWithLocation() throws IOException {
    Path bad = tmp.resolve("bad.edi");
    // A traveller before any flight: rejected with its location.
    Files.writeString(bad, "UNA:+.? 'UNB+UNOA:4+A+B+250101:1200+1'UNH+1+PAXLST:D:02B:UN:IATA'"
        + "BGM+745'NAD+FL+++DOE:JOHN'UNT+3+1'UNZ+1+1'");
    ParseCommandTest.Run r = ParseCommandTest.run("screen", "--store", store.toString(),
        "--out", tmp.resolve("r.jsonl").toString(), bad.toString(), samples.toString());
    assertEquals(Main.EXIT_REJECTED, r.code(), r.err());
    assertTrue(r.err().contains("rejected: message 1") && r.err().contains("bad.edi"), r.err());
    assertTrue(r.out().contains("1 of 10 messages rejected"), r.out());
  }

  @Test
  void badUsage_exit2() {
    assertEquals(2, ParseCommandTest.run("screen", samples.toString()).code());
    assertEquals(2, ParseCommandTest.run("screen", "--store", tmp.resolve("none").toString(),
        samples.toString()).code());
    ParseCommandTest.Run r = ParseCommandTest.run("screen", "--store", store.toString(),
        "--format", "xml", samples.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--format"), r.err());
    assertEquals(2, ParseCommandTest.run("screen", "--store", store.toString(), "--watch-rules",
        samples.toString()).code());
  }

  @Test
  void brokenRules_exit1_withFileAndLine() throws IOException {
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("x.drl"), "package x;\nrule \"r\"\nwhen\n  Nope()\nthen\nend\n");
    ParseCommandTest.Run r = ParseCommandTest.run("screen", "--store", store.toString(),
        "--rules", rules.toString(), "--out", tmp.resolve("r2.jsonl").toString(),
        samples.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("x.drl:4:"), r.err());
  }
}
