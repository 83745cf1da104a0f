package org.paxrisk.watchlist;

/**
 * Jaro-Winkler similarity of two tokens without allocating: match flags live in two longs, so
 * tokens longer than 64 characters are compared on their first 64.
 */
final class JaroWinkler {
  private JaroWinkler() {}

  static double similarity(String a, String b) {
    int la = Math.min(a.length(), 64);
    int lb = Math.min(b.length(), 64);
    if (la == 0 || lb == 0) {
      return la == lb ? 1 : 0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    long matchedA = 0;
    long matchedB = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      char c = a.charAt(i);
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
          matchedA |= 1L << i;
          matchedB |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < la; i++) {
      if ((matchedA & (1L << i)) != 0) {
        while ((matchedB & (1L << j)) == 0) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    int max = Math.min(4, Math.min(la, lb));
    while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}
