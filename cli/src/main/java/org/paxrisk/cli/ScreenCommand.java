package org.paxrisk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paxrisk.Batch;
import org.paxrisk.ScreeningEngine;
import org.paxrisk.edifact.Issue;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.rules.RuleCompilationException;
import org.paxrisk.rules.RuleSet;
import org.paxrisk.rules.RuleWatcher;
import org.paxrisk.screening.AssessmentWriter;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.screening.FlightSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paxrisk screen}: the batch job of a targeting centre. */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screen API and PNR messages against a watch-list store and the rules: one assessment per"
          + " traveller (JSON Lines or CSV) and a per-flight summary.",
      "Results go to --out (written to a temporary file and renamed when complete, readable by"
          + " the owner only) or to stdout; the summary goes to stdout, or to stderr when the"
          + " results do."
    })
final class ScreenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "watch-list store (made by `paxrisk watchlist import`)")
  Path store;

  @Option(names = "--rules", paramLabel = "DIR", arity = "1..*",
      description = "rule pack folders, compiled after the default pack")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--no-default-rules", description = "do not compile the default rule pack")
  boolean noDefaultRules;

  @Option(names = "--out", paramLabel = "FILE", description = "results file (default: stdout)")
  Path out;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv")
  String format;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: cores)")
  Integer threads;

  @Option(names = "--watch-rules",
      description = "reload the --rules folders when they change, between flights")
  boolean watchRules;

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "append-only audit log (default: $PAXRISK_AUDIT_LOG, else STORE/audit.jsonl)")
  Path auditLog;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "message files or folders, or - for a stream of messages on stdin")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (!format.equalsIgnoreCase("jsonl") && !format.equalsIgnoreCase("csv")) {
      throw new CommandLine.ParameterException(cl, "--format must be jsonl or csv, not " + format);
    }
    if (!Files.isDirectory(store)) {
      throw new CommandLine.ParameterException(cl, "--store: no such folder: " + store);
    }
    for (Path r : rules) {
      if (!Files.isDirectory(r)) {
        throw new CommandLine.ParameterException(cl, "--rules: no such folder: " + r);
      }
    }
    if (watchRules && rules.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "--watch-rules needs --rules folders to watch");
    }
    if (noDefaultRules && rules.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "--no-default-rules needs --rules folders");
    }
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 to 1024");
    }
    boolean stdin = paths.equals(List.of("-"));
    if (!stdin && paths.contains("-")) {
      throw new CommandLine.ParameterException(cl, "- (stdin) cannot be mixed with paths");
    }
    List<Path> files = stdin ? null : Inputs.expand(cl, paths.stream().map(Path::of).toList());
    PrintWriter err = cl.getErr();
    ScreeningEngine.Builder b = ScreeningEngine.builder().store(store)
        .defaultRules(!noDefaultRules).rules(rules.toArray(Path[]::new))
        .watchRules(watchRules, new RuleWatcher.Listener() {
          @Override
          public void reloaded(RuleSet r) {
            err.println("paxrisk: rules reloaded: " + r.ruleNames().size() + " rules, ruleset "
                + r.hash().substring(0, 12));
            err.flush();
          }

          @Override
          public void failed(RuleCompilationException e) {
            err.println("paxrisk: rules NOT reloaded, the previous rules keep running:");
            e.errors().forEach(x -> err.println("  " + x));
            err.flush();
          }
        });
    if (threads != null) {
      b.threads(threads);
    }
    b.auditLog(auditFile(auditLog, store), "paxrisk screen (" + System.getProperty("user.name")
        + ")");
    PrintWriter summary = out == null ? err : cl.getOut();
    try (ScreeningEngine engine = buildOrReport(b, cl)) {
      if (engine == null) {
        return 1;
      }
      return screen(engine, files, out, format, summary, err, System.console() != null);
    }
  }

  /** The audit log: as given, else $PAXRISK_AUDIT_LOG, else beside the lists in the store. */
  static Path auditFile(Path given, Path store) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("PAXRISK_AUDIT_LOG");
    return env != null && !env.isBlank() ? Path.of(env) : store.resolve("audit.jsonl");
  }

  static ScreeningEngine buildOrReport(ScreeningEngine.Builder b, CommandLine cl)
      throws IOException {
    try {
      return b.build();
    } catch (RuleCompilationException e) {
      e.errors().forEach(x -> cl.getErr().println(x));
      cl.getErr().println("paxrisk: error: the rules do not compile");
      return null;
    }
  }

  /** Screens files (or stdin when {@code files} is null), writes results and the summary. */
  static int screen(ScreeningEngine engine, List<Path> files, Path out, String format,
      PrintWriter summary, PrintWriter err, boolean terminal) throws IOException {
    long start = System.nanoTime();
    OwnerOnlyFile.Body<BatchReport> body = os -> {
      try (AssessmentWriter w = AssessmentWriter.of(format, os);
          Progress p = new Progress(terminal)) {
        return files == null ? engine.screen(System.in, "stdin", new Rejections(w, err))
            : engine.screen(files, new Rejections(w, err), p);
      }
    };
    BatchReport report = out == null
        ? body.write(new BufferedOutputStream(new java.io.FilterOutputStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
              @Override
              public void close() throws IOException {
                flush(); // stdout stays open for whoever comes next
              }
            }, 1 << 16))
        : OwnerOnlyFile.write(out, body);
    printSummary(report, summary, (System.nanoTime() - start) / 1e9);
    return report.rejected() > 0 ? Main.EXIT_REJECTED : 0;
  }

  static void printSummary(BatchReport r, PrintWriter out, double seconds) {
    out.printf(Locale.ROOT, "Screened %,d travellers on %,d flights in %.1f s (%,.0f travellers/s);"
        + " %,d of %,d messages rejected.%n", r.travellers(), r.flights(), seconds,
        r.travellers() / Math.max(seconds, 1e-9), r.rejected(), r.messages());
    out.printf(Locale.ROOT, "Bands: %,d clear, %,d review, %,d high.%n", r.clear(), r.review(),
        r.high());
    if (r.splitFlights() > 0) {
      out.printf(Locale.ROOT, "%,d flights were too spread out in the input to link in one piece;"
          + " their travellers were assessed in parts.%n", r.splitFlights());
    }
    List<FlightSummary> top = r.topFlights().stream().filter(f -> f.review() + f.high() > 0)
        .limit(20).toList();
    if (!top.isEmpty()) {
      out.println();
      out.println("Flights to review first:");
      out.printf("  %-26s %10s %7s %5s  %s%n", "flight", "travellers", "review", "high",
          "top hits");
      for (FlightSummary f : top) {
        out.printf(Locale.ROOT, "  %-26s %,10d %,7d %,5d  %s%n", f.flight(), f.travellers(),
            f.review(), f.high(), String.join(", ", f.topHits()));
      }
    }
    if (!r.ruleFires().isEmpty()) {
      out.println();
      out.println("Rules fired (travellers):");
      for (Map.Entry<String, Long> e : r.ruleFires().entrySet()) {
        out.printf(Locale.ROOT, "  %-38s %,10d%n", e.getKey(), e.getValue());
      }
    }
    if (!r.problems().isEmpty()) {
      out.println();
      out.println("Rejected messages and envelope problems (details on stderr):");
      int shown = 0;
      for (Issue i : r.problems()) {
        if (shown++ == 10) {
          out.printf("  ... and %d more%n", r.problems().size() - 10);
          break;
        }
        out.println("  " + i);
      }
    }
    out.println();
    out.printf("ruleset %s, list store %s%n", r.ruleset().substring(0, 12), r.listVersion());
    out.flush();
  }

  /** Reports each rejected message on stderr as it is found, and passes assessments on. */
  private record Rejections(AssessmentWriter w, PrintWriter err)
      implements org.paxrisk.screening.AssessmentSink {
    @Override
    public void accept(org.paxrisk.Assessment a) throws IOException {
      w.accept(a);
    }

    @Override
    public void rejected(RejectedMessage m) {
      err.println(ParseCommand.rejection(m));
      err.flush();
    }

    @Override
    public void flightDone() throws IOException {
      w.flightDone();
    }
  }

  /** A progress bar on stderr when it is a terminal. */
  private static final class Progress implements Batch.Progress, AutoCloseable {
    private final boolean terminal;
    private ProgressBar bar;

    Progress(boolean terminal) {
      this.terminal = terminal;
    }

    @Override
    public void started(long travellers) {
      if (terminal && travellers > 0) {
        bar = new ProgressBarBuilder().setTaskName("screening").setInitialMax(travellers)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" travellers", 1).continuousUpdate()
            .build();
      }
    }

    @Override
    public void screened(int travellers) {
      if (bar != null) {
        bar.stepBy(travellers);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
