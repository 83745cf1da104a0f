package org.paxrisk.model;

import java.nio.charset.StandardCharsets;
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
    // ASCII, nearly every name and number: one pass, and no copy when nothing changes (linking
    // and the rules fold every traveller's names and document numbers).
    int n = s.length();
    int kept = 0;
    boolean same = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return anyScript(s);
      }
      if (isUpperOrDigit(c)) {
        kept++;
      } else {
        same = false;
        kept += c >= 'a' && c <= 'z' ? 1 : 0;
      }
    }
    if (same) {
      return s;
    }
    byte[] out = new byte[kept];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isUpperOrDigit(c)) {
        out[k++] = (byte) c;
      } else if (c >= 'a' && c <= 'z') {
        out[k++] = (byte) (c - 32);
      }
    }
    return new String(out, 0, k, StandardCharsets.ISO_8859_1);
  }

  private static boolean isUpperOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String anyScript(String s) {
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
