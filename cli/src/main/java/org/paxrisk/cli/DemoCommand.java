package org.paxrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.model.Flight;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code paxrisk demo}: the main job on the bundled sample flights in {@code testdata/}. Until the
 * screening engine lands it reads them and shows, per message, the flight and what it carries.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Read the bundled sample flights (testdata/samples) and summarise them.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path home = Path.of(System.getProperty("paxrisk.home", ".")).toAbsolutePath().normalize();
    Path samples = home.resolve("testdata").resolve("samples");
    if (!Files.isDirectory(samples)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "bundled samples not found at " + samples + " (is paxrisk.home the project folder?)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("PaxRisk demo: the bundled sample API (PAXLST) and PNR (PNRGOV) messages in "
        + home.relativize(samples));
    out.println();
    out.printf("%-34s %-7s %-7s %-15s %-16s %10s %5s %5s%n", "file", "message", "flight", "route",
        "departure", "travellers", "crew", "PNRs");
    int rejected = 0;
    int travellers = 0;
    List<Path> files = Inputs.expand(spec.commandLine(), List.of(samples));
    for (Path f : files) {
      String name = samples.relativize(f).toString();
      try (MessageReader r = MessageReader.open(f)) {
        while (r.hasNext()) {
          Outcome o = r.next();
          if (o instanceof ParsedMessage m) {
            travellers += m.travellers().size();
            out.println(line(name, m));
          } else {
            rejected++;
            err.println(ParseCommand.rejection((RejectedMessage) o));
          }
        }
      }
    }
    out.println("(PAXLST* is a crew list; departure times are local, as the airline sent them)");
    out.println();
    out.printf("%d files, %d travellers read, %d messages rejected.%n", files.size(), travellers,
        rejected);
    out.println("Next: ./paxrisk parse --format jsonl testdata/samples   (one JSON object per"
        + " traveller)");
    return rejected > 0 ? Main.EXIT_REJECTED : 0;
  }

  private static String line(String file, ParsedMessage m) {
    Flight f = m.flight();
    long crew = m.travellers().stream().filter(t -> t.isCrew()).count();
    String pnrs = m instanceof PnrMessage p ? Integer.toString(p.bookings().size()) : "";
    String kind = m instanceof ApiMessage a && a.isCrewList() ? "PAXLST*" : m.origin().type()
        .name();
    List<String> stops = new ArrayList<>();
    f.legs().forEach(l -> {
      if (stops.isEmpty()) {
        stops.add(l.origin());
      }
      stops.add(l.destination());
    });
    return String.format("%-34s %-7s %-7s %-15s %-16s %10d %5d %5s", file, kind,
        f.flightNumber(), String.join("-", stops).replace("null", "?"),
        f.departure() == null ? "" : f.departure().toString().replace('T', ' '),
        m.travellers().size(), crew, pnrs);
  }
}
