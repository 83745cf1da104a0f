package org.paxrisk.watchlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.paxrisk.model.Countries;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;

/**
 * Finds the list entries a traveller may be, from the store's indexes, and scores each with the
 * reasons. Thread-safe.
 *
 * <p>How: the traveller's name gives blocking keys ({@link Keys}); each key's posting list names
 * the entries that share it. Keys held by more than a small share of the list (MOHAMMED, ALI) do
 * not bring candidates on their own, so a common name does not pull in thousands of entries; they
 * only add weight to candidates a rarer key found. An entry whose years of birth, nationality and
 * gender ({@link EntryFacts}) would keep it below the threshold whatever its name is never a
 * candidate. The best-supported candidates whose names can reach the threshold ({@link
 * NameBounds}, without reading them), and every entry with one of the traveller's document
 * numbers, are scored in full: the name ({@link NameSimilarity}, with each token weighted by its
 * rarity in the lists), then date of birth, nationality, gender and documents move the score up or
 * down. A token that no list has, likely a slip, also looks up its typo keys (one-letter
 * deletions). No step scans the list.
 */
public final class WatchlistMatcher {
  private final StoreVersion store;
  private final MatchSettings settings;

  WatchlistMatcher(StoreVersion store, MatchSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** What to look for: a name and whatever else is known. Only the name is required. */
  public record Query(
      String name, PartialDate dateOfBirth, String nationality, Gender gender,
      List<TravelDocument> documents) {
    public Query {
      documents = documents == null ? List.of() : List.copyOf(documents);
      gender = gender == null ? Gender.UNKNOWN : gender;
    }

    public static Query name(String name) {
      return new Query(name, null, null, null, List.of());
    }
  }

  /** The matches of a traveller, best first. */
  public List<WatchlistMatch> match(Traveller t) {
    String name = ((t.givenNames() == null ? "" : t.givenNames() + " ")
        + (t.surname() == null ? "" : t.surname())).trim();
    return match(new Query(name, t.dateOfBirth(), t.nationality(), t.gender(), t.documents()));
  }

  /**
   * The matches of a traveller given as a query, best first: listed people and documents only.
   * A traveller is not a company, vessel or aircraft, so entries of those kinds, which share
   * words with people's names (AL, NOOR, STAR), are never a traveller's match.
   */
  public List<WatchlistMatch> match(Query q) {
    return search(q, true);
  }

  /** The matches of a query among entries of every kind, best first (a search by name). */
  public List<WatchlistMatch> search(Query q) {
    return search(q, false);
  }

  private List<WatchlistMatch> search(Query q, boolean person) {
    Search s = new Search(q, person);
    s.gather();
    return s.score();
  }

  /**
   * One search, stage by stage: what the stages share, and a method per stage, each small
   * enough to read on its own (one method of 200 lines held them all, the JIT's largest unit).
   *
   * <p>It is also the admission test of {@link Candidates}: entries that even an equal name would
   * leave below the threshold do not become candidates. What date of birth, nationality and
   * gender can add is known without reading the entry ({@link EntryFacts}); against a large list,
   * most entries a name's keys lead to are namesakes born in other years.
   */
  private final class Search implements Candidates.Admission {
    final Query q;
    final boolean person;
    final Normalizer.NormalizedName name;
    /**
     * The name's tokens, prepared once (canonical spellings, skeletons, also joined) for its keys,
     * the name bounds and scoring; their weights are set once the keys have told them.
     */
    final NameSimilarity.Tokens tokens;
    final Candidates found = SCRATCH.get();
    final int n = Math.max(1, store.size());
    final double[] tokenWeights;
    final String[] canonical;
    final int nationality;
    /** The most a name may score short of the threshold; the margin covers rounding. */
    final double need = settings.threshold() - 0.001 - 1;
    final double nationalityMost;
    final boolean completeDob;
    final YearWindow window;
    /** Whether a key that is not common led anywhere. */
    boolean rare;
    /** Common keys: they only strengthen what rarer keys found. */
    final List<String> commonKeys = new ArrayList<>();
    final List<int[]> common = new ArrayList<>();
    final List<Integer> commonBits = new ArrayList<>();

    /** Entries scored so far: an entry is scored once (see {@link #scoreDocument}). */
    private int[] scored;
    private int scoredCount;

    Search(Query q, boolean person) {
      this.q = q;
      this.person = person;
      name = Normalizer.normalize(q.name());
      found.clear();
      tokenWeights = new double[name.tokens().length];
      Arrays.fill(tokenWeights, 1.0);
      tokens = NameSimilarity.Tokens.of(name, null);
      canonical = tokens.canonical;
      nationality = EntryFacts.queryCode(q.nationality());
      nationalityMost = nationality != 0 ? 0.02 : 0;
      completeDob = q.dateOfBirth() != null && q.dateOfBirth().isComplete();
      // Before an entry costs a probe of the candidate map: with a year of birth that
      // contradicts the entry's listed years, or with a traveller's query and an entity, it is
      // out for sure.
      window = new YearWindow(DOB_DIFFERS + nationalityMost < need ? q.dateOfBirth() : null,
          person);
    }

    @Override
    public boolean admits(int id, short years) {
      if (person && years == EntryFacts.NOT_A_PERSON) {
        return false;
      }
      double date = EntryFacts.dateCeiling(years, q.dateOfBirth());
      if (date + nationalityMost < need) {
        return false;
      }
      // The least nationality (-0.05) and gender (-0.1) can add. The years cannot tell a
      // complete date of birth from another of the same year; the facts can.
      return (!completeDob && date - 0.15 >= need)
          || EntryFacts.ceiling(store.facts(id), q.dateOfBirth(), nationality, q.gender())
              >= need;
    }

    @Override
    public long touch(int id) {
      return store.facts(id);
    }

    /** The candidates: from token and skeleton keys, then typo keys, then common keys. */
    void gather() {
      Map<String, Integer> keys = new java.util.LinkedHashMap<>();
      Keys.nameKeys(tokens, name.particle(),
          (key, bits) -> keys.merge(key, bits, (a, b) -> a | b));
      // Tokens no list has: likely typing slips, worth the typo keys whatever stage 1 finds.
      boolean[] unknown = new boolean[name.tokens().length];
      for (int i = 0; i < unknown.length; i++) {
        unknown[i] = !name.particle()[i];
      }
      found.touched += store.touchFirstPages(keys.keySet());
      for (Map.Entry<String, Integer> k : keys.entrySet()) {
        String key = k.getKey();
        StoreVersion.Page page = store.firstPage(key);
        if (page.count() > 0 && key.charAt(0) == 'T') {
          markKnown(canonical, key, unknown);
          weighToken(canonical, key, page.count(), n, tokenWeights);
        }
        enter(key, page, k.getValue());
      }
      // Typo keys of tokens no list has join stage 1, so that their weight adds to what the
      // other tokens found (a slip in HAMIDI must still rank HAMIDI ESMAIL among the ISMAILs).
      for (int i = 0; i < unknown.length; i++) {
        if (unknown[i]) {
          int bit = i < 31 ? 1 << i : 0;
          for (String key : typoKeys(tokens.skeleton[i])) {
            enter(key, store.firstPage(key), bit);
          }
        }
      }
      for (int c = 0; c < common.size(); c++) {
        // The first page is enough to strengthen the candidates rarer keys found.
        int[] p = common.get(c);
        found.strengthenAll(p, Math.log1p((double) n / p[0]), commonBits.get(c));
      }
      if (!rare && common.size() >= 2) {
        intersectRarestTwo();
      }
    }

    /** A rare key's entries become candidates; a common key waits to strengthen them. */
    private void enter(String key, StoreVersion.Page page, int bits) {
      int df = page.count();
      if (df == 0) {
        return;
      }
      if (df <= store.commonAbove()) {
        rare = true;
        found.addAll(page, Math.log1p((double) n / df), bits, window, this);
      } else {
        common.add(page.ids());
        commonKeys.add(key);
        commonBits.add(bits);
      }
    }

    /** Only common tokens (MOHAMMED ALI): the entries that have two of them. */
    private void intersectRarestTwo() {
      // The rarest key, and the rarest key of another token (MUHAMMAD's T and S keys are one
      // token twice); of equally rare keys, the first. Two scans, where a sort of boxed indices
      // hit the JIT's type checks again and again (JFR's deoptimisation events).
      int first = 0;
      for (int c = 1; c < common.size(); c++) {
        if (common.get(c)[0] < common.get(first)[0]) {
          first = c;
        }
      }
      int second = -1;
      for (int c = 0; c < common.size(); c++) {
        if (c != first && (commonBits.get(c) & ~commonBits.get(first)) != 0
            && (second < 0 || common.get(c)[0] < common.get(second)[0])) {
          second = c;
        }
      }
      if (second >= 0) {
        intersect(store.posting(commonKeys.get(first)), store.posting(commonKeys.get(second)),
            found, commonBits.get(first) | commonBits.get(second), window, this);
      }
    }

    /**
     * Scores the best-supported candidates whose names can reach the threshold, and every entry
     * with one of the traveller's document numbers; returns the matches.
     */
    List<WatchlistMatch> score() {
      NameSimilarity.Tokens query = weighed(tokens, name, tokenWeights);
      Scored best = new Scored();
      int[] top = found.top(settings.candidates());
      scored = new int[top.length + 4];
      scoreCandidates(top, query, best);
      for (TravelDocument d : q.documents()) {
        String k = Keys.documentKey(d.number());
        if (k != null) {
          scoreDocument(k, query, best);
        }
      }
      return best.results(q, query);
    }

    /** The top candidates, but for those whose names cannot reach the threshold. */
    private void scoreCandidates(int[] top, NameSimilarity.Tokens query, Scored best) {
      double total = 0;
      double particles = 0;
      for (int i = 0; i < query.size(); i++) {
        total += query.weight[i];
        particles += name.particle()[i] ? query.weight[i] : 0;
      }
      // The most that the rest of the query can add to a name: an equal date of birth and
      // nationality (see dateOfBirth and nationality).
      double bonus = (q.dateOfBirth() != null ? 0.08 : 0) + (q.nationality() != null ? 0.02 : 0);
      // First, without reading names.bin or an entry: leave out the entries that cannot reach the
      // threshold even if every token their keys came from paired perfectly. An entry that shares
      // a document with the traveller is scored later, whatever its name.
      int n = 0;
      for (int id : top) {
        int bits = found.tokens(id);
        double shared = particles;
        for (int i = 0; i < query.size() && i < 31; i++) {
          if ((bits & (1 << i)) != 0) {
            shared += query.weight[i];
          }
        }
        double bound = shared / (shared + NameSimilarity.UNPAIRED_WEIGHT * (total - shared));
        if (bound + bonus >= settings.threshold()) {
          top[n++] = id;
        }
      }
      NameBounds bounds = store.nameBounds();
      NameBounds.Query bounded = bounds == null || n == 0 ? null : new NameBounds.Query(query);
      if (bounded != null) {
        found.touched += bounds.touch(top, n);
      }
      for (int k = 0; k < n; k++) {
        int id = top[k];
        // The bound scoring takes before it compares names in full, known without reading the
        // entry: most candidates end here. The facts give the most the rest can add.
        if (bounded != null && !bounds.mayReach(id, bounded, settings.threshold() - 0.001
            - EntryFacts.ceiling(store.facts(id), q.dateOfBirth(), nationality, q.gender()))) {
          continue;
        }
        scored[scoredCount++] = id;
        WatchlistMatcher.this.score(id, q, query, best);
      }
    }

    /** Every entry listed with the document, a top candidate left out by its name included. */
    private void scoreDocument(String key, NameSimilarity.Tokens query, Scored best) {
      StoreVersion.Page page = store.firstPage(key);
      int[] ids = page.count() <= StoreBuilder.PAGE ? page.ids() : store.posting(key);
      for (int i = 1; i < ids.length; i++) {
        int id = ids[i];
        if ((person && store.years(id) == EntryFacts.NOT_A_PERSON)
            || contains(scored, scoredCount, id)) {
          continue;
        }
        if (scoredCount == scored.length) {
          scored = Arrays.copyOf(scored, scoredCount * 2);
        }
        scored[scoredCount++] = id;
        WatchlistMatcher.this.score(id, q, query, best);
      }
    }
  }

  /**
   * The cheapest test of an entry: only its 2-byte years (from the posting page), no candidate
   * map. It refuses an entry whose listed years are more than one from the query's year of birth
   * (when a contradicting date alone keeps an entry below the threshold), and entities when the
   * query is a traveller's; {@code feasible} decides the rest.
   */
  static final class YearWindow {
    private final boolean person;
    /**
     * The bounds on an entry's {@link EntryFacts#years} that {@link #admits} tests, worked out once
     * per query: the earliest listed year ({@link EntryFacts#earliest}) at most {@code latestMin}, and the earliest
     * plus the span at least {@code earliestMax}. So the test is two comparisons of ints, where
     * the query's date gave {@link EntryFacts#dateCeiling} a call per posting entry (about 700 a
     * query against a million entries).
     */
    private final int latestMin;
    private final int earliestMax;

    YearWindow(PartialDate dateOfBirth, boolean person) {
      this.person = person;
      if (dateOfBirth == null) {
        latestMin = Integer.MAX_VALUE;
        earliestMax = Integer.MIN_VALUE;
      } else {
        // EntryFacts.dateCeiling: within one year of the listed ones.
        latestMin = EntryFacts.stored(dateOfBirth.year() + 1);
        earliestMax = EntryFacts.stored(dateOfBirth.year() - 1);
      }
    }

    /**
     * Puts the indices of the page's entries that may pass into {@code picked} and returns how
     * many. In a page in year order only the entries whose years can meet the window are tested.
     */
    int pick(StoreVersion.Page page, int[] picked) {
      short[] years = page.years();
      int n = 0;
      int i = 1;
      if (page.inYearOrder() && person && latestMin != Integer.MAX_VALUE) {
        // No years listed (first in the page): every such entry passes.
        for (; i < years.length && years[i] == 0; i++) {
          picked[n++] = i;
        }
        // Skip the entries whose latest year ends before the window, by a binary search...
        int hi = years.length;
        while (i < hi) {
          int mid = (i + hi) >>> 1;
          if (StoreVersion.Page.latest(years[mid]) < earliestMax) {
            i = mid + 1;
          } else {
            hi = mid;
          }
        }
        // ... and stop where no span on the page reaches back into the window.
        int last = latestMin + page.spanMost();
        for (; i < years.length && StoreVersion.Page.latest(years[i]) <= last; i++) {
          if (admits(years[i])) {
            picked[n++] = i;
          }
        }
        return n;
      }
      for (; i < years.length; i++) {
        if (admits(years[i])) {
          picked[n++] = i;
        }
      }
      return n;
    }

    /** Whether an entry with these {@link EntryFacts#years} may pass. */
    boolean admits(short y) {
      int v = y & 0xFFFF;
      if (v == (EntryFacts.NOT_A_PERSON & 0xFFFF)) {
        return !person;
      }
      int min = EntryFacts.earliest(y);
      return v == 0 || (min <= latestMin && min + EntryFacts.span(y) >= earliestMax);
    }
  }

  private static boolean contains(int[] ids, int n, int id) {
    for (int i = 0; i < n; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
  }

  private static final ThreadLocal<Candidates> SCRATCH = ThreadLocal.withInitial(Candidates::new);

  /** The keys that reach list tokens one letter away from a token with the skeleton {@code s}. */
  private static List<String> typoKeys(String s) {
    List<String> tk = new ArrayList<>();
    if (s.length() >= 3) {
      tk.add("D" + s); // the list's skeleton lost a letter: the query has one more
    }
    Keys.deletions(s, "S", tk::add); // the query lost a letter
    Keys.deletions(s, "D", tk::add); // one letter differs
    return tk;
  }

  private static void markKnown(String[] canonical, String key, boolean[] unknown) {
    for (int i = 0; i < unknown.length; i++) {
      if (key.regionMatches(1, canonical[i], 0, canonical[i].length())
          && key.length() == canonical[i].length() + 1) {
        unknown[i] = false;
      }
    }
  }

  private static void weighToken(String[] canonical, String key, int df, int n,
      double[] weights) {
    for (int i = 0; i < canonical.length; i++) {
      if (key.length() == canonical[i].length() + 1
          && key.regionMatches(1, canonical[i], 0, canonical[i].length())) {
        weights[i] = StoreBuilder.weight(df, n);
      }
    }
  }

  /** The name's tokens with the weights the keys told (particles keep theirs). */
  private static NameSimilarity.Tokens weighed(NameSimilarity.Tokens t,
      Normalizer.NormalizedName name, double[] weights) {
    for (int i = 0; i < t.size(); i++) {
      if (!name.particle()[i]) {
        t.weight[i] = weights[i];
      }
    }
    return t;
  }

  /**
   * Enters the entries of both postings that can reach the threshold. Feasibility is tested here,
   * not after the selection of the best-supported: every entry found here has the same support,
   * and namesakes born in other years would otherwise fill the selection.
   */
  private void intersect(int[] a, int[] b, Candidates out, int bits, YearWindow window,
      Candidates.Admission feasible) {
    int i = 1;
    int j = 1;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        short years = store.years(a[i]);
        if (window.admits(years)) {
          out.add(a[i], years, 1, bits, feasible);
        }
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  /** Scores one entry quickly, without reasons; entries above the threshold are kept. */
  private void score(int id, Query q, NameSimilarity.Tokens query, Scored best) {
    EntryCodec.Lean e = store.lean(id);
    if (e == null) {
      return;
    }
    // Without a shared document, documents add nothing: the quick path gives the same score.
    double s = sharesDocument(e, q.documents()) ? score(e, q, query, null)
        : scoreIfKept(e, q, query, settings.threshold());
    if (s >= settings.threshold()) {
      best.kept.add(new Kept(s, id, e));
    }
  }

  /**
   * The score of an entry for a query that shares no document with it, as {@link #score} gives
   * it, when it may reach {@code threshold}; otherwise some lower score. Date of birth,
   * nationality and gender are known first (a contradicting date takes {@link #DOB_DIFFERS}
   * off), so that names that cannot make up the rest ({@link NameSimilarity#scoreAtLeast}) are
   * not compared in full: for a traveller on no list, that is most of them.
   */
  static double scoreIfKept(EntryCodec.Lean e, Query q, NameSimilarity.Tokens query,
      double threshold) {
    if (e.kind() == WatchlistEntry.Kind.DOCUMENT) {
      return 0; // without documents to compare, a document entry scores nothing
    }
    double dob = dateOfBirth(e.datesOfBirth(), q.dateOfBirth(), null);
    double nationality = nationality(e.nationalities(), q.nationality(), null);
    double gender = gender(e.gender(), q.gender(), null);
    // The margin covers the rounding of the score to three decimals.
    double needed = threshold - 0.001 - (dob + nationality + gender);
    if (needed > 1) {
      return 0; // not even an equal name would do
    }
    double score = 0;
    boolean named = false;
    for (int i : namesWorthComparing(e, query)) {
      double weak = e.weak()[i] ? 0.95 : 1.0;
      // Below the floor, a bound stands for the score: it keeps the entry out all the same.
      double s = NameSimilarity.scoreAtLeast(query, e.names()[i], needed / weak) * weak;
      if (!named || s > score) {
        score = s;
        named = true;
      }
    }
    score += dob;
    score += nationality;
    score += gender;
    return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000.0));
  }

  /** The score of an entry for a query; with {@code why} not null, also the reasons. */
  static double score(EntryCodec.Lean e, Query q, NameSimilarity.Tokens query, List<String> why) {
    return score(e, q, query, why, bestName(e, query));
  }

  /** {@link #score} given the entry's best name, as {@link #bestName} finds it. */
  private static double score(EntryCodec.Lean e, Query q, NameSimilarity.Tokens query,
      List<String> why, NameScore name) {
    double score = 0;
    if (name != null) {
      score = name.score();
      if (why != null) {
        why.add(Decimals.appendTwo(new StringBuilder(48).append("name "), score).append(" (")
            .append(NameSimilarity.compare(query, e.names()[name.index()], true).explain())
            .append(')').toString());
      }
    }
    double document = documents(e, q.documents(), why);
    if (e.kind() != WatchlistEntry.Kind.DOCUMENT) {
      score += dateOfBirth(e.datesOfBirth(), q.dateOfBirth(), why);
      score += nationality(e.nationalities(), q.nationality(), why);
      score += gender(e.gender(), q.gender(), why);
      // A listed document number is worth a review whatever the name (stolen identity): it sets
      // a floor, and adds a little on top of a name that agrees.
      score = document > 0 ? Math.max(score + document * 0.2, document * 0.9) : score;
    } else {
      score = document;
    }
    return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000.0));
  }

  /**
   * Per listed name, how many query tokens it has outright (same canonical spelling or
   * skeleton): a cheap count that picks the aliases worth a full comparison.
   */
  static int[] overlaps(EntryCodec.Lean e, NameSimilarity.Tokens query) {
    NameSimilarity.Tokens[] names = e.names();
    int[] index = e.tokenIndex();
    int[] out = new int[names.length];
    for (int q = 0; q < query.size(); q++) {
      String canonical = query.canonical[q];
      String skeleton = query.skeleton[q];
      int c = canonical.hashCode();
      int s = skeleton.hashCode();
      long shared = 0; // name i is bit i; names past 63 share bit 63
      for (int i = 0, p = names.length; i < names.length; i++) {
        for (int k = 0; k < index[i]; k++, p += 2) {
          if ((index[p] == c && names[i].canonical[k].equals(canonical))
              || (index[p + 1] == s && names[i].skeleton[k].equals(skeleton))) {
            shared |= 1L << Math.min(i, 63);
          }
        }
      }
      for (int i = 0; i < out.length; i++) {
        if ((shared & (1L << Math.min(i, 63))) != 0) {
          out[i]++;
        }
      }
    }
    return out;
  }

  static final int MAX_NAMES_COMPARED = 3;

  /**
   * The names of an entry worth a full comparison: those sharing the most query tokens outright,
   * and of those the ones closest in length to the query, at most {@link #MAX_NAMES_COMPARED}.
   * OFAC entries carry up to dozens of near-identical aliases; comparing them all is most of the
   * work and changes no outcome.
   */
  static int[] namesWorthComparing(EntryCodec.Lean e, NameSimilarity.Tokens query) {
    int n = e.names().length;
    if (n <= MAX_NAMES_COMPARED) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] overlap = overlaps(e, query);
    // The best three by (overlap desc, length difference asc, index asc), picked without sorting.
    int[] out = new int[MAX_NAMES_COMPARED];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int pos = k < out.length ? k++ : out.length;
      while (pos > 0 && better(e, query, overlap, i, out[pos - 1])) {
        if (pos < out.length) {
          out[pos] = out[pos - 1];
        }
        pos--;
      }
      if (pos < out.length) {
        out[pos] = i;
      }
    }
    return out;
  }

  private static boolean better(EntryCodec.Lean e, NameSimilarity.Tokens query, int[] overlap,
      int a, int b) {
    if (overlap[a] != overlap[b]) {
      return overlap[a] > overlap[b];
    }
    int da = Math.abs(e.tokenIndex()[a] - query.size());
    int db = Math.abs(e.tokenIndex()[b] - query.size());
    return da != db ? da < db : a < b;
  }

  /**
   * The floor for {@link NameSimilarity#scoreAtLeast} of a name that must beat {@code best}
   * after its weak factor: a name whose bound is below it cannot, so it is not compared in full.
   * The margin covers rounding.
   */
  private static double above(double best, double weak) {
    return best / weak - 1e-9;
  }

  /** An entry's name, by its index, and its score after the weak factor. */
  private record NameScore(int index, double score) {}

  /**
   * The entry's best name among those worth comparing ({@link #namesWorthComparing}), or null for
   * a document entry or one without names. Scoring and "matched name" both take it, so that the
   * name a match reports is the one its reason explains.
   */
  private static NameScore bestName(EntryCodec.Lean e, NameSimilarity.Tokens query) {
    if (e.kind() == WatchlistEntry.Kind.DOCUMENT) {
      return null;
    }
    int best = -1;
    double score = 0;
    for (int i : namesWorthComparing(e, query)) {
      double weak = e.weak()[i] ? 0.95 : 1.0;
      double s = NameSimilarity.scoreAtLeast(query, e.names()[i], best < 0 ? 0
          : above(score, weak)) * weak;
      if (best < 0 || s > score) {
        score = s;
        best = i;
      }
    }
    return best < 0 ? null : new NameScore(best, score);
  }

  /** 1 for an equal document number, 0.9 up to OCR slips, 0.3 less for another country, else 0. */
  /** Whether one of the traveller's documents is one of the entry's, up to OCR slips. */
  private static boolean sharesDocument(EntryCodec.Lean e, List<TravelDocument> docs) {
    if (docs.isEmpty() || e.documentNumbers().length == 0) {
      return false;
    }
    for (TravelDocument d : docs) {
      String k = d.number() == null ? null : Keys.documentKey(d.number());
      if (k == null) {
        continue;
      }
      for (String listed : e.documentNumbers()) {
        if (k.equals(Keys.documentKey(listed))) {
          return true;
        }
      }
    }
    return false;
  }

  private static double documents(EntryCodec.Lean e, List<TravelDocument> docs, List<String> why) {
    double best = 0;
    String reason = null;
    for (TravelDocument d : docs) {
      if (d.number() == null) {
        continue;
      }
      String exact = alnum(d.number());
      String folded = Keys.documentKey(d.number());
      for (int i = 0; i < e.documentNumbers().length; i++) {
        String listed = e.documentNumbers()[i];
        String country = e.documentCountries()[i];
        double s;
        String r;
        if (alnum(listed).equals(exact)) {
          s = 1.0;
          r = "document number equal";
        } else if (folded != null && folded.equals(Keys.documentKey(listed))) {
          s = 0.9;
          r = "document number equal up to OCR-confusable characters";
        } else {
          continue;
        }
        String c1 = Countries.alpha3(d.issuingCountry());
        if (c1 != null && country != null && !c1.equals(country)) {
          s -= 0.3;
          r += ", issuing country differs";
        } else if (c1 != null && c1.equals(country)) {
          r += ", same issuing country";
        }
        if (s > best) {
          best = s;
          reason = r;
        }
      }
    }
    if (reason != null) {
      add(why, reason);
    }
    return best;
  }

  /**
   * What a date of birth that contradicts every listed one takes off: enough that an equal name
   * alone is no longer a match (1 - 0.3 + 0.02 for an equal nationality is below the default 0.75).
   * Namesakes born in other years are most of what a large list finds for ordinary travellers;
   * reporting them all would bury the real matches (measured in EndToEndTest's false alarms).
   * A single slip stays cheap: day and month swapped, or one of day, month and year differing
   * (the year by one); two of them differing is another date.
   */
  static final double DOB_DIFFERS = -0.3;

  /** Agreement of a date of birth with the listed ones (packed yyyymmdd pairs). */
  static double dateOfBirth(int[] ranges, PartialDate dob, List<String> why) {
    if (dob == null || ranges.length == 0) {
      add(why, "no date of birth to compare");
      return 0;
    }
    double best = DOB_DIFFERS;
    String reason = "date of birth differs";
    for (int k = 0; k < ranges.length; k += 2) {
      PartialDate f = EntryCodec.unpack(ranges[k]);
      PartialDate to = EntryCodec.unpack(ranges[k + 1]);
      boolean single = ranges[k] == ranges[k + 1];
      double s;
      String w;
      if (single && f.isComplete() && dob.isComplete()) {
        int agreement = completeDates(f.year(), f.month(), f.day(), dob);
        s = COMPLETE_SCORES[agreement];
        w = COMPLETE_REASONS[agreement];
      } else {
        s = yearScore(f.year(), to.year(), dob.year());
        w = s == DOB_DIFFERS ? "year of birth differs"
            : s == YEAR_OFF_BY_ONE ? "year of birth off by one"
            : single ? "year of birth equal" : "year of birth within the listed range";
      }
      if (s > best) {
        best = s;
        reason = w;
      }
    }
    add(why, reason);
    return best;
  }

  private static final double YEAR_WITHIN = 0.03;
  private static final double YEAR_OFF_BY_ONE = 0.0;

  /**
   * What a year of birth gives against listed years from {@code min} to {@code max}, where the
   * dates are not both complete: within them, one off, or {@link #DOB_DIFFERS}. {@link EntryFacts}
   * asks it too, so that what it prunes is exactly what scoring rejects.
   */
  static double yearScore(int min, int max, int year) {
    if (year >= min && year <= max) {
      return YEAR_WITHIN;
    }
    return year == min - 1 || year == max + 1 ? YEAR_OFF_BY_ONE : DOB_DIFFERS;
  }

  /**
   * How a complete listed date of birth agrees with a complete one of the traveller's: an index
   * into {@link #COMPLETE_SCORES} and {@link #COMPLETE_REASONS}. {@link EntryFacts} asks it too
   * (through {@link #completeDateScore}), so that what it prunes is exactly what scoring rejects.
   */
  private static int completeDates(int year, int month, int day, PartialDate dob) {
    if (year == dob.year() && month == dob.month() && day == dob.day()) {
      return 0;
    } else if (year == dob.year() && month == dob.day() && day == dob.month()) {
      return 1;
    } else if (year == dob.year() && month == dob.month()) {
      return 2; // one slip: the day
    } else if (year == dob.year() && day == dob.day()) {
      return 3;
    } else if (Math.abs(year - dob.year()) == 1 && month == dob.month() && day == dob.day()) {
      return 4;
    }
    return 5;
  }

  /** What {@link #dateOfBirth} gives one complete listed date for a complete date of birth. */
  static double completeDateScore(int year, int month, int day, PartialDate dob) {
    return COMPLETE_SCORES[completeDates(year, month, day, dob)];
  }

  private static final double[] COMPLETE_SCORES = {0.08, 0.04, 0.0, 0.0, 0.0, DOB_DIFFERS};
  private static final String[] COMPLETE_REASONS = {"date of birth equal",
      "date of birth equal with day and month swapped",
      "year and month of birth equal, day differs", "year and day of birth equal, month differs",
      "year of birth off by one", "date of birth differs"};

  private static void add(List<String> why, String reason) {
    if (why != null) {
      why.add(reason);
    }
  }

  static double nationality(String[] listed, String nationality, List<String> why) {
    String n = Countries.alpha3(nationality);
    if (n == null || listed.length == 0) {
      return 0;
    }
    for (String l : listed) {
      if (n.equals(l)) {
        add(why, "nationality equal");
        return 0.02;
      }
    }
    add(why, "nationality differs");
    return -0.05;
  }

  static double gender(Gender listed, Gender g, List<String> why) {
    boolean known = g == Gender.MALE || g == Gender.FEMALE;
    boolean isListed = listed == Gender.MALE || listed == Gender.FEMALE;
    if (known && isListed && g != listed) {
      add(why, "gender differs");
      return -0.1;
    }
    return 0;
  }

  private static String alnum(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toUpperCase(s.charAt(i));
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** An entry that passed the threshold, with what scoring read of it. */
  private record Kept(double score, int id, EntryCodec.Lean lean) {}

  /** What a search scored, and the entries that passed the threshold. */
  private final class Scored {
    final List<Kept> kept = new ArrayList<>();

    /**
     * The kept entries, best first, decoded in full with their reasons. Scoring's read of each is
     * reused: a list too large for {@link StoreVersion}'s cache would read it again.
     */
    List<WatchlistMatch> results(Query q, NameSimilarity.Tokens query) {
      kept.sort((a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : Integer.compare(a.id(), b.id());
      });
      List<WatchlistMatch> out = new ArrayList<>(Math.min(kept.size(), settings.maxMatches()));
      for (int i = 0; i < kept.size() && out.size() < settings.maxMatches(); i++) {
        int id = kept.get(i).id();
        EntryCodec.Lean lean = kept.get(i).lean();
        WatchlistEntry e = store.entry(id);
        List<String> reasons = new ArrayList<>(5);
        NameScore name = bestName(lean, query);
        double s = score(lean, q, query, reasons, name);
        int named = name == null ? -1 : name.index();
        String matched = named < 0 ? null : e.names().get(named).name();
        if (named > 0) {
          reasons.set(0, reasons.get(0) + ", matched an alias");
        }
        out.add(new WatchlistMatch(e.id(), e.list(), e.category(), s, e.primaryName(), matched,
            reasons, e));
      }
      return List.copyOf(out);
    }
  }
}
