package org.paxrisk.watchlist;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two names are, from 0 to 1, with the reasons. This is the name comparison the watch-list
 * matcher uses; {@code paxrisk names score} measures it on labelled pairs.
 *
 * <p>Both names are normalised ({@link #normalize}: any script to Latin, ICAO 9303 spelling,
 * titles dropped, particles marked). Tokens are then paired one to one, best pairs first, where a
 * pair is worth its token similarity: 1 for the same token, 0.95 for equivalent given names
 * (MOHAMMED/MUHAMMAD, WILLIAM/BILL), at least 0.9 for the same consonant skeleton (a
 * transliteration variant), otherwise Jaro-Winkler; an initial pairs with a name it starts. Two
 * adjacent tokens are joined first where that makes a token of the other name (ABDUL RAHMAN and
 * ABDULRAHMAN). Each token weighs its rarity (the matcher passes weights from the list; particles
 * weigh 0.2); the score is the paired weight times similarity over the paired weight plus a third
 * of the unpaired weight, so a dropped middle name costs a little and a missing surname a lot.
 *
 * <p>Immutable and thread-safe.
 */
public final class NameSimilarity {
  /*
   * Implementation note: names have few tokens (rarely over six), so the pairing is a greedy
   * pass over the n*m similarity matrix, which for so few tokens is almost always the optimal
   * assignment and far cheaper than the Hungarian method.
   */
  static final double PAIR_THRESHOLD = 0.75;
  static final double UNPAIRED_WEIGHT = 0.35;
  static final double PARTICLE_WEIGHT = 0.2;

  private static final NameSimilarity STANDARD = new NameSimilarity();

  private NameSimilarity() {}

  /** The one similarity PaxRisk uses. */
  public static NameSimilarity standard() {
    return STANDARD;
  }

  /** The score of two names written in any script, with unit weights. */
  public double score(String a, String b) {
    return compare(a, b).score();
  }

  /** The score and the pairs that made it. */
  public Result compare(String a, String b) {
    Tokens x = Tokens.of(Normalizer.normalize(a), null);
    Tokens y = Tokens.of(Normalizer.normalize(b), null);
    return compare(x, y, true);
  }

  /** What a comparison found: the score and, per pair, the tokens and their similarity. */
  public record Result(double score, List<Pair> pairs, List<String> unpaired) {
    /** e.g. {@code MOHAMMED~MUHAMMAD 0.95, ALI=ALI; unpaired: HASSAN}. */
    public String explain() {
      StringBuilder sb = new StringBuilder();
      for (Pair p : pairs) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(p);
      }
      if (!unpaired.isEmpty()) {
        sb.append(sb.length() > 0 ? "; " : "").append("unpaired: ").append(String.join(" ",
            unpaired));
      }
      return sb.toString();
    }
  }

  /** Two tokens paired with their similarity. */
  public record Pair(String left, String right, double similarity) {
    @Override
    public String toString() {
      return similarity >= 1 ? left + "=" + right
          : Decimals.appendTwo(new StringBuilder().append(left).append('~').append(right)
              .append(' '), similarity).toString();
    }
  }

  /** Normalised tokens of a name, as matching sees it. */
  public static List<String> normalize(String name) {
    return List.of(Normalizer.tokens(name));
  }

  // ------------------------------------------------------------------ internals

  /** Tokens with their skeletons and weights, prepared once per name. */
  static final class Tokens {
    final String[] token;
    final String[] skeleton;
    final double[] weight;
    /** Canonical spellings ({@link Equivalents}), looked up once per token, not per pair. */
    final String[] canonical;
    /** Skeletons without a glued Arabic article ({@link #withoutArticle}), once per token. */
    final String[] bare;
    /** The longest token, and the shortest two adjacent tokens joined: bounds for joins. */
    final int maxLength;
    final int minPairLength;
    /**
     * Per token, what the cheap tests read, so that they need not reach into the strings (list
     * names are scattered in memory): length, first letter and first consonant, and the hashes
     * of the canonical spelling and of the bare skeleton. See {@link #CHEAP}.
     */
    final int[] cheap;
    private JoinedSkeletons joined;

    Tokens(String[] token, String[] skeleton, double[] weight) {
      this(token, skeleton, weight, null, null);
    }

    /** With {@code canonical} and {@code bare} entries already known (null: to look up). */
    Tokens(String[] token, String[] skeleton, double[] weight, String[] canonical, String[] bare) {
      this.token = token;
      this.skeleton = skeleton;
      this.weight = weight;
      this.canonical = canonical != null ? canonical : new String[token.length];
      this.bare = bare != null ? bare : new String[token.length];
      this.cheap = new int[token.length * CHEAP];
      int max = 0;
      int minPair = Integer.MAX_VALUE;
      for (int i = 0; i < token.length; i++) {
        if (this.canonical[i] == null) {
          this.canonical[i] = Equivalents.canonical(token[i]);
        }
        if (this.bare[i] == null) {
          this.bare[i] = withoutArticle(token[i], skeleton[i]);
        }
        cheap[i * CHEAP] = token[i].length();
        cheap[i * CHEAP + 1] = token[i].charAt(0) << 16
            | (skeleton[i].isEmpty() ? 0 : skeleton[i].charAt(0));
        cheap[i * CHEAP + 2] = this.canonical[i].hashCode();
        cheap[i * CHEAP + 3] = this.bare[i].hashCode();
        max = Math.max(max, token[i].length());
        if (i > 0) {
          minPair = Math.min(minPair, token[i - 1].length() + token[i].length());
        }
      }
      this.maxLength = max;
      this.minPairLength = minPair;
    }

    int size() {
      return token.length;
    }

    static final int CHEAP = 4;

    int length(int i) {
      return cheap[i * CHEAP];
    }

    /** The first letter of token i. */
    int first(int i) {
      return cheap[i * CHEAP + 1] >>> 16;
    }

    /**
     * The skeleton of tokens i to i + span - 1 joined (span 2 or 3), all made on first use: list
     * names are compared with many queries. Tokens of list entries are shared between threads;
     * the holder's fields are final, so a thread sees it whole or makes its own.
     */
    String joinedSkeleton(int i, int span) {
      JoinedSkeletons j = joined;
      if (j == null) {
        j = new JoinedSkeletons(token);
        joined = j;
      }
      return (span == 2 ? j.two : j.three)[i];
    }

    /** Tokens of a normalised name; weights from {@code weights} (null: 1, particles 0.2). */
    static Tokens of(Normalizer.NormalizedName n, TokenWeights weights) {
      String[] t = n.tokens();
      String[] s = new String[t.length];
      double[] w = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        s[i] = Skeleton.of(t[i]);
        w[i] = n.particle()[i] ? PARTICLE_WEIGHT : weights == null ? 1.0 : weights.weight(t[i]);
      }
      return new Tokens(t, s, w);
    }

    /** The same tokens with tokens i and i+1 joined. */
    Tokens join(int i) {
      int n = token.length - 1;
      String[] t = new String[n];
      String[] s = new String[n];
      double[] w = new double[n];
      String[] c = new String[n];
      String[] b = new String[n];
      for (int k = 0, src = 0; k < n; k++, src++) {
        if (src == i) {
          t[k] = token[i] + token[i + 1];
          s[k] = Skeleton.of(t[k]);
          w[k] = Math.max(weight[i], weight[i + 1]);
          src++;
        } else {
          t[k] = token[src];
          s[k] = skeleton[src];
          w[k] = weight[src];
          c[k] = canonical[src];
          b[k] = bare[src];
        }
      }
      return new Tokens(t, s, w, c, b);
    }
  }

  /** Skeletons of each two and three adjacent tokens joined, by first token. */
  private static final class JoinedSkeletons {
    final String[] two;
    final String[] three;

    JoinedSkeletons(String[] token) {
      two = new String[Math.max(0, token.length - 1)];
      three = new String[Math.max(0, token.length - 2)];
      for (int i = 0; i < two.length; i++) {
        two[i] = Skeleton.of(token[i] + token[i + 1]);
        if (i < three.length) {
          three[i] = Skeleton.of(token[i] + token[i + 1] + token[i + 2]);
        }
      }
    }
  }

  /** Weights tokens by how rare they are in a list. */
  interface TokenWeights {
    double weight(String token);
  }

  static double tokenSimilarity(String a, String sa, String ca, String ba, String b, String sb,
      String cb, String bb) {
    if (a.equals(b)) {
      return 1;
    }
    if (ca.equals(cb)) {
      return 0.95; // equivalent given names: canonical spellings are equal only within a group
    }
    if (unlike(a, sa, ba, b, sb, bb)) {
      return 0;
    }
    if (a.length() == 1 || b.length() == 1) {
      // An initial: J pairs with JOHN, never with another whole name by spelling alone.
      return (a.length() == 1 ? b.charAt(0) == a.charAt(0) : a.charAt(0) == b.charAt(0)) ? 0.8
          : 0;
    }
    double jw = spelling(a, b);
    if (sa.length() >= 2 && (sa.equals(sb) || ba.equals(bb))) {
      jw = Math.max(jw, 0.9);
    }
    return jw;
  }

  /**
   * How alike two tokens are spelled: Jaro-Winkler, scaled down by the length ratio when one is
   * less than half as long as the other (its prefix bonus makes ABU look like ABDULRAHMAN).
   */
  static double spelling(String a, String b) {
    double jw = JaroWinkler.similarity(a, b);
    int shorter = Math.min(a.length(), b.length());
    int longer = Math.max(a.length(), b.length());
    if (shorter * 2 < longer) {
      jw *= 2.0 * shorter / longer;
    }
    return jw;
  }

  /**
   * Neither the first letter nor the first consonant agree: a spelling of another name, similarity
   * 0 unless the tokens are equal or equivalent. (Skips most Jaro-Winkler work; OSAMA/USAMA still
   * meet through their skeletons.)
   */
  private static boolean unlike(String a, String sa, String ba, String b, String sb, String bb) {
    return a.charAt(0) != b.charAt(0) && !ba.equals(bb)
        && (sa.isEmpty() || sb.isEmpty() || sa.charAt(0) != sb.charAt(0));
  }

  /**
   * Whether tokens i of x and j of y may pair: the cheap part of {@link #tokenSimilarity} (equal
   * tokens share their first letter), from {@link Tokens#cheap} and, when hashes agree, the
   * strings.
   */
  private static boolean mayPair(Tokens x, int i, Tokens y, int j) {
    int a = x.cheap[i * Tokens.CHEAP + 1];
    int b = y.cheap[j * Tokens.CHEAP + 1];
    int consonant = a & 0xFFFF;
    return a >>> 16 == b >>> 16 || (consonant != 0 && consonant == (b & 0xFFFF))
        || (x.cheap[i * Tokens.CHEAP + 2] == y.cheap[j * Tokens.CHEAP + 2]
            && x.canonical[i].equals(y.canonical[j]))
        || (x.cheap[i * Tokens.CHEAP + 3] == y.cheap[j * Tokens.CHEAP + 3]
            && x.bare[i].equals(y.bare[j]));
  }

  /**
   * The score of {@link #compare}, or, when it is surely below {@code floor}, a bound below
   * {@code floor} and at least the score. After the joins, a bound without Jaro-Winkler: every
   * token that may pair pairs perfectly and the others stay unpaired. The matcher uses it to skip
   * names that cannot reach its threshold, most names of a traveller on no list.
   */
  static double scoreAtLeast(Tokens x, Tokens y, double floor) {
    if (x.size() == 0 || y.size() == 0) {
      return 0;
    }
    x = joinWhereItHelps(x, y);
    y = joinWhereItHelps(y, x);
    double bound = upperBound(x, y);
    return bound < floor ? bound : paired(x, y, false).score();
  }

  /** At least the score of {@link #paired}: see {@link #scoreAtLeast}. */
  private static double upperBound(Tokens x, Tokens y) {
    double pairable = 0;
    double unpaired = 0;
    for (int i = 0; i < x.size(); i++) {
      boolean may = false;
      for (int j = 0; j < y.size() && !may; j++) {
        may = mayPair(x, i, y, j);
      }
      if (may) {
        pairable += x.weight[i];
      } else {
        unpaired += x.weight[i];
      }
    }
    for (int j = 0; j < y.size(); j++) {
      boolean may = false;
      for (int i = 0; i < x.size() && !may; i++) {
        may = mayPair(x, i, y, j);
      }
      if (may) {
        pairable += y.weight[j];
      } else {
        unpaired += y.weight[j];
      }
    }
    // A pair weighs the mean of its two tokens: the pairs weigh at most half the pairable weight.
    double paired = pairable / 2;
    return paired == 0 ? 0 : paired / (paired + UNPAIRED_WEIGHT * unpaired);
  }

  /**
   * The skeleton without a glued Arabic article: ICU writes الرحمن as ALRHMN, with the article and
   * without vowels, where Latin lists write AL RAHMAN or RAHMAN. Only for vowel-less remainders, so
   * ALBERT keeps its A-L.
   */
  static String withoutArticle(String token, String skeleton) {
    if (token.length() > 4 && (token.startsWith("AL") || token.startsWith("EL"))
        && skeleton.length() > 2 && skeleton.charAt(0) == 'L' && !hasVowel(token, 2)) {
      return skeleton.substring(1);
    }
    return skeleton;
  }

  private static boolean hasVowel(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case 'A':
        case 'E':
        case 'I':
        case 'O':
        case 'U':
          return true;
        default:
          break;
      }
    }
    return false;
  }

  /** Compares prepared names; {@code explain} collects the pairs. */
  static Result compare(Tokens x, Tokens y, boolean explain) {
    if (x.size() == 0 || y.size() == 0) {
      return new Result(0, List.of(), List.of());
    }
    x = joinWhereItHelps(x, y);
    return paired(x, joinWhereItHelps(y, x), explain);
  }

  /** Compares names whose tokens are joined already: pairs tokens, best pairs first. */
  private static Result paired(Tokens x, Tokens y, boolean explain) {
    int n = x.size();
    int m = y.size();
    double[] sim = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        sim[i * m + j] = tokenSimilarity(x.token[i], x.skeleton[i], x.canonical[i], x.bare[i],
            y.token[j], y.skeleton[j], y.canonical[j], y.bare[j]);
      }
    }
    boolean[] usedX = new boolean[n];
    boolean[] usedY = new boolean[m];
    double paired = 0;
    double pairedWeight = 0;
    List<Pair> pairs = explain ? new ArrayList<>(Math.min(n, m)) : null;
    for (int round = 0; round < Math.min(n, m); round++) {
      int best = -1;
      double bestSim = PAIR_THRESHOLD;
      for (int k = 0; k < sim.length; k++) {
        if (sim[k] >= bestSim && !usedX[k / m] && !usedY[k % m]) {
          // Ties go to the heavier pair, so rare tokens pair first.
          if (sim[k] > bestSim || best < 0
              || weight(x, y, k, m) > weight(x, y, best, m)) {
            best = k;
            bestSim = sim[k];
          }
        }
      }
      if (best < 0) {
        break;
      }
      int i = best / m;
      int j = best % m;
      usedX[i] = true;
      usedY[j] = true;
      double w = weight(x, y, best, m);
      paired += w * bestSim;
      pairedWeight += w;
      if (explain) {
        pairs.add(new Pair(x.token[i], y.token[j], Math.round(bestSim * 100) / 100.0));
      }
    }
    double unpaired = 0;
    List<String> left = explain ? new ArrayList<>() : null;
    for (int i = 0; i < n; i++) {
      if (!usedX[i]) {
        unpaired += x.weight[i];
        if (explain) {
          left.add(x.token[i]);
        }
      }
    }
    for (int j = 0; j < m; j++) {
      if (!usedY[j]) {
        unpaired += y.weight[j];
        if (explain) {
          left.add(y.token[j]);
        }
      }
    }
    double denominator = pairedWeight + UNPAIRED_WEIGHT * unpaired;
    double score = denominator == 0 ? 0 : paired / denominator;
    return new Result(score, explain ? pairs : List.of(), explain ? left : List.of());
  }

  private static double weight(Tokens x, Tokens y, int k, int m) {
    return (x.weight[k / m] + y.weight[k % m]) / 2;
  }

  /**
   * Joins two or three adjacent tokens of {@code x} where the joined token is a token of {@code y},
   * letter for letter or by skeleton: ABDUL RAHMAN and ABD AL RAHMAN both become ABDULRAHMAN's match.
   */
  private static Tokens joinWhereItHelps(Tokens x, Tokens y) {
    if (x.size() < 2 || y.maxLength < x.minPairLength - 2) {
      return x; // no token of y is long enough to be two of x joined
    }
    for (int span = 3; span >= 2; span--) {
      for (int i = 0; i + span <= x.size(); i++) {
        int len = 0;
        for (int k = i; k < i + span; k++) {
          len += x.length(k);
        }
        for (int j = 0; j < y.size(); j++) {
          // Cheap filters first: similar length and the same first letter.
          if (Math.abs(y.length(j) - len) > 2 || y.first(j) != x.first(i)) {
            continue;
          }
          // Equal tokens have equal skeletons: the skeletons alone decide.
          if (x.joinedSkeleton(i, span).equals(y.skeleton[j])) {
            Tokens merged = x.join(i);
            return joinWhereItHelps(span == 3 ? merged.join(i) : merged, y);
          }
        }
      }
    }
    return x;
  }
}
