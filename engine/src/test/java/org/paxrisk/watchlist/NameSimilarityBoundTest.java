package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.NameVariants;

/**
 * {@link NameSimilarity#scoreAtLeast} must never hide a score at or above its floor: the matcher
 * relies on it to skip names without losing a match.
 */
class NameSimilarityBoundTest {
  @Test
  void scoreAtLeast_isTheScoreAboveTheFloor_andABoundBelow() {
    SplittableRandom rnd = new SplittableRandom(3);
    List<String> names = new ArrayList<>();
    ListGenerator.withSeed(5).generate("t", 400, e -> e.names().forEach(n -> names.add(n.name())));
    names.addAll(List.of("ABD AL RAHMAN MUHAMMAD", "Abdulrahman Mohammed", "ABU BAKR AL BAGHDADI",
        "Usama bin Laden", "OSAMA BINLADEN", "J SMITH", "JOHN SMITH", "VAN DER BERG", "VANDERBERG"));
    int pairs = 0;
    int skipped = 0;
    for (int k = 0; k < 20_000; k++) {
      String a = names.get(rnd.nextInt(names.size()));
      // Half the pairs are a name and a variant of it, half two names of the list.
      String b = k % 2 == 0 ? NameVariants.vary(a, rnd) : names.get(rnd.nextInt(names.size()));
      NameSimilarity.Tokens x = tokens(a, rnd);
      NameSimilarity.Tokens y = tokens(b, rnd);
      double score = NameSimilarity.compare(x, y, false).score();
      for (double floor : new double[] {0.5, 0.75, 0.9, 0.95}) {
        double s = NameSimilarity.scoreAtLeast(x, y, floor);
        if (score >= floor) {
          assertEquals(score, s, 0.0, a + " / " + b + " at floor " + floor);
        } else {
          // (up to rounding: the matcher leaves a margin)
          assertTrue(s >= score - 1e-9, a + " / " + b + ": bound " + s + " below score " + score);
          skipped += s < floor ? 1 : 0;
        }
        pairs++;
      }
    }
    assertTrue(skipped > pairs / 4, "the bound skips too little to be worth it: " + skipped);
  }

  /** Tokens with random rarity weights, as a store gives them. */
  private static NameSimilarity.Tokens tokens(String name, SplittableRandom rnd) {
    NameSimilarity.Tokens t = NameSimilarity.Tokens.of(Normalizer.normalize(name), null);
    for (int i = 0; i < t.size(); i++) {
      if (t.weight[i] == 1.0) {
        t.weight[i] = 0.15 + 0.85 * rnd.nextDouble();
      }
    }
    return t;
  }
}
