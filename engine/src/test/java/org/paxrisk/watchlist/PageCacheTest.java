package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageCacheTest {
  /** A page of {@code n} ids and no years (a common key's, or a document number's). */
  private static StoreVersion.Page page(int n) {
    int[] ids = new int[n + 1];
    ids[0] = n;
    for (int i = 1; i <= n; i++) {
      ids[i] = i * 7;
    }
    return new StoreVersion.Page(ids, new short[0], -1);
  }

  @Test
  void aPageIsKeptTheSecondTimeItsKeyComesUp() {
    PageCache cache = new PageCache(8, 1 << 20);
    StoreVersion.Page first = page(10);
    assertSame(first, cache.offer("TGARCIA", first));
    assertNull(cache.get("TGARCIA"), "a key seen once is not kept");
    StoreVersion.Page second = page(10);
    assertSame(second, cache.offer("TGARCIA", second));
    assertSame(second, cache.get("TGARCIA"));
    assertEquals(second.bytes(), cache.bytes());
    assertNull(cache.get("TLOPEZ"));
  }

  @Test
  void aPageWithYearsIsKeptInYearOrder() {
    PageCache cache = new PageCache(8, 1 << 20);
    int[] ids = {2, 11, 12};
    short[] years = new short[3];
    cache.offer("TNAKAMURA", new StoreVersion.Page(ids, years, -1));
    StoreVersion.Page kept = cache.offer("TNAKAMURA", new StoreVersion.Page(ids, years, -1));
    assertTrue(kept.inYearOrder());
    assertSame(kept, cache.get("TNAKAMURA"));
  }

  @Test
  void thePagesHeldStayWithinTheirBytesAndAreCountedAsTheyAreReplaced() {
    // Two slots, room for about three pages of 100 ids: keys collide and pages are replaced.
    long max = 3 * page(100).bytes();
    PageCache cache = new PageCache(1, max);
    Map<String, StoreVersion.Page> offered = new HashMap<>();
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 40; k++) {
        String key = "T" + k;
        StoreVersion.Page p = page(50 + k * 5);
        cache.offer(key, p);
        cache.offer(key, p);
        offered.put(key, p);
        assertTrue(cache.bytes() <= max, "over the bound: " + cache.bytes());
        long held = 0;
        for (Map.Entry<String, StoreVersion.Page> e : offered.entrySet()) {
          StoreVersion.Page got = cache.get(e.getKey());
          held += got == null ? 0 : got.bytes();
        }
        assertEquals(held, cache.bytes(), "the count must follow evictions");
      }
    }
    assertTrue(cache.bytes() > 0);
  }

  @Test
  void aPageLargerThanTheBoundIsReturnedButNotKept() {
    PageCache cache = new PageCache(8, page(10).bytes());
    StoreVersion.Page big = page(1000);
    cache.offer("TSMITH", big);
    assertSame(big, cache.offer("TSMITH", big));
    assertNull(cache.get("TSMITH"));
    assertEquals(0, cache.bytes());
  }
}
