package org.paxrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.paxrisk.Assessment;
import org.paxrisk.ScreeningEngine;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.screening.AssessmentSink;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistMatch;
import org.paxrisk.watchlist.WatchlistStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code paxrisk demo}: the main job on the bundled data. Builds a small list store from
 * {@code testdata/watchlists}, screens the sample flights in {@code testdata/samples} with the
 * default rules, and shows the summary and every traveller to review, with the reasons.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Screen the bundled sample flights (testdata/samples) against the bundled demo"
        + " lists (testdata/watchlists) with the default rules.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path home = Path.of(System.getProperty("paxrisk.home", ".")).toAbsolutePath().normalize();
    Path samples = home.resolve("testdata").resolve("samples");
    Path lists = home.resolve("testdata").resolve("watchlists");
    if (!Files.isDirectory(samples) || !Files.isDirectory(lists)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "bundled samples not found under " + home.resolve("testdata")
              + " (is paxrisk.home the project folder?)");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("PaxRisk demo: screening the sample API (PAXLST) and PNR (PNRGOV) messages in "
        + home.relativize(samples) + " against the demo lists in " + home.relativize(lists)
        + ", with the default rules.");
    out.println();
    Path store = demoStore(home, lists, out);

    List<Assessment> toReview = new ArrayList<>();
    BatchReport report;
    long start = System.nanoTime();
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store)
        .auditLog(ScreenCommand.auditFile(null, store), "paxrisk demo").build()) {
      List<Path> files = Inputs.expand(spec.commandLine(), List.of(samples));
      report = engine.screen(files, new AssessmentSink() {
        @Override
        public void accept(Assessment a) {
          if (a.needsReview()) {
            toReview.add(a);
          }
        }

        @Override
        public void rejected(org.paxrisk.ingest.RejectedMessage m) {
          spec.commandLine().getErr().println(ParseCommand.rejection(m));
        }
      });
    }
    ScreenCommand.printSummary(report, out, (System.nanoTime() - start) / 1e9);
    out.println();
    out.println("Travellers to review, highest score first:");
    toReview.sort(Comparator.comparingInt(Assessment::score).reversed()
        .thenComparing(Assessment::travellerId));
    for (Assessment a : toReview) {
      out.printf(Locale.ROOT, "  %-30s %-28s score %3d %s%n", a.travellerId(),
          a.traveller().surname() + ", " + a.traveller().givenNames(), a.score(),
          a.band().name().toLowerCase(Locale.ROOT));
      for (RiskHit h : a.hits()) {
        out.printf(Locale.ROOT, "      %-28s +%-3d %s%n", h.rule(), h.score(), h.reason());
      }
      for (WatchlistMatch m : a.matches()) {
        out.printf(Locale.ROOT, "      match %s (%s, %.2f): %s%n", m.entryId(), m.category(),
            m.score(), String.join("; ", m.reasons()));
      }
    }
    out.println();
    out.println("Next: ./paxrisk screen --store " + home.relativize(store)
        + " --out results.jsonl testdata/samples   (one JSON object per traveller)");
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }

  /** The demo store, built under cli/target on first use and again when the lists change. */
  private static Path demoStore(Path home, Path lists, PrintWriter out) throws IOException {
    Path store = home.resolve("cli").resolve("target").resolve("demo-store");
    Path csv = lists.resolve("demo-list.csv");
    Path documents = lists.resolve("lost-stolen.csv");
    Path stamp = store.resolve("CURRENT");
    if (Files.exists(stamp)
        && Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(csv)) > 0
        && Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(documents)) > 0) {
      return store;
    }
    if (Files.exists(store)) {
      try (Stream<Path> walk = Files.walk(store)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    out.println("Building the demo list store (first run) in " + home.relativize(store) + " ...");
    WatchlistStore.importList(store, Importers.forFormat("csv"), List.of(csv), "demo-list");
    WatchlistStore.importList(store, Importers.forFormat("documents"), List.of(documents),
        "lost-stolen-demo");
    out.println();
    return store;
  }
}
