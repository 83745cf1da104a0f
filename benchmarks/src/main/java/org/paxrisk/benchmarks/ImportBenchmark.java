package org.paxrisk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.Manifest;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Importing lists into a fresh store, one whole import per operation (single shot): the OFAC SDN
 * snapshot and the UN list from {@code ../shared}, or 1,000,000 generated entries. The store's size
 * on disk is printed after each import.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ImportBenchmark {
  @Param({"ofac-un", "generated-1m"})
  public String lists;

  @Param({"../shared"})
  public String shared;

  Path dir;

  @Setup(Level.Invocation)
  public void freshStore() throws IOException {
    dir = Files.createTempDirectory("paxrisk-bench-import");
  }

  @TearDown(Level.Invocation)
  public void report() throws IOException {
    long bytes;
    try (Stream<Path> walk = Files.walk(dir)) {
      bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("%n%s store on disk: %,d bytes%n", lists, bytes);
    TempDirs.delete(dir);
  }

  @Benchmark
  public Manifest importLists() throws IOException {
    if (lists.equals("ofac-un")) {
      Path w = Path.of(shared).resolve("watchlists");
      Path ofac = w.resolve("ofac-sdn-2021-07");
      WatchlistStore.importList(dir, Importers.forFormat("ofac"), List.of(ofac.resolve("sdn.csv"),
          ofac.resolve("alt.csv"), ofac.resolve("add.csv")), "ofac-sdn");
      return WatchlistStore.importList(dir, Importers.forFormat("un"),
          List.of(w.resolve("un-consolidated-2026-02-27.xml")), "un-sc").manifest();
    }
    return WatchlistStore.importList(dir, ListGenerator.withSeed(1).importer(1_000_000, "no-fly"),
        List.of(), "generated").manifest();
  }
}
