package org.paxrisk.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Given names that are the same name for matching purposes: spellings of one Arabic, Slavic or
 * other name (MOHAMMED, MUHAMMAD, MOHAMAD), and English nicknames (WILLIAM, BILL). The table is the
 * resource {@code name-equivalents.txt}: one group per line, the first name canonical.
 */
final class Equivalents {
  private static final Map<String, String> CANONICAL = load();
  /**
   * One bit per hash of the table's names: most tokens are in no group, and this 512-byte filter
   * says so without a probe of the map. Every decoded watch-list token asks.
   */
  private static final long[] MEMBERS = members(CANONICAL);
  private static final int FINGERPRINT = CANONICAL.hashCode();

  private Equivalents() {}

  /** The group's canonical spelling, or the token itself when it is in no group. */
  static String canonical(String token) {
    int bit = bit(token.hashCode());
    if ((MEMBERS[bit >>> 6] & (1L << bit)) == 0) {
      return token;
    }
    String c = CANONICAL.get(token);
    return c == null ? token : c;
  }

  /** A hash of the table, kept beside what is derived from it ({@link NameBounds}). */
  static int fingerprint() {
    return FINGERPRINT;
  }

  private static int bit(int hash) {
    return (hash ^ (hash >>> 12)) & 4095;
  }

  private static long[] members(Map<String, String> map) {
    long[] bits = new long[4096 / 64];
    for (String name : map.keySet()) {
      int bit = bit(name.hashCode());
      bits[bit >>> 6] |= 1L << bit;
    }
    return bits;
  }

  private static Map<String, String> load() {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = Equivalents.class.getResourceAsStream("name-equivalents.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource name-equivalents.txt");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String l = (hash < 0 ? line : line.substring(0, hash)).trim();
        if (l.isEmpty()) {
          continue;
        }
        String[] names = l.split("[\\s,]+");
        String canonical = names[0];
        for (String n : names) {
          // A name in two groups keeps its first: groups are written so that this is rare.
          map.putIfAbsent(n, canonical);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
