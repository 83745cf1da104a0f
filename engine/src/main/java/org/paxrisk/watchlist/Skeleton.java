package org.paxrisk.watchlist;

/**
 * A consonant skeleton of a name token: the phonetic key that makes transliteration variants meet.
 * MOHAMMED, MUHAMMAD and MOHAMAD are all MHMD; ABDULRAHMAN and ABD AL RAHMAN joined are both BDLRHMN
 * (ICU writes Arabic without vowels, so this is also what an Arabic-script list entry becomes).
 *
 * <p>Rules, in order: common digraphs fold (SHCH, SCH, SH → S; ZH → J; KH → H; GH → G; PH → F;
 * TH → T; DH → D; CK, CH, C, Q → K; X → KS; W → V; Z → S), vowels (A E I O U Y) go, doubled
 * letters collapse, a final H goes (ABDULLAH = ABDULLA). Digits are kept. A token of vowels only
 * keeps its first letter.
 */
final class Skeleton {
  private Skeleton() {}

  static String of(String token) {
    int n = token.length();
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      char k;
      switch (c) {
        case 'S':
          if (token.startsWith("SHCH", i)) {
            i += 3;
          } else if (next == 'H') {
            i++;
          } else if (next == 'C' && i + 2 < n && token.charAt(i + 2) == 'H') {
            i += 2;
          }
          k = 'S';
          break;
        case 'Z':
          if (next == 'H') {
            i++;
            k = 'J';
          } else {
            k = 'S';
          }
          break;
        case 'K':
        case 'G':
        case 'D':
        case 'T':
          if (next == 'H') {
            i++;
            k = c == 'K' ? 'H' : c;
          } else {
            k = c;
          }
          break;
        case 'P':
          if (next == 'H') {
            i++;
            k = 'F';
          } else {
            k = 'P';
          }
          break;
        case 'C':
          if (next == 'K' || next == 'H') {
            i++;
          }
          k = 'K';
          break;
        case 'Q':
          k = 'K';
          break;
        case 'X':
          append(out, 'K');
          k = 'S';
          break;
        case 'W':
          k = 'V';
          break;
        case 'A':
        case 'E':
        case 'I':
        case 'O':
        case 'U':
        case 'Y':
          continue;
        default:
          k = c;
      }
      append(out, k);
    }
    int len = out.length();
    if (len > 1 && out.charAt(len - 1) == 'H') {
      out.setLength(len - 1);
    }
    if (out.length() == 0 && n > 0) {
      return token.substring(0, 1);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, char k) {
    int len = out.length();
    if (len == 0 || out.charAt(len - 1) != k) {
      out.append(k);
    }
  }
}
