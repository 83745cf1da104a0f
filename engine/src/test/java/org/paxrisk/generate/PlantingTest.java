package org.paxrisk.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.model.Gender;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.DateRange;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.ListedDocument;
import org.paxrisk.watchlist.ListedName;
import org.paxrisk.watchlist.WatchlistEntry;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * Planting list entries in generated traffic: how many, which, how varied, the same bytes for the
 * same seed, and truth that agrees with what the parser reads back from the written messages.
 */
class PlantingTest {
  private static final int FLIGHTS = 8;
  private static final int PLANTS = 60;
  private static List<WatchlistEntry> entries;
  private static Map<String, WatchlistEntry> byId;

  @BeforeAll
  static void entries() {
    entries = new ArrayList<>();
    ListGenerator.withSeed(11).generate("gen", 400, entries::add);
    // Never planted: an entity, a document on its own, a one-word name.
    entries.add(new WatchlistEntry("gen:entity", "gen", "sanctions", WatchlistEntry.Kind.ENTITY,
        List.of(ListedName.primary("ACME SHIPPING LTD")), List.of(), Gender.UNKNOWN, List.of(),
        List.of(), null));
    entries.add(new WatchlistEntry("gen:doc", "gen", "lost-stolen-documents",
        WatchlistEntry.Kind.DOCUMENT, List.of(), List.of(), Gender.UNKNOWN, List.of(),
        List.of(new ListedDocument("P", "X1234567", "GBR")), null));
    entries.add(new WatchlistEntry("gen:mononym", "gen", "no-fly", WatchlistEntry.Kind.INDIVIDUAL,
        List.of(ListedName.primary("SUHARTO")), List.of(), Gender.MALE, List.of(), List.of(),
        null));
    byId = new HashMap<>();
    for (WatchlistEntry e : entries) {
      byId.put(e.id(), e);
    }
  }

  private static TrafficGenerator generator(long seed) {
    return TrafficGenerator.withSeed(seed).travellersPerFlight(20, 60)
        .planting(entries::forEach, PLANTS);
  }

  @Test
  void writeFlights_plantsCountDistinctIndividuals_someExactMostVaried(@TempDir Path dir)
      throws IOException {
    GeneratedTraffic g = generator(5).writeFlights(dir, FLIGHTS);
    assertEquals(FLIGHTS, g.flights());
    assertEquals(PLANTS, g.planted().size());
    Set<String> entryIds = new HashSet<>();
    Set<String> travellerIds = new HashSet<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (PlantedTraveller p : g.planted()) {
      assertTrue(entryIds.add(p.entryId()), "enough entries: each planted once");
      assertTrue(travellerIds.add(p.travellerId()), "one plant per traveller");
      assertFalse(Set.of("gen:entity", "gen:doc", "gen:mononym").contains(p.entryId()));
      assertEquals("gen", p.list());
      assertTrue(p.variation().equals(PlantedTraveller.EXACT)
          || Planter.VARIATIONS.contains(p.variation()), p.variation());
      kinds.merge(p.variation(), 1, Integer::sum);
    }
    int exact = kinds.getOrDefault(PlantedTraveller.EXACT, 0);
    assertTrue(exact >= 5 && exact < PLANTS / 2, "some exact, most varied: " + kinds);
    assertTrue(kinds.size() >= 6, "several kinds of variation: " + kinds);
    // Ordered by flight, then position.
    for (int i = 1; i < g.planted().size(); i++) {
      PlantedTraveller a = g.planted().get(i - 1);
      PlantedTraveller b = g.planted().get(i);
      assertTrue(a.flightIndex() < b.flightIndex()
          || (a.flightIndex() == b.flightIndex() && a.position() < b.position()));
    }
  }

  @Test
  void writeFlights_sameSeed_sameBytesAndTruth(@TempDir Path dir) throws IOException {
    GeneratedTraffic a = generator(5).writeFlights(dir.resolve("a"), FLIGHTS);
    GeneratedTraffic b = generator(5).writeFlights(dir.resolve("b"), FLIGHTS);
    assertEquals(a, b);
    List<Path> files = files(dir.resolve("a"));
    assertEquals(2 * FLIGHTS, files.size());
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(f),
          Files.readAllBytes(dir.resolve("b").resolve(dir.resolve("a").relativize(f))), f.toString());
    }
    GeneratedTraffic c = generator(6).writeFlights(dir.resolve("c"), FLIGHTS);
    assertFalse(a.planted().equals(c.planted()), "another seed, other plants");
  }

  @Test
  void writeFlights_flightsWithoutPlants_sameAsWithoutPlanting(@TempDir Path dir)
      throws IOException {
    GeneratedTraffic g = TrafficGenerator.withSeed(5).travellersPerFlight(20, 60)
        .planting(entries::forEach, 3).writeFlights(dir.resolve("planted"), FLIGHTS);
    TrafficGenerator.withSeed(5).travellersPerFlight(20, 60)
        .writeFlights(dir.resolve("plain"), FLIGHTS);
    Set<Integer> withPlants = new HashSet<>();
    g.planted().forEach(p -> withPlants.add(p.flightIndex()));
    assertTrue(withPlants.size() < FLIGHTS);
    for (int i = 0; i < FLIGHTS; i++) {
      for (String kind : List.of("paxlst", "pnrgov")) {
        String name = String.format("%s/flight-%05d.edi", kind, i + 1);
        boolean same = java.util.Arrays.equals(Files.readAllBytes(dir.resolve("planted/" + name)),
            Files.readAllBytes(dir.resolve("plain/" + name)));
        assertEquals(!withPlants.contains(i), same, name);
      }
    }
  }

  @Test
  void writeFlights_truthAgreesWithParsedMessages(@TempDir Path dir) throws IOException {
    GeneratedTraffic g = generator(5).writeFlights(dir, FLIGHTS);
    for (PlantedTraveller p : g.planted()) {
      String file = String.format("flight-%05d.edi", p.flightIndex() + 1);
      ApiMessage api = (ApiMessage) single(dir.resolve("paxlst").resolve(file));
      PnrMessage pnr = (PnrMessage) single(dir.resolve("pnrgov").resolve(file));
      assertEquals(api.flight(), p.flight(), "the flight as the PAXLST mapper reads it");
      assertEquals(TravellerIds.apiPassenger(api.flight(), p.position()), p.travellerId());

      Traveller t = api.travellers().get(p.position() - 1);
      WatchlistEntry e = byId.get(p.entryId());
      assertPlanted(e, p.variation(), t);

      // The same person in the PNR push: name, date of birth and document where DOCS has them.
      List<Traveller> same = pnr.travellers().stream()
          .filter(x -> x.surname().equals(t.surname())
              && x.givenNames().startsWith(t.givenNames()))
          .toList();
      assertFalse(same.isEmpty(), "planted traveller in the PNR: " + p);
      for (Traveller x : same.subList(0, 1)) {
        if (x.dateOfBirth() != null || t.dateOfBirth() != null) {
          assertTrue(x.dateOfBirth() == null || x.dateOfBirth().equals(t.dateOfBirth()));
        }
        for (TravelDocument d : x.documents()) {
          if (!d.isVisa() && d.number() != null) {
            assertEquals(t.primaryDocument().number(), d.number());
          }
        }
      }
    }
  }

  /** What the parsed API traveller must show for the entry and the variation. */
  private static void assertPlanted(WatchlistEntry e, String variation, Traveller t) {
    Planter names = Planter.forNames();
    Planter.Name listed = names.nameOf(e);
    String name = t.givenNames() + " " + t.surname();
    switch (variation) {
      case PlantedTraveller.EXACT, Planter.DOCUMENT_TYPO, Planter.DOB_YEAR_ONLY,
          Planter.DOB_ABSENT -> {
        assertEquals(listed.surname(), t.surname());
        assertEquals(listed.given(), t.givenNames());
      }
      case Planter.NAME_ORDER -> {
        assertEquals(listed.given(), t.surname());
        assertEquals(listed.surname(), t.givenNames());
      }
      default -> assertFalse(name.equals(listed.given() + " " + listed.surname()),
          variation + " changes the name");
    }
    DateRange dob = e.datesOfBirth().isEmpty() ? null : e.datesOfBirth().get(0);
    if (variation.equals(Planter.DOB_ABSENT)) {
      assertNull(t.dateOfBirth());
    } else {
      assertNotNull(t.dateOfBirth());
      if (dob != null && dob.isSingle() && dob.from().isComplete()) {
        assertEquals(dob.from(), t.dateOfBirth(), "a full listed date is kept");
      } else if (dob != null) {
        int y = t.dateOfBirth().year();
        assertTrue(y >= dob.from().year() && y <= dob.to().year(), "within the listed years");
        if (variation.equals(Planter.DOB_YEAR_ONLY)) {
          assertEquals(1, t.dateOfBirth().month());
          assertEquals(1, t.dateOfBirth().day());
        }
      }
    }
    if (e.gender() != Gender.UNKNOWN) {
      assertEquals(e.gender(), t.gender());
    }
    if (!e.nationalities().isEmpty()) {
      assertEquals(e.nationalities().get(0), t.nationality());
    }
    if (!e.documents().isEmpty()) {
      String listedNumber = e.documents().get(0).number();
      String sent = t.primaryDocument().number();
      if (variation.equals(Planter.DOCUMENT_TYPO)) {
        assertEquals(listedNumber.length(), sent.length());
        int diff = 0;
        for (int i = 0; i < sent.length(); i++) {
          diff += sent.charAt(i) == listedNumber.charAt(i) ? 0 : 1;
        }
        assertTrue(diff >= 1 && diff <= 2, "one typo: a changed or two swapped characters");
      } else {
        assertEquals(listedNumber, sent);
      }
    }
  }

  @Test
  void writePaxlstAndPnrgov_sameSeed_samePlantsAsWriteFlights(@TempDir Path dir)
      throws IOException {
    TrafficGenerator gen = generator(9);
    GeneratedTraffic files = gen.writeFlights(dir, 4);
    java.io.ByteArrayOutputStream api = new java.io.ByteArrayOutputStream();
    GeneratedTraffic streamed = gen.writePaxlst(api, 4);
    assertEquals(files, streamed);
    java.io.ByteArrayOutputStream pnr = new java.io.ByteArrayOutputStream();
    assertEquals(files, gen.writePnrgov(pnr, 4));
  }

  @Test
  void planting_fromStore_skipsEntitiesAndDocuments(@TempDir Path dir) throws IOException {
    Path store = dir.resolve("store");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(SharedData.testdata().resolve("watchlists/demo-list.csv")), "demo");
    WatchlistStore.importList(store, Importers.forFormat("documents"),
        List.of(SharedData.testdata().resolve("watchlists/lost-stolen.csv")), "lost-stolen");
    Map<String, WatchlistEntry> listed = new HashMap<>();
    GeneratedTraffic g;
    try (WatchlistStore s = WatchlistStore.open(store)) {
      s.forEach(e -> listed.put(e.id(), e));
      g = TrafficGenerator.withSeed(3).travellersPerFlight(20, 40).planting(s::forEach, 40)
          .writeFlights(dir.resolve("out"), 4);
    }
    assertEquals(40, g.planted().size());
    for (PlantedTraveller p : g.planted()) {
      WatchlistEntry e = listed.get(p.entryId());
      assertEquals(WatchlistEntry.Kind.INDIVIDUAL, e.kind(), p.entryId());
      assertEquals("demo", p.list());
    }
    // Fewer individuals than plants: every one of them is planted, some twice.
    long individuals = listed.values().stream()
        .filter(e -> e.kind() == WatchlistEntry.Kind.INDIVIDUAL).count();
    assertTrue(individuals < 40);
    assertTrue(g.planted().stream().map(PlantedTraveller::entryId).distinct().count() > 15);
    for (Path f : files(dir.resolve("out"))) {
      assertEquals(1, Stream.of(single(f)).filter(o -> o instanceof ApiMessage
          || o instanceof PnrMessage).count(), "parses: " + f);
    }
  }

  @Test
  void planting_badRequests_fail() {
    TrafficGenerator gen = TrafficGenerator.withSeed(1).travellersPerFlight(5, 5);
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> gen.planting(entries::forEach, 1000).writeFlights(Path.of("unused"), 2));
    assertTrue(tooMany.getMessage().contains("cannot plant 1000"), tooMany.getMessage());
    List<WatchlistEntry> noPeople = List.of(byId.get("gen:entity"), byId.get("gen:doc"));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> gen.planting(noPeople::forEach, 1).writePaxlst(
            java.io.OutputStream.nullOutputStream(), 2));
    assertTrue(none.getMessage().contains("no individual"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> gen.planting(entries::forEach, 0));
  }

  // ---------------------------------------------------------------- names and numbers

  @Test
  void clean_writesNamesAsPassportsDo() {
    Planter p = Planter.forNames();
    assertEquals("MUELLER", p.clean("Müller"));
    assertEquals("ONEILL", p.clean("O'Neill"));
    assertEquals("GARCIA LOPEZ", p.clean("GARCÍA  López"));
    assertEquals("OKONKWO-BELLO", p.clean("Okonkwo-Bello"));
    assertEquals("DEMIR", p.clean("DEMİR"));
    assertEquals("KHRUSHCHEV", p.clean("Хрущев"));
    assertEquals("", p.clean(" - "));
  }

  @Test
  void split_takesPartsThenCommaThenLastWord() {
    Planter p = Planter.forNames();
    assertEquals(new Planter.Name("AL-RASHIDI", "FAISAL HAMAD"),
        p.split(new ListedName("AL-RASHIDI, Faisal Hamad", null, null, ListedName.Type.PRIMARY,
            false)));
    assertEquals(new Planter.Name("RIVERA QUINTERO", "TOMAS"),
        p.split(new ListedName("Tomás Rivera Quintero", "Rivera Quintero", null,
            ListedName.Type.PRIMARY, false)));
    assertEquals(new Planter.Name("QUINTERO", "TOMAS RIVERA"),
        p.split(ListedName.primary("Tomás Rivera Quintero")));
    assertNull(p.split(ListedName.primary("SUHARTO")));
  }

  @Test
  void vary_keepsSurnameAndGivenNamesNonEmpty() {
    SplittableRandom rnd = new SplittableRandom(3);
    Planter.Name n = new Planter.Name("RIVERA QUINTERO", "JUAN CARLOS");
    for (NameVariants.Kind k : NameVariants.Kind.values()) {
      for (int i = 0; i < 200; i++) {
        Planter.Name v = Planter.vary(n, k, rnd);
        if (v != null) {
          assertFalse(v.surname().isBlank() || v.given().isBlank(), k + ": " + v);
          assertFalse(v.equals(n), k + " changes the name");
        }
      }
    }
    // Dropping a given name takes it from the given names, not the surname.
    Planter.Name dropped = Planter.vary(new Planter.Name("KARIMOV", "RUSTAM BAKHODIROVICH"),
        NameVariants.Kind.DROP_MIDDLE, new SplittableRandom(1));
    assertEquals(new Planter.Name("KARIMOV", "RUSTAM"), dropped);
    assertNull(Planter.vary(new Planter.Name("LI", "WU"), NameVariants.Kind.DROP_MIDDLE, rnd));
  }

  @Test
  void documentTypo_changesOneCharacterOrSwapsTwo() {
    Rng r = new Rng(4);
    for (int i = 0; i < 500; i++) {
      String t = Planter.documentTypo("AB1234567", r);
      assertEquals(9, t.length());
      assertFalse(t.equals("AB1234567"), "always a change");
      assertTrue(t.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')));
    }
    assertEquals("P12345", Planter.cleanNumber("p-123 45"));
    assertNull(Planter.cleanNumber("12"));
  }

  // ---------------------------------------------------------------- helpers

  private static Outcome single(Path file) throws IOException {
    try (MessageReader r = MessageReader.open(file)) {
      assertTrue(r.hasNext());
      Outcome o = r.next();
      assertFalse(r.hasNext(), "one message per file");
      assertTrue(o instanceof ApiMessage || o instanceof PnrMessage, file + ": " + o);
      assertTrue(r.envelopeIssues().isEmpty(), file + ": " + r.envelopeIssues());
      return o;
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
