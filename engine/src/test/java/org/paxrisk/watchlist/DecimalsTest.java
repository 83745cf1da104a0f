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
    // Halves and their neighbours: where the text, not the double, decides (0.145 is stored as
    // 0.14499...), and one step either side of each, where the double does.
    for (int i = -20_000; i <= 20_000; i += 5) {
      double half = i / 1000.0;
      for (double v : new double[] {half, Math.nextUp(half), Math.nextDown(half),
          half + 1e-7, half - 1e-7, half * 100}) {
        assertEquals(String.format(Locale.ROOT, "%.2f", v), Decimals.two(v), "for " + v);
      }
    }
    for (double v : new double[] {0.145, 0.125, 0.005, -0.005, 0.995, 1, 0, -0.15, -0.001, -0.0,
        1e15, 123456789.125, Double.MIN_VALUE, -Double.MIN_VALUE}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", v), Decimals.two(v), "for " + v);
    }
  }
}
