package org.paxrisk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.NameVariants;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.model.PartialDate;
import org.paxrisk.watchlist.WatchlistEntry;
import org.paxrisk.watchlist.WatchlistMatch;
import org.paxrisk.watchlist.WatchlistMatcher;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Matching one traveller's name against a store, per query: {@code match} is PaxRisk's matcher
 * (indexes, then scoring a few candidates); {@code fullScan} is the baseline that compares the
 * query with every listed name by Jaro-Winkler (commons-text), as tools without indexes do.
 *
 * <p>Stores: {@code ofac-un} imports the OFAC SDN snapshot and the UN list from {@code ../shared}
 * (path in the {@code shared} parameter); {@code generated-1m} imports 1,000,000 generated entries.
 * Queries, each with a date of birth, nationality and gender as a traveller's: {@code listed} are
 * listed individuals with one change to the name (a letter, the order, a dropped name); {@code
 * travellers} are generated travellers, nearly all on no list, as at a border.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {
  private static final int QUERIES = 1 << 12;

  @Param({"ofac-un", "generated-1m"})
  public String store;

  @Param({"listed", "travellers"})
  public String queries;

  @Param({"../shared"})
  public String shared;

  Path dir;
  WatchlistStore lists;
  WatchlistMatcher matcher;
  String[] names;
  WatchlistMatcher.Query[] travellers;
  String[] listedNames;
  int next;

  @Setup(Level.Trial)
  public void build() throws IOException {
    dir = Files.createTempDirectory("paxrisk-bench-store");
    List<String> all = new ArrayList<>();
    if (store.equals("ofac-un")) {
      Path w = Path.of(shared).resolve("watchlists");
      Path ofac = w.resolve("ofac-sdn-2021-07");
      WatchlistStore.importList(dir, Importers.forFormat("ofac"), List.of(ofac.resolve("sdn.csv"),
          ofac.resolve("alt.csv"), ofac.resolve("add.csv")), "ofac-sdn");
      WatchlistStore.importList(dir, Importers.forFormat("un"),
          List.of(w.resolve("un-consolidated-2026-02-27.xml")), "un-sc");
    } else {
      WatchlistStore.importList(dir, ListGenerator.withSeed(1).importer(1_000_000, "no-fly"),
          List.of(), "generated");
    }
    lists = WatchlistStore.open(dir);
    matcher = lists.matcher();
    // Every listed name, for the full-scan baseline and to draw the listed queries from.
    lists.forEach(e -> e.names().forEach(n -> all.add(n.name().toUpperCase())));
    listedNames = all.toArray(new String[0]);
    // Queries as a traveller gives them: a name with a date of birth, nationality and gender.
    SplittableRandom rnd = new SplittableRandom(42);
    List<WatchlistMatcher.Query> qs = new ArrayList<>(QUERIES);
    if (queries.equals("listed")) {
      List<WatchlistEntry> people = new ArrayList<>();
      lists.forEach(e -> {
        if (e.kind() == WatchlistEntry.Kind.INDIVIDUAL) {
          people.add(e);
        }
      });
      while (qs.size() < QUERIES) {
        WatchlistEntry e = people.get(rnd.nextInt(people.size()));
        String name = e.names().get(rnd.nextInt(e.names().size())).name();
        PartialDate dob = e.datesOfBirth().isEmpty() ? null : e.datesOfBirth().get(0).from();
        qs.add(new WatchlistMatcher.Query(NameVariants.vary(name, rnd), dob,
            e.nationalities().isEmpty() ? null : e.nationalities().get(0), e.gender(),
            List.of()));
      }
    } else {
      ListGenerator.withSeed(777).generate("t", QUERIES, e -> qs.add(new WatchlistMatcher.Query(
          e.primaryName(), e.datesOfBirth().get(0).from(), e.nationalities().get(0), e.gender(),
          List.of())));
    }
    travellers = qs.toArray(new WatchlistMatcher.Query[0]);
    names = new String[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      names[i] = travellers[i].name().toUpperCase();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    lists.close();
    TempDirs.delete(dir);
  }

  @Benchmark
  public List<WatchlistMatch> match() {
    return matcher.match(travellers[next++ & (QUERIES - 1)]);
  }

  /** The same work as {@link #match}, sampled per call: JMH reports the median (p0.50). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public List<WatchlistMatch> matchSampled() {
    return matcher.match(travellers[next++ & (QUERIES - 1)]);
  }

  private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

  @Benchmark
  public double fullScan() {
    String q = names[next++ & (QUERIES - 1)];
    double best = 0;
    for (String n : listedNames) {
      best = Math.max(best, jw.apply(q, n));
    }
    return best;
  }
}
