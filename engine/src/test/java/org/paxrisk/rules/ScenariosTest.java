package org.paxrisk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
  @TempDir Path dir;
  RuleSet rules;

  @BeforeEach
  void compile() throws IOException {
    Files.writeString(dir.resolve("test.drl"), RuleSetTest.GOOD);
    Files.writeString(dir.resolve("parameters.properties"), "bags = 3\n");
    rules = RuleSet.compile(List.of(RulePack.folder(dir)));
  }

  List<Scenarios.Result> run(String yaml) {
    return Scenarios.runFile(rules, "s.yaml", yaml);
  }

  @Test
  void passesAndFailsOnExpectations() {
    List<Scenarios.Result> r = run("""
        name: right
        travellers:
          - {id: a, surname: SMITH, expect: {fires: [surname-of-interest], band: review}}
          - {id: b, surname: JONES, bags: 5, expect: {fires: [too-many-bags], notFires: [surname-of-interest]}}
        ---
        name: wrong
        travellers:
          - {id: a, surname: JONES, expect: {fires: [surname-of-interest], band: high}}
          - {id: b, surname: SMITH, expect: {notFires: [surname-of-interest]}}
          - {id: c, expect: {fires: [no-such-rule]}}
        """);
    assertEquals(2, r.size());
    assertTrue(r.get(0).passed(), r.get(0).toString());
    assertFalse(r.get(1).passed());
    assertEquals(4, r.get(1).failures().size(), r.get(1).toString());
    assertTrue(r.get(1).toString().startsWith("FAIL s.yaml: wrong"));
    assertTrue(r.get(1).failures().get(0).startsWith("a: expected 'surname-of-interest' to fire"));
    assertTrue(r.get(1).failures().get(3).contains("no rule named 'no-such-rule'"));
  }

  @Test
  void malformedYamlSaysWhere() {
    List<Scenarios.Result> r = run("""
        name: broken
        travellers:
          - {id: a, surname: [unclosed
        """);
    assertEquals(1, r.size());
    assertTrue(r.get(0).failures().get(0).startsWith("s.yaml:3:"), r.get(0).toString());
  }

  @Test
  void unknownFieldSaysWhere() {
    List<Scenarios.Result> r = run("""
        name: typo
        travellers:
          - id: a
            surnam: SMITH
        """);
    assertTrue(r.get(0).failures().get(0).startsWith("s.yaml:4:"), r.get(0).toString());
    assertTrue(r.get(0).failures().get(0).contains("surnam"), r.get(0).toString());
  }

  @Test
  void badValueNamesTheField() {
    List<Scenarios.Result> r = run("""
        name: bad date
        travellers:
          - {id: a, dateOfBirth: "17/05/1980"}
        """);
    assertTrue(r.get(0).failures().get(0).contains("a.dateOfBirth"), r.get(0).toString());
  }
}
