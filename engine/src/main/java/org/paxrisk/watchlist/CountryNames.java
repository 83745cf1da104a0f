package org.paxrisk.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.paxrisk.model.Countries;

/**
 * Country names and codes, as watch lists write them, to ISO 3166 alpha-3: "Iraq", "Korea, North",
 * "Iran (Islamic Republic of)", "Syrian Arab Republic", "GB", "DEU".
 *
 * <p>Implementation note: the names are the JDK's English display names of every ISO country
 * (which follow CLDR: "Russia", "North Korea", "Myanmar (Burma)") plus the alias table {@code
 * country-names.txt} beside this class for the official UN short names and OFAC's spellings. Names
 * are compared after {@link #key folding}: accents, case, punctuation, "&amp;" and "St." and a
 * leading "The" do not matter. Kosovo, which has no ISO code, gets the user-assigned {@code XKX}
 * that ICAO 9303 documents use.
 */
final class CountryNames {
  private static final Map<String, String> BY_NAME = new HashMap<>();
  private static final Set<String> ALPHA3 = new HashSet<>();
  /** Spellings already looked up, as written, with their code; misses are not kept. */
  private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
  private static final int SEEN_MAX = 10_000;

  static {
    for (String a2 : Locale.getISOCountries()) {
      Locale l = new Locale("", a2);
      String a3 = l.getISO3Country();
      ALPHA3.add(a3);
      String display = l.getDisplayCountry(Locale.ENGLISH);
      BY_NAME.put(key(display), a3);
      // "Myanmar (Burma)", "Hong Kong SAR China", "Congo - Kinshasa": the parts alone as well.
      int paren = display.indexOf(" (");
      if (paren > 0) {
        BY_NAME.putIfAbsent(key(display.substring(0, paren)), a3);
      }
    }
    ALPHA3.add("XKX");
    try (InputStream in = CountryNames.class.getResourceAsStream("country-names.txt")) {
      if (in == null) {
        throw new IllegalStateException("country-names.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String a3 = t.substring(0, 3);
        BY_NAME.put(key(t.substring(3)), a3); // the table wins over the JDK's names
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CountryNames() {}

  /**
   * The alpha-3 code for a country name or code; the text as given (trimmed) when it is not known;
   * null for null or blank.
   */
  static String alpha3(String nameOrCode) {
    if (nameOrCode == null || nameOrCode.isBlank()) {
      return null;
    }
    String a3 = lookup(nameOrCode);
    return a3 != null ? a3 : nameOrCode.strip();
  }

  /** The alpha-3 code for a country name or an ISO alpha-2/alpha-3 code, or null if unknown. */
  static String lookup(String nameOrCode) {
    if (nameOrCode == null) {
      return null;
    }
    String hit = SEEN.get(nameOrCode);
    if (hit != null) {
      return hit;
    }
    String code = code(nameOrCode);
    String a3 = code != null ? code : BY_NAME.get(key(nameOrCode));
    if (a3 != null && SEEN.size() < SEEN_MAX) {
      SEEN.put(nameOrCode, a3); // lists repeat a few hundred spellings thousands of times
    }
    return a3;
  }


  /**
   * The alpha-3 code for an ISO 3166 alpha-2 or alpha-3 code (any case; {@code UK} and {@code XK}
   * allowed), or null when the text is not such a code.
   */
  static String code(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (t.length() == 2 && isLetters(t)) {
      if (t.equals("XK")) {
        return "XKX";
      }
      String a3 = Countries.alpha3(t);
      return a3.length() == 3 ? a3 : null;
    }
    if (t.length() == 3 && ALPHA3.contains(t)) {
      return t;
    }
    return null;
  }

  private static boolean isLetters(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < 'A' || t.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }

  /**
   * The comparison form of a name: accents removed, lower case, "&amp;" as "and", "St" as
   * "saint", punctuation as spaces, a leading "the" dropped, spaces collapsed.
   */
  static String key(String name) {
    String n = name;
    for (int i = 0; i < n.length(); i++) {
      if (n.charAt(i) > 0x7f) {
        n = Normalizer.normalize(name, Normalizer.Form.NFD);
        break;
      }
    }
    StringBuilder out = new StringBuilder(n.length());
    int wordStart = 0;
    boolean gap = false;
    for (int i = 0; i <= n.length(); i++) {
      char c = i < n.length() ? n.charAt(i) : ' ';
      if (c == '\'' || c == '\u2019' || Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // People's -> peoples, d'Ivoire -> divoire, accents dropped
      }
      if (Character.isLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          endWord(out, wordStart);
          if (out.length() > 0) {
            out.append(' ');
          }
          wordStart = out.length();
        }
        gap = false;
        out.append(Character.toLowerCase(c));
      } else {
        gap = true;
        if (c == '&') {
          if (out.length() > 0) {
            endWord(out, wordStart);
            if (out.length() > 0) {
              out.append(' ');
            }
          }
          out.append("and");
          wordStart = out.length() - 3;
        }
      }
    }
    endWord(out, wordStart);
    return out.toString();
  }

  /** A leading "the" is dropped; "st" is "saint". */
  private static void endWord(StringBuilder out, int start) {
    int len = out.length() - start;
    if (len == 3 && start == 0 && out.charAt(0) == 't' && out.charAt(1) == 'h'
        && out.charAt(2) == 'e') {
      out.setLength(0);
    } else if (len == 2 && out.charAt(start) == 's' && out.charAt(start + 1) == 't') {
      out.setLength(start);
      out.append("saint");
    }
  }
}
