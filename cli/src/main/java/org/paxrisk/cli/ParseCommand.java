package org.paxrisk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paxrisk.edifact.Issue;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.ingest.RejectedMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paxrisk parse}: reads API and PNR messages and shows what was read. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse PAXLST and PNRGOV messages from files or folders.",
      "jsonl: one JSON object per traveller per message, on stdout.",
      "summary: per file, messages, flights, travellers, PNRs, warnings and rejected messages.",
      "Each rejected message is reported on stderr with its location."
    })
final class ParseCommand implements Callable<Integer> {
  enum Format { jsonl, summary }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", defaultValue = "summary",
      description = "jsonl or summary (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--warnings", description = "also print every warning on stderr")
  boolean warnings;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "message files or folders")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    List<Path> files = Inputs.expand(cl, paths);
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    List<FileCounts> counts = new ArrayList<>();
    OutputStream json = format == Format.jsonl ? new WriterOutputStream(out) : null;
    try (TravellerJson writer = json == null ? null : new TravellerJson(json)) {
      for (Path f : files) {
        counts.add(parse(f, writer, err));
      }
    }
    FileCounts total = FileCounts.total(counts);
    if (format == Format.summary) {
      Summary.print(out, counts, total);
    }
    if (total.rejected > 0) {
      int messages = total.rejected - total.emptyInputs;
      err.println("paxrisk: " + messages + " of " + total.messages + " messages rejected"
          + (total.emptyInputs > 0 ? ", " + total.emptyInputs + " inputs held no message" : "")
          + " (details above)");
      return Main.EXIT_REJECTED;
    }
    return 0;
  }

  private FileCounts parse(Path f, TravellerJson writer, PrintWriter err) throws IOException {
    FileCounts c = new FileCounts(f.toString());
    try (MessageReader r = MessageReader.open(f)) {
      while (r.hasNext()) {
        Outcome o = r.next();
        c.add(o);
        if (o instanceof ParsedMessage m) {
          if (writer != null) {
            writer.write(m);
          }
        } else {
          RejectedMessage rej = (RejectedMessage) o;
          err.println(rejection(rej));
        }
        if (warnings) {
          o.warnings().forEach(w -> err.println(w));
        }
      }
      List<Issue> envelope = r.envelopeIssues();
      c.warnings += envelope.size();
      if (warnings) {
        envelope.forEach(w -> err.println(w));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return c;
  }

  /** One line per rejected message: which message, then the error with its location. */
  static String rejection(RejectedMessage r) {
    int n = r.origin().message();
    String which = n > 0 ? "message " + n + (r.origin().type() == null ? "" : " ("
        + r.origin().type() + ")") + " of " + r.origin().source() : r.origin().source();
    return "rejected: " + which + ": " + r.error();
  }

  /** What one file held. */
  static final class FileCounts {
    final String file;
    int messages;
    int apiMessages;
    int pnrMessages;
    int flights;
    int travellers;
    int pnrs;
    int warnings;
    int rejected;
    int emptyInputs;

    FileCounts(String file) {
      this.file = file;
    }

    void add(Outcome o) {
      warnings += o.warnings().size();
      if (o instanceof ParsedMessage m) {
        messages++;
        flights++;
        travellers += m.travellers().size();
        if (m instanceof PnrMessage p) {
          pnrMessages++;
          pnrs += p.bookings().size();
        } else {
          apiMessages++;
        }
      } else {
        // A file without any message is one rejected input, not a message.
        if (o.origin().message() > 0) {
          messages++;
        } else {
          emptyInputs++;
        }
        rejected++;
      }
    }

    static FileCounts total(List<FileCounts> all) {
      FileCounts t = new FileCounts("total");
      for (FileCounts c : all) {
        t.messages += c.messages;
        t.apiMessages += c.apiMessages;
        t.pnrMessages += c.pnrMessages;
        t.flights += c.flights;
        t.travellers += c.travellers;
        t.pnrs += c.pnrs;
        t.warnings += c.warnings;
        t.rejected += c.rejected;
        t.emptyInputs += c.emptyInputs;
      }
      return t;
    }
  }
}
