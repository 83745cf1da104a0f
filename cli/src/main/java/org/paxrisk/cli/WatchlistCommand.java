package org.paxrisk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.watchlist.ImportReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.ListImporter;
import org.paxrisk.watchlist.Manifest;
import org.paxrisk.watchlist.WatchlistMatch;
import org.paxrisk.watchlist.WatchlistMatcher;
import org.paxrisk.watchlist.WatchlistStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paxrisk watchlist}: import lists into a store and search it. */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    description = "Import watch lists into a store, and search a store by name.",
    subcommands = {WatchlistCommand.Import.class, WatchlistCommand.Search.class})
final class WatchlistCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is needed: import or search");
  }

  /** {@code paxrisk watchlist import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import one list into a store (created if needed) as a new version; other lists are kept.",
        "Formats: csv (PaxRisk's own, see docs/watchlist-formats.md), ofac (sdn.csv alt.csv"
            + " add.csv), un (consolidated XML), documents (lost/stolen documents CSV)."
      })
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "store folder")
    Path store;

    @Option(names = "--format", required = true, description = "csv, ofac, un or documents")
    String format;

    @Option(names = "--list", paramLabel = "NAME",
        description = "list name (default: the format's: ofac-sdn, un-sc, csv, documents)")
    String list;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the list's files")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      ListImporter importer;
      try {
        importer = Importers.forFormat(format);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new CommandLine.ParameterException(cl, "no such file: " + f);
        }
      }
      String name = list != null ? list : defaultListName(format);
      long start = System.nanoTime();
      WatchlistStore.ImportResult r;
      try {
        r = WatchlistStore.importList(store, importer, files, name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ImportReport rep = r.report();
      PrintWriter out = cl.getOut();
      out.printf("imported %s (%s): %,d rows read, %,d entries imported, %,d aliases, %,d rows"
          + " rejected, %,d problems, in %.1f s%n", name, format, rep.rowsRead(), rep.imported(),
          rep.aliases(), Math.max(0, rep.rowsRead() - rep.imported()), rep.rejected().size(),
          seconds);
      Manifest m = r.manifest();
      out.printf("store %s is now at version %s: %,d entries, %,d names in %d lists (%s)%n",
          store, m.version(), m.entries(), m.names(), m.lists().size(),
          String.join(", ", m.lists().stream().map(l -> l.name() + " " + l.category()).toList()));
      // A problem in a row that was still imported (a date it could not read) is a dropped field;
      // only rows that were not imported make the run exit 3.
      long rejectedRows = rep.rowsRead() - rep.imported();
      PrintWriter err = cl.getErr();
      for (ImportReport.Problem p : rep.rejected()) {
        err.println((rejectedRows > 0 ? "rejected or dropped: " : "dropped: ") + p);
      }
      return rejectedRows > 0 ? Main.EXIT_REJECTED : 0;
    }

    static String defaultListName(String format) {
      switch (format) {
        case "ofac":
          return "ofac-sdn";
        case "un":
          return "un-sc";
        default:
          return format;
      }
    }
  }

  /** {@code paxrisk watchlist search}. */
  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Search a store for a name; ranked matches with the reasons for each score.")
  static final class Search implements Callable<Integer> {
    enum Format { text, jsonl }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "store folder")
    Path store;

    @Option(names = "--dob", paramLabel = "DATE",
        description = "date of birth: YYYY, YYYY-MM or YYYY-MM-DD")
    String dob;

    @Option(names = "--nationality", paramLabel = "CC", description = "ISO 3166 alpha-2 or -3")
    String nationality;

    @Option(names = "--gender", paramLabel = "M|F", description = "M or F")
    String gender;

    @Option(names = "--threshold", paramLabel = "SCORE",
        description = "lowest score shown (default: ${DEFAULT-VALUE})", defaultValue = "0.75")
    double threshold;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "the name to search")
    List<String> name;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      PartialDate date = null;
      if (dob != null) {
        try {
          date = PartialDate.parse(dob);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(cl, "--dob: " + e.getMessage());
        }
      }
      if (threshold < 0 || threshold > 1) {
        throw new CommandLine.ParameterException(cl, "--threshold must be between 0 and 1");
      }
      if (!Files.isDirectory(store)) {
        throw new CommandLine.ParameterException(cl, "no such store folder: " + store);
      }
      try (WatchlistStore s = WatchlistStore.open(store)) {
        WatchlistMatcher matcher = s.matcher(org.paxrisk.watchlist.MatchSettings.DEFAULTS
            .withThreshold(threshold));
        List<WatchlistMatch> matches = matcher.search(new WatchlistMatcher.Query(
            String.join(" ", name), date, nationality, Gender.ofCode(gender), List.of()));
        if (format == Format.jsonl) {
          writeJson(cl.getOut(), matches);
        } else {
          writeText(cl.getOut(), matches, s.version());
        }
      }
      return 0;
    }

    private static void writeText(PrintWriter out, List<WatchlistMatch> matches, String version) {
      if (matches.isEmpty()) {
        out.println("no match (store version " + version + ")");
        return;
      }
      int rank = 1;
      for (WatchlistMatch m : matches) {
        out.printf("%d. %.3f  %s  %s [%s]%n", rank++, m.score(), m.entryId(), m.name(),
            m.category());
        if (m.matchedName() != null && !m.matchedName().equals(m.name())) {
          out.println("   matched: " + m.matchedName());
        }
        out.println("   " + String.join("; ", m.reasons()));
      }
    }

    private static void writeJson(PrintWriter out, List<WatchlistMatch> matches)
        throws IOException {
      JsonGenerator g = new JsonFactory().createGenerator(new WriterOutputStream(out),
          JsonEncoding.UTF8);
      g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
      for (WatchlistMatch m : matches) {
        g.writeStartObject();
        g.writeStringField("entryId", m.entryId());
        g.writeStringField("list", m.list());
        g.writeStringField("category", m.category());
        g.writeNumberField("score", m.score());
        g.writeStringField("name", m.name());
        g.writeStringField("matchedName", m.matchedName());
        g.writeArrayFieldStart("reasons");
        for (String r : m.reasons()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.flush();
      if (!matches.isEmpty()) {
        out.println();
      }
      out.flush();
    }
  }
}
