package org.paxrisk.watchlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * the entries that share it. Keys held by more than a small share of the list (MOHAMMED, ALI) do not
 * bring candidates on their own, so a common name does not pull in thousands of entries; they only
 * add weight to candidates a rarer key found. The best-supported candidates, and every entry with
 * one of the traveller's document numbers, are scored in full: the name ({@link NameSimilarity},
 * with each token weighted by its rarity in the lists), then date of birth, nationality, gender
 * and documents move the score up or down. When nothing scores well, the typo keys (one-letter
 * deletions) are tried as a second stage. No step scans the list.
 */
public final class WatchlistMatcher {
  private final StoreVersion store;
  private final MatchSettings settings;
  private final int commonAbove;

  WatchlistMatcher(StoreVersion store, MatchSettings settings) {
    this.store = store;
    this.settings = settings;
    // A key of more than 0.5% of the entries (at least 100) is common.
    this.commonAbove = Math.max(100, store.size() / 200);
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
    return search(new Query(name, t.dateOfBirth(), t.nationality(), t.gender(), t.documents()));
  }

  /** The matches of a query, best first. */
  public List<WatchlistMatch> search(Query q) {
    Normalizer.NormalizedName name = Normalizer.normalize(q.name());
    Map<Integer, double[]> support = new HashMap<>();
    Set<Integer> documentHits = new LinkedHashSet<>();
    int n = Math.max(1, store.size());
    double[] tokenWeights = new double[name.tokens().length];
    Arrays.fill(tokenWeights, 1.0);

    // Stage 1: token and skeleton keys.
    List<String> keys = new ArrayList<>();
    Keys.nameKeys(name, keys::add);
    List<String> commonKeys = new ArrayList<>();
    List<int[]> common = new ArrayList<>();
    for (String key : new LinkedHashSet<>(keys)) {
      int[] p = store.posting(key, false);
      if (p.length == 0) {
        continue;
      }
      int df = p[0];
      if (key.charAt(0) == 'T') {
        weighToken(name, key, df, n, tokenWeights);
      }
      double idf = Math.log1p((double) n / df);
      if (df <= commonAbove) {
        for (int i = 1; i < p.length; i++) {
          support.computeIfAbsent(p[i], k -> new double[1])[0] += idf;
        }
      } else {
        common.add(p);
        commonKeys.add(key);
      }
    }
    for (int[] p : common) {
      if (support.isEmpty()) {
        break;
      }
      // Only the first page: enough to strengthen the candidates that rarer keys found.
      double idf = Math.log1p((double) n / p[0]);
      for (int i = 1; i < p.length; i++) {
        double[] s = support.get(p[i]);
        if (s != null) {
          s[0] += idf;
        }
      }
    }
    if (support.isEmpty() && common.size() >= 2) {
      // Only common tokens (MOHAMMED ALI): the entries that have the two rarest of them.
      Integer[] order = new Integer[common.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(common.get(a)[0], common.get(b)[0]));
      intersect(store.posting(commonKeys.get(order[0]), true),
          store.posting(commonKeys.get(order[1]), true), support);
    }
    for (TravelDocument d : q.documents()) {
      String k = Keys.documentKey(d.number());
      if (k != null) {
        int[] p = store.posting(k, false);
        for (int i = 1; i < p.length; i++) {
          documentHits.add(p[i]);
        }
      }
    }

    NameSimilarity.Tokens query = tokens(name, tokenWeights);
    Scored best = new Scored(settings.maxMatches());
    Set<Integer> scored = new java.util.HashSet<>();
    for (int id : top(support, settings.candidates())) {
      score(id, q, query, best, scored);
    }
    for (int id : documentHits) {
      score(id, q, query, best, scored);
    }

    // Stage 2: typo keys, only when stage 1 found nothing good.
    if (best.bestScore() < settings.typoStageBelow() && !name.isEmpty()) {
      Map<Integer, double[]> typo = new HashMap<>();
      for (int i = 0; i < name.tokens().length; i++) {
        if (name.particle()[i]) {
          continue;
        }
        String s = Skeleton.of(name.tokens()[i]);
        List<String> tk = new ArrayList<>();
        if (s.length() >= 3) {
          tk.add("D" + s); // the list's skeleton lost a letter: the query has one more
        }
        Keys.deletions(s, "S", tk::add); // the query lost a letter
        Keys.deletions(s, "D", tk::add); // one letter differs
        for (String key : tk) {
          int[] p = store.posting(key, false);
          if (p.length == 0 || p[0] > commonAbove) {
            continue;
          }
          double idf = Math.log1p((double) n / p[0]);
          for (int k = 1; k < p.length; k++) {
            if (!scored.contains(p[k])) {
              typo.computeIfAbsent(p[k], x -> new double[1])[0] += idf;
            }
          }
        }
      }
      for (int id : top(typo, settings.candidates())) {
        score(id, q, query, best, scored);
      }
    }
    return best.results(settings.threshold());
  }

  private static void weighToken(Normalizer.NormalizedName name, String key, int df, int n,
      double[] weights) {
    String canonical = key.substring(1);
    for (int i = 0; i < name.tokens().length; i++) {
      if (Equivalents.canonical(name.tokens()[i]).equals(canonical)) {
        weights[i] = StoreBuilder.weight(df, n);
      }
    }
  }

  private static NameSimilarity.Tokens tokens(Normalizer.NormalizedName name, double[] weights) {
    NameSimilarity.Tokens t = NameSimilarity.Tokens.of(name, null);
    for (int i = 0; i < t.size(); i++) {
      if (!name.particle()[i]) {
        t.weight[i] = weights[i];
      }
    }
    return t;
  }

  private static void intersect(int[] a, int[] b, Map<Integer, double[]> out) {
    int i = 1;
    int j = 1;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        out.put(a[i], new double[] {1});
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  private static int[] top(Map<Integer, double[]> support, int k) {
    if (support.isEmpty()) {
      return new int[0];
    }
    List<Map.Entry<Integer, double[]>> all = new ArrayList<>(support.entrySet());
    all.sort((x, y) -> {
      int c = Double.compare(y.getValue()[0], x.getValue()[0]);
      return c != 0 ? c : Integer.compare(x.getKey(), y.getKey());
    });
    int m = Math.min(k, all.size());
    int[] ids = new int[m];
    for (int i = 0; i < m; i++) {
      ids[i] = all.get(i).getKey();
    }
    return ids;
  }

  private void score(int id, Query q, NameSimilarity.Tokens query, Scored best, Set<Integer> done) {
    if (!done.add(id)) {
      return;
    }
    EntryCodec.Prepared p = store.entry(id);
    if (p == null) {
      return;
    }
    WatchlistEntry e = p.entry();
    List<String> reasons = new ArrayList<>(5);
    double score;
    String matchedName = null;
    if (e.kind() == WatchlistEntry.Kind.DOCUMENT) {
      score = 0;
    } else {
      NameSimilarity.Result bestName = null;
      int bestIndex = -1;
      for (int i = 0; i < p.names().length; i++) {
        NameSimilarity.Result r = NameSimilarity.compare(query, p.names()[i], true);
        double s = r.score() * (e.names().get(i).weak() ? 0.95 : 1.0);
        if (bestName == null || s > bestName.score()) {
          bestName = new NameSimilarity.Result(s, r.pairs(), r.unpaired());
          bestIndex = i;
        }
      }
      score = bestName == null ? 0 : bestName.score();
      if (bestIndex >= 0) {
        matchedName = e.names().get(bestIndex).name();
        reasons.add(String.format(Locale.ROOT, "name %.2f (%s)%s", score, bestName.explain(),
            e.names().get(bestIndex).type() == ListedName.Type.PRIMARY ? ""
                : ", matched an alias"));
      }
    }
    double document = documents(e, q.documents(), reasons);
    if (e.kind() != WatchlistEntry.Kind.DOCUMENT) {
      score += dateOfBirth(e, q.dateOfBirth(), reasons);
      score += nationality(e, q.nationality(), reasons);
      score += gender(e, q.gender(), reasons);
      // A listed document number is worth a review whatever the name (stolen identity): it sets
      // a floor, and adds a little on top of a name that agrees.
      score = document > 0 ? Math.max(score + document * 0.2, document * 0.9) : score;
    } else {
      score = document;
    }
    score = Math.max(0, Math.min(1, score));
    best.offer(new WatchlistMatch(e.id(), e.list(), e.category(),
        Math.round(score * 1000) / 1000.0, e.primaryName(), matchedName, reasons, e));
  }

  /** 1 for an equal document number, 0.9 up to OCR slips, 0.3 less for another country, else 0. */
  private static double documents(WatchlistEntry e, List<TravelDocument> docs, List<String> why) {
    double best = 0;
    String reason = null;
    for (TravelDocument d : docs) {
      if (d.number() == null) {
        continue;
      }
      String exact = alnum(d.number());
      String folded = Keys.documentKey(d.number());
      for (ListedDocument l : e.documents()) {
        double s;
        String r;
        if (alnum(l.number()).equals(exact)) {
          s = 1.0;
          r = "document number equal";
        } else if (folded != null && folded.equals(Keys.documentKey(l.number()))) {
          s = 0.9;
          r = "document number equal up to OCR-confusable characters";
        } else {
          continue;
        }
        String c1 = Countries.alpha3(d.issuingCountry());
        if (c1 != null && l.issuingCountry() != null && !c1.equals(l.issuingCountry())) {
          s -= 0.3;
          r += ", issuing country differs";
        } else if (c1 != null && c1.equals(l.issuingCountry())) {
          r += ", same issuing country";
        }
        if (s > best) {
          best = s;
          reason = r;
        }
      }
    }
    if (reason != null) {
      why.add(reason);
    }
    return best;
  }

  static double dateOfBirth(WatchlistEntry e, PartialDate dob, List<String> why) {
    if (dob == null || e.datesOfBirth().isEmpty()) {
      why.add("no date of birth to compare");
      return 0;
    }
    double best = -0.15;
    String reason = "date of birth differs";
    for (DateRange r : e.datesOfBirth()) {
      PartialDate f = r.from();
      double s;
      String w;
      if (r.isSingle() && f.isComplete() && dob.isComplete()) {
        if (f.equals(dob)) {
          s = 0.08;
          w = "date of birth equal";
        } else if (f.year() == dob.year() && f.month() == dob.day() && f.day() == dob.month()) {
          s = 0.04;
          w = "date of birth equal with day and month swapped";
        } else if (f.year() == dob.year()) {
          s = 0.0;
          w = "year of birth equal, day differs";
        } else if (Math.abs(f.year() - dob.year()) == 1 && f.month() == dob.month()
            && f.day() == dob.day()) {
          s = 0.0;
          w = "year of birth off by one";
        } else {
          s = -0.15;
          w = "date of birth differs";
        }
      } else if (dob.year() >= r.from().year() && dob.year() <= r.to().year()) {
        s = 0.03;
        w = r.isSingle() ? "year of birth equal" : "year of birth within the listed range";
      } else if (dob.year() == r.from().year() - 1 || dob.year() == r.to().year() + 1) {
        s = 0.0;
        w = "year of birth off by one";
      } else {
        s = -0.15;
        w = "year of birth differs";
      }
      if (s > best) {
        best = s;
        reason = w;
      }
    }
    why.add(reason);
    return best;
  }

  private static double nationality(WatchlistEntry e, String nationality, List<String> why) {
    String n = Countries.alpha3(nationality);
    if (n == null || e.nationalities().isEmpty()) {
      return 0;
    }
    if (e.nationalities().contains(n)) {
      why.add("nationality equal");
      return 0.02;
    }
    why.add("nationality differs");
    return -0.05;
  }

  private static double gender(WatchlistEntry e, Gender g, List<String> why) {
    boolean known = g == Gender.MALE || g == Gender.FEMALE;
    boolean listed = e.gender() == Gender.MALE || e.gender() == Gender.FEMALE;
    if (known && listed && g != e.gender()) {
      why.add("gender differs");
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

  /** The best matches so far, by score, at most a few. */
  private static final class Scored {
    private final List<WatchlistMatch> matches = new ArrayList<>();
    private final int max;

    Scored(int max) {
      this.max = max;
    }

    void offer(WatchlistMatch m) {
      matches.add(m);
    }

    double bestScore() {
      double b = 0;
      for (WatchlistMatch m : matches) {
        b = Math.max(b, m.score());
      }
      return b;
    }

    List<WatchlistMatch> results(double threshold) {
      List<WatchlistMatch> out = new ArrayList<>();
      for (WatchlistMatch m : matches) {
        if (m.score() >= threshold) {
          out.add(m);
        }
      }
      out.sort((a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.entryId().compareTo(b.entryId());
      });
      return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
    }
  }
}
