package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.model.Flight;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.rules.RuleSet;
import org.paxrisk.rules.RuleWatcher;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Many threads screen while new list versions are published and the rules are reloaded: every
 * assessment names the list version and rule set it used, and what it found is what that version
 * and rule set say (no torn reads); batches run meanwhile assess every traveller exactly once.
 */
class ConcurrentChangeTest {
  @TempDir Path tmp;

  @Test
  void listsAndRulesChangeUnderLoad() throws Exception {
    Path store = tmp.resolve("store");
    Path lists = SharedData.testdata().resolve("watchlists");
    var first = WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    Path withEntry = tmp.resolve("extra.csv");
    Path empty = tmp.resolve("extra-empty.csv");
    String header = "id,category,kind,surname,given_names,full_name,aliases,date_of_birth,"
        + "gender,nationalities,documents,remarks\n";
    Files.writeString(withEntry, header
        + "E-1,no-fly,individual,QUARTERMAINE,ZEPHYRINE,,,1970-01-01,F,GB,,test entry\n");
    Files.writeString(empty, header);
    // Which versions hold the entry: what each assessment must agree with.
    Map<String, Boolean> versionHasEntry = new ConcurrentHashMap<>();
    versionHasEntry.put(first.manifest().version(), false);

    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("marker.drl"), """
        package marker;
        import org.paxrisk.rules.Subject;
        global org.paxrisk.rules.Hits hits;
        global org.paxrisk.rules.RuleParameters params;
        rule "marker" @category("test") @severity("low") @score(1)
        when $s : Subject()
        then hits.add(kcontext, $s, "marker " + (int) params.number("marker"));
        end
        """);
    Files.writeString(rules.resolve("parameters.properties"), "marker = 0\n");
    Map<String, Integer> rulesetMarker = new ConcurrentHashMap<>();

    Flight flight = new Flight("LH", "400", "FRA", "JFK", LocalDateTime.of(2026, 3, 1, 10, 0),
        LocalDateTime.of(2026, 3, 1, 19, 0), List.of());
    Traveller t = Traveller.builder().surname("QUARTERMAINE").givenNames("ZEPHYRINE")
        .dateOfBirth(PartialDate.parse("1970-01-01")).nationality("GBR")
        .document(new TravelDocument("P", "Q1234567", "GBR", LocalDate.of(2030, 1, 1), null,
            null)).build();
    List<Path> samples;
    try (Stream<Path> walk = Files.walk(SharedData.testdata().resolve("samples"))) {
      samples = walk.filter(f -> f.toString().endsWith(".edi")).sorted().toList();
    }

    record Seen(String version, String ruleset, boolean entry, String marker) {}
    ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    List<String> batchProblems = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store)
        .followStore(true, Duration.ofMillis(50)).rules(rules)
        .watchRules(true, new RuleWatcher.Listener() {
          @Override
          public void reloaded(RuleSet r) {
            rulesetMarker.put(r.hash(), (int) r.parameters().number("marker"));
          }
        }).threads(2).build()) {
      rulesetMarker.put(engine.rules().hash(), 0);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        work.add(pool.submit(() -> {
          while (!done.get()) {
            Assessment a = engine.screen(t, flight, null);
            String marker = a.hits().stream().filter(h -> h.rule().equals("marker"))
                .map(RiskHit::reason).findFirst().orElse("none");
            seen.add(new Seen(a.provenance().listVersion(), a.provenance().ruleset(),
                a.matches().stream().anyMatch(m -> m.entryId().equals("extra:E-1")), marker));
          }
          return null;
        }));
      }
      work.add(pool.submit(() -> {
        while (!done.get()) {
          Set<String> ids = new HashSet<>();
          List<String> dup = new ArrayList<>();
          BatchReport r = engine.screen(samples, a -> {
            if (!ids.add(a.travellerId())) {
              dup.add(a.travellerId());
            }
          });
          if (r.travellers() != 29 || ids.size() != 29 || !dup.isEmpty()) {
            synchronized (batchProblems) {
              batchProblems.add(r.travellers() + " assessed, " + ids.size() + " ids, twice: "
                  + dup);
            }
          }
        }
        return null;
      }));

      // The changes: three list versions and three rule edits, interleaved.
      for (int i = 1; i <= 3; i++) {
        boolean add = i % 2 == 1;
        var published = WatchlistStore.importList(store, Importers.forFormat("csv"),
            List.of(add ? withEntry : empty), "extra");
        versionHasEntry.put(published.manifest().version(), add);
        Files.writeString(rules.resolve("parameters.properties"), "marker = " + i + "\n");
        Thread.sleep(1500);
      }
      Thread.sleep(1500);
      done.set(true);
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(List.of(), batchProblems);
    Set<String> versions = new HashSet<>();
    Set<String> rulesets = new HashSet<>();
    for (Seen s : seen) {
      assertTrue(versionHasEntry.containsKey(s.version()), "unknown version " + s.version());
      assertEquals(versionHasEntry.get(s.version()), s.entry(), "entry found per " + s);
      Integer marker = rulesetMarker.get(s.ruleset());
      assertTrue(marker != null, "unknown rule set " + s.ruleset());
      assertEquals("marker " + marker, s.marker(), "rule set and its parameters: " + s);
      versions.add(s.version());
      rulesets.add(s.ruleset());
    }
    System.out.printf("%,d interactive assessments over %d list versions and %d rule sets%n",
        seen.size(), versions.size(), rulesets.size());
    assertTrue(versions.size() >= 3, "list versions seen: " + versions);
    assertTrue(rulesets.size() >= 2, "rule sets seen: " + rulesets);
  }
}
