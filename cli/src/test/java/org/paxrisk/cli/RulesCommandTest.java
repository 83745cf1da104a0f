package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;

/** The rule author's loop, as a rule author runs it. */
class RulesCommandTest {
  @TempDir Path dir;

  @Test
  void checkDefaultPack_countsRulesPerPackage_exit0() {
    ParseCommandTest.Run r = ParseCommandTest.run("rules", "check",
        SharedData.root().resolve("rules").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("paxrisk.watchlist"), r.out());
    assertTrue(r.out().matches("(?s).*ok: \\d+ rules, ruleset [0-9a-f]{12}.*"), r.out());
  }

  @Test
  void testDefaultPack_everyScenarioPasses_exit0() {
    ParseCommandTest.Run r = ParseCommandTest.run("rules", "test",
        SharedData.root().resolve("rules").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(" 0 failed"), r.out());
    assertTrue(r.out().contains("PASS "), r.out());
  }

  @Test
  void checkBrokenRule_printsFileLineColumn_exit1() throws IOException {
    Files.writeString(dir.resolve("a.drl"), """
        package x;
        import org.paxrisk.rules.Subject;
        global org.paxrisk.rules.Hits hits;
        rule "r"
          @category("c") @severity("low") @score(5)
        when
          $s : Subject(shoeSize == 1)
        then
        end
        """);
    ParseCommandTest.Run r = ParseCommandTest.run("rules", "check", dir.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith(dir.resolve("a.drl") + ":7:"), r.out());
    assertTrue(r.out().contains("shoeSize"), r.out());
  }

  @Test
  void failingScenario_printsFail_exit1() throws IOException {
    Files.writeString(dir.resolve("a.drl"), """
        package x;
        import org.paxrisk.rules.Subject;
        global org.paxrisk.rules.Hits hits;
        rule "crew-member"
          @category("c") @severity("low") @score(5)
        when
          $s : Subject(traveller().isCrew())
        then
          hits.add(kcontext, $s, "crew");
        end
        """);
    Files.writeString(dir.resolve("a.yaml"), """
        name: crew fires
        travellers:
          - {id: c, crew: true, expect: {fires: [crew-member]}}
        ---
        name: passenger does not
        travellers:
          - {id: p, expect: {fires: [crew-member]}}
        """);
    ParseCommandTest.Run r = ParseCommandTest.run("rules", "test", dir.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("PASS " + dir.resolve("a.yaml") + ": crew fires"), r.out());
    assertTrue(r.out().contains("FAIL " + dir.resolve("a.yaml") + ": passenger does not"), r.out());
    assertTrue(r.out().contains("2 scenarios: 1 passed, 1 failed"), r.out());
  }

  @Test
  void missingFolder_exit2() {
    ParseCommandTest.Run r = ParseCommandTest.run("rules", "check", dir.resolve("nope").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("not a folder"), r.err());
  }
}
