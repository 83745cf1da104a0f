package org.paxrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
