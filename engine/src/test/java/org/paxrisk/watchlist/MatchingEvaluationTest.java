package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.generate.NameVariants;

/**
 * How good matching is, measured on the real lists (OFAC SDN 2021 and UN 2026 from {@code
 * ../shared}): labelled pairs built from the lists themselves (aliases of one individual are
 * positives, names of different individuals negatives, plus each listed name against a perturbed
 * copy: a typo, the order swapped, a middle name dropped, parts joined or split, a transliteration
 * variant) give the AUC and best F1 of the name similarity; perturbed names searched in the store
 * give the candidate recall of the indexes. The figures are printed and the README quotes them;
 * the assertions sit just below them so that a regression fails. Skipped without {@code ../shared}.
 */
class MatchingEvaluationTest {
  @TempDir static Path dir;
  static WatchlistStore store;
  static List<WatchlistEntry> individuals = new ArrayList<>();

  @BeforeAll
  static void importLists() throws IOException {
    Path w = SharedData.sharedOrSkip().resolve("watchlists");
    Path ofac = w.resolve("ofac-sdn-2021-07");
    WatchlistStore.importList(dir, Importers.forFormat("ofac"),
        List.of(ofac.resolve("sdn.csv"), ofac.resolve("alt.csv"), ofac.resolve("add.csv")),
        "ofac-sdn");
    WatchlistStore.importList(dir, Importers.forFormat("un"),
        List.of(w.resolve("un-consolidated-2026-02-27.xml")), "un-sc");
    store = WatchlistStore.open(dir);
    store.forEach(e -> {
      if (e.kind() == WatchlistEntry.Kind.INDIVIDUAL) {
        individuals.add(e);
      }
    });
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void nameSimilarity_aucAndF1_onPairsFromTheLists() {
    SplittableRandom rnd = new SplittableRandom(20261122);
    NameSimilarity sim = NameSimilarity.standard();
    List<double[]> scored = new ArrayList<>();
    int aliasPairs = 0;
    int perturbed = 0;
    for (WatchlistEntry e : individuals) {
      List<String> latin = latinNames(e);
      for (int i = 1; i < latin.size() && i < 4; i++) {
        scored.add(new double[] {sim.score(latin.get(0), latin.get(i)), 1});
        aliasPairs++;
      }
      if (!latin.isEmpty()) {
        for (NameVariants.Kind k : NameVariants.Kind.values()) {
          String v = NameVariants.vary(latin.get(0), k, rnd);
          scored.add(new double[] {sim.score(latin.get(0), v), 1});
          perturbed++;
        }
      }
    }
    int positives = scored.size();
    for (int i = 0; i < positives * 2; i++) {
      WatchlistEntry a = individuals.get(rnd.nextInt(individuals.size()));
      WatchlistEntry b = individuals.get(rnd.nextInt(individuals.size()));
      if (a != b && !latinNames(a).isEmpty() && !latinNames(b).isEmpty()) {
        scored.add(new double[] {sim.score(latinNames(a).get(0), latinNames(b).get(0)), 0});
      }
    }
    double[] s = new double[scored.size()];
    boolean[] l = new boolean[scored.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = scored.get(i)[0];
      l[i] = scored.get(i)[1] == 1;
    }
    ScoreMetrics m = ScoreMetrics.of(s, l);
    System.out.printf(Locale.ROOT, "name similarity on %d individuals: %d alias pairs, %d perturbed"
        + " pairs, %d negatives: AUC %.4f, best F1 %.4f at %.3f (precision %.4f, recall %.4f)%n",
        individuals.size(), aliasPairs, perturbed, s.length - positives, m.auc(), m.bestF1(),
        m.threshold(), m.precision(), m.recall());
    assertTrue(m.auc() >= 0.97, "AUC " + m.auc());
    assertTrue(m.bestF1() >= 0.90, "F1 " + m.bestF1());
  }

  @Test
  void candidateRecall_onPerturbedQueries_atLeast99Percent() {
    SplittableRandom rnd = new SplittableRandom(7);
    // Every scored candidate is returned: this measures what the indexes bring, not the threshold.
    WatchlistMatcher all = store.matcher(new MatchSettings(0.0, 10_000,
        MatchSettings.DEFAULTS.candidates()));
    Map<NameVariants.Kind, int[]> byKind = new EnumMap<>(NameVariants.Kind.class);
    int queries = 0;
    int found = 0;
    for (int q = 0; q < 3000; q++) {
      WatchlistEntry e = individuals.get(rnd.nextInt(individuals.size()));
      List<String> latin = latinNames(e);
      if (latin.isEmpty()) {
        continue;
      }
      NameVariants.Kind kind = NameVariants.Kind.values()[q % NameVariants.Kind.values().length];
      String query = NameVariants.vary(latin.get(rnd.nextInt(latin.size())), kind, rnd);
      boolean hit = all.search(WatchlistMatcher.Query.name(query)).stream()
          .anyMatch(m -> m.entryId().equals(e.id()));
      queries++;
      found += hit ? 1 : 0;
      if (!hit && System.getProperty("paxrisk.eval.misses") != null) {
        System.out.println("miss " + kind + ": " + latin + " -> " + query);
      }
      int[] k = byKind.computeIfAbsent(kind, x -> new int[2]);
      k[0]++;
      k[1] += hit ? 1 : 0;
    }
    double recall = found / (double) queries;
    StringBuilder per = new StringBuilder();
    byKind.forEach((k, v) -> per.append(String.format(Locale.ROOT, " %s %.4f", k,
        v[1] / (double) v[0])));
    System.out.printf(Locale.ROOT, "candidate recall on %d perturbed queries: %.4f (%s )%n",
        queries, recall, per);
    assertTrue(recall >= 0.99, "candidate recall " + recall + " by kind:" + per);
  }

  /** Names in Latin script (original-script spellings are compared too, but not perturbed). */
  static List<String> latinNames(WatchlistEntry e) {
    List<String> out = new ArrayList<>();
    for (ListedName n : e.names()) {
      if (n.type() != ListedName.Type.ORIGINAL_SCRIPT && Normalizer.isAscii(n.name())
          && Normalizer.tokens(n.name()).length >= 2) {
        out.add(n.name());
      }
    }
    return out;
  }
}
