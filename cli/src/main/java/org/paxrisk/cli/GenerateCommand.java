package org.paxrisk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.paxrisk.generate.GeneratedTraffic;
import org.paxrisk.generate.PlantedTraveller;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.WatchlistStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paxrisk generate}: synthetic API and PNR traffic, optionally with watch-list entries
 * planted, and the truth file that names them.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate realistic synthetic traffic: DIR/paxlst/flight-NNNNN.edi (API) and"
          + " DIR/pnrgov/flight-NNNNN.edi (PNR) for the same flights and travellers.",
      "With --plant-from and --plant, K travellers are people from the store's lists (exact or"
          + " realistically varied) and DIR/truth.jsonl names each one: travellerId, entryId,"
          + " list, variation, flight.",
      "The same seed gives the same bytes."
    })
final class GenerateCommand implements Callable<Integer> {
  /** The truth file's name in the output folder. */
  static final String TRUTH = "truth.jsonl";
  private static final int MAX_FLIGHTS = 99_999;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "output folder: new or empty")
  Path out;

  @Option(names = "--flights", paramLabel = "N", defaultValue = "10",
      description = "flights to generate, 100 to 400 travellers each (default: ${DEFAULT-VALUE})")
  int flights;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--plant-from", paramLabel = "STORE",
      description = "watch-list store whose individuals are planted (with --plant)")
  Path plantFrom;

  @Option(names = "--plant", paramLabel = "K",
      description = "travellers to replace by listed people (with --plant-from)")
  Integer plant;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (flights < 1 || flights > MAX_FLIGHTS) {
      throw new CommandLine.ParameterException(cl,
          "--flights must be between 1 and " + MAX_FLIGHTS);
    }
    if (plant != null && plantFrom == null) {
      throw new CommandLine.ParameterException(cl,
          "--plant needs --plant-from STORE: the store whose entries are planted");
    }
    if (plantFrom != null && plant == null) {
      throw new CommandLine.ParameterException(cl,
          "--plant-from needs --plant K: how many travellers to plant");
    }
    if (plant != null && plant < 1) {
      throw new CommandLine.ParameterException(cl, "--plant must be at least 1");
    }
    checkOut(cl);
    if (plantFrom != null && !Files.isDirectory(plantFrom)) {
      throw new CommandLine.ParameterException(cl, "no such store folder: " + plantFrom);
    }

    TrafficGenerator gen = TrafficGenerator.withSeed(seed);
    GeneratedTraffic g;
    if (plantFrom == null) {
      g = gen.writeFlights(out, flights);
    } else {
      WatchlistStore store;
      try {
        store = WatchlistStore.open(plantFrom);
      } catch (IOException e) {
        throw new CommandLine.ParameterException(cl, "--plant-from: " + e.getMessage());
      }
      try (store) {
        g = gen.planting(store::forEach, plant).writeFlights(out, flights);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--plant: " + e.getMessage());
      }
      writeTruth(out.resolve(TRUTH), g.planted());
    }
    cl.getOut().printf("generated %,d flights with %,d travellers in %s; %,d planted%s%n",
        g.flights(), g.travellers(), out, g.planted().size(),
        plantFrom == null ? "" : " from " + plantFrom + " (" + out.resolve(TRUTH) + ")");
    return 0;
  }

  /** The output folder may be new or empty: files of an earlier run must not mix with these. */
  private void checkOut(CommandLine cl) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(cl, "--out is a file, not a folder: " + out);
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new CommandLine.ParameterException(cl,
              "--out folder is not empty: " + out + " (choose a new or empty folder)");
        }
      }
    }
  }

  /** One JSON object per planted traveller, in flight and position order. */
  static void writeTruth(Path file, List<PlantedTraveller> planted) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (PlantedTraveller p : planted) {
        g.writeStartObject();
        g.writeStringField("travellerId", p.travellerId());
        g.writeStringField("entryId", p.entryId());
        g.writeStringField("list", p.list());
        g.writeStringField("variation", p.variation());
        g.writeStringField("flight", TravellerIds.flightKey(p.flight()));
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }
}
