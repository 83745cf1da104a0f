package org.paxrisk.watchlist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;

/** One published version of a store, opened for reading: its two maps and its manifest. */
final class StoreVersion implements Closeable {
  private static final int[] NONE = new int[0];

  final Path dir;
  final Manifest manifest;
  private final ChronicleMap<Integer, byte[]> entries;
  private final ChronicleMap<CharSequence, byte[]> postings;
  private final ThreadLocal<Bin.Reader> readers = ThreadLocal.withInitial(Bin.Reader::new);
  private final long[] facts;
  private final short[] years;
  private final NameBounds nameBounds;
  /** Null for a version built before {@code keys.bin}: every key is looked up in the map. */
  private final KeyFilter keyFilter;
  private final int commonAbove;

  private StoreVersion(Path dir, Manifest manifest, ChronicleMap<Integer, byte[]> entries,
      ChronicleMap<CharSequence, byte[]> postings, boolean bounds) throws IOException {
    this.dir = dir;
    this.manifest = manifest;
    this.entries = entries;
    this.postings = postings;
    long[] f = EntryFacts.read(dir.resolve(EntryFacts.FILE), manifest.entries());
    if (f == null) {
      // A version built before facts.bin existed: derive them once, from the entries.
      f = new long[manifest.entries()];
      for (int id = 0; id < f.length; id++) {
        WatchlistEntry e = entry(id);
        f[id] = e == null ? 0 : EntryFacts.of(e);
      }
    }
    this.facts = f;
    this.commonAbove = Math.max(100, Math.min(1000, manifest.entries() / 200));
    this.cache = f.length <= CACHE ? new java.util.concurrent.atomic.AtomicReferenceArray<>(CACHE)
        : null;
    this.years = new short[f.length];
    for (int id = 0; id < f.length; id++) {
      years[id] = EntryFacts.years(f[id]);
    }
    NameBounds b = null;
    if (bounds) {
      b = NameBounds.open(dir.resolve(NameBounds.FILE), manifest.entries());
      if (b == null) {
        b = deriveNameBounds();
      }
    }
    this.nameBounds = b;
    this.keyFilter = keyFilter(dir, manifest);
  }

  /** The version's {@link KeyFilter}, or null: a file that cannot be read costs speed, not use. */
  private static KeyFilter keyFilter(Path dir, Manifest manifest) {
    try {
      return KeyFilter.read(dir.resolve(KeyFilter.FILE), manifest.keys());
    } catch (IOException x) {
      LOG.warn("watch-list store version {}: could not read {} ({}); every key is looked up in"
          + " the map", dir.getFileName(), KeyFilter.FILE, x.toString());
      return null;
    }
  }

  /**
   * Writes {@code names.bin} for a version built before it existed, or before its present layout,
   * from the entries (a few seconds for a million), and opens it. Written beside and then moved
   * into place, so that a reader never sees half a file. Without it, matching reads every
   * candidate: slower, with the same results.
   */
  private NameBounds deriveNameBounds() {
    Path file = dir.resolve(NameBounds.FILE);
    int n = manifest.entries();
    Path tmp = dir.resolve(NameBounds.FILE + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (NameBounds.Writer w = new NameBounds.Writer(tmp, n)) {
        Bin.Reader r = new Bin.Reader();
        for (int id = 0; id < n; id++) {
          byte[] b = entries.get(id);
          EntryCodec.Lean e = b == null ? null : EntryCodec.decodeLean(r.wrap(b, 0, b.length));
          if (e == null || e.kind() == WatchlistEntry.Kind.DOCUMENT) {
            w.add(List.of(), List.of());
            continue;
          }
          List<Boolean> weak = new ArrayList<>(e.weak().length);
          for (boolean x : e.weak()) {
            weak.add(x);
          }
          w.add(List.of(e.names()), weak);
        }
        w.finish();
      } catch (java.io.UncheckedIOException x) {
        throw x.getCause();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return NameBounds.open(file, n);
    } catch (IOException | RuntimeException x) {
      LOG.warn("watch-list store version {}: could not write {} ({}); matching reads every"
          + " candidate", dir.getFileName(), NameBounds.FILE, x.toString());
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the failure is reported above
      }
      return null;
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
      StoreVersion.class);

  static StoreVersion open(Path dir) throws IOException {
    return open(dir, true);
  }

  /** {@code bounds} false: without {@link NameBounds}, every candidate read (for tests). */
  static StoreVersion open(Path dir, boolean bounds) throws IOException {
    Manifest m = Manifest.read(dir, dir.getFileName().toString());
    if (m.normalizer() != Normalizer.VERSION) {
      throw new IOException("watch-list store version " + dir.getFileName() + " was built with"
          + " normaliser " + m.normalizer() + "; this PaxRisk uses " + Normalizer.VERSION
          + ": import the lists again");
    }
    for (String f : new String[] {StoreBuilder.ENTRIES, StoreBuilder.POSTINGS}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IOException("watch-list store version " + dir + " lacks " + f);
      }
    }
    ChronicleMap<Integer, byte[]> e = ChronicleMap.of(Integer.class, byte[].class)
        .name("paxrisk-entries").entries(Math.max(1, m.entries())).averageValueSize(64)
        .createPersistedTo(dir.resolve(StoreBuilder.ENTRIES).toFile());
    ChronicleMap<CharSequence, byte[]> p = ChronicleMap.of(CharSequence.class, byte[].class)
        .name("paxrisk-postings").entries(Math.max(1, m.keys())).averageKeySize(8)
        .averageValueSize(8).createPersistedTo(dir.resolve(StoreBuilder.POSTINGS).toFile());
    return new StoreVersion(dir, m, e, p, bounds);
  }

  int size() {
    return manifest.entries();
  }

  /**
   * Keys of more entries than this are common: a matcher lets them only strengthen the candidates
   * rarer keys found. More than 0.5% of the entries, with at least 100 and at most 1,000: past
   * that, a common name would put thousands of entries through the candidate map, most of a
   * search's time against a million entries.
   */
  int commonAbove() {
    return commonAbove;
  }

  /** The entry's {@link EntryFacts}. */
  long facts(int id) {
    return facts[id];
  }

  /** The entry's {@link EntryFacts#years}. */
  short years(int id) {
    return years[id];
  }

  /** The bounds of the entries' names, or null for a version built without them. */
  NameBounds nameBounds() {
    return nameBounds;
  }

  /** The entry with that number, decoded, or null. */
  WatchlistEntry entry(int id) {
    byte[] b = entries.get(id);
    if (b == null) {
      return null;
    }
    return EntryCodec.decode(readers.get().wrap(b, 0, b.length));
  }

  /**
   * The entry with that number, as scoring reads it, or null. When the whole list fits {@link
   * #CACHE} entries (OFAC and UN do), decoded entries are kept in a direct-mapped cache, where
   * each keeps its slot. A larger list reads and decodes every time: entries would evict each
   * other, and each evicted one is an object graph that outlived young collections for nothing.
   * Against a million entries, the collector's pauses then took 5.9 to 6.5 s of an end-to-end
   * run instead of 2.2 to 2.6, and matching on one thread was no faster for the cache's 60% of
   * hits (docs/performance.md). Caching only entries that came up twice, as posting pages are,
   * still took 4.4 to 4.6 s.
   */
  EntryCodec.Lean lean(int id) {
    int slot = id & (CACHE - 1);
    Cached c = cache == null ? null : cache.get(slot);
    if (c != null && c.id == id) {
      return c.lean;
    }
    byte[] b = entries.get(id);
    if (b == null) {
      return null;
    }
    EntryCodec.Lean lean = EntryCodec.decodeLean(readers.get().wrap(b, 0, b.length));
    if (cache != null) {
      cache.set(slot, new Cached(id, lean));
    }
    return lean;
  }

  static final int CACHE = 1 << 16;
  /** Null for a list of more than {@link #CACHE} entries. */
  private final java.util.concurrent.atomic.AtomicReferenceArray<Cached> cache;

  private record Cached(int id, EntryCodec.Lean lean) {}

  /**
   * The first page of the entries with the key ({@link StoreBuilder#PAGE} ids), each with its
   * {@link #years} beside it: the matcher's year window then reads the years in order, not one
   * by one from the whole store's table (a cache miss each, hundreds per query against a million
   * entries). Shared by every caller: read it, never write it. A name key's page is kept in the
   * {@link PageCache}.
   */
  Page firstPage(String key) {
    if (key.charAt(0) == Keys.DOCUMENT) {
      // Document numbers do not repeat: not worth a place in the cache.
      return page(read(key, false), false);
    }
    Page cached = pages.get(key);
    return cached != null ? cached : pages.offer(key, page(read(key, false), true));
  }

  /** {@link PageCache#touch} of the first pages' cache. */
  long touchFirstPages(Iterable<String> keys) {
    return pages.touch(keys);
  }

  /** Every entry with the key: the total count first, then the ids ascending. Read it only. */
  int[] posting(String key) {
    return read(key, true);
  }

  /**
   * A posting's first page: {@code ids[0]} is the posting's total count, {@code ids[1..]} the
   * page's entries, and {@code years[i]} the {@link #years} of {@code ids[i]} (for a rare name
   * key's page only: empty for others, which no year window reads). The entries are in ascending
   * order, but for a rare key's cached page, which is {@link #byYear}.
   *
   * @param spanMost for a page in year order, the largest {@link EntryFacts#span} among its
   *     entries; -1 for a page in ascending order
   */
  record Page(int[] ids, short[] years, int spanMost) {
    /** About what the page takes of the heap: its two arrays and itself. */
    long bytes() {
      return 64 + 4L * ids.length + 2L * years.length;
    }

    /** The posting's total count, 0 when no entry has the key. */
    int count() {
      return ids.length == 0 ? 0 : ids[0];
    }

    /** Whether the entries are ordered by {@link #latest} year, not by id. */
    boolean inYearOrder() {
      return spanMost >= 0;
    }

    /**
     * The page with its entries ordered by {@link #latest} year (ties by id): entries with no
     * years first, entities last. A year window then finds its entries by a binary search, where
     * a page in id order has all of its entries tested (about 700 a query against a million
     * entries, most of them namesakes born in other years).
     */
    Page byYear() {
      // A counting sort: latest years take fewer values than a page has entries, and it keeps
      // the ids' order within a year.
      int[] at = new int[LATEST_MOST + 2];
      int spanMost = 0;
      for (int i = 1; i < ids.length; i++) {
        at[latest(years[i]) + 1]++;
        if (years[i] != EntryFacts.NOT_A_PERSON) {
          spanMost = Math.max(spanMost, EntryFacts.span(years[i]));
        }
      }
      at[0] = 1;
      for (int k = 1; k < at.length; k++) {
        at[k] += at[k - 1];
      }
      int[] sortedIds = ids.clone();
      short[] sortedYears = years.clone();
      for (int i = 1; i < ids.length; i++) {
        int k = at[latest(years[i])]++;
        sortedIds[k] = ids[i];
        sortedYears[k] = years[i];
      }
      return new Page(sortedIds, sortedYears, spanMost);
    }

    /** The {@link #latest} of {@link EntryFacts#NOT_A_PERSON}, above every other. */
    private static final int LATEST_MOST = latest(EntryFacts.NOT_A_PERSON);

    /**
     * The latest listed year of {@link EntryFacts#years} as stored (earliest plus span): 0 when
     * none is listed, and above every real one for {@link EntryFacts#NOT_A_PERSON}.
     */
    static int latest(short years) {
      return EntryFacts.earliest(years) + EntryFacts.span(years);
    }
  }

  /**
   * The page with its entries' years when a year window may read them: a rare key's page, not a
   * common key's (whose years would cost a random read each of up to {@link StoreBuilder#PAGE}
   * entries, for nothing) nor a document number's.
   */
  private Page page(int[] ids, boolean name) {
    if (!name || ids.length == 0 || ids[0] > commonAbove) {
      return new Page(ids, NO_YEARS, -1);
    }
    short[] y = new short[ids.length];
    for (int i = 1; i < ids.length; i++) {
      y[i] = years[ids[i]];
    }
    return new Page(ids, y, -1);
  }

  private static final short[] NO_YEARS = new short[0];

  /**
   * The first pages' cache: 262,144 slots, since a batch against a million entries asks for a few
   * hundred thousand name keys again and again (four times the 65,536 slots of before made
   * matching about 5% faster; 146,025 pages held, 42 MB, after a million travellers), and at most
   * 96 MB of pages (a page is up to 6 KB).
   */
  private final PageCache pages = new PageCache(18, 96L << 20);

  private int[] read(String key, boolean all) {
    if (keyFilter != null && !keyFilter.mayHave(key)) {
      return NONE;
    }
    int[] first = page(key, true, all ? Integer.MAX_VALUE : StoreBuilder.PAGE);
    if (first.length == 0) {
      return NONE;
    }
    int total = first[0];
    int n = all ? total : Math.min(total, StoreBuilder.PAGE);
    if (first.length == n + 1) {
      return first;
    }
    int[] out = java.util.Arrays.copyOf(first, n + 1);
    int k = first.length;
    for (int page = 1; k <= n; page++) {
      int[] more = page(key + '\u0001' + page, false, n + 1 - k);
      if (more.length == 0) {
        throw new IllegalStateException("watch-list store " + dir + ": posting page missing");
      }
      System.arraycopy(more, 0, out, k, Math.min(more.length, n + 1 - k));
      k += more.length;
    }
    return out;
  }

  /**
   * One page of a posting list: the count first on page 0, then at most {@code max} ids. (Reading
   * in place through a query context was measured slower than this copy.)
   */
  private int[] page(String key, boolean first, int max) {
    byte[] b = postings.get(key);
    if (b == null) {
      return NONE;
    }
    int ints = b.length / 4;
    int n = (int) Math.min(ints, first ? (long) max + 1 : max);
    if (n == 0) {
      return NONE;
    }
    int[] out = new int[n];
    // One bulk copy (a memory copy on a little-endian machine), not an int at a time.
    java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
    return out;
  }

  @Override
  public void close() {
    entries.close();
    postings.close();
  }
}
