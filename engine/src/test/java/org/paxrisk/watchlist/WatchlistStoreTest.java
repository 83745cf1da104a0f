package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;

/** Building, versioning and matching of a store, on small lists written in the test. */
class WatchlistStoreTest {

  /** An importer over entries held in memory. */
  static ListImporter importerOf(String category, List<WatchlistEntry> entries) {
    return new ListImporter() {
      @Override
      public String format() {
        return "test";
      }

      @Override
      public String defaultCategory() {
        return category;
      }

      @Override
      public ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink) {
        long aliases = 0;
        for (WatchlistEntry e : entries) {
          sink.accept(new WatchlistEntry(list + ":" + e.id(), list, e.category(), e.kind(),
              e.names(), e.datesOfBirth(), e.gender(), e.nationalities(), e.documents(),
              e.remarks()));
          aliases += e.names().size() - 1;
        }
        return new ImportReport(list, "test", entries.size(), entries.size(), aliases, List.of());
      }
    };
  }

  static WatchlistEntry person(String id, String category, List<String> names, DateRange dob,
      String nationality, ListedDocument doc) {
    List<ListedName> ln = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ln.add(new ListedName(names.get(i), null, null,
          i == 0 ? ListedName.Type.PRIMARY : ListedName.Type.ALIAS, false));
    }
    return new WatchlistEntry(id, "x", category, WatchlistEntry.Kind.INDIVIDUAL, ln,
        dob == null ? List.of() : List.of(dob), Gender.MALE,
        nationality == null ? List.of() : List.of(nationality),
        doc == null ? List.of() : List.of(doc), null);
  }

  static List<WatchlistEntry> sample() {
    List<WatchlistEntry> l = new ArrayList<>();
    l.add(person("1", "sanctions", List.of("ABD AL-RAHMAN MUHAMMAD HASSAN", "Abu Hassan"),
        DateRange.of(PartialDate.ofYear(1971)), "IRQ", new ListedDocument("P", "A1234567", "IRQ")));
    l.add(person("2", "no-fly", List.of("Владимир Щукин"),
        DateRange.of(new PartialDate(1965, 3, 14)), "RUS", null));
    l.add(person("3", "sanctions", List.of("JOHN SMITH"), null, "GBR", null));
    l.add(person("ma", "sanctions", List.of("MOHAMMED ALI"), null, null, null));
    for (int i = 0; i < 300; i++) {
      // Many MOHAMMEDs: a common token must not pull all of them in.
      l.add(person("m" + i, "sanctions", List.of("MOHAMMED ALI " + (char) ('A' + i % 26)
          + "XQ" + i), null, null, null));
    }
    return l;
  }

  @Test
  void import_thenMatch_transliterationAndYearOnlyDate(@TempDir Path dir) throws IOException {
    WatchlistStore.ImportResult r = WatchlistStore.importList(dir,
        importerOf("sanctions", sample()), List.of(), "demo");
    assertEquals(304, r.manifest().entries());
    assertEquals("v000001", r.manifest().version());
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      List<WatchlistMatch> m = s.matcher().search(new WatchlistMatcher.Query(
          "Abdulrahman Mohammed Hasan", new PartialDate(1971, 5, 2), "IRQ", Gender.MALE,
          List.of()));
      assertFalse(m.isEmpty());
      WatchlistMatch top = m.get(0);
      assertEquals("demo:1", top.entryId());
      assertTrue(top.score() > 0.85, top.toString() + top.reasons());
      assertTrue(top.reasons().contains("year of birth equal"), top.reasons().toString());
      assertTrue(top.reasons().contains("nationality equal"), top.reasons().toString());

      List<WatchlistMatch> cyr = s.matcher().search(WatchlistMatcher.Query.name(
          "VLADIMIR SHCHUKIN"));
      assertEquals("demo:2", cyr.get(0).entryId());
      assertEquals(1.0, cyr.get(0).score(), 0.02);
    }
  }

  @Test
  void documentNumber_withOcrSlip_isFound(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "demo");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      List<WatchlistMatch> m = s.matcher().search(new WatchlistMatcher.Query("UNRELATED PERSON",
          null, null, null, List.of(new TravelDocument("P", "AI234567", "IRQ", null, null,
              null))));
      assertTrue(m.stream().anyMatch(x -> x.entryId().equals("demo:1")
          && x.reasons().stream().anyMatch(w -> w.contains("OCR"))), m.toString());
    }
  }

  /**
   * An entry that the traveller's keys found, but whose name alone could not reach the threshold,
   * is still scored when it also holds the traveller's document: a listed document is worth a
   * review whatever the name.
   */
  @Test
  void documentNumber_scoresACandidateTheNameBoundLeftOut(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "demo");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      List<WatchlistMatch> m = s.matcher().match(new WatchlistMatcher.Query(
          "QUIRINUS ZEBEDEE OTTOKAR HASSAN", null, null, null, List.of(new TravelDocument("P",
              "A1234567", "IRQ", null, null, null))));
      assertTrue(m.stream().anyMatch(x -> x.entryId().equals("demo:1")
          && x.reasons().stream().anyMatch(w -> w.startsWith("document number equal"))),
          m.toString());
    }
  }

  @Test
  void typo_foundInSecondStage(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "demo");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      List<WatchlistMatch> m = s.matcher().search(WatchlistMatcher.Query.name("VLADIMIR SHCHUKNI"));
      assertEquals("demo:2", m.get(0).entryId(), m.toString());
    }
  }

  @Test
  void commonNamesOnly_stillFoundByIntersection(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "demo");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      List<WatchlistMatch> m = s.matcher().search(WatchlistMatcher.Query.name("MUHAMMAD ALI"));
      assertFalse(m.isEmpty());
      assertEquals("demo:ma", m.get(0).entryId(), m.toString());
      // The 300 "MOHAMMED ALI XYZ" entries have a rare third name: they score low.
      assertTrue(m.size() <= MatchSettings.DEFAULTS.maxMatches());
    }
  }

  @Test
  void secondList_keepsFirst_reimportReplacesIt_openStoreKeepsItsVersion(@TempDir Path dir)
      throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "a");
    try (WatchlistStore old = WatchlistStore.open(dir)) {
      WatchlistStore.importList(dir, importerOf("no-fly", sample().subList(0, 2)), List.of(), "b");
      WatchlistStore.importList(dir, importerOf("sanctions", sample().subList(2, 3)), List.of(),
          "a");
      assertEquals("v000001", old.version());
      assertEquals(304, old.size());
      assertFalse(old.matcher().search(WatchlistMatcher.Query.name("VLADIMIR SHCHUKIN"))
          .isEmpty());
    }
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      assertEquals("v000003", s.version());
      assertEquals(3, s.size());
      assertEquals(List.of("b", "a"), s.manifest().lists().stream().map(l -> l.name()).toList());
    }
  }

  @Test
  void abandonedBuild_isIgnoredAndCleanedUp(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, importerOf("sanctions", sample()), List.of(), "a");
    Path junk = Files.createDirectories(dir.resolve("versions/building-1-999"));
    Files.writeString(junk.resolve("entries.cm"), "half written");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      assertEquals("v000001", s.version());
    }
    WatchlistStore.ImportResult r = WatchlistStore.importList(dir,
        importerOf("sanctions", sample()), List.of(), "b");
    assertTrue(r.cleanedUp().contains(junk));
    assertFalse(Files.exists(junk));
  }

  @Test
  void open_emptyFolder_saysNothingImported(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class, () -> WatchlistStore.open(dir));
    assertTrue(e.getMessage().contains("nothing imported"));
  }

  @Test
  void travellersMatchPeopleNotEntities(@TempDir Path dir) throws IOException {
    WatchlistEntry vessel = new WatchlistEntry("v1", "x", "sanctions", WatchlistEntry.Kind.VESSEL,
        List.of(new ListedName("NOOR STAR", null, null, ListedName.Type.PRIMARY, false)),
        List.of(), Gender.UNKNOWN, List.of(), List.of(new ListedDocument("IMO", "9187629", null)),
        null);
    WatchlistStore.importList(dir, importerOf("sanctions", List.of(vessel,
        person("p1", "sanctions", List.of("NOOR STARR"), null, null, null))), List.of(), "t");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      WatchlistMatcher.Query q = new WatchlistMatcher.Query("NOOR STAR", null, null, Gender.FEMALE,
          List.of(new TravelDocument("P", "9187629", null, null, null, null)));
      // A search by name finds both; a traveller, with the vessel's number as passport, only the
      // person.
      assertEquals(List.of("t:p1", "t:v1"), s.matcher().search(q).stream()
          .map(WatchlistMatch::entryId).sorted().toList());
      assertEquals(List.of("t:p1"), s.matcher().match(q).stream()
          .map(WatchlistMatch::entryId).toList());
    }
  }

  @Test
  void aNameOfCommonWordsFindsTheNamesakeBornInTheTravellersYear(@TempDir Path dir)
      throws IOException {
    // Both words are common (over 100 entries), so candidates come from the intersection of
    // their postings, where every entry has the same support. The one born in the traveller's
    // year has the highest id: namesakes born in other years must not crowd it out.
    List<WatchlistEntry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      entries.add(person("n" + i, "sanctions", List.of("ANNA SMITH"),
          DateRange.years(1930 + i % 40, 1930 + i % 40), null, null));
    }
    entries.add(person("born-1985", "sanctions", List.of("ANNA SMITH"),
        DateRange.years(1985, 1985), null, null));
    WatchlistStore.importList(dir, importerOf("sanctions", entries), List.of(), "t");
    try (WatchlistStore s = WatchlistStore.open(dir)) {
      WatchlistMatcher.Query q = new WatchlistMatcher.Query("ANNA SMITH",
          PartialDate.ofYear(1985), null, Gender.MALE, List.of());
      assertEquals(List.of("t:born-1985"), s.matcher().match(q).stream()
          .map(WatchlistMatch::entryId).toList());
    }
  }
}
