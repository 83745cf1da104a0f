package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquivalentsTest {
  /** Every name of the table gives the first name of the first group it is in (its canonical). */
  @Test
  void everyNameOfTheTableGivesItsGroupsCanonical() throws IOException {
    Map<String, String> expected = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Equivalents.class.getResourceAsStream("name-equivalents.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String l = line.replaceAll("#.*", "").trim();
        if (!l.isEmpty()) {
          String[] names = l.split("[\\s,]+");
          for (String n : names) {
            expected.putIfAbsent(n, names[0]);
          }
        }
      }
    }
    assertEquals(401, expected.size(), "names in the table");
    // Built at run time, so that no table entry is the same String object as the argument.
    expected.forEach((name, canonical) ->
        assertEquals(canonical, Equivalents.canonical(new String(name.toCharArray())), name));
    assertEquals("MUHAMMAD", Equivalents.canonical("MOHAMED"));
    assertEquals("WILLIAM", Equivalents.canonical("BILL"));
  }

  @Test
  void aNameInNoGroupIsItself() {
    for (String n : new String[] {"MEDRANO", "BENITO", "X", "", "MUHAMMADX", "BIL"}) {
      assertSame(n, Equivalents.canonical(n), n);
    }
  }
}
