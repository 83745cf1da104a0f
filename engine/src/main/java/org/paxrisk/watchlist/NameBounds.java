package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The name bound of {@link NameSimilarity#scoreAtLeast}, computed before an entry is read. Most
 * candidates of a traveller on no list are namesakes in one token whose other tokens rule them
 * out; the bound tells so from a few ints per token, where reading the entry from Chronicle Map and
 * decoding it cost microseconds.
 *
 * <p>Per entry, per name: the weak flag; per token what {@code NameSimilarity.mayPair} tests (first
 * letter and first consonant, hashes of the canonical spelling and of the bare skeleton) and the
 * weight; and the hashes of the skeletons of single tokens and of two and three adjacent tokens
 * joined, which tell whether a join could happen. Where one could, the entry is read: joins change
 * the tokens the bound is taken over. Otherwise the bound is the one scoring would compute after
 * the read (hash equality stands for string equality, which can only raise it), so leaving an
 * entry out here changes no result. Kept in {@code names.bin} beside the maps, memory-mapped (about
 * 90 bytes an entry); a version without it is read entry by entry, as before it existed.
 */
final class NameBounds {
  static final String FILE = "names.bin";
  private static final int MAGIC = 0x50584E42; // "PXNB"
  /** Magic, normaliser version, equivalents table, entries, ints of records; then the records, then each entry's offset. */
  private static final int HEADER = 5;
  /** Ints per token: letters, canonical hash, bare hash, weight bits, skeleton hash. */
  private static final int TOKEN = 5;

  private final IntBuffer ints;
  /** Where each entry's record starts in {@link #ints}; on the heap, one memory access fewer. */
  private final int[] starts;

  private NameBounds(IntBuffer ints, int[] starts) {
    this.ints = ints;
    this.starts = starts;
  }

  /**
   * The bounds in {@code file} for a store of {@code n} entries, or null when the file is missing
   * or was written for another store or another normaliser or equivalents table.
   */
  static NameBounds open(Path file, int n) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < (HEADER + n + 1) * 4L || size > Integer.MAX_VALUE * 4L) {
        return null;
      }
      IntBuffer ints = ch.map(FileChannel.MapMode.READ_ONLY, 0, size)
          .order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
      int records = ints.get(4);
      if (ints.get(0) != MAGIC || ints.get(1) != Normalizer.VERSION
          || ints.get(2) != Equivalents.fingerprint() || ints.get(3) != n || records < 0
          || ints.limit() != HEADER + (long) records + n + 1
          || ints.get(HEADER + records + n) != records) {
        return null;
      }
      int[] starts = new int[n];
      ints.get(HEADER + records, starts);
      for (int i = 0; i < n; i++) {
        starts[i] += HEADER;
      }
      return new NameBounds(ints, starts);
    }
  }

  /** What the bound needs of a query, worked out once for all its candidates. */
  static final class Query {
    final NameSimilarity.Tokens tokens;
    final int[] skeletons;
    /** Hashes of the skeletons of each two and three adjacent tokens joined. */
    final int[] joined;

    Query(NameSimilarity.Tokens tokens) {
      this.tokens = tokens;
      int k = tokens.size();
      skeletons = new int[k];
      for (int i = 0; i < k; i++) {
        skeletons[i] = tokens.skeleton[i].hashCode();
      }
      joined = new int[Math.max(0, k - 1) + Math.max(0, k - 2)];
      int j = 0;
      for (int span = 2; span <= 3; span++) {
        for (int i = 0; i + span <= k; i++) {
          joined[j++] = tokens.joinedSkeleton(i, span).hashCode();
        }
      }
    }
  }

  /**
   * Whether a name of entry {@code id} may score at least {@code floor} for the query (after its
   * weak factor): false only when {@link WatchlistMatcher} would find every name below it.
   */
  boolean mayReach(int id, Query q, double floor) {
    if (id < 0 || id >= starts.length) {
      return true;
    }
    int p = starts[id];
    int names = ints.get(p++);
    NameSimilarity.Tokens x = q.tokens;
    int qn = x.size();
    for (int name = 0; name < names; name++) {
      int head = ints.get(p++);
      int k = head & 0xFFFF;
      double weak = (head & WEAK) != 0 ? 0.95 : 1.0;
      int tokens = p;
      int spans = p + k * TOKEN;
      p = spans + Math.max(0, k - 1) + Math.max(0, k - 2);
      if (mayJoin(q, tokens, k, spans, p)) {
        return true;
      }
      // NameSimilarity.upperBound, in the same order, so that the sums are the same.
      double pairable = 0;
      double unpaired = 0;
      for (int i = 0; i < qn; i++) {
        boolean may = false;
        for (int j = 0; j < k && !may; j++) {
          may = mayPair(x, i, tokens + j * TOKEN);
        }
        if (may) {
          pairable += x.weight[i];
        } else {
          unpaired += x.weight[i];
        }
      }
      for (int j = 0; j < k; j++) {
        int t = tokens + j * TOKEN;
        boolean may = false;
        for (int i = 0; i < qn && !may; i++) {
          may = mayPair(x, i, t);
        }
        double w = Float.intBitsToFloat(ints.get(t + 3));
        if (may) {
          pairable += w;
        } else {
          unpaired += w;
        }
      }
      double paired = pairable / 2;
      double bound = paired == 0 ? 0
          : paired / (paired + NameSimilarity.UNPAIRED_WEIGHT * unpaired);
      if (bound >= floor / weak) {
        return true;
      }
    }
    return false;
  }

  /** {@code NameSimilarity.mayPair} of query token i and the listed token at {@code t}. */
  private boolean mayPair(NameSimilarity.Tokens x, int i, int t) {
    int a = x.cheap[i * NameSimilarity.Tokens.CHEAP + 1];
    int b = ints.get(t);
    int consonant = a & 0xFFFF;
    return a >>> 16 == b >>> 16 || (consonant != 0 && consonant == (b & 0xFFFF))
        || x.cheap[i * NameSimilarity.Tokens.CHEAP + 2] == ints.get(t + 1)
        || x.cheap[i * NameSimilarity.Tokens.CHEAP + 3] == ints.get(t + 2);
  }

  /** Whether adjacent tokens of one name, joined, may have the skeleton of a token of the other. */
  private boolean mayJoin(Query q, int tokens, int k, int spans, int end) {
    for (int j = 0; j < k; j++) {
      int s = ints.get(tokens + j * TOKEN + 4);
      for (int h : q.joined) {
        if (h == s) {
          return true;
        }
      }
    }
    for (int p = spans; p < end; p++) {
      int h = ints.get(p);
      for (int s : q.skeletons) {
        if (h == s) {
          return true;
        }
      }
    }
    return false;
  }

  private static final int WEAK = 1 << 31;

  /** Writes the entries' records in order, as they come: memory holds only the offsets. */
  static final class Writer implements java.io.Closeable {
    private final FileChannel out;
    private final int[] offsets;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private int size;
    private int count;

    Writer(Path file, int entries) throws IOException {
      out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      offsets = new int[entries + 1];
      buf.position(HEADER * 4); // the header is written last
    }

    /**
     * The next entry: its names prepared with their weights, and which are weak; no names for an
     * entry that is not scored by name (a lost or stolen document).
     */
    void add(List<NameSimilarity.Tokens> names, List<Boolean> weak) {
      offsets[count++] = size;
      put(names.size());
      for (int n = 0; n < names.size(); n++) {
        NameSimilarity.Tokens t = names.get(n);
        int k = t.size();
        if (k > 0xFFFF) {
          throw new IllegalArgumentException("a listed name of more than 65,535 tokens");
        }
        put(k | (weak.get(n) ? WEAK : 0));
        for (int i = 0; i < k; i++) {
          put(t.cheap[i * NameSimilarity.Tokens.CHEAP + 1]);
          put(t.cheap[i * NameSimilarity.Tokens.CHEAP + 2]);
          put(t.cheap[i * NameSimilarity.Tokens.CHEAP + 3]);
          put(Float.floatToRawIntBits((float) t.weight[i])); // as EntryCodec stores it
          put(t.skeleton[i].hashCode());
        }
        for (int span = 2; span <= 3; span++) {
          for (int i = 0; i + span <= k; i++) {
            put(t.joinedSkeleton(i, span).hashCode());
          }
        }
      }
    }

    private void put(int v) {
      if (!buf.hasRemaining()) {
        try {
          flush();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      buf.putInt(v);
      size++;
    }

    private void flush() throws IOException {
      buf.flip();
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      buf.clear();
    }

    /** Writes the offsets and the header; the file is complete. */
    void finish() throws IOException {
      if (count != offsets.length - 1) {
        throw new IllegalStateException(count + " entries added, " + (offsets.length - 1)
            + " expected");
      }
      offsets[count] = size;
      for (int o : offsets) {
        if (!buf.hasRemaining()) {
          flush();
        }
        buf.putInt(o);
      }
      flush();
      buf.putInt(MAGIC).putInt(Normalizer.VERSION).putInt(Equivalents.fingerprint())
          .putInt(count).putInt(size).flip();
      out.write(buf, 0);
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
