package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Builds one version of a list store in a folder: {@code entries.cm} (entry number to the binary
 * record of {@link EntryCodec}), {@code postings.cm} (blocking key to the sorted numbers of the
 * entries that have it, see {@link Keys}), {@code facts.bin} ({@link EntryFacts}), {@code
 * names.bin} ({@link NameBounds}) and {@code keys.bin} ({@link KeyFilter}). Two passes over the
 * entries: the first numbers them, collects the postings and the token frequencies and measures
 * the records, so that both Chronicle Maps are sized from the real counts; the second writes the
 * records with token weights.
 */
final class StoreBuilder {
  /*
   * Implementation note: posting lists are split into pages of PAGE ids so that no Chronicle Map
   * value is far larger than the average (Chronicle allocates values in chunks, with a cap per
   * entry). Page 0 holds the total count first; page p > 0 sits under key + '\u0001' + p.
   */
  static final int PAGE = 1024;
  static final String ENTRIES = "entries.cm";
  static final String POSTINGS = "postings.cm";

  /** Entries to store, readable twice in the same order. */
  interface Source {
    void forEach(Consumer<WatchlistEntry> sink) throws IOException;
  }

  /** What was built. */
  record Stats(int entries, long names, long keys) {}

  private StoreBuilder() {}

  static Stats build(Path dir, Source source) throws IOException {
    Map<String, IntList> postings = new HashMap<>(1 << 16);
    Map<String, int[]> tokenDf = new HashMap<>(1 << 16);
    int[] count = {0};
    long[] names = {0};
    long[] bytes = {0};
    int[] maxBytes = {0};
    Bin.Writer w = new Bin.Writer();
    source.forEach(e -> {
      int id = count[0]++;
      List<NameSimilarity.Tokens> prepared = new ArrayList<>(e.names().size());
      Consumer<String> post = key -> postings.computeIfAbsent(key, k -> new IntList()).addOnce(id);
      for (ListedName n : e.names()) {
        Normalizer.NormalizedName nn = Normalizer.normalize(n.name());
        NameSimilarity.Tokens t = NameSimilarity.Tokens.of(nn, null);
        prepared.add(t);
        Keys.nameKeys(t, nn.particle(), (key, bits) -> post.accept(key));
        Keys.deletionKeys(nn, post);
        for (int i = 0; i < nn.tokens().length; i++) {
          if (!nn.particle()[i]) {
            post.accept("W" + nn.tokens()[i]); // token frequency, for the weights
          }
        }
        names[0]++;
      }
      for (ListedDocument d : e.documents()) {
        String k = Keys.documentKey(d.number());
        if (k != null) {
          post.accept(k);
        }
      }
      int size = EntryCodec.encode(e, prepared, w).length;
      bytes[0] += size;
      maxBytes[0] = Math.max(maxBytes[0], size);
    });
    int n = count[0];
    // Token frequencies become weights; the W keys themselves are not stored.
    postings.entrySet().removeIf(en -> {
      if (en.getKey().charAt(0) == 'W') {
        tokenDf.put(en.getKey().substring(1), new int[] {en.getValue().size});
        return true;
      }
      return false;
    });
    NameSimilarity.TokenWeights weights = t -> {
      int[] df = tokenDf.get(t);
      return weight(df == null ? 0 : df[0], n);
    };

    Path entriesFile = dir.resolve(ENTRIES);
    try (ChronicleMap<Integer, byte[]> entries = ChronicleMap.of(Integer.class, byte[].class)
        .name("paxrisk-entries")
        .entries(Math.max(1, n))
        .averageValueSize(Math.max(16, n == 0 ? 64 : (double) bytes[0] / n))
        .actualChunkSize(64)
        .maxChunksPerEntry(maxBytes[0] / 64 + 4)
        .createPersistedTo(entriesFile.toFile())) {
      int[] id = {0};
      long[] facts = new long[n];
      try (NameBounds.Writer bounds = new NameBounds.Writer(dir.resolve(NameBounds.FILE), n)) {
        source.forEach(e -> {
          List<NameSimilarity.Tokens> prepared = new ArrayList<>(e.names().size());
          List<Boolean> weak = new ArrayList<>(e.names().size());
          for (ListedName ln : e.names()) {
            prepared.add(NameSimilarity.Tokens.of(Normalizer.normalize(ln.name()), weights));
            weak.add(ln.weak());
          }
          facts[id[0]] = EntryFacts.of(e);
          // A document entry scores nothing by name: no names to bound.
          boolean named = e.kind() != WatchlistEntry.Kind.DOCUMENT;
          bounds.add(named ? prepared : List.of(), named ? weak : List.of());
          entries.put(id[0]++, EntryCodec.encode(e, prepared, w));
        });
        bounds.finish();
      } catch (java.io.UncheckedIOException x) {
        throw x.getCause();
      }
      EntryFacts.write(dir.resolve(EntryFacts.FILE), facts);
    }

    long pages = 0;
    long keyChars = 0;
    long valueBytes = 0;
    for (Map.Entry<String, IntList> en : postings.entrySet()) {
      int size = en.getValue().size;
      int p = Math.max(1, (size + PAGE - 1) / PAGE);
      pages += p;
      keyChars += (long) en.getKey().length() * p + (p - 1) * 3L;
      valueBytes += 4L * (size + 1);
    }
    KeyFilter.of(postings.keySet()).write(dir.resolve(KeyFilter.FILE));
    Path postingsFile = dir.resolve(POSTINGS);
    try (ChronicleMap<CharSequence, byte[]> map = ChronicleMap.of(CharSequence.class, byte[].class)
        .name("paxrisk-postings")
        .entries(Math.max(1, pages))
        .averageKeySize(Math.max(2, pages == 0 ? 8 : (double) keyChars / pages))
        .averageValueSize(Math.max(8, pages == 0 ? 8 : (double) valueBytes / pages))
        .actualChunkSize(32)
        .maxChunksPerEntry((PAGE + 1) * 4 / 32 + 2)
        .createPersistedTo(postingsFile.toFile())) {
      for (Map.Entry<String, IntList> en : postings.entrySet()) {
        writePages(map, en.getKey(), en.getValue());
      }
    }
    return new Stats(n, names[0], postings.size());
  }

  /** Rarity weight of a token that {@code df} of {@code n} entries have: 1 unique, 0.15 floor. */
  static double weight(int df, int n) {
    if (df <= 1 || n <= 1) {
      return 1.0;
    }
    double w = Math.log1p((double) n / df) / Math.log1p(n);
    return Math.max(0.15, Math.min(1.0, w));
  }

  private static void writePages(ChronicleMap<CharSequence, byte[]> map, String key, IntList ids) {
    int size = ids.size;
    int pages = Math.max(1, (size + PAGE - 1) / PAGE);
    for (int p = 0; p < pages; p++) {
      int from = p * PAGE;
      int to = Math.min(size, from + PAGE);
      ByteBuffer b = ByteBuffer.allocate(4 * (to - from + (p == 0 ? 1 : 0)))
          .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      if (p == 0) {
        b.putInt(size);
      }
      for (int i = from; i < to; i++) {
        b.putInt(ids.values[i]);
      }
      map.put(p == 0 ? key : key + '\u0001' + p, b.array());
    }
  }

  /** A growable sorted int list; ids arrive in increasing order. */
  static final class IntList {
    int[] values = new int[2];
    int size;

    void addOnce(int v) {
      if (size > 0 && values[size - 1] == v) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
