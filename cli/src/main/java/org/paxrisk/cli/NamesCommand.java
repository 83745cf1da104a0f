package org.paxrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.paxrisk.watchlist.NameSimilarity;
import org.paxrisk.watchlist.ScoreMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paxrisk names}: tools for the name similarity that matching uses. */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description = "Measure the name similarity that watch-list matching uses.",
    subcommands = {NamesCommand.Score.class})
final class NamesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: score");
  }

  /** {@code paxrisk names score --pairs FILE.csv [--details]}. */
  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Score labelled name pairs and report how well the scores separate them.",
        "FILE is a CSV with a header holding name1, name2 and is_match (true/false);"
            + " other columns are ignored."
      })
  static final class Score implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--pairs", required = true, paramLabel = "FILE.csv",
        description = "labelled pairs")
    Path pairs;

    @Option(names = "--details", description = "also print each pair's score and why")
    boolean details;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      if (!Files.isRegularFile(pairs)) {
        throw new CommandLine.ParameterException(cl, "no such file: " + pairs);
      }
      List<String[]> rows = new ArrayList<>();
      List<Boolean> labels = new ArrayList<>();
      List<String> rejected = new ArrayList<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();
      try (Reader r = Files.newBufferedReader(pairs, StandardCharsets.UTF_8);
          CSVParser p = CSVParser.parse(r, format)) {
        for (String col : List.of("name1", "name2", "is_match")) {
          if (!p.getHeaderMap().containsKey(col)) {
            throw new CommandLine.ParameterException(cl, pairs + ": the header needs a column "
                + col + " (it has " + p.getHeaderNames() + ")");
          }
        }
        for (CSVRecord rec : p) {
          String a = rec.isSet("name1") ? rec.get("name1") : null;
          String b = rec.isSet("name2") ? rec.get("name2") : null;
          String m = rec.isSet("is_match") ? rec.get("is_match").trim().toLowerCase(Locale.ROOT)
              : "";
          boolean yes = m.equals("true") || m.equals("1") || m.equals("yes");
          boolean no = m.equals("false") || m.equals("0") || m.equals("no");
          if (a == null || b == null || a.isBlank() || b.isBlank() || !(yes || no)) {
            rejected.add(pairs + ":" + (rec.getRecordNumber() + 1)
                + ": needs name1, name2 and is_match true or false");
            continue;
          }
          rows.add(new String[] {a, b});
          labels.add(yes);
        }
      }
      PrintWriter out = cl.getOut();
      NameSimilarity sim = NameSimilarity.standard();
      double[] scores = new double[rows.size()];
      boolean[] truth = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        NameSimilarity.Result r = sim.compare(rows.get(i)[0], rows.get(i)[1]);
        scores[i] = r.score();
        truth[i] = labels.get(i);
        if (details) {
          out.printf(Locale.ROOT, "%.3f  %-5s  %s | %s  (%s)%n", r.score(), truth[i],
              rows.get(i)[0], rows.get(i)[1], r.explain());
        }
      }
      for (String r : rejected) {
        cl.getErr().println("rejected: " + r);
      }
      if (rows.isEmpty()) {
        throw new CommandLine.ParameterException(cl, pairs + ": no usable pair");
      }
      ScoreMetrics m = ScoreMetrics.of(scores, truth);
      out.printf(Locale.ROOT, "pairs %d (%d matches, %d non-matches)%n", m.pairs(),
          m.positives(), m.pairs() - m.positives());
      out.printf(Locale.ROOT, "AUC %.4f%n", m.auc());
      out.printf(Locale.ROOT, "best F1 %.4f at threshold %.3f (precision %.4f, recall %.4f)%n",
          m.bestF1(), m.threshold(), m.precision(), m.recall());
      return rejected.isEmpty() ? 0 : Main.EXIT_REJECTED;
    }
  }
}
