package org.paxrisk.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ways one person's name comes out differently in two records: a typing slip, the names in
 * another order, a middle name dropped, two parts joined or split, a transliteration variant
 * (vowels, doubled letters, common digraphs). Used to plant list entries in generated traffic and
 * to measure matching on them.
 */
public final class NameVariants {
  /** The kinds of change. */
  public enum Kind { TYPO, ORDER, DROP_MIDDLE, JOIN_SPLIT, TRANSLITERATION }

  private static final String[][] SPELLINGS = {
    {"OU", "U"}, {"U", "OU"}, {"EE", "I"}, {"I", "EE"}, {"OO", "U"}, {"U", "OO"}, {"Y", "I"},
    {"I", "Y"}, {"KH", "H"}, {"H", "KH"}, {"PH", "F"}, {"F", "PH"}, {"DJ", "J"}, {"J", "DJ"},
    {"SH", "CH"}, {"CH", "SH"}, {"EI", "AI"}, {"AI", "EI"}, {"E", "A"}, {"A", "E"}, {"O", "U"},
    {"U", "O"}, {"MM", "M"}, {"M", "MM"}, {"LL", "L"}, {"SS", "S"}, {"TT", "T"}, {"K", "Q"},
    {"Q", "K"}, {"C", "K"}, {"W", "V"}
  };

  private NameVariants() {}

  /** The name with one change of the given kind (unchanged when the kind cannot apply). */
  public static String vary(String name, Kind kind, SplittableRandom rnd) {
    List<String> t = new ArrayList<>(Arrays.asList(name.trim().toUpperCase(Locale.ROOT)
        .split("[\\s-]+")));
    t.removeIf(String::isEmpty);
    if (t.isEmpty()) {
      return name;
    }
    switch (kind) {
      case TYPO: {
        int i = longest(t);
        t.set(i, typo(t.get(i), rnd));
        break;
      }
      case ORDER:
        if (t.size() > 1) {
          t.add(0, t.remove(t.size() - 1));
        }
        break;
      case DROP_MIDDLE:
        if (t.size() > 2) {
          t.remove(1 + rnd.nextInt(t.size() - 2));
        }
        break;
      case JOIN_SPLIT: {
        int i = rnd.nextInt(Math.max(1, t.size() - 1));
        if (t.size() > 1 && t.get(i).length() + t.get(i + 1).length() <= 14) {
          t.set(i, t.get(i) + t.remove(i + 1));
        } else {
          int j = longest(t);
          String s = t.get(j);
          if (s.length() >= 6) {
            int cut = 3 + rnd.nextInt(s.length() - 5);
            t.set(j, s.substring(0, cut));
            t.add(j + 1, s.substring(cut));
          }
        }
        break;
      }
      default: {
        int i = longest(t);
        t.set(i, transliterate(t.get(i), rnd));
      }
    }
    return String.join(" ", t);
  }

  /** The name with one change of a random kind. */
  public static String vary(String name, SplittableRandom rnd) {
    Kind[] kinds = Kind.values();
    return vary(name, kinds[rnd.nextInt(kinds.length)], rnd);
  }

  /** One letter changed, dropped, doubled or swapped with its neighbour, never the first. */
  static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 3) {
      return s;
    }
    char[] c = s.toCharArray();
    int k = 1 + rnd.nextInt(c.length - 1);
    switch (rnd.nextInt(4)) {
      case 0:
        c[k] = (char) ('A' + rnd.nextInt(26));
        return new String(c);
      case 1:
        return s.substring(0, k) + s.substring(k + 1);
      case 2:
        return s.substring(0, k) + s.charAt(k) + s.substring(k);
      default:
        if (k < c.length - 1) {
          char x = c[k];
          c[k] = c[k + 1];
          c[k + 1] = x;
        } else {
          char x = c[k];
          c[k] = c[k - 1];
          c[k - 1] = x;
        }
        return new String(c);
    }
  }

  /** A spelling another transliteration would give: one vowel or digraph written otherwise. */
  static String transliterate(String s, SplittableRandom rnd) {
    int start = rnd.nextInt(SPELLINGS.length);
    for (int n = 0; n < SPELLINGS.length; n++) {
      String[] r = SPELLINGS[(start + n) % SPELLINGS.length];
      int at = s.indexOf(r[0], 1);
      if (at > 0) {
        return s.substring(0, at) + r[1] + s.substring(at + r[0].length());
      }
    }
    return s;
  }

  private static int longest(List<String> t) {
    int best = 0;
    for (int i = 1; i < t.size(); i++) {
      if (t.get(i).length() > t.get(best).length()) {
        best = i;
      }
    }
    return best;
  }
}
