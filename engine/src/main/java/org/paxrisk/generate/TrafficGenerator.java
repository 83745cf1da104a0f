package org.paxrisk.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.paxrisk.watchlist.WatchlistEntry;

/**
 * Seeded generator of realistic synthetic API (PAXLST) and PNR (PNRGOV) traffic, for streaming
 * tests, parse benchmarks and demonstrations. Flights run between real airports on real carriers;
 * the people, documents, bookings, contacts and cards are invented, with names from many cultures
 * travelling alone, as families (infants included) and in groups.
 *
 * <p>The same seed gives byte-identical output on any JVM, and flight {@code i} is the same flight
 * in {@link #writePaxlst}, {@link #writePnrgov} and {@link #writeFlights}: its API list and its
 * PNR push name the same travellers. Output streams as it is generated; memory holds one flight.
 *
 * <p>With {@link #planting}, some travellers are people from a watch list, and each write call
 * says which ({@link GeneratedTraffic#planted()}): the ground truth for measuring screening.
 *
 * <p>Instances are immutable and may be shared; each write call works on its own state.
 */
public final class TrafficGenerator {
  private final long seed;
  private final int minTravellers;
  private final int maxTravellers;
  private final Entries plantFrom;
  private final int plantCount;
  private volatile Planner planner;

  private TrafficGenerator(long seed, int minTravellers, int maxTravellers, Entries plantFrom,
      int plantCount) {
    this.seed = seed;
    this.minTravellers = minTravellers;
    this.maxTravellers = maxTravellers;
    this.plantFrom = plantFrom;
    this.plantCount = plantCount;
  }

  /**
   * Watch-list entries to plant, handed out in the same order on every call: {@code
   * store::forEach} of an open {@link org.paxrisk.watchlist.WatchlistStore}, or {@code
   * list::forEach}.
   */
  @FunctionalInterface
  public interface Entries {
    void forEach(Consumer<WatchlistEntry> sink);
  }

  /** A generator of 100 to 400 travellers per flight. */
  public static TrafficGenerator withSeed(long seed) {
    return new TrafficGenerator(seed, 100, 400, null, 0);
  }

  /**
   * The same generator with between {@code min} and {@code max} travellers (inclusive) per flight.
   * The drawn number is met exactly: the last party is shrunk to a single traveller if needed.
   */
  public TrafficGenerator travellersPerFlight(int min, int max) {
    if (min < 1 || max < min || max > 853) {
      // 853: an A380's certified maximum, the most one flight can carry.
      throw new IllegalArgumentException("travellers per flight must satisfy 1 <= min <= max <= 853");
    }
    return new TrafficGenerator(seed, min, max, plantFrom, plantCount);
  }

  /**
   * The same generator with {@code count} travellers, over all the flights of a write, replaced by
   * people built from entries of {@code entries}. The seed chooses which travellers (adults who
   * carry no infant) and which entries (individuals with a surname and given names, born between
   * 1926 and 2009 where a date is listed; entities and document-only entries are skipped), all
   * different while there are enough entries. The flights are otherwise the same as without
   * planting, and a planted person is the same in the flight's API list and PNR push.
   *
   * <p>About a quarter of plants are exact: the name, date of birth, gender, nationality and
   * document as listed (a date of birth the list gives only as a year, month or range falls
   * within it; a document the list does not give is invented). The others differ in one way, named
   * by {@link PlantedTraveller#variation()}: {@code typo} (a letter changed, dropped, doubled or
   * swapped), {@code transliteration} (another spelling of a sound), {@code name-order} (surname
   * and given names swapped), {@code dropped-name}, {@code joined-or-split-name}, {@code alias}
   * (a listed alias not marked weak), {@code document-typo} (one character of the listed document
   * number), and, where the list gives no full date of birth, {@code dob-year-only} (1 January of
   * the year, as systems send a passport's unknown day and month) or {@code dob-absent} (no date
   * of birth in either message).
   *
   * <p>Each write call reads {@code entries} twice, keeping only the chosen entries. It throws
   * {@link IllegalArgumentException} when no entry can be planted or the flights have fewer than
   * {@code count} travellers who can be replaced.
   */
  public TrafficGenerator planting(Entries entries, int count) {
    Objects.requireNonNull(entries, "entries");
    if (count < 1) {
      throw new IllegalArgumentException("the number of travellers to plant must be at least 1");
    }
    return new TrafficGenerator(seed, minTravellers, maxTravellers, entries, count);
  }

  /** Writes {@code flights} API passenger lists, one interchange per flight. Does not close. */
  public GeneratedTraffic writePaxlst(OutputStream out, int flights) throws IOException {
    return write(flights, out, null, null);
  }

  /** Writes {@code flights} PNR pushes, one interchange per flight. Does not close. */
  public GeneratedTraffic writePnrgov(OutputStream out, int flights) throws IOException {
    return write(flights, null, out, null);
  }

  /**
   * Writes {@code dir/paxlst/flight-NNNNN.edi} and {@code dir/pnrgov/flight-NNNNN.edi} for
   * flights 1 to {@code flights}, creating the folders; existing files of those names are
   * replaced.
   */
  public GeneratedTraffic writeFlights(Path dir, int flights) throws IOException {
    Objects.requireNonNull(dir, "dir");
    return write(flights, null, null, dir);
  }

  /** Flight by flight: to one API stream, to one PNR stream, or to a file pair each in {@code dir}. */
  private GeneratedTraffic write(int flights, OutputStream apiOut, OutputStream pnrOut, Path dir)
      throws IOException {
    checkFlights(flights);
    Planner p = planner();
    Planter planter = plantFrom == null ? null
        : Planter.prepare(seed, p, flights, plantFrom, plantCount);
    if (dir != null) {
      // Only now: a request that cannot be met leaves no folders behind.
      Files.createDirectories(dir.resolve("paxlst"));
      Files.createDirectories(dir.resolve("pnrgov"));
    }
    EdiWriter api = apiOut == null ? null : new EdiWriter(apiOut);
    EdiWriter pnr = pnrOut == null ? null : new EdiWriter(pnrOut);
    List<PlantedTraveller> planted = new ArrayList<>();
    long travellers = 0;
    for (int i = 0; i < flights; i++) {
      Plan.Flight f = p.flight(i);
      travellers += f.travellers;
      if (planter != null) {
        planted.addAll(planter.plant(f));
      }
      if (api != null) {
        PaxlstWriter.write(api, f);
      }
      if (pnr != null) {
        PnrgovWriter.write(pnr, f);
      }
      if (dir != null) {
        String name = String.format(Locale.ROOT, "flight-%05d.edi", i + 1);
        try (OutputStream out = new BufferedOutputStream(
            Files.newOutputStream(dir.resolve("paxlst").resolve(name)))) {
          EdiWriter w = new EdiWriter(out);
          PaxlstWriter.write(w, f);
          w.flush();
        }
        try (OutputStream out = new BufferedOutputStream(
            Files.newOutputStream(dir.resolve("pnrgov").resolve(name)))) {
          EdiWriter w = new EdiWriter(out);
          PnrgovWriter.write(w, f);
          w.flush();
        }
      }
    }
    if (api != null) {
      api.flush();
    }
    if (pnr != null) {
      pnr.flush();
    }
    return new GeneratedTraffic(flights, travellers, planted);
  }

  private Planner planner() {
    // Built on first use: the agency pool is cheap, but there is no need to pay for it twice.
    Planner p = planner;
    if (p == null) {
      p = new Planner(seed, minTravellers, maxTravellers);
      planner = p;
    }
    return p;
  }

  private static void checkFlights(int flights) {
    if (flights < 0) {
      throw new IllegalArgumentException("flights must not be negative");
    }
  }
}
