package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.NameVariants;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;

/**
 * {@link NameBounds} leaves out only candidates that scoring would reject after reading them: the
 * matcher gives the same matches, scores and reasons with {@code names.bin} as without it.
 */
class NameBoundsTest {
  @TempDir
  static Path dir;
  static List<WatchlistEntry> listed = new ArrayList<>();
  static List<WatchlistMatcher.Query> queries = new ArrayList<>();
  /** Per query, the entries it was made from (store ids). */
  static List<int[]> sources = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    List<WatchlistEntry> extra = new ArrayList<>(WatchlistStoreTest.sample());
    // Names that join (ABDUL RAHMAN / ABDULRAHMAN) and a weak alias.
    extra.add(new WatchlistEntry("j1", "x", "sanctions", WatchlistEntry.Kind.INDIVIDUAL,
        List.of(new ListedName("ABDULRAHMAN HASSAN QURESHI", null, null,
            ListedName.Type.PRIMARY, false), new ListedName("ABU QURESHI", null, null,
            ListedName.Type.ALIAS, true)),
        List.of(DateRange.of(PartialDate.ofYear(1970))), Gender.MALE, List.of("PAK"),
        List.of(new ListedDocument("P", "QK1234567", "PAK")), null));
    WatchlistStore.importList(dir, WatchlistStoreTest.importerOf("sanctions", extra), List.of(),
        "extra");
    WatchlistStore.importList(dir, ListGenerator.withSeed(11).importer(20_000, "sanctions"),
        List.of(), "generated");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      s.forEach(listed::add);
    }
    SplittableRandom rnd = new SplittableRandom(17);
    List<String> people = new ArrayList<>();
    ListGenerator.withSeed(99).generate("q", 2_000, e -> people.add(e.primaryName()));
    for (int k = 0; k < 4_000; k++) {
      int ei = rnd.nextInt(listed.size());
      int oi = rnd.nextInt(listed.size());
      sources.add(new int[] {ei, oi});
      WatchlistEntry e = listed.get(ei);
      WatchlistEntry other = listed.get(oi);
      String name = switch (k % 4) {
        case 0 -> NameVariants.vary(e.primaryName(), rnd); // a listed person, varied
        case 1 -> people.get(rnd.nextInt(people.size())); // someone on no list
        case 2 -> first(e.primaryName()) + " " + last(other.primaryName()); // a namesake
        default -> e.names().get(rnd.nextInt(e.names().size())).name();
      };
      PartialDate dob = null;
      if (!e.datesOfBirth().isEmpty() && rnd.nextInt(4) > 0) {
        int year = e.datesOfBirth().get(0).from().year() + rnd.nextInt(-2, 3);
        dob = rnd.nextBoolean() ? PartialDate.ofYear(year)
            : new PartialDate(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      }
      String nationality = e.nationalities().isEmpty() || rnd.nextInt(3) == 0 ? "FRA"
          : e.nationalities().get(0);
      Gender gender = Gender.values()[rnd.nextInt(Gender.values().length)];
      List<TravelDocument> docs = new ArrayList<>();
      if (!other.documents().isEmpty() && rnd.nextInt(5) == 0) {
        ListedDocument d = other.documents().get(0);
        docs.add(new TravelDocument("P", d.number(), d.issuingCountry(), null, null, null));
      }
      docs.add(new TravelDocument("P", "X" + rnd.nextInt(1_000_000), "FRA", null, null, null));
      queries.add(new WatchlistMatcher.Query(name, dob, nationality, gender, docs));
    }
  }

  private static String first(String name) {
    return name.split(" ")[0];
  }

  private static String last(String name) {
    String[] t = name.split(" ");
    return t[t.length - 1];
  }

  @Test
  void theMatchesAreTheSameWithAndWithoutTheBounds() throws IOException {
    Path version = new StoreFiles(dir).current();
    List<String> with = new ArrayList<>();
    List<String> without = new ArrayList<>();
    try (StoreVersion v = StoreVersion.open(version)) {
      assertNotNull(v.nameBounds(), "the import writes names.bin");
      WatchlistMatcher m = new WatchlistMatcher(v, MatchSettings.DEFAULTS);
      queries.forEach(q -> with.add(describe(m.match(q))));
      queries.forEach(q -> with.add(describe(m.search(q))));
    }
    try (StoreVersion v = StoreVersion.open(version, false)) {
      assertNull(v.nameBounds());
      WatchlistMatcher m = new WatchlistMatcher(v, MatchSettings.DEFAULTS);
      queries.forEach(q -> without.add(describe(m.match(q))));
      queries.forEach(q -> without.add(describe(m.search(q))));
    }
    long matched = with.stream().filter(m -> !m.isEmpty()).count();
    assertTrue(matched > queries.size() / 4, "too few queries match to tell: " + matched);
    for (int i = 0; i < with.size(); i++) {
      assertEquals(without.get(i), with.get(i), "query " + i % queries.size());
    }
  }

  /**
   * Pair by pair, where the bound leaves an entry out, {@link NameSimilarity#scoreAtLeast} puts
   * every name of it below the floor: for the entries each query was made from (its own names,
   * varied, or a namesake's) and for random ones; and it leaves out most random pairs.
   */
  @Test
  void anEntryLeftOutHasNoNameAtTheFloor() throws IOException {
    SplittableRandom rnd = new SplittableRandom(5);
    int pairs = 0;
    int out = 0;
    Path version = new StoreFiles(dir).current();
    try (StoreVersion v = StoreVersion.open(version)) {
      NameBounds bounds = v.nameBounds();
      for (WatchlistMatcher.Query q : queries) {
        NameSimilarity.Tokens query = NameSimilarity.Tokens.of(Normalizer.normalize(q.name()),
            null);
        for (int i = 0; i < query.size(); i++) {
          query.weight[i] = 0.15 + 0.85 * rnd.nextDouble();
        }
        NameBounds.Query bounded = new NameBounds.Query(query);
        int[] from = sources.get(queries.indexOf(q));
        for (int k = 0; k < 12; k++) {
          int id = k < 2 ? from[k] : rnd.nextInt(v.size());
          if (k < 2) {
            // Never left out at its own score, the sharpest floor for both bounds.
            double real = bestName(v.lean(id), query);
            assertTrue(real == 0 || bounds.mayReach(id, bounded, real - 1e-9),
                q.name() + " / entry " + id + " at " + real);
          }
          double floor = 0.5 + 0.45 * rnd.nextDouble();
          if (bounds.mayReach(id, bounded, floor)) {
            continue;
          }
          out++;
          EntryCodec.Lean e = v.lean(id);
          for (int n = 0; n < e.names().length; n++) {
            double weak = e.weak()[n] ? 0.95 : 1.0;
            double s2 = NameSimilarity.scoreAtLeast(query, e.names()[n], floor / weak);
            assertTrue(s2 < floor / weak, q.name() + " / entry " + id + " name " + n);
          }
        }
        pairs += 12;
      }
    }
    assertTrue(out > pairs / 2, "the bound leaves out too little to be worth it: " + out);
  }

  /** The best of an entry's names for the query after the weak factor, as scoring takes it. */
  private static double bestName(EntryCodec.Lean e, NameSimilarity.Tokens query) {
    double best = 0;
    for (int n = 0; n < e.names().length; n++) {
      double weak = e.weak()[n] ? 0.95 : 1.0;
      best = Math.max(best, NameSimilarity.scoreAtLeast(query, e.names()[n], 0) * weak);
    }
    return best;
  }

  /**
   * A listed name with one vowel changed (OKADA HARUTO for OKADA HIROTO): every token may pair,
   * so only the closer bound, from the tokens' similarities, can leave the entry out. It must
   * never leave it out at its real score, and must leave out most just above it.
   */
  @Test
  void theCloserBoundLeavesOutNamesWhoseTokensAreOnlyAlike() throws IOException {
    SplittableRandom rnd = new SplittableRandom(23);
    int tried = 0;
    int leftOut = 0;
    Path version = new StoreFiles(dir).current();
    try (StoreVersion v = StoreVersion.open(version)) {
      NameBounds bounds = v.nameBounds();
      for (int id = 0; id < v.size() && tried < 1_000; id++) {
        EntryCodec.Lean e = v.lean(id);
        String varied = e == null || e.names().length != 1 ? null
            : oneVowelChanged(v.entry(id).primaryName(), rnd);
        if (varied == null) {
          continue;
        }
        NameSimilarity.Tokens query = NameSimilarity.Tokens.of(Normalizer.normalize(varied),
            null);
        double real = bestName(e, query);
        if (real < 0.5 || real > 0.98) {
          continue;
        }
        tried++;
        NameBounds.Query bounded = new NameBounds.Query(query);
        assertTrue(bounds.mayReach(id, bounded, real - 1e-9), varied + " / entry " + id);
        if (!bounds.mayReach(id, bounded, real + 0.01)) {
          leftOut++;
        }
      }
    }
    assertTrue(tried >= 500, "too few names to tell: " + tried);
    assertTrue(leftOut * 4 > tried * 3, leftOut + " of " + tried + " left out");
  }

  /** The name with a vowel after the first letter of its longest token changed, or null. */
  private static String oneVowelChanged(String name, SplittableRandom rnd) {
    String[] tokens = name.split(" ");
    int longest = 0;
    for (int i = 1; i < tokens.length; i++) {
      longest = tokens[i].length() > tokens[longest].length() ? i : longest;
    }
    String t = tokens[longest];
    if (tokens.length < 2 || t.length() < 5) {
      return null;
    }
    for (int c = 1 + rnd.nextInt(t.length() - 1), tries = 0; tries < t.length(); tries++) {
      int at = 1 + (c + tries) % (t.length() - 1);
      int vowel = "AEIOU".indexOf(t.charAt(at));
      if (vowel >= 0) {
        tokens[longest] = t.substring(0, at) + "AEIOU".charAt((vowel + 1 + rnd.nextInt(4)) % 5)
            + t.substring(at + 1);
        return String.join(" ", tokens);
      }
    }
    return null;
  }

  /**
   * A version without {@code names.bin}, or with one of an older layout, has it derived from the
   * entries when opened: the same file the import writes.
   */
  @Test
  void aMissingOrOutdatedFileIsDerivedFromTheEntries() throws IOException {
    Path version = new StoreFiles(dir).current();
    Path file = version.resolve(NameBounds.FILE);
    byte[] built = Files.readAllBytes(file);
    try {
      Files.delete(file);
      try (StoreVersion v = StoreVersion.open(version)) {
        assertNotNull(v.nameBounds());
      }
      assertArrayEquals(built, Files.readAllBytes(file), "derived from the entries");
      byte[] older = built.clone();
      older[0]--; // the layout's version, in the magic's low byte
      Files.write(file, older);
      try (StoreVersion v = StoreVersion.open(version)) {
        assertNotNull(v.nameBounds());
      }
      assertArrayEquals(built, Files.readAllBytes(file), "an older layout replaced");
      try (var files = Files.list(version)) {
        assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
      }
    } finally {
      Files.write(file, built);
    }
  }

  @Test
  void aFileForAnotherStoreIsIgnored(@TempDir Path other) throws IOException {
    Path version = new StoreFiles(dir).current();
    Path file = version.resolve(NameBounds.FILE);
    int n = listed.size();
    assertNotNull(NameBounds.open(file, n));
    assertNull(NameBounds.open(file, n + 1), "another number of entries");
    Path cut = other.resolve("cut.bin");
    byte[] b = Files.readAllBytes(file);
    Files.write(cut, java.util.Arrays.copyOf(b, b.length - 4));
    assertNull(NameBounds.open(cut, n), "a truncated file");
    b[0] ^= 1;
    Files.write(cut, b);
    assertNull(NameBounds.open(cut, n), "another format");
    assertNull(NameBounds.open(other.resolve("missing.bin"), n));
  }

  private static String describe(List<WatchlistMatch> matches) {
    StringBuilder sb = new StringBuilder();
    for (WatchlistMatch m : matches) {
      sb.append(m.entryId()).append(' ').append(m.score()).append(' ').append(m.reasons())
          .append(' ').append(m.matchedName()).append('\n');
    }
    return sb.toString();
  }
}
