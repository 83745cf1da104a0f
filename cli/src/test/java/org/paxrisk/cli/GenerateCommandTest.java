package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.screening.TravellerIds;

/** The {@code generate} command's contract: files, truth.jsonl, determinism and exit codes. */
class GenerateCommandTest {
  private static final Path DEMO = SharedData.testdata().resolve("watchlists/demo-list.csv");

  @TempDir static Path shared;
  private static Path store;

  /** One store for every test: importing is the slow part. */
  private static synchronized Path store() {
    if (store != null) {
      return store;
    }
    store = shared.resolve("store");
    ParseCommandTest.Run imp = ParseCommandTest.run("watchlist", "import", "--store",
        store.toString(), "--format", "csv", "--list", "demo", DEMO.toString());
    assertEquals(0, imp.code(), imp.err());
    return store;
  }

  @Test
  void generate_withPlants_writesFlightsAndTruth(@TempDir Path dir) throws IOException {
    Path store = store();
    Path out = dir.resolve("out");
    ParseCommandTest.Run r = ParseCommandTest.run("generate", "--out", out.toString(),
        "--flights", "2", "--seed", "7", "--plant-from", store.toString(), "--plant", "12");
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().lines().count(), "one summary line: " + r.out());
    assertTrue(r.out().startsWith("generated 2 flights with "), r.out());
    assertTrue(r.out().contains("; 12 planted from "), r.out());
    assertEquals("", r.err());

    List<String> truth = Files.readAllLines(out.resolve("truth.jsonl"));
    assertEquals(12, truth.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      String name = String.format("flight-%05d.edi", i + 1);
      assertTrue(Files.isRegularFile(out.resolve("pnrgov").resolve(name)));
      try (MessageReader m = MessageReader.open(out.resolve("paxlst").resolve(name))) {
        Outcome o = m.next();
        ApiMessage api = (ApiMessage) o;
        for (int p = 1; p <= api.travellers().size(); p++) {
          ids.add(TravellerIds.apiPassenger(api.flight(), p));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (String line : truth) {
      Map<String, Object> o = ParseCommandTest.flat(line);
      assertEquals(Set.of("travellerId", "entryId", "list", "variation", "flight"), o.keySet());
      String id = (String) o.get("travellerId");
      assertTrue(ids.contains(id), "a traveller of the written PAXLST: " + id);
      assertTrue(id.startsWith(o.get("flight") + "-A"), line);
      assertTrue(seen.add(id), "each traveller planted once");
      assertTrue(((String) o.get("entryId")).startsWith("demo:D-"), line);
      assertEquals("demo", o.get("list"));
      assertFalse(((String) o.get("variation")).isEmpty());
    }
  }

  @Test
  void generate_sameSeed_byteIdenticalOutput(@TempDir Path dir) throws IOException {
    Path store = store();
    for (String run : List.of("a", "b")) {
      ParseCommandTest.Run r = ParseCommandTest.run("generate", "--out",
          dir.resolve(run).toString(), "--flights", "2", "--seed", "42",
          "--plant-from", store.toString(), "--plant", "10");
      assertEquals(0, r.code(), r.err());
    }
    List<Path> a = files(dir.resolve("a"));
    assertEquals(5, a.size(), "2 PAXLST, 2 PNRGOV, truth.jsonl: " + a);
    assertEquals(a.stream().map(p -> dir.resolve("a").relativize(p)).toList(),
        files(dir.resolve("b")).stream().map(p -> dir.resolve("b").relativize(p)).toList());
    for (Path f : a) {
      assertArrayEquals(Files.readAllBytes(f),
          Files.readAllBytes(dir.resolve("b").resolve(dir.resolve("a").relativize(f))),
          f.toString());
    }
    ParseCommandTest.Run other = ParseCommandTest.run("generate", "--out",
        dir.resolve("c").toString(), "--flights", "2", "--seed", "43",
        "--plant-from", store.toString(), "--plant", "10");
    assertEquals(0, other.code(), other.err());
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(0)),
        Files.readAllBytes(dir.resolve("c/paxlst/flight-00001.edi"))), "another seed");
  }

  @Test
  void generate_withoutPlants_noTruthFile(@TempDir Path dir) {
    Path out = dir.resolve("out");
    ParseCommandTest.Run r = ParseCommandTest.run("generate", "--out", out.toString(),
        "--flights", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("; 0 planted"), r.out());
    assertTrue(Files.isRegularFile(out.resolve("paxlst/flight-00001.edi")));
    assertFalse(Files.exists(out.resolve("truth.jsonl")));
  }

  @Test
  void badUsage_exits2_withHelpfulMessage(@TempDir Path dir) throws IOException {
    Path store = store();
    String out = dir.resolve("out").toString();
    assertUsage("--plant-from", "generate", "--out", out, "--plant", "3");
    assertUsage("--plant K", "generate", "--out", out, "--plant-from", store.toString());
    assertUsage("at least 1", "generate", "--out", out, "--plant-from", store.toString(),
        "--plant", "0");
    assertUsage("cannot plant 100000", "generate", "--out", out, "--flights", "1",
        "--plant-from", store.toString(), "--plant", "100000");
    assertUsage("no such store", "generate", "--out", out, "--plant-from",
        dir.resolve("nostore").toString(), "--plant", "3");
    Files.createDirectories(dir.resolve("empty"));
    assertUsage("no watch-list store", "generate", "--out", out, "--plant-from",
        dir.resolve("empty").toString(), "--plant", "3");
    assertUsage("--flights", "generate", "--out", out, "--flights", "0");
    assertUsage("--out", "generate", "--flights", "1");
    assertFalse(Files.exists(dir.resolve("out")), "nothing written on bad usage");
    // A folder with files of another run.
    assertUsage("not empty", "generate", "--out", store.toString(), "--flights", "1");
  }

  private static void assertUsage(String expected, String... args) {
    ParseCommandTest.Run r = ParseCommandTest.run(args);
    assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
    assertTrue(r.err().contains(expected), "names the problem (" + expected + "): " + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
