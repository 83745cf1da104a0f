package org.paxrisk.model;

import java.util.Locale;

/** How names and numbers are compared as people type them, in API against PNR. */
public final class Folding {
  private Folding() {}

  /**
   * Letters and digits only, in capitals ("o'Neil-Smith" and "ONEIL SMITH" agree; "ß" is "SS");
   * "" for null.
   */
  public static String lettersAndDigits(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
