package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/** Every run and every interactive call leaves an audit record, with ids and no personal data. */
class AuditLogTest {
  @TempDir Path tmp;

  @Test
  void batchesAndCallsAreAuditedWithoutPersonalData() throws Exception {
    Path store = tmp.resolve("store");
    Path lists = SharedData.testdata().resolve("watchlists");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    Path samples = SharedData.testdata().resolve("samples");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(samples)) {
      files = walk.filter(f -> f.toString().endsWith(".edi")).sorted().toList();
    }
    Path log = tmp.resolve("audit/audit.jsonl");
    BatchReport report;
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store)
        .auditLog(log, "border-system-7").build()) {
      report = engine.screen(files, a -> {});
      ApiMessage api = ScreeningEngineTest.firstApi("passengers_single_leg.edi");
      engine.screen(api.travellers().get(0), api.flight(), null);
      engine.respond(Files.readAllBytes(files.get(0)), "iapi-request-1");
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    List<String> lines = Files.readAllLines(log);
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> byEvent = new HashMap<>();
    for (String l : lines) {
      JsonNode n = json.readTree(l);
      byEvent.computeIfAbsent(n.get("event").asText(), k -> new ArrayList<>()).add(n);
      assertEquals("border-system-7", n.get("caller").asText());
      assertTrue(n.hasNonNull("time") && n.hasNonNull("ruleset") && n.hasNonNull("listVersion"));
    }
    JsonNode start = byEvent.get("batch-start").get(0);
    assertEquals(files.size(), start.get("inputs").size());
    for (int i = 0; i < files.size(); i++) {
      JsonNode in = start.get("inputs").get(i);
      assertEquals(files.get(i).toString(), in.get("source").asText());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(files.get(i)))), in.get("sha256").asText());
    }
    JsonNode end = byEvent.get("batch-end").get(0);
    assertEquals(report.travellers(), end.get("travellers").asLong());
    assertEquals(report.high(), end.get("high").asLong());
    assertEquals(start.get("run").asText(), end.get("run").asText());
    assertEquals(report.review() + report.high(), byEvent.get("hit").size());
    assertTrue(byEvent.get("hit").stream().anyMatch(h -> h.get("entries").toString()
        .contains("demo-list:D-001")));
    assertEquals(1, byEvent.get("screen").size());
    assertEquals(1, byEvent.get("iapi").size());
    assertTrue(byEvent.get("iapi").get(0).get("sha256").asText().matches("[0-9a-f]{64}"));

    String all = String.join("\n", lines);
    List<String> leaked = new ArrayList<>();
    for (String v : personalValues(files)) {
      if (all.contains(v)) {
        leaked.add(v);
      }
    }
    assertEquals(List.of(), leaked);

    // Append-only: another engine adds to the log and leaves what was there.
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store)
        .auditLog(log, "border-system-8").build()) {
      engine.screen(files.subList(0, 1), a -> {});
    }
    List<String> after = Files.readAllLines(log);
    assertEquals(lines, after.subList(0, lines.size()));
    assertTrue(after.size() > lines.size());
  }

  static Set<String> personalValues(List<Path> files) throws IOException {
    Set<String> v = new TreeSet<>();
    for (Path f : files) {
      try (MessageReader r = MessageReader.open(f)) {
        while (r.hasNext()) {
          Outcome o = r.next();
          if (o instanceof ParsedMessage m) {
            for (Traveller t : m.travellers()) {
              for (String s : new String[] {t.surname(), t.givenNames()}) {
                if (s != null && s.length() >= 4) {
                  v.add(s);
                }
              }
              if (t.dateOfBirth() != null && t.dateOfBirth().isComplete()) {
                v.add(t.dateOfBirth().toString());
              }
              for (TravelDocument d : t.documents()) {
                if (d.number() != null && d.number().length() >= 6) {
                  v.add(d.number());
                }
              }
            }
          }
        }
      }
    }
    return v;
  }
}
