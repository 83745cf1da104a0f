package org.paxrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldingTest {
  @Test
  void keepsLettersAndDigitsInCapitals() {
    assertEquals("ONEILSMITH", Folding.lettersAndDigits("o'Neil-Smith"));
    assertEquals("ONEILSMITH", Folding.lettersAndDigits(" ONEIL SMITH "));
    assertEquals("P1234567", Folding.lettersAndDigits("p-123 4567"));
    assertEquals("STRASSE", Folding.lettersAndDigits("Straße"));
    assertEquals("MÜLLER", Folding.lettersAndDigits("müller"));
    assertEquals("", Folding.lettersAndDigits(null));
    assertEquals("", Folding.lettersAndDigits("-/ '"));
  }

  @Test
  void asciiTakesTheShortPathWithTheSameResult() {
    String folded = "AB12";
    assertSame(folded, Folding.lettersAndDigits(folded));
    for (char c = 0; c < 0x80; c++) {
      String s = "a" + c + "Z9";
      assertEquals(byCharacterClasses(s), Folding.lettersAndDigits(s), "char " + (int) c);
    }
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      char[] cs = new char[random.nextInt(12)];
      for (int k = 0; k < cs.length; k++) {
        cs[k] = random.nextInt(8) == 0 ? (char) (0xC0 + random.nextInt(64))
            : (char) random.nextInt(0x80);
      }
      String s = new String(cs);
      assertEquals(byCharacterClasses(s), Folding.lettersAndDigits(s));
    }
  }

  /** The definition: Unicode letters and digits, in capitals. */
  private static String byCharacterClasses(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
