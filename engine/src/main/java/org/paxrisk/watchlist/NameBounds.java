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
 * letter and first consonant, hashes of the canonical spelling and of the bare skeleton), the
 * weight, the token's length and set of letters, and its spelling (up to {@link #SPELLED}
 * characters); and the hashes of the skeletons of single tokens and of two and three adjacent
 * tokens joined, which tell whether a join could happen. Where one could, the entry is read: joins
 * change the tokens the bound is taken over. Otherwise the bound is the one scoring would compute
 * after the read, with one more test of whether two tokens may pair: first the most Jaro-Winkler
 * can give them, from their lengths and letter sets (BENITO and BRUNO share three letters: at most
 * 0.73, below the 0.75 a pair needs), then, where that allows a pair, Jaro-Winkler itself on the
 * spelling (SMITH and SMYTHE share enough letters but not in order). Where that bound lets the
 * entry through, a closer one counts each token at the most it can score instead of 1 ({@link
 * #closerBound}). Hashes stand for strings and letter sets for letters, which can only raise the
 * bounds, so leaving an entry out here changes no result. Kept in {@code names.bin} beside the
 * maps, memory-mapped (about 290 bytes an entry of the generated list). A version without it, or
 * with one of an older layout, has it derived from the entries when it is opened ({@link
 * StoreVersion}).
 */
final class NameBounds {
  static final String FILE = "names.bin";
  /** "PXN" and the layout's version: a file of another layout is not read. */
  private static final int MAGIC = 0x50584E03;
  /**
   * Ints before the records: magic, normaliser version, equivalents table, entries, ints of
   * records. The records follow, then each entry's offset into them (and their end).
   */
  private static final int HEADER = 5;
  /**
   * Ints per token: letters, canonical hash, bare hash, weight bits, skeleton hash, letter set, and
   * the spelling, one byte a character (none for a longer token or one beyond Latin-1).
   */
  private static final int TOKEN = 6 + 4;
  /** The longest token whose spelling {@code names.bin} holds. */
  static final int SPELLED = 16;

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

  /**
   * What the bound needs of a query, worked out once for all its candidates; with scratch space
   * of {@link #closerBound}'s, so one search's, never shared between threads.
   */
  static final class Query {
    final NameSimilarity.Tokens tokens;
    final int[] skeletons;
    /** Hashes of the skeletons of each two and three adjacent tokens joined. */
    final int[] joined;
    /** Per joined span, its length and its first letter, the join's other two conditions. */
    final int[] joinedLength;
    final char[] joinedFirst;
    /**
     * {@link #hashBit} of each of {@link #joined} and {@link #skeletons}: a listed skeleton whose
     * bit is not set equals none of them, and most do not, so {@link #mayJoin} rarely loops.
     */
    final long joinedBits;
    final long skeletonBits;

    /** Per token, the bit ({@link #letterBit}) of each of its characters, and their union. */
    final byte[][] bits;
    final int[] letters;
    /** {@link #closerBound}'s per-token best similarities, made on first use. */
    private double[] queryBest;
    private double[] listedBest;

    Query(NameSimilarity.Tokens tokens) {
      this.tokens = tokens;
      int k = tokens.size();
      skeletons = new int[k];
      bits = new byte[k][];
      letters = new int[k];
      for (int i = 0; i < k; i++) {
        String t = tokens.token[i];
        skeletons[i] = tokens.skeleton[i].hashCode();
        bits[i] = new byte[Math.min(t.length(), MAX_LENGTH)];
        for (int c = 0; c < bits[i].length; c++) {
          bits[i][c] = (byte) letterBit(t.charAt(c));
          letters[i] |= 1 << bits[i][c];
        }
      }
      joined = new int[Math.max(0, k - 1) + Math.max(0, k - 2)];
      joinedLength = new int[joined.length];
      joinedFirst = new char[joined.length];
      int j = 0;
      for (int span = 2; span <= 3; span++) {
        for (int i = 0; i + span <= k; i++) {
          for (int t = i; t < i + span; t++) {
            joinedLength[j] += tokens.length(t);
          }
          joinedFirst[j] = tokens.token[i].charAt(0);
          joined[j++] = tokens.joinedSkeleton(i, span).hashCode();
        }
      }
      long jb = 0;
      for (int h : joined) {
        jb |= hashBit(h);
      }
      long sb = 0;
      for (int h : skeletons) {
        sb |= hashBit(h);
      }
      joinedBits = jb;
      skeletonBits = sb;
    }
  }

  /**
   * Reads the first int of the records of entries {@code ids[0..n)}. A query's candidates lie
   * far apart in the file, so each record is a cache miss: read in a loop of their own, the
   * misses overlap, where in {@link #mayReach}'s loop each one waits for the last. Returns what it
   * read, for the caller to keep, so that the reads are not optimised away.
   */
  int touch(int[] ids, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      if (id >= 0 && id < starts.length) {
        sum += ints.get(starts[id]);
      }
    }
    return sum;
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
      if (qn > MAX_TOKENS || k > MAX_TOKENS || mayJoin(q, tokens, k, spans, p)) {
        return true;
      }
      // NameSimilarity.upperBound's sums, with mayPair's finer test of which tokens may pair.
      // Each pair is tested once at most, and not at all when both its tokens may pair already.
      long queryMay = 0;
      long listedMay = 0;
      for (int i = 0; i < qn; i++) {
        for (int j = 0; j < k; j++) {
          if (((queryMay >>> i) & (listedMay >>> j) & 1) == 0
              && mayPair(q, i, tokens + j * TOKEN)) {
            queryMay |= 1L << i;
            listedMay |= 1L << j;
          }
        }
      }
      double pairable = 0;
      double unpaired = 0;
      for (int i = 0; i < qn; i++) {
        if ((queryMay >>> i & 1) != 0) {
          pairable += x.weight[i];
        } else {
          unpaired += x.weight[i];
        }
      }
      for (int j = 0; j < k; j++) {
        double w = Float.intBitsToFloat(ints.get(tokens + j * TOKEN + 3));
        if ((listedMay >>> j & 1) != 0) {
          pairable += w;
        } else {
          unpaired += w;
        }
      }
      double paired = pairable / 2;
      double bound = paired == 0 ? 0
          : paired / (paired + NameSimilarity.UNPAIRED_WEIGHT * unpaired);
      if (bound >= floor / weak && closerBound(q, tokens, k) >= floor / weak) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bound of a name whose tokens may pair, closer: each token counted at the most it can
   * score against the other name's ({@link #ceiling}), where the first bound counts every token
   * that may pair as paired perfectly. About a quarter of the entries the first bound lets
   * through end here (namesakes whose other tokens are only alike: HARUTO and HIROTO, 0.90),
   * where reading one from Chronicle Map and scoring it costs microseconds.
   *
   * <p>Why it is a bound: the score is the pairs' similarities weighted by their tokens, over
   * their weight plus {@code UNPAIRED_WEIGHT} times the unpaired tokens' (a pair weighs the mean of
   * its two tokens, so each token brings half its own weight). Raising a pair's similarities to
   * its tokens' best raises the score; so does pairing a token left unpaired at its best, which is
   * at least {@code PAIR_THRESHOLD} (0.75): that adds at least 0.375 of its weight to the
   * numerator and 0.15 to the denominator (0.5 in place of 0.35), a ratio of 2.5, to a score of at
   * most 1. So every pairing scores at most this.
   */
  private double closerBound(Query q, int tokens, int k) {
    NameSimilarity.Tokens x = q.tokens;
    int qn = x.size();
    if (q.queryBest == null) {
      q.queryBest = new double[qn];
      q.listedBest = new double[MAX_TOKENS];
    }
    double[] bq = q.queryBest;
    double[] bl = q.listedBest;
    java.util.Arrays.fill(bq, 0);
    java.util.Arrays.fill(bl, 0, k, 0);
    for (int i = 0; i < qn; i++) {
      for (int j = 0; j < k; j++) {
        if (bq[i] < 1 || bl[j] < 1) {
          double c = ceiling(q, i, tokens + j * TOKEN, true);
          bq[i] = Math.max(bq[i], c);
          bl[j] = Math.max(bl[j], c);
        }
      }
    }
    double paired = 0;
    double weight = 0;
    for (int i = 0; i < qn; i++) {
      double w = x.weight[i];
      paired += bq[i] > 0 ? w / 2 * bq[i] : 0;
      weight += bq[i] > 0 ? w / 2 : NameSimilarity.UNPAIRED_WEIGHT * w;
    }
    for (int j = 0; j < k; j++) {
      double w = Float.intBitsToFloat(ints.get(tokens + j * TOKEN + 3));
      paired += bl[j] > 0 ? w / 2 * bl[j] : 0;
      weight += bl[j] > 0 ? w / 2 : NameSimilarity.UNPAIRED_WEIGHT * w;
    }
    return paired == 0 ? 0 : paired / weight;
  }

  /**
   * Whether query token i and the listed token at {@code t} may reach {@code
   * NameSimilarity.PAIR_THRESHOLD}, and so pair (see {@link #ceiling}).
   */
  private boolean mayPair(Query q, int i, int t) {
    return ceiling(q, i, t, false) > 0;
  }

  /**
   * At least {@code NameSimilarity.tokenSimilarity} of query token i and the listed token at
   * {@code t}, or 0 when they cannot reach {@code NameSimilarity.PAIR_THRESHOLD} and so never
   * pair: hashes stand for strings and, for Jaro-Winkler, its value were every character that
   * both tokens' letter sets allow to match matched, in order, with the longest prefix their
   * lengths allow; where that reaches the threshold, the spelling itself tells, as scoring would.
   *
   * @param closer false: 1 for tokens whose hashes agree (whether they may pair is all that is
   *     asked); true: their similarity from the spelling where {@code names.bin} has it
   */
  private double ceiling(Query q, int i, int t, boolean closer) {
    NameSimilarity.Tokens x = q.tokens;
    int c = i * NameSimilarity.Tokens.CHEAP;
    if (x.cheap[c + 2] == ints.get(t + 1)) {
      return 1; // maybe equal (1) or equivalent (0.95)
    }
    int set = ints.get(t + 5);
    int lb = set >>> LENGTH_SHIFT;
    if (x.cheap[c + 3] == ints.get(t + 2) || q.skeletons[i] == ints.get(t + 4)) {
      // The same skeleton: at least 0.9, or Jaro-Winkler when more (an initial scores less).
      String listed = closer ? spelling(t + 6, lb) : null;
      return listed == null ? 1 : Math.max(0.9, NameSimilarity.spelling(x.token[i], listed));
    }
    int a = x.cheap[c + 1];
    int b = ints.get(t);
    boolean sameFirst = a >>> 16 == b >>> 16;
    int consonant = a & 0xFFFF;
    if (!sameFirst && (consonant == 0 || consonant != (b & 0xFFFF))) {
      return 0; // NameSimilarity.unlike
    }
    int la = x.length(i);
    if (la == 1 || lb == 1) {
      return sameFirst ? 0.8 : 0; // an initial
    }
    if (la >= MAX_LENGTH || lb >= MAX_LENGTH) {
      return 1;
    }
    int other = set & LETTERS;
    int fromA = 0;
    for (byte bit : q.bits[i]) {
      fromA += (other >>> bit) & 1;
    }
    // Each letter of the listed token that the query lacks is at least one unmatched character.
    int fromB = lb - Integer.bitCount(other & ~q.letters[i]);
    int m = Math.min(Math.min(fromA, fromB), Math.min(la, lb));
    if (m <= 0) {
      return 0;
    }
    double jaro = (m / (double) la + m / (double) lb + 1) / 3.0;
    int prefix = sameFirst ? Math.min(4, Math.min(la, lb)) : 0;
    double jw = jaro + prefix * 0.1 * (1 - jaro);
    int shorter = Math.min(la, lb);
    int longer = Math.max(la, lb);
    if (shorter * 2 < longer) {
      jw *= 2.0 * shorter / longer;
    }
    if (jw < NameSimilarity.PAIR_THRESHOLD - 1e-9) {
      return 0;
    }
    // The letters allow a pair: the spelling itself tells, as scoring would.
    String listed = spelling(t + 6, lb);
    if (listed == null) {
      return Math.min(1, jw);
    }
    double spelled = NameSimilarity.spelling(x.token[i], listed);
    return spelled >= NameSimilarity.PAIR_THRESHOLD - 1e-9 ? spelled : 0;
  }

  /** The spelling of a listed token of {@code length} characters at {@code at}, or null. */
  private String spelling(int at, int length) {
    if (length > SPELLED || ints.get(at) == 0) {
      return null;
    }
    byte[] b = new byte[length];
    for (int c = 0; c < length; c++) {
      b[c] = (byte) (ints.get(at + (c >> 2)) >>> ((c & 3) << 3));
    }
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Letters A to Z are bits 0 to 25; every other character shares bit 26. */
  static int letterBit(char c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' : 26;
  }

  private static final int LETTERS = (1 << 27) - 1;
  private static final int LENGTH_SHIFT = 27;
  /** Token lengths from this on (5 bits hold up to 31) are not bounded: they may pair. */
  private static final int MAX_LENGTH = 31;

  /**
   * Whether adjacent tokens of one name, joined, may make a token of the other: what {@code
   * NameSimilarity.joinWhereItHelps} asks (the same skeleton, the same first letter, lengths at
   * most two apart), with hashes for skeletons. Where no join can happen, the tokens the bound is
   * taken over are the names' own.
   */
  private boolean mayJoin(Query q, int tokens, int k, int spans, int end) {
    for (int j = 0; j < k; j++) {
      int t = tokens + j * TOKEN;
      int s = ints.get(t + 4);
      if ((q.joinedBits & hashBit(s)) == 0) {
        continue;
      }
      for (int h = 0; h < q.joined.length; h++) {
        if (q.joined[h] == s && q.joinedFirst[h] == ints.get(t) >>> 16
            && mayBeNear(ints.get(t + 5) >>> LENGTH_SHIFT, q.joinedLength[h])) {
          return true;
        }
      }
    }
    NameSimilarity.Tokens x = q.tokens;
    for (int p = spans; p < end; p++) {
      int h = ints.get(p);
      if ((q.skeletonBits & hashBit(h)) == 0) {
        continue;
      }
      // Spans are stored two tokens at a time from the first, then three at a time.
      int from = p - spans < k - 1 ? p - spans : p - spans - (k - 1);
      int span = p - spans < k - 1 ? 2 : 3;
      for (int i = 0; i < q.skeletons.length; i++) {
        if (q.skeletons[i] == h && x.first(i) == ints.get(tokens + from * TOKEN) >>> 16
            && maySpanBeNear(tokens, from, span, x.length(i))) {
          return true;
        }
      }
    }
    return false;
  }

  /** One of 64 bits for a hash: the bits of a few hashes tell most others from them. */
  private static long hashBit(int hash) {
    return 1L << (hash * 0x9E3779B9 >>> 26);
  }

  /** Whether a listed length ({@link #MAX_LENGTH} or more: unknown) is at most two from {@code b}. */
  private static boolean mayBeNear(int listed, int b) {
    return listed >= MAX_LENGTH || Math.abs(listed - b) <= 2;
  }

  /** {@link #mayBeNear} for the listed tokens {@code from} to {@code from + span - 1} joined. */
  private boolean maySpanBeNear(int tokens, int from, int span, int b) {
    int len = 0;
    for (int j = from; j < from + span; j++) {
      int l = ints.get(tokens + j * TOKEN + 5) >>> LENGTH_SHIFT;
      if (l >= MAX_LENGTH) {
        return true;
      }
      len += l;
    }
    return Math.abs(len - b) <= 2;
  }

  private static final int WEAK = 1 << 31;
  /** Names of more tokens than this are not bounded: the entry is read. */
  private static final int MAX_TOKENS = 64;

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
          String token = t.token[i];
          int set = Math.min(token.length(), MAX_LENGTH) << LENGTH_SHIFT;
          for (int c = 0; c < Math.min(token.length(), MAX_LENGTH); c++) {
            set |= 1 << letterBit(token.charAt(c));
          }
          put(set);
          putSpelling(token);
        }
        for (int span = 2; span <= 3; span++) {
          for (int i = 0; i + span <= k; i++) {
            put(t.joinedSkeleton(i, span).hashCode());
          }
        }
      }
    }

    /** {@link #SPELLED} characters in four ints, or zeros where a character is not Latin-1. */
    private void putSpelling(String token) {
      int[] packed = new int[SPELLED / 4];
      for (int c = 0; c < token.length() && token.length() <= SPELLED; c++) {
        char ch = token.charAt(c);
        if (ch == 0 || ch > 0xFF) {
          java.util.Arrays.fill(packed, 0);
          break;
        }
        packed[c >> 2] |= ch << ((c & 3) << 3);
      }
      for (int v : packed) {
        put(v);
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
