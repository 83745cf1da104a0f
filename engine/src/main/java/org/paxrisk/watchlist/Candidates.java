package org.paxrisk.watchlist;

import java.util.Arrays;

/**
 * The entries a query's keys lead to, with the weight of the keys that found each: an open
 * addressing int-to-double map, reused per thread, and a bounded selection of the best. Ids are
 * non-negative; slots hold id + 1 so that 0 means empty.
 */
final class Candidates {
  private int[] ids = new int[1024];
  private double[] support = new double[1024];
  private int[] tokens = new int[1024];
  private int[] used = new int[512];
  private int size;
  /** Indices of a page's ids that the year window admits ({@link #addAll}). */
  private int[] picked = new int[256];
  /**
   * What the touch loops read ({@link #addAll}, {@link NameBounds#touch}): kept, so that the JIT
   * keeps the reads.
   */
  long touched;

  void clear() {
    for (int i = 0; i < size; i++) {
      ids[used[i]] = 0;
    }
    size = 0;
  }

  /** Whether an entry may become a candidate: asked once per entry (see {@link #add}). */
  interface Admission {
    /** {@code years}: the entry's {@link EntryFacts#years}, known from the posting page. */
    boolean admits(int id, short years);

    /** Reads what {@link #admits} reads of the entry and returns it (see {@link #addAll}). */
    long touch(int id);
  }

  /**
   * Adds weight to an entry ({@code bits} are the query tokens whose keys led there). An entry new
   * to the map is entered only when {@code admit} accepts it; one it refuses is remembered as
   * refused, so that it is asked once per entry however many keys lead there, and never counted
   * or returned.
   */
  void add(int id, short years, double w, int bits, Admission admit) {
    int slot = find(id);
    if (ids[slot] == 0) {
      ids[slot] = id + 1;
      support[slot] = admit.admits(id, years) ? w : REFUSED;
      tokens[slot] = bits;
      if (size == used.length) {
        used = Arrays.copyOf(used, size * 2);
      }
      used[size++] = slot;
      if (size * 2 > ids.length) {
        grow();
      }
    } else {
      support[slot] += w;
      tokens[slot] |= bits;
    }
  }

  /**
   * {@link #add} for every entry of a first page that the year window admits. Those are picked
   * first ({@link WatchlistMatcher.YearWindow#pick}), and what admission reads of each is touched
   * in a loop of its own: the entries lie far apart in a large table, so each read is a cache
   * miss, and in a tight loop the misses overlap instead of waiting for each other.
   */
  void addAll(StoreVersion.Page page, double w, int bits, WatchlistMatcher.YearWindow window,
      Admission admit) {
    int[] ids = page.ids();
    short[] years = page.years();
    if (picked.length < ids.length) {
      picked = new int[ids.length];
    }
    int n = window.pick(page, picked);
    long read = 0;
    for (int k = 0; k < n; k++) {
      read += admit.touch(ids[picked[k]]);
    }
    touched += read;
    for (int k = 0; k < n; k++) {
      int i = picked[k];
      add(ids[i], years[i], w, bits, admit);
    }
  }

  /** Support of a refused entry: adding weight leaves it refused. */
  private static final double REFUSED = Double.NEGATIVE_INFINITY;

  /** Adds weight only to an entry already in. */
  void strengthen(int id, double w, int bits) {
    int slot = find(id);
    if (ids[slot] != 0) {
      support[slot] += w;
      tokens[slot] |= bits;
    }
  }

  /**
   * {@link #strengthen} for every id of a posting list ({@code posting[1..]}, ascending). When the
   * map holds far fewer entries than the posting, each entry is looked up in the posting instead:
   * the same outcome, without a probe of the map per id. Refused entries are not looked up (about
   * half the map against a million entries): weight leaves them refused.
   */
  void strengthenAll(int[] posting, double w, int bits) {
    int n = posting.length - 1;
    if ((long) size * 12 < n) {
      for (int u = 0; u < size; u++) {
        int s = used[u];
        if (support[s] != REFUSED
            && Arrays.binarySearch(posting, 1, posting.length, ids[s] - 1) >= 0) {
          support[s] += w;
          tokens[s] |= bits;
        }
      }
    } else {
      for (int i = 1; i < posting.length; i++) {
        strengthen(posting[i], w, bits);
      }
    }
  }

  /** The query tokens whose keys found the entry. */
  int tokens(int id) {
    int slot = find(id);
    return ids[slot] == 0 ? 0 : tokens[slot];
  }


  /** The ids of the {@code k} best-supported entries, best first (ties by lower id). */
  int[] top(int k) {
    int m = Math.min(k, size);
    int[] bestIds = new int[m];
    double[] bestW = new double[m];
    int n = 0;
    for (int u = 0; u < size; u++) {
      int s = used[u];
      int id = ids[s] - 1;
      double w = support[s];
      if (w == REFUSED) {
        continue;
      }
      if (n < m) {
        n++;
      } else if (!(w > bestW[m - 1] || (w == bestW[m - 1] && id < bestIds[m - 1]))) {
        continue;
      }
      // Insertion into the sorted best list: m is small.
      int i = n - 1;
      while (i > 0 && (w > bestW[i - 1] || (w == bestW[i - 1] && id < bestIds[i - 1]))) {
        bestW[i] = bestW[i - 1];
        bestIds[i] = bestIds[i - 1];
        i--;
      }
      bestW[i] = w;
      bestIds[i] = id;
    }
    return n == m ? bestIds : Arrays.copyOf(bestIds, n); // refused entries left slots empty
  }

  private int find(int id) {
    int mask = ids.length - 1;
    int slot = (id * 0x9E3779B9) >>> 1 & mask;
    while (ids[slot] != 0 && ids[slot] != id + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldIds = ids;
    double[] oldSupport = support;
    int[] oldTokens = tokens;
    ids = new int[oldIds.length * 2];
    support = new double[oldIds.length * 2];
    tokens = new int[oldIds.length * 2];
    int n = 0;
    for (int s = 0; s < oldIds.length; s++) {
      if (oldIds[s] != 0) {
        int slot = find(oldIds[s] - 1);
        ids[slot] = oldIds[s];
        support[slot] = oldSupport[s];
        tokens[slot] = oldTokens[s];
        used[n++] = slot;
      }
    }
    size = n;
  }
}
