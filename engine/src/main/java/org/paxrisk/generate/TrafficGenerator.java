package org.paxrisk.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * <p>Instances are immutable and may be shared; each write call works on its own state.
 */
public final class TrafficGenerator {
  private final long seed;
  private final int minTravellers;
  private final int maxTravellers;
  private volatile Planner planner;

  private TrafficGenerator(long seed, int minTravellers, int maxTravellers) {
    this.seed = seed;
    this.minTravellers = minTravellers;
    this.maxTravellers = maxTravellers;
  }

  /** A generator of 100 to 400 travellers per flight. */
  public static TrafficGenerator withSeed(long seed) {
    return new TrafficGenerator(seed, 100, 400);
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
    return new TrafficGenerator(seed, min, max);
  }

  /** Writes {@code flights} API passenger lists, one interchange per flight. Does not close. */
  public void writePaxlst(OutputStream out, int flights) throws IOException {
    checkFlights(flights);
    EdiWriter w = new EdiWriter(out);
    Planner p = planner();
    for (int i = 0; i < flights; i++) {
      PaxlstWriter.write(w, p.flight(i));
    }
    w.flush();
  }

  /** Writes {@code flights} PNR pushes, one interchange per flight. Does not close. */
  public void writePnrgov(OutputStream out, int flights) throws IOException {
    checkFlights(flights);
    EdiWriter w = new EdiWriter(out);
    Planner p = planner();
    for (int i = 0; i < flights; i++) {
      PnrgovWriter.write(w, p.flight(i));
    }
    w.flush();
  }

  /**
   * Writes {@code dir/paxlst/flight-NNNNN.edi} and {@code dir/pnrgov/flight-NNNNN.edi} for
   * flights 1 to {@code flights}, creating the folders; existing files of those names are
   * replaced.
   */
  public void writeFlights(Path dir, int flights) throws IOException {
    checkFlights(flights);
    Path api = Files.createDirectories(dir.resolve("paxlst"));
    Path pnr = Files.createDirectories(dir.resolve("pnrgov"));
    Planner p = planner();
    for (int i = 0; i < flights; i++) {
      Plan.Flight f = p.flight(i);
      String name = String.format("flight-%05d.edi", i + 1);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(api.resolve(name)))) {
        EdiWriter w = new EdiWriter(out);
        PaxlstWriter.write(w, f);
        w.flush();
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pnr.resolve(name)))) {
        EdiWriter w = new EdiWriter(out);
        PnrgovWriter.write(w, f);
        w.flush();
      }
    }
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
