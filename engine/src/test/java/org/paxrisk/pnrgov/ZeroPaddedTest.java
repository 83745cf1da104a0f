package org.paxrisk.pnrgov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bag tag ranges are expanded with their leading zeros, as String.format did. */
class ZeroPaddedTest {
  @Test
  void padsLikeTheFormatter() {
    long[] values = {0, 7, 12345, 1026000001L, 99999999999999999L};
    for (long v : values) {
      for (int width = 1; width < 18; width++) {
        assertEquals(String.format("%0" + width + "d", v), PnrgovMapper.zeroPadded(v, width));
      }
    }
  }
}
