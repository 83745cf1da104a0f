package org.paxrisk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Traveller;

class RuleSetTest {
  static final String HEADER = """
      package test.rules;
      import org.paxrisk.rules.Subject;
      global org.paxrisk.rules.Hits hits;
      global org.paxrisk.rules.RuleParameters params;
      """;

  static final String GOOD = HEADER + """

      rule "surname-of-interest"
        @category("test") @severity("medium") @score(40)
      when
        $s : Subject(traveller().surname() == "SMITH")
      then
        hits.add(kcontext, $s, "surname of interest");
      end

      rule "too-many-bags"
        @category("test") @severity("low") @score(20)
      when
        $s : Subject(bagCount() != null, bagCount() >= params.number("bags"))
      then
        hits.add(kcontext, $s, "bags");
      end
      """;

  @TempDir Path dir;

  static Flight flight() {
    LocalDateTime dep = LocalDateTime.of(2026, 3, 1, 10, 0);
    return new Flight("LH", "0400", "FRA", "JFK", dep, dep.plusHours(9), List.of());
  }

  static Subject subject(String surname, Integer bags) {
    Traveller t = Traveller.builder().surname(surname).givenNames("ANNA")
        .bags(new org.paxrisk.model.Bags(bags, null, List.of())).build();
    return new Subject("id-" + surname, flight(), t, null, null, List.of(), true, false);
  }

  Path pack(String drl) throws IOException {
    Files.writeString(dir.resolve("test.drl"), drl);
    Files.writeString(dir.resolve("parameters.properties"), "bags = 3\n");
    return dir;
  }

  RuleCompilationException compileFails(String drl) throws IOException {
    Path p = pack(drl);
    return assertThrows(RuleCompilationException.class,
        () -> RuleSet.compile(List.of(RulePack.folder(p))));
  }

  @Test
  void compilesAndScores() throws IOException {
    RuleSet rules = RuleSet.compile(List.of(RulePack.folder(pack(GOOD))));
    assertEquals(List.of("surname-of-interest", "too-many-bags"), rules.ruleNames());
    assertEquals(java.util.Map.of("test.rules", 2), rules.rulesByPackage());
    List<List<RiskHit>> hits = rules.evaluate(List.of(subject("SMITH", 5), subject("JONES", 1)));
    assertEquals(2, hits.get(0).size());
    assertEquals(List.of(), hits.get(1));
    RiskHit h = hits.get(0).stream().filter(x -> x.rule().equals("surname-of-interest"))
        .findFirst().orElseThrow();
    assertEquals(new RiskHit("surname-of-interest", "test", Severity.MEDIUM, 40,
        "surname of interest"), h);
    assertEquals(52, Scoring.DEFAULT.score(hits.get(0)));
    // The session is reused: a second call sees none of the first call's facts.
    assertEquals(List.of(List.of()), rules.evaluate(List.of(subject("JONES", 0))));
  }

  @Test
  void syntaxErrorNamesFileAndLine() throws IOException {
    RuleCompilationException e = compileFails(HEADER + """

        rule "broken"
          @category("test") @severity("low") @score(1)
        when
          $s : Subject(
        then
          hits.add(kcontext, $s, "x");
        end
        """);
    RuleError first = e.errors().get(0);
    assertTrue(first.file().endsWith("test.drl"), first.toString());
    // The parser notices the unclosed pattern (line 9) where the consequence begins (10 or 11).
    assertTrue(first.line() >= 9 && first.line() <= 11, first.toString());
    assertTrue(first.column() > 0, first.toString());
    assertTrue(e.getMessage().contains("test.drl:"), e.getMessage());
  }

  @Test
  void unknownFactTypeNamesFileAndLine() throws IOException {
    RuleCompilationException e = compileFails(HEADER + """

        rule "unknown-type"
          @category("test") @severity("low") @score(1)
        when
          $p : Passenger(surname == "X")
        then
          hits.add(kcontext, null, "x");
        end
        """);
    assertLine(e, 9, "Passenger");
  }

  @Test
  void unknownFieldNamesFileAndLine() throws IOException {
    RuleCompilationException e = compileFails(HEADER + """

        rule "unknown-field"
          @category("test") @severity("low") @score(1)
        when
          $s : Subject(shoeSize > 44)
        then
          hits.add(kcontext, $s, "x");
        end
        """);
    assertLine(e, 9, "shoeSize");
  }

  @Test
  void typeMismatchNamesFileAndLine() throws IOException {
    RuleCompilationException e = compileFails(HEADER + """

        rule "type-mismatch"
          @category("test") @severity("low") @score(1)
        when
          $s : Subject()
        then
          int age = $s.traveller().surname();
          hits.add(kcontext, $s, "x");
        end
        """);
    // Drools reports an error in a consequence at the rule's header line.
    assertLine(e, 6, "mismatch");
  }

  @Test
  void missingAnnotationsAreErrorsAtTheRule() throws IOException {
    RuleCompilationException e = compileFails(HEADER + """

        rule "no-metadata"
          @severity("urgent")
        when
          $s : Subject()
        then
          hits.add(kcontext, $s, "x");
        end
        """);
    RuleError err = e.errors().get(0);
    assertEquals(6, err.line(), err.toString());
    assertTrue(err.message().contains("@category") && err.message().contains("@severity")
        && err.message().contains("@score"), err.toString());
  }

  @Test
  void badParameterIsReportedWithItsLine() throws IOException {
    pack(GOOD);
    Files.writeString(dir.resolve("parameters.properties"), "# bags\nbags = three\n");
    RuleCompilationException e = assertThrows(RuleCompilationException.class,
        () -> RuleSet.compile(List.of(RulePack.folder(dir))));
    assertEquals(2, e.errors().get(0).line(), e.toString());
    assertTrue(e.errors().get(0).file().endsWith("parameters.properties"));
  }

  @Test
  void runtimeFailureNamesRuleAndPositionButNoData() throws IOException {
    RuleSet rules = RuleSet.compile(List.of(RulePack.folder(pack(HEADER + """

        rule "fails-at-run-time"
          @category("test") @severity("low") @score(1)
        when
          $s : Subject(traveller().surname() == "SECRETNAME")
        then
          hits.add(kcontext, $s, "" + Integer.parseInt($s.traveller().surname()));
        end
        """))));
    RuleRuntimeException e = assertThrows(RuleRuntimeException.class,
        () -> rules.evaluate(List.of(subject("JONES", 1), subject("SECRETNAME", 1))));
    assertEquals("fails-at-run-time", e.rule());
    assertEquals(1, e.position());
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    assertFalse(all.toString().contains("SECRETNAME"), all.toString());
    // The failed session is dropped; the rule set keeps working.
    assertEquals(List.of(List.of()), rules.evaluate(List.of(subject("JONES", 1))));
  }

  @Test
  void manyThreadsGetWhatOneThreadGets() throws Exception {
    RuleSet rules = RuleSet.compile(List.of(RulePack.folder(pack(GOOD))));
    List<List<Subject>> flights = new ArrayList<>();
    for (int f = 0; f < 200; f++) {
      List<Subject> s = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        s.add(subject((f + i) % 3 == 0 ? "SMITH" : "JONES" + i, (f * i) % 6));
      }
      flights.add(s);
    }
    List<List<List<RiskHit>>> expected = new ArrayList<>();
    for (List<Subject> s : flights) {
      expected.add(rules.evaluate(s));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<List<RiskHit>>>> got = new ArrayList<>();
      for (List<Subject> s : flights) {
        got.add(pool.submit(() -> rules.evaluate(s)));
      }
      for (int f = 0; f < flights.size(); f++) {
        assertEquals(expected.get(f), got.get(f).get(), "flight " + f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hashFollowsContent() throws IOException {
    String a = RuleSet.compile(List.of(RulePack.folder(pack(GOOD)))).hash();
    String b = RuleSet.compile(List.of(RulePack.folder(pack(GOOD)))).hash();
    assertEquals(a, b);
    Files.writeString(dir.resolve("parameters.properties"), "bags = 4\n");
    assertFalse(a.equals(RuleSet.compile(List.of(RulePack.folder(dir))).hash()));
  }

  @Test
  void scoringFormulaAndBands() {
    Scoring s = new Scoring(30, 70);
    RiskHit a = new RiskHit("a", "c", Severity.LOW, 50, "r");
    RiskHit b = new RiskHit("b", "c", Severity.LOW, 50, "r");
    assertEquals(0, s.score(List.of()));
    assertEquals(50, s.score(List.of(a)));
    assertEquals(75, s.score(List.of(a, b)));
    assertEquals(50, s.score(List.of(a, a)), "a rule counts once");
    assertEquals(Band.CLEAR, s.band(29));
    assertEquals(Band.REVIEW, s.band(30));
    assertEquals(Band.HIGH, s.band(70));
    assertThrows(IllegalArgumentException.class, () -> new Scoring(80, 70));
  }

  private static void assertLine(RuleCompilationException e, int line, String mention) {
    boolean found = false;
    for (RuleError err : e.errors()) {
      found |= err.file().endsWith("test.drl") && err.line() == line
          && (mention == null || err.message().contains(mention));
    }
    assertTrue(found, e.getMessage());
  }
}
