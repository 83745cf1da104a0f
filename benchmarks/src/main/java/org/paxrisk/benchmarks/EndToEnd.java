package org.paxrisk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.paxrisk.Batch;
import org.paxrisk.ScreeningEngine;
import org.paxrisk.generate.GeneratedTraffic;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.screening.AssessmentWriter;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * The end-to-end run: generated traffic (PAXLST and PNRGOV for the same flights) screened against a
 * store of OFAC + UN + generated entries with the default rules, results written as JSON Lines;
 * then interactive calls, one traveller at a time, timed into a histogram. Started through
 * {@code java -jar benchmarks.jar endtoend [--travellers N] [--entries M] [--threads T]
 * [--work DIR] [--shared DIR]}, which runs it in a JVM capped at {@code -Xmx1g}.
 */
public final class EndToEnd {
  private EndToEnd() {}

  public static void main(String[] args) throws IOException {
    long travellers = 1_000_000;
    int entries = 1_000_000;
    int threads = 2;
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "paxrisk-e2e");
    Path shared = Path.of("../shared");
    for (int i = 0; i < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--travellers" -> travellers = Long.parseLong(v);
        case "--entries" -> entries = Integer.parseInt(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--work" -> work = Path.of(v);
        case "--shared" -> shared = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(work);
    Path store = work.resolve("store-" + entries);
    if (!Files.exists(store.resolve("CURRENT"))) {
      long t = System.nanoTime();
      Path w = shared.resolve("watchlists");
      if (Files.isDirectory(w)) {
        Path ofac = w.resolve("ofac-sdn-2021-07");
        WatchlistStore.importList(store, Importers.forFormat("ofac"),
            List.of(ofac.resolve("sdn.csv"), ofac.resolve("alt.csv"), ofac.resolve("add.csv")),
            "ofac-sdn");
        WatchlistStore.importList(store, Importers.forFormat("un"),
            List.of(w.resolve("un-consolidated-2026-02-27.xml")), "un-sc");
      } else {
        System.out.println("no " + w + ": the store holds generated entries only");
      }
      if (entries > 0) {
        WatchlistStore.importList(store, ListGenerator.withSeed(1).importer(entries, "sanctions"),
            List.of(), "generated");
      }
      System.out.printf(Locale.ROOT, "store built in %.0f s%n", (System.nanoTime() - t) / 1e9);
    }
    int flights = (int) Math.max(1, (travellers + 199) / 200);
    Path traffic = work.resolve("traffic-" + flights);
    if (!Files.exists(traffic.resolve("done"))) {
      long t = System.nanoTime();
      GeneratedTraffic g = TrafficGenerator.withSeed(2026).writeFlights(traffic, flights);
      Files.writeString(traffic.resolve("done"), Long.toString(g.travellers()));
      System.out.printf(Locale.ROOT, "generated %,d travellers on %,d flights in %.0f s%n",
          g.travellers(), flights, (System.nanoTime() - t) / 1e9);
    }

    try (ScreeningEngine engine = ScreeningEngine.builder().store(store).threads(threads)
        .build()) {
      System.out.printf(Locale.ROOT, "store %s: %,d entries; %d threads; max heap %,d MB%n",
          engine.listVersion(), WatchlistStore.open(store).size(), threads,
          Runtime.getRuntime().maxMemory() >> 20);
      long cpu = processCpuNanos();
      long t = System.nanoTime();
      BatchReport r;
      Timeline timeline = new Timeline(t);
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(work.resolve("results.jsonl")), 1 << 16);
          AssessmentWriter w = AssessmentWriter.jsonl(out)) {
        r = engine.screen(List.of(traffic.resolve("paxlst"), traffic.resolve("pnrgov")), w,
            timeline);
      }
      long end = System.nanoTime();
      cpu = processCpuNanos() - cpu;
      double s = (end - t) / 1e9;
      System.out.printf(Locale.ROOT, "batch: %,d travellers on %,d flights in %.1f s: %,.0f"
          + " travellers/s; bands %,d clear, %,d review, %,d high; %,d rejected%n",
          r.travellers(), r.flights(), s, r.travellers() / s, r.clear(), r.review(), r.high(),
          r.rejected());
      // CPU time swings less than wall time on a shared machine: a steadier figure to compare.
      System.out.printf(Locale.ROOT, "CPU over the batch (every thread: workers, JIT, collector):"
          + " %.1f s, %.1f µs a traveller%n", cpu / 1e9, cpu / 1e3 / r.travellers());
      System.out.printf(Locale.ROOT, "first pass (which files hold which flights): %.1f s;"
          + " first flight written after %.1f s%n", timeline.firstPassNanos / 1e9,
          timeline.firstFlightNanos() / 1e9);
      long[] half = timeline.secondHalf();
      if (half != null) {
        double hs = (end - half[0]) / 1e9;
        System.out.printf(Locale.ROOT, "second half of the batch (the JIT warm): %,d travellers"
            + " in %.1f s: %,.0f travellers/s%n", half[1], hs, half[1] / hs);
      }
      System.out.printf(Locale.ROOT, "old generation peak after the batch: %,d MB (heap capped"
          + " at 1 GB)%n", peakHeapMb());

      // Interactive: one traveller at a time on this thread, as at check-in.
      List<ApiMessage> sample = new ArrayList<>();
      try (var files = Files.list(traffic.resolve("paxlst"))) {
        for (Path f : files.sorted().limit(200).toList()) {
          try (MessageReader mr = MessageReader.open(f)) {
            while (mr.hasNext()) {
              Outcome o = mr.next();
              if (o instanceof ApiMessage a) {
                sample.add(a);
              }
            }
          }
        }
      }
      Histogram h = new Histogram(3_600_000_000L, 3);
      int calls = 0;
      for (int round = 0; round < 2; round++) {
        for (ApiMessage a : sample) {
          for (var traveller : a.travellers()) {
            long t0 = System.nanoTime();
            engine.screen(traveller, a.flight(), null);
            long ns = System.nanoTime() - t0;
            if (round == 1) { // the first round warms up
              h.recordValue(ns);
              calls++;
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "interactive: %,d calls, p50 %.1f µs, p99 %.1f µs,"
          + " p99.9 %.1f µs, max %.1f µs%n", calls, h.getValueAtPercentile(50) / 1e3,
          h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
          h.getMaxValue() / 1e3);
      System.out.printf(Locale.ROOT, "old generation peak: %,d MB%n", peakHeapMb());
    }
  }

  /** CPU time of the whole process so far (user and system, every thread), in nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Notes when each flight's travellers were written, so that the rate of the batch's second half
   * (after the JIT's warm-up) can be told apart from the whole run's.
   */
  private static final class Timeline implements Batch.Progress {
    private final List<long[]> flights = new ArrayList<>(); // {nanoTime, assessments so far}
    private long count;
    private final long begun;
    private long firstPassNanos;

    Timeline(long begun) {
      this.begun = begun;
    }

    @Override
    public void started(long travellers) {
      firstPassNanos = System.nanoTime() - begun;
    }

    @Override
    public void screened(int travellers) {
      count += travellers;
      flights.add(new long[] {System.nanoTime(), count});
    }

    /** From the batch's start to the first flight written (0 if none was). */
    long firstFlightNanos() {
      return flights.isEmpty() ? 0 : flights.get(0)[0] - begun;
    }

    /** {start, assessments}: from the first flight end at or past half the assessments on. */
    long[] secondHalf() {
      for (long[] f : flights) {
        if (f[1] * 2 >= count && f[1] < count) {
          return new long[] {f[0], count - f[1]};
        }
      }
      return null;
    }
  }

  /**
   * The old generation's peak: what the heap held across collections. (The pools' peaks added
   * together would count young objects that never lived at the same time.)
   */
  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getName().contains("Old")) {
        peak = Math.max(peak, p.getPeakUsage().getUsed());
      }
    }
    return peak >> 20;
  }
}
