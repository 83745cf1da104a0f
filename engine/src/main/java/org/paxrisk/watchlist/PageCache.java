package org.paxrisk.watchlist;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The first pages of name keys' postings, in a direct-mapped cache shared by every thread: names
 * repeat (every traveller called GARCIA asks for the same keys). A page enters the cache the
 * second time its key comes up while its slot remembers the key: most keys of a million entries
 * come up once, and cached, their pages outlived a young collection only to be evicted later. The
 * pages held are bounded in bytes as well as in number, so that the heap stays bounded whatever
 * the traffic.
 */
final class PageCache {
  private record Cached(String key, StoreVersion.Page page) {}

  private final AtomicReferenceArray<Cached> slots;
  /** Per slot, the hash (made odd, so never 0) of the last key that came up without a place. */
  private final int[] seen;
  private final int shift;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();

  PageCache(int bits, long maxBytes) {
    slots = new AtomicReferenceArray<>(1 << bits);
    seen = new int[1 << bits];
    shift = 32 - bits;
    this.maxBytes = maxBytes;
  }

  /** The cached page of the key, or null. */
  StoreVersion.Page get(String key) {
    Cached c = slots.get(slot(key));
    return c != null && c.key.equals(key) ? c.page : null;
  }

  /**
   * A page just read for the key: cached if its key came up last time its slot was asked and the
   * bytes allow. Returns the page as cached: one that year windows read (one with years) is kept
   * in year order.
   */
  StoreVersion.Page offer(String key, StoreVersion.Page page) {
    int slot = slot(key);
    int hash = key.hashCode() | 1;
    if (seen[slot] != hash) {
      seen[slot] = hash;
      return page;
    }
    StoreVersion.Page kept = page.years().length == 0 ? page : page.byYear();
    Cached c = slots.get(slot);
    long freed = c == null ? 0 : c.page.bytes();
    // Two threads may both pass this test: the bound is then exceeded by a page or two.
    if (bytes.get() + kept.bytes() - freed <= maxBytes) {
      Cached evicted = slots.getAndSet(slot, new Cached(key, kept));
      bytes.addAndGet(kept.bytes() - (evicted == null ? 0 : evicted.page.bytes()));
    }
    return kept;
  }

  /** What the cached pages hold, about ({@link StoreVersion.Page#bytes}). */
  long bytes() {
    return bytes.get();
  }

  /**
   * Reads what {@link #get} reads of each key's slot (slot, key, page, ids, years) in a loop of
   * its own: the keys' chains of reads do not depend on each other, so their cache misses overlap
   * here, where in the matcher's loop each waits for the last. Returns what it read, for the
   * caller to keep, so that the reads are not optimised away.
   */
  long touch(Iterable<String> keys) {
    long sum = 0;
    for (String key : keys) {
      Cached c = slots.get(slot(key));
      if (c != null) {
        sum += c.key.length() + c.page.ids().length + c.page.years().length;
      }
    }
    return sum;
  }

  private int slot(String key) {
    return key.hashCode() * 0x9E3779B9 >>> shift;
  }
}
