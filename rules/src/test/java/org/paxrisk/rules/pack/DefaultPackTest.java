package org.paxrisk.rules.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paxrisk.rules.RulePack;
import org.paxrisk.rules.RuleSet;
import org.paxrisk.rules.Scenarios;

/** The default pack compiles, its scenarios pass, and every rule is shown to fire and not to. */
class DefaultPackTest {
  private static RulePack pack;
  private static RuleSet rules;

  @BeforeAll
  static void compile() {
    pack = RulePack.defaultPack();
    rules = RuleSet.compile(List.of(pack));
  }

  @Test
  void hasAtLeastTwelveRules() {
    assertTrue(rules.ruleNames().size() >= 12, rules.ruleNames().toString());
  }

  @Test
  void everyScenarioPasses() {
    List<Scenarios.Result> results = Scenarios.run(rules, List.of(pack));
    assertTrue(results.size() >= 10, "scenarios found: " + results.size());
    List<String> failed = new ArrayList<>();
    for (Scenarios.Result r : results) {
      if (!r.passed()) {
        failed.add(r.toString());
      }
    }
    assertEquals(List.of(), failed);
  }

  @Test
  void everyRuleHasAScenarioWhereItFiresAndOneWhereItMustNot() throws Exception {
    Set<String> fires = new TreeSet<>();
    Set<String> notFires = new TreeSet<>();
    Pattern list = Pattern.compile("(fires|notFires):\\s*\\[([^\\]]*)\\]");
    for (String file : pack.scenarioFiles()) {
      String name = file.substring(file.indexOf(RulePack.DEFAULT_PACK));
      String text = new String(getClass().getClassLoader().getResourceAsStream(name).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      Matcher m = list.matcher(text);
      while (m.find()) {
        for (String rule : m.group(2).split(",")) {
          (m.group(1).equals("fires") ? fires : notFires).add(rule.trim());
        }
      }
    }
    Set<String> missingFire = new TreeSet<>(rules.ruleNames());
    missingFire.removeAll(fires);
    Set<String> missingNot = new TreeSet<>(rules.ruleNames());
    missingNot.removeAll(notFires);
    assertEquals(Set.of(), missingFire, "rules no scenario shows firing");
    assertEquals(Set.of(), missingNot, "rules no scenario shows not firing");
  }
}
