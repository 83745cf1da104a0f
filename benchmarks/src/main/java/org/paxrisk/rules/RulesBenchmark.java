package org.paxrisk.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Traveller;
import org.paxrisk.watchlist.WatchlistEntry;
import org.paxrisk.watchlist.WatchlistMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rules: scoring throughput of the default pack per traveller (one thread), with a pooled
 * session reused per flight ({@code pooled}, what {@link RuleSet#evaluate} does) against a new
 * stateless session per flight ({@code stateless}); and KieBase build time for generated packs of
 * 10, 100 and 1,000 rules ({@link Compile}).
 *
 * <p>Facts: generated flights (PAXLST and PNRGOV, parsed), API and PNR travellers linked by name,
 * with realistic bookings; {@code listedPercent} of the travellers (2% by default) carry a
 * watch-list match (half strong), so the watch-list rules and the join across travellers have work
 * to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesBenchmark {
  /** Travellers per operation: one flight's worth, so results read per traveller. */
  static final int FLIGHTS = 40;

  /**
   * The share of travellers with a watch-list match, in percent: 2 as at a border against OFAC +
   * UN; about 20 in the end-to-end run against a million generated entries, where namesakes are
   * common. Each listed traveller is joined with every other on the flight.
   */
  @Param({"2"})
  public int listedPercent;

  RuleSet rules;
  List<List<Subject>> flights;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    rules = RuleSet.compile(List.of(RulePack.defaultPack()));
    flights = flights(FLIGHTS, 200, listedPercent);
  }

  /** The default pack over one flight of 200 travellers, pooled session; per traveller. */
  @Benchmark
  @OperationsPerInvocation(200)
  public Object pooled() {
    List<Subject> f = flights.get(next++ % flights.size());
    return rules.evaluate(f);
  }

  /** The same with a new stateless session per flight; per traveller. */
  @Benchmark
  @OperationsPerInvocation(200)
  public Object stateless() {
    List<Subject> f = flights.get(next++ % flights.size());
    return rules.evaluateStateless(f);
  }

  /** Compile time of a pack of generated rules, one compile per operation. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(1)
  public static class Compile {
    @Param({"10", "100", "1000"})
    public int count;

    RulePack pack;

    @Setup(Level.Trial)
    public void write() throws IOException {
      Path dir = Files.createTempDirectory("paxrisk-bench-rules");
      StringBuilder drl = new StringBuilder("""
          package bench.generated;
          import org.paxrisk.rules.Subject;
          import org.paxrisk.watchlist.WatchlistMatch;
          global org.paxrisk.rules.Hits hits;
          global org.paxrisk.rules.RuleParameters params;
          """);
      String[] countries = {"DEU", "FRA", "NGA", "IND", "BRA", "CHN", "USA", "GBR", "IRN", "TUR"};
      for (int i = 0; i < count; i++) {
        // Four shapes, as rule authors write them: a traveller field, a booking, a match, a join.
        switch (i % 4) {
          case 0 -> drl.append(String.format("""
              rule "r%d" @category("bench") @severity("low") @score(%d)
              when $s : Subject(traveller().nationality() == "%s", bagCount() != null,
                                bagCount() >= %d)
              then hits.add(kcontext, $s, "r%d"); end
              """, i, 1 + i % 50, countries[i % 10], i % 5, i));
          case 1 -> drl.append(String.format("""
              rule "r%d" @category("bench") @severity("low") @score(%d)
              when $s : Subject(booking != null, booking.hoursBookedBeforeDeparture() < %d,
                                booking.isOneWay())
              then hits.add(kcontext, $s, "r%d"); end
              """, i, 1 + i % 50, 24 + i % 200, i));
          case 2 -> drl.append(String.format("""
              rule "r%d" @category("bench") @severity("low") @score(%d)
              when $s : Subject()
                   $m : WatchlistMatch(score >= 0.%d) from $s.matches()
              then hits.add(kcontext, $s, "r%d"); end
              """, i, 1 + i % 50, 50 + i % 50, i));
          default -> drl.append(String.format("""
              rule "r%d" @category("bench") @severity("low") @score(%d)
              when $w : Subject(bestPersonMatchScore() >= 0.%d)
                   $s : Subject(this != $w, sharedContactWith($w) != null)
              then hits.add(kcontext, $s, "r%d"); end
              """, i, 1 + i % 50, 60 + i % 40, i));
        }
      }
      Files.writeString(dir.resolve("generated.drl"), drl);
      Files.writeString(dir.resolve("parameters.properties"), "");
      pack = RulePack.folder(dir);
    }

    @Benchmark
    public RuleSet compile() {
      return RuleSet.compile(List.of(pack));
    }
  }

  /** Generated flights as rule facts: API and PNR travellers linked by name, some matches. */
  static List<List<Subject>> flights(int count, int travellers, int listedPercent)
      throws IOException {
    TrafficGenerator g = TrafficGenerator.withSeed(3).travellersPerFlight(travellers, travellers);
    ByteArrayOutputStream api = new ByteArrayOutputStream();
    ByteArrayOutputStream pnr = new ByteArrayOutputStream();
    g.writePaxlst(api, count);
    g.writePnrgov(pnr, count);
    List<ApiMessage> apis = new ArrayList<>();
    List<PnrMessage> pnrs = new ArrayList<>();
    read(api.toByteArray(), o -> apis.add((ApiMessage) o));
    read(pnr.toByteArray(), o -> pnrs.add((PnrMessage) o));
    SplittableRandom rnd = new SplittableRandom(9);
    List<List<Subject>> out = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      Map<String, Traveller> pnrByName = new HashMap<>();
      Map<String, Booking> bookingByName = new HashMap<>();
      for (Booking b : pnrs.get(f).bookings()) {
        for (Traveller t : b.travellers()) {
          pnrByName.put(t.surname() + "/" + t.givenNames(), t);
          bookingByName.put(t.surname() + "/" + t.givenNames(), b);
        }
      }
      List<Subject> subjects = new ArrayList<>();
      int i = 0;
      for (Traveller t : apis.get(f).travellers()) {
        String key = t.surname() + "/" + t.givenNames();
        List<WatchlistMatch> matches = List.of();
        if (rnd.nextInt(100) < listedPercent) {
          String category = rnd.nextBoolean() ? WatchlistEntry.SANCTIONS : WatchlistEntry.NO_FLY;
          matches = List.of(new WatchlistMatch("bench:" + i, "bench", category,
              rnd.nextBoolean() ? 0.95 : 0.8, "LISTED", "LISTED", List.of("name 0.95"), null));
        }
        subjects.add(new Subject("T" + f + "-" + i++, apis.get(f).flight(), t, pnrByName.get(key),
            bookingByName.get(key), matches, true, true));
      }
      out.add(subjects);
    }
    return out;
  }

  private static void read(byte[] bytes, java.util.function.Consumer<Outcome> sink) {
    try (MessageReader r = MessageReader.of(new ByteArrayInputStream(bytes), "generated")) {
      r.forEachRemaining(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
