package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.edifact.EdifactReader;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.edifact.Segment;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.Band;
import org.paxrisk.rules.RulePack;
import org.paxrisk.screening.AssessmentWriter;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.screening.IapiResponse;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/** The engine as border systems embed it and as targeting centres run it. */
class ScreeningEngineTest {
  @TempDir static Path tmp;
  static Path store;
  static ScreeningEngine engine;

  static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void demoStore() throws IOException {
    store = tmp.resolve("store");
    Path lists = SharedData.testdata().resolve("watchlists");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    WatchlistStore.importList(store, Importers.forFormat("documents"),
        List.of(lists.resolve("lost-stolen.csv")), "lost-stolen-demo");
    engine = ScreeningEngine.builder().store(store).threads(2).clock(FIXED).build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /** The README's embedding example, as it is printed there. */
  @Test
  void readmeEmbeddingExample() throws IOException {
    Path lists = store;
    // --- README example start
    try (ScreeningEngine engine = ScreeningEngine.builder()
        .store(lists)                        // made by `paxrisk watchlist import`
        .build()) {                          // the default rule pack
      Flight flight = new Flight("LH", "438", "FRA", "ORD",
          LocalDateTime.of(2026, 3, 14, 10, 30), LocalDateTime.of(2026, 3, 14, 14, 5), List.of());
      Traveller traveller = Traveller.builder()
          .surname("ADEYEMI").givenNames("OLUWASEUN")
          .dateOfBirth(PartialDate.parse("1976-02-11")).gender(Gender.MALE).nationality("NGA")
          .document(new TravelDocument("P", "A07731294", "NGA", LocalDate.of(2029, 5, 1),
              null, null))
          .build();
      Assessment a = engine.screen(traveller, flight, null);
      System.out.println(a.band() + " " + a.score() + " " + a.hits());
      // --- README example end
      assertEquals(Band.HIGH, a.band());
      assertEquals("no-fly-match", a.hits().get(0).rule());
      assertEquals("demo-list:D-001", a.matches().get(0).entryId());
      assertEquals(engine.rules().hash(), a.provenance().ruleset());
      assertEquals(engine.listVersion(), a.provenance().listVersion());
    }
  }

  @Test
  void cleanTravellerIsClear() {
    Flight flight = new Flight("LH", "438", "FRA", "ORD",
        LocalDateTime.of(2026, 3, 14, 10, 30), null, List.of());
    Traveller t = Traveller.builder().surname("HARTMANN").givenNames("KATRIN")
        .dateOfBirth(PartialDate.parse("1981-04-12")).nationality("DEU")
        .document(new TravelDocument("P", "C4F7X2L19", "DEU", LocalDate.of(2031, 8, 22), null,
            null)).build();
    Assessment a = engine.screen(t, flight, null);
    assertEquals(Band.CLEAR, a.band(), a.hits().toString());
    assertEquals(0, a.score());
  }

  @Test
  void cusresForOneBoardAndOneNoBoard() throws IOException {
    ApiMessage sample = firstApi("passengers_single_leg.edi");
    List<Traveller> two = new ArrayList<>();
    for (Traveller t : sample.travellers()) {
      if (t.surname().equals("ADEYEMI") || t.givenNames().startsWith("KATRIN")) {
        two.add(t);
      }
    }
    assertEquals(2, two.size());
    ApiMessage request = new ApiMessage(sample.origin(), sample.listType(), sample.function(),
        sample.reportingParty(), sample.flight(), two, 2, List.of());
    IapiResponse r = engine.respond(request);

    Map<String, IapiResponse.Verdict> bySurname = new TreeMap<>();
    for (IapiResponse.Decision d : r.decisions()) {
      bySurname.put(d.assessment().traveller().surname(), d.verdict());
    }
    assertEquals(Map.of("ADEYEMI", IapiResponse.Verdict.NO_BOARD,
        "HARTMANN", IapiResponse.Verdict.BOARD), bySurname);

    // The CUSRES as a receiving system reads it.
    List<String> segments = segments(r.cusres());
    assertTrue(segments.contains("BGM+962"), segments.toString());
    assertTrue(segments.get(0).startsWith("UNH+1+CUSRES:D:05B:UN:IATA"), segments.toString());
    List<String> perTraveller = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).equals("ERP+2")) {
        perTraveller.add(segments.get(i + 1) + " " + segments.get(i + 2));
      }
    }
    String ref0 = r.decisions().get(0).reference();
    String ref1 = r.decisions().get(1).reference();
    assertEquals(List.of(
        "RFF+AVF:" + ref0 + " ERC+" + r.decisions().get(0).verdict().code(),
        "RFF+AVF:" + ref1 + " ERC+" + r.decisions().get(1).verdict().code()), perTraveller);
    assertTrue(perTraveller.stream().anyMatch(s -> s.endsWith("ERC+0Z")));
    assertTrue(perTraveller.stream().anyMatch(s -> s.endsWith("ERC+1Z")));
    String unt = segments.stream().filter(s -> s.startsWith("UNT+")).findFirst().orElseThrow();
    int count = segments.indexOf(unt) + 1; // UNH to UNT inclusive
    assertEquals("UNT+" + count + "+1", unt);
  }

  @Test
  void respondFromBytesAndRejectNonsense() throws IOException {
    byte[] bytes = Files.readAllBytes(sample("passengers_single_leg.edi"));
    IapiResponse r = engine.respond(bytes, "request-1");
    assertEquals(r.request().travellers().size(), r.decisions().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> engine.respond("UNH+1+PAXLST:D:02B:UN:IATA'GARBAGE".getBytes(StandardCharsets.UTF_8),
            "request-2"));
    assertTrue(e.getMessage().contains("request-2"), e.getMessage());
  }

  @Test
  void manyThreadsGiveWhatOneThreadGives() throws Exception {
    Path samples = SharedData.testdata().resolve("samples");
    String one;
    String four;
    try (ScreeningEngine e1 = ScreeningEngine.builder().store(store).threads(1).clock(FIXED)
        .build();
        ScreeningEngine e4 = ScreeningEngine.builder().store(store).threads(4).clock(FIXED)
        .build()) {
      one = jsonl(e1, List.of(samples));
      four = jsonl(e4, List.of(samples));
      // And interactive calls from many threads at once agree with one call at a time.
      ApiMessage sample = firstApi("passengers_single_leg.edi");
      List<Assessment> expected = new ArrayList<>();
      for (Traveller t : sample.travellers()) {
        expected.add(e1.screen(t, sample.flight(), null));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Assessment>> got = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
          for (Traveller t : sample.travellers()) {
            got.add(pool.submit(() -> e4.screen(t, sample.flight(), null)));
          }
        }
        for (int i = 0; i < got.size(); i++) {
          Assessment a = got.get(i).get();
          Assessment b = expected.get(i % expected.size());
          assertEquals(b.score(), a.score());
          assertEquals(b.hits(), a.hits());
          assertEquals(b.matches().size(), a.matches().size());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(one, four);
    assertEquals(29, one.lines().count());
  }

  @Test
  void badSettingsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScreeningEngine.builder().threads(0).build());
    assertTrue(e.getMessage().startsWith("threads"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScreeningEngine.builder().store(tmp.resolve("nope")).build());
    assertTrue(e.getMessage().startsWith("store"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScreeningEngine.builder().defaultRules(false).build());
    assertTrue(e.getMessage().startsWith("rules"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScreeningEngine.builder().watchRules(true, new org.paxrisk.rules.RuleWatcher
            .Listener() {}).build());
    assertTrue(e.getMessage().startsWith("watchRules"), e.getMessage());
  }

  @Test
  void batchAccountsForEveryMessage() throws IOException {
    BatchReport r = engine.screen(List.of(SharedData.testdata().resolve("samples")), a -> {});
    assertEquals(9, r.messages());
    assertEquals(0, r.rejected());
    assertEquals(29, r.travellers());
    assertEquals(r.travellers(), r.clear() + r.review() + r.high());
    assertTrue(r.ruleFires().containsKey("no-fly-match"), r.ruleFires().toString());
    assertEquals(0, r.splitFlights());
    assertTrue(RulePack.defaultPack().name().startsWith("classpath:"));
  }

  @Test
  void streamOfMessagesGivesWhatFilesGive() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    List<Path> files;
    try (var walk = Files.walk(SharedData.testdata().resolve("samples"))) {
      files = walk.filter(p -> p.toString().endsWith(".edi")).sorted().toList();
    }
    for (Path f : files) {
      all.write(Files.readAllBytes(f));
    }
    // An empty list (no flight, no travellers) is reported and skipped, not a failure.
    all.write("UNA:+.? 'UNB+UNOA:4+A+B+250101:1200+9'UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'UNT+2+1'UNZ+1+9'"
        .getBytes(StandardCharsets.UTF_8));
    List<String> ids = new ArrayList<>();
    BatchReport r = engine.screen(new java.io.ByteArrayInputStream(all.toByteArray()), "stream",
        a -> ids.add(a.travellerId()));
    assertEquals(10, r.messages());
    assertEquals(0, r.rejected());
    assertEquals(29, r.travellers());
    assertTrue(r.problems().stream().anyMatch(i -> i.code().equals("no-flight")), r.toString());
    List<String> fromFiles = new ArrayList<>();
    engine.screen(files, a -> fromFiles.add(a.travellerId()));
    assertEquals(new java.util.TreeSet<>(fromFiles), new java.util.TreeSet<>(ids));
  }

  static String jsonl(ScreeningEngine e, List<Path> inputs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (AssessmentWriter w = AssessmentWriter.jsonl(bytes)) {
      e.screen(inputs, w);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static Path sample(String name) {
    return SharedData.testdata().resolve("samples").resolve("paxlst").resolve(name);
  }

  static ApiMessage firstApi(String name) throws IOException {
    try (MessageReader r = MessageReader.open(sample(name))) {
      return (ApiMessage) r.next();
    }
  }

  static List<String> segments(String edifact) throws IOException {
    List<String> out = new ArrayList<>();
    EdifactReader r = new EdifactReader(
        new java.io.ByteArrayInputStream(edifact.getBytes(StandardCharsets.UTF_8)), "cusres",
        ReadConstraints.DEFAULTS);
    boolean inMessage = false;
    while (r.next()) {
      Segment s = r.segment();
      StringBuilder b = new StringBuilder(s.tag());
      for (int e = 1; e <= s.elementCount(); e++) {
        b.append('+');
        for (int c = 1; c <= s.componentCount(e); c++) {
          String v = s.text(e, c);
          b.append(c > 1 ? ":" : "").append(v == null ? "" : v);
        }
      }
      String text = b.toString();
      inMessage |= text.startsWith("UNH");
      if (inMessage) {
        out.add(text);
      }
      inMessage &= !text.startsWith("UNT");
    }
    return out;
  }
}
