package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Faults a batch must survive, each in a JVM of its own: killed with SIGKILL while writing results,
 * and a full disk. The results file is complete or absent, never cut, and a rerun of the same
 * inputs gives the same assessments.
 */
class FaultTest {
  @TempDir static Path tmp;
  static Path store;
  static Path traffic;
  static Path rules;

  @BeforeAll
  static void data() throws IOException {
    store = tmp.resolve("store");
    Path lists = SharedData.testdata().resolve("watchlists");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("bags.drl"), """
        package fault;
        import org.paxrisk.rules.Subject;
        global org.paxrisk.rules.Hits hits;
        global org.paxrisk.rules.RuleParameters params;
        rule "many-bags" @category("test") @severity("low") @score(5)
        when $s : Subject(bagCount() != null, bagCount() >= params.number("bags"))
        then hits.add(kcontext, $s, "bags");
        end
        """);
    Files.writeString(rules.resolve("parameters.properties"), "bags = 1\n");
    traffic = tmp.resolve("traffic");
    TrafficGenerator.withSeed(8).travellersPerFlight(150, 250).writeFlights(traffic, 40);
  }

  /** Killed mid-run, while the rules it watches are being reloaded. */
  @Test
  void killedWhileWriting_resultsAbsentNotCut_rerunGivesTheSame() throws Exception {
    Path out = tmp.resolve("kill/results.jsonl");
    Process p = start(out, ProcessBuilder.Redirect.DISCARD);
    // Kill once results are being written (the temporary file has grown), before the end.
    Path dir = out.getParent();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    boolean writing = false;
    while (!writing && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          writing = s.anyMatch(f -> f.getFileName().toString().endsWith(".partial")
              && size(f) > 0);
        }
      }
    }
    assertTrue(writing, "the run never started writing");
    Files.writeString(rules.resolve("parameters.properties"), "bags = 2\n"); // a reload starts
    Thread.sleep(200);
    p.destroyForcibly(); // SIGKILL
    p.waitFor();
    assertFalse(Files.exists(out), "a killed run must not leave a results file");

    // The rerun completes, cleans what the killed run left, and matches a run never disturbed.
    Process again = start(out, ProcessBuilder.Redirect.DISCARD);
    assertTrue(again.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, again.exitValue());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(out), s.toList());
    }
    Path clean = tmp.resolve("clean/results.jsonl");
    Process reference = start(clean, ProcessBuilder.Redirect.DISCARD);
    assertTrue(reference.waitFor(5, TimeUnit.MINUTES));
    assertEquals(withoutTimes(clean), withoutTimes(out));
    assertTrue(withoutTimes(out).size() > 5_000);
  }

  @Test
  void diskFull_exit1_clearError() throws Exception {
    // /dev/full fails every write with ENOSPC, as a full disk does.
    File full = new File("/dev/full");
    if (!full.exists()) {
      return; // not Linux
    }
    List<String> cmd = command(null);
    Process p = new ProcessBuilder(cmd).redirectOutput(full).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.contains("No space left on device"), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  private static Process start(Path out, ProcessBuilder.Redirect stdout) throws IOException {
    return new ProcessBuilder(command(out)).redirectOutput(stdout)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static List<String> command(Path out) {
    List<String> args = new ArrayList<>(List.of("screen", "--store", store.toString(),
        "--threads", "2", "--rules", rules.toString(), "--watch-rules",
        "--audit-log", tmp.resolve("audit.jsonl").toString()));
    if (out != null) {
      args.addAll(List.of("--out", out.toString()));
    }
    args.add(traffic.toString());
    return ChildJvm.command(List.of(), Main.class, args);
  }

  private static List<String> withoutTimes(Path results) throws IOException {
    return Files.readAllLines(results).stream()
        .map(l -> l.replaceAll("\"screenedAt\":\"[^\"]*\"", "")).toList();
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }
}
