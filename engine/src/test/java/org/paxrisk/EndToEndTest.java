package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.GeneratedTraffic;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.PlantedTraveller;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.rules.Band;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistMatch;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * The whole job: generated traffic with travellers planted from a list, screened against that list
 * with the default rules. Every exact plant and at least 95% of the varied ones must be in the
 * review or high band; the false-alarm rate among the others is reported.
 */
class EndToEndTest {
  @TempDir Path tmp;

  /** A generated list: names from the same tables as the travellers, so many namesakes. */
  @Test
  void plantedFromAGeneratedListAreFound() throws IOException {
    Path store = tmp.resolve("store");
    WatchlistStore.importList(store, ListGenerator.withSeed(21).importer(20_000, "sanctions"),
        List.of(), "generated");
    screenPlanted(store, 5);
  }

  /** The real lists (OFAC SDN 2021 and UN 2026): the false-alarm rate a centre would see. */
  @Test
  void plantedFromOfacAndUnAreFound() throws IOException {
    Path w = SharedData.sharedOrSkip().resolve("watchlists");
    Path store = tmp.resolve("store");
    Path ofac = w.resolve("ofac-sdn-2021-07");
    WatchlistStore.importList(store, Importers.forFormat("ofac"),
        List.of(ofac.resolve("sdn.csv"), ofac.resolve("alt.csv"), ofac.resolve("add.csv")),
        "ofac-sdn");
    WatchlistStore.importList(store, Importers.forFormat("un"),
        List.of(w.resolve("un-consolidated-2026-02-27.xml")), "un-sc");
    screenPlanted(store, 6);
  }

  private void screenPlanted(Path store, long seed) throws IOException {
    Path traffic = tmp.resolve("traffic");
    GeneratedTraffic generated;
    try (WatchlistStore s = WatchlistStore.open(store)) {
      generated = TrafficGenerator.withSeed(seed).travellersPerFlight(150, 250)
          .planting(s::forEach, 400).writeFlights(traffic, 52);
    }
    assertTrue(generated.travellers() >= 10_000, "travellers: " + generated.travellers());

    Map<String, Assessment> byId = new HashMap<>();
    BatchReport report;
    try (ScreeningEngine engine = ScreeningEngine.builder().store(store).threads(2).build()) {
      report = engine.screen(List.of(traffic), a -> byId.put(a.travellerId(), a));
    }
    assertEquals(0, report.rejected());
    assertEquals(generated.travellers(), report.travellers());
    assertEquals(generated.travellers(), byId.size(), "travellers assessed once each");

    int exact = 0;
    int exactFound = 0;
    int varied = 0;
    int variedFound = 0;
    int rightEntry = 0;
    Map<String, int[]> byVariation = new TreeMap<>();
    Set<String> plantedIds = new HashSet<>();
    for (PlantedTraveller p : generated.planted()) {
      plantedIds.add(p.travellerId());
      Assessment a = byId.get(p.travellerId());
      assertTrue(a != null, "no assessment for planted " + p.travellerId());
      boolean found = a.band() != Band.CLEAR;
      boolean entry = a.matches().stream().map(WatchlistMatch::entryId)
          .anyMatch(id -> id.equals(p.entryId()));
      rightEntry += found && entry ? 1 : 0;
      int[] v = byVariation.computeIfAbsent(p.variation(), k -> new int[2]);
      v[0]++;
      v[1] += found ? 1 : 0;
      if (p.isExact()) {
        exact++;
        exactFound += found ? 1 : 0;
      } else {
        varied++;
        variedFound += found ? 1 : 0;
      }
    }
    long others = report.travellers() - plantedIds.size();
    Map<String, Integer> alarmsByRule = new TreeMap<>();
    long alarms = 0;
    for (Assessment a : byId.values()) {
      if (!plantedIds.contains(a.travellerId()) && a.band() != Band.CLEAR) {
        alarms++;
        a.hits().forEach(h -> alarmsByRule.merge(h.rule(), 1, Integer::sum));
      }
    }
    System.out.printf("end to end (%s): %d travellers, %d planted (%d exact, %d varied)%n",
        store, report.travellers(), plantedIds.size(), exact, varied);
    System.out.printf("  found in review/high: exact %d/%d, varied %d/%d (%.1f%%), right entry"
        + " matched for %d%n", exactFound, exact, variedFound, varied,
        100.0 * variedFound / varied, rightEntry);
    byVariation.forEach((k, v) -> System.out.printf("    %-22s %d/%d%n", k, v[1], v[0]));
    System.out.printf("  false alarms (review or high, not planted): %d of %d (%.2f%%); their"
        + " rules: %s%n", alarms, others, 100.0 * alarms / others, alarmsByRule);

    assertTrue(exact > 0 && varied > 0);
    assertEquals(exact, exactFound, "every exact plant is found");
    assertTrue(variedFound >= 0.95 * varied, "varied plants found: " + variedFound + "/" + varied);
    assertTrue(rightEntry >= 0.95 * generated.planted().size(),
        "found for the planted entry: " + rightEntry);
  }
}
