package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.ListGenerator;

/**
 * A process killed (SIGKILL) in the middle of an import leaves the previous version fully usable,
 * and the next import clears what it left behind.
 */
class ImportCrashTest {

  @Test
  void killDuringImport_previousVersionStillSearchable(@TempDir Path dir) throws Exception {
    WatchlistStore.importList(dir, ListGenerator.withSeed(1).importer(2_000, "no-fly"), List.of(),
        "small");
    List<String> names = new ArrayList<>();
    ListGenerator.withSeed(1).generate("small", 5, e -> names.add(e.primaryName()));

    Process child = startImport(dir, 400_000);
    try {
      Path build = waitForBuildWithData(dir, 60_000);
      Thread.sleep(300);
      assertTrue(child.isAlive(), "the child import must still be running when it is killed");
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertTrue(Files.exists(build), "the killed import left its half-built version");
    } finally {
      child.destroyForcibly();
    }

    try (WatchlistStore s = WatchlistStore.open(dir)) {
      assertEquals("v000001", s.version());
      assertEquals(2_000, s.size());
      for (String n : names) {
        List<WatchlistMatch> m = s.matcher().search(WatchlistMatcher.Query.name(n));
        assertFalse(m.isEmpty(), "still searchable after the crash");
        assertEquals(1.0, m.get(0).score(), 0.001);
      }
    }

    WatchlistStore.ImportResult next = WatchlistStore.importList(dir,
        ListGenerator.withSeed(2).importer(500, "no-fly"), List.of(), "other");
    assertEquals("v000002", next.manifest().version());
    assertFalse(next.cleanedUp().isEmpty(), "the half-built version was cleared");
    assertTrue(buildDirs(dir).isEmpty());
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      assertEquals(2_500, s.size());
    }
  }

  /**
   * Kills at points spread over a whole import, from its start to its publication: whatever the
   * moment, the store opens at a complete version (the one before, or the new one if it was
   * published) and the next import succeeds and leaves no half-built folder.
   */
  @Test
  void killAtAnyPoint_storeOpensAtACompleteVersion(@TempDir Path base) throws Exception {
    int count = 50_000;
    // How long an undisturbed import takes here, child JVM start included.
    Path timing = base.resolve("timing");
    WatchlistStore.importList(timing, ListGenerator.withSeed(1).importer(10, "no-fly"), List.of(),
        "small");
    long t0 = System.nanoTime();
    Process full = startImport(timing, count);
    assertTrue(full.waitFor(2, TimeUnit.MINUTES));
    long millis = (System.nanoTime() - t0) / 1_000_000;

    for (int percent : new int[] {5, 35, 65, 95}) {
      Path dir = base.resolve("kill-" + percent);
      WatchlistStore.importList(dir, ListGenerator.withSeed(1).importer(10, "no-fly"), List.of(),
          "small");
      Process child = startImport(dir, count);
      Thread.sleep(millis * percent / 100);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      try (WatchlistStore s = WatchlistStore.open(dir)) {
        // Either the import never published (the 10 entries) or it did (all of them).
        assertTrue(s.size() == 10 || s.size() == 10 + count,
            "killed at " + percent + "%: " + s.size() + " entries in " + s.version());
        assertEquals(s.size(), s.manifest().entries());
      }
      WatchlistStore.importList(dir, ListGenerator.withSeed(2).importer(5, "no-fly"), List.of(),
          "other");
      assertTrue(buildDirs(dir).isEmpty(), "killed at " + percent + "%: a build folder is left");
    }
  }

  private static Process startImport(Path dir, int count) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ImportChild.class.getName());
    cmd.add(dir.toString());
    cmd.add(Integer.toString(count));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Waits until a build folder holds a written map file. */
  private static Path waitForBuildWithData(Path dir, long millis) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      for (Path b : buildDirs(dir)) {
        if (Files.exists(b.resolve(StoreBuilder.ENTRIES))
            || Files.exists(b.resolve("import.spool")) && Files.size(b.resolve("import.spool"))
            > 1_000_000) {
          return b;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child import never started building");
  }

  private static List<Path> buildDirs(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    Path versions = dir.resolve(StoreFiles.VERSIONS);
    if (!Files.isDirectory(versions)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(versions, StoreFiles.BUILDING + "*")) {
      ds.forEach(out::add);
    }
    return out;
  }
}
