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

  private Equivalents() {}

  /** The group's canonical spelling, or the token itself when it is in no group. */
  static String canonical(String token) {
    String c = CANONICAL.get(token);
    return c == null ? token : c;
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
