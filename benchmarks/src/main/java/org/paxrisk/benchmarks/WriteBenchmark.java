package org.paxrisk.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.paxrisk.Assessment;
import org.paxrisk.ScreeningEngine;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.screening.AssessmentSink;
import org.paxrisk.screening.AssessmentWriter;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Writing one assessment as screening writes it (JSON Lines or CSV), per assessment: the work of
 * the batch's main thread, which shares the machine's cores with the workers. The assessments
 * come from screening 40 generated flights against 20,000 generated entries with the default
 * rules, so that they carry hits and matches in the batch's proportions; they are written to a
 * stream that keeps nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WriteBenchmark {
  @Param({"jsonl", "csv"})
  public String format;

  Path dir;
  List<Assessment> assessments;
  AssessmentWriter writer;
  int next;

  @Setup(Level.Trial)
  public void build() throws IOException {
    dir = Files.createTempDirectory("paxrisk-bench-write");
    Path store = dir.resolve("store");
    WatchlistStore.importList(store, ListGenerator.withSeed(1).importer(20_000, "sanctions"),
        List.of(), "generated");
    Path traffic = dir.resolve("traffic");
    TrafficGenerator.withSeed(2026).writeFlights(traffic, 40);
    List<Assessment> all = new ArrayList<>();
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store).threads(1).build()) {
      engine.screen(List.of(traffic), all::add);
    }
    assessments = all;
    writer = AssessmentWriter.of(format, OutputStream.nullOutputStream());
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    writer.close();
    TempDirs.delete(dir);
  }

  /** One assessment; a flight's worth ends with the flush that screening asks for. */
  @Benchmark
  public void write() throws IOException {
    Assessment a = assessments.get(next);
    writer.accept(a);
    next = next + 1 == assessments.size() ? 0 : next + 1;
    if (next == 0 || assessments.get(next).flight() != a.flight()) {
      writer.flightDone();
    }
  }
}
