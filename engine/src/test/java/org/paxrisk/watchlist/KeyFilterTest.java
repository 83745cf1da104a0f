package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.model.TravelDocument;

/** {@link KeyFilter} never turns away a key the store has, and turns away nearly all others. */
class KeyFilterTest {
  @TempDir
  Path dir;

  @Test
  void everyKeyOfTheStoreGetsThroughAndFewOthersDo() throws IOException {
    WatchlistStore.importList(dir, ListGenerator.withSeed(3).importer(20_000, "sanctions"),
        List.of(), "generated");
    Path version = new StoreFiles(dir).current();
    Manifest m = Manifest.read(version, version.getFileName().toString());
    KeyFilter filter = KeyFilter.read(version.resolve(KeyFilter.FILE), m.keys());
    assertNotNull(filter, "the import writes keys.bin");
    // Every key the import posts (StoreBuilder's), found again from the entries.
    Set<String> keys = new HashSet<>();
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      s.forEach(e -> {
        for (ListedName n : e.names()) {
          Normalizer.NormalizedName nn = Normalizer.normalize(n.name());
          Keys.nameKeys(nn, keys::add);
          Keys.deletionKeys(nn, keys::add);
        }
        for (ListedDocument d : e.documents()) {
          keys.add(Keys.documentKey(d.number()));
        }
      });
    }
    keys.remove(null);
    assertEquals(m.keys(), keys.size(), "the store's keys");
    for (String k : keys) {
      assertTrue(filter.mayHave(k), k);
    }
    // Keys like a traveller's that no list has: document numbers and joined skeletons.
    SplittableRandom rnd = new SplittableRandom(7);
    int absent = 0;
    int through = 0;
    for (int i = 0; i < 200_000; i++) {
      String k = i % 2 == 0 ? Keys.documentKey("X" + rnd.nextInt(100_000_000))
          : "S" + Skeleton.of(Long.toString(rnd.nextLong(), 36).toUpperCase(Locale.ROOT));
      if (!keys.contains(k)) {
        absent++;
        through += filter.mayHave(k) ? 1 : 0;
      }
    }
    assertTrue(through < absent / 100, through + " of " + absent + " absent keys got through");
  }

  /**
   * Listed names, and strangers carrying a listed document, whom only the document's key finds:
   * the same matches with the filter as without it.
   */
  @Test
  void theMatchesAreTheSameWithoutTheFilter() throws IOException {
    List<WatchlistEntry> listed = new ArrayList<>();
    WatchlistStore.importList(dir, ListGenerator.withSeed(5).importer(5_000, "sanctions"),
        List.of(), "generated");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      s.forEach(listed::add);
    }
    List<WatchlistMatcher.Query> queries = new ArrayList<>();
    List<String> carried = new ArrayList<>(); // per query, the entry whose document it carries
    for (int i = 0; i < listed.size(); i++) {
      WatchlistEntry e = listed.get(i);
      if (i % 2 == 0 || e.documents().isEmpty()) {
        queries.add(new WatchlistMatcher.Query(e.primaryName(), null, null, null, List.of()));
        carried.add(null);
      } else {
        queries.add(new WatchlistMatcher.Query("QUENTIN ZYBRANOWSKI", null, null, null,
            List.of(new TravelDocument("P", e.documents().get(0).number(), null, null, null,
                null))));
        carried.add(e.id());
      }
    }
    List<List<WatchlistMatch>> with = matches(queries);
    Path version = new StoreFiles(dir).current();
    Files.delete(version.resolve(KeyFilter.FILE));
    List<List<WatchlistMatch>> without = matches(queries);
    int byDocument = 0;
    for (int i = 0; i < queries.size(); i++) {
      assertEquals(without.get(i), with.get(i), "query " + i);
      String id = carried.get(i);
      if (id != null && with.get(i).stream().anyMatch(m -> m.entryId().equals(id))) {
        byDocument++;
      }
    }
    assertTrue(byDocument > 500, byDocument + " strangers found by their document");
    assertTrue(with.stream().filter(m -> !m.isEmpty()).count() > queries.size() / 2);
  }

  private List<List<WatchlistMatch>> matches(List<WatchlistMatcher.Query> queries)
      throws IOException {
    List<List<WatchlistMatch>> out = new ArrayList<>();
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      queries.forEach(q -> out.add(s.matcher().match(q)));
    }
    return out;
  }

  @Test
  void aFileForAnotherVersionIsIgnored() throws IOException {
    KeyFilter f = KeyFilter.of(List.of("TSMITH", "SSMT"));
    Path file = dir.resolve(KeyFilter.FILE);
    f.write(file);
    assertNotNull(KeyFilter.read(file, 2));
    assertNull(KeyFilter.read(file, 3), "another number of keys");
    byte[] b = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(b, b.length - 1));
    assertNull(KeyFilter.read(file, 2), "a truncated file");
    b[0] ^= 1;
    Files.write(file, b);
    assertNull(KeyFilter.read(file, 2), "another layout");
    assertNull(KeyFilter.read(dir.resolve("missing.bin"), 2));
  }
}
