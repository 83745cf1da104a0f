package org.paxrisk.pnrgov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written helpers of the PNRGOV reader do what the library calls they replace did. */
class PnrgovHelpersTest {
  @Test
  void bagTagsArePaddedLikeTheFormatter() {
    long[] values = {0, 7, 12345, 1026000001L, 99999999999999999L};
    for (long v : values) {
      for (int width = 1; width < 18; width++) {
        assertEquals(String.format("%0" + width + "d", v), PnrgovMapper.zeroPadded(v, width));
      }
    }
  }

  @Test
  void docsFieldsSplitLikeStringSplitThenTrimmed() {
    SplittableRandom rnd = new SplittableRandom(3);
    String alphabet = "/AB 1";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(12); k > 0; k--) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String t = sb.toString();
      int start = rnd.nextInt(4) == 0 ? rnd.nextInt(t.length() + 1) : 0;
      String[] split = t.substring(start).split("/", -1);
      for (int k = 0; k < split.length; k++) {
        split[k] = split[k].trim().isEmpty() ? null : split[k].trim();
      }
      assertArrayEquals(split, PnrBuilder.fields(t, start), t + " from " + start);
    }
  }

  @Test
  void titlesAreStripped() {
    assertEquals("ISABELLE", PnrBuilder.stripTitle("ISABELLE MRS"));
    assertEquals("JOHN", PnrBuilder.stripTitle("JOHNMR"));
    assertEquals("NINA", PnrBuilder.stripTitle("NINA MS"));
    assertEquals("MR", PnrBuilder.stripTitle("MR"));
    assertEquals("AMR", PnrBuilder.stripTitle("AMR"));
  }
}
