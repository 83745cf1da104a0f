package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void printsWhatTheFormatterPrints() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = i < 4001 ? (i - 2000) / 1000.0 : rnd.nextDouble(-2, 2);
      assertEquals(String.format(Locale.ROOT, "%.2f", v), Decimals.two(v), "for " + v);
    }
    for (double v : new double[] {0.145, 0.125, 0.005, -0.005, 0.995, 1, 0, -0.15, -0.001, -0.0}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", v), Decimals.two(v), "for " + v);
    }
  }
}
