package org.paxrisk.watchlist;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a name in any script into the tokens matching compares: capital ASCII letters and digits.
 *
 * <p>How: Cyrillic and the Latin letters ICAO 9303 spells out (Ä→AE, Ø→OE, ß→SS, Щ→SHCH, Х→KH,
 * ...) follow ICAO 9303 part 3, because that is what a passport's machine-readable zone, and so the
 * API data, holds; every other script goes through ICU's Any-Latin and Latin-ASCII. Then capitals,
 * apostrophes dropped (O'BRIEN → OBRIEN), other punctuation splits tokens, titles and honorifics
 * are removed, and name particles (AL, BIN, VAN, DE, ...) are marked so that scoring can weigh
 * them lightly and try them joined to the next token.
 *
 * <p>Thread-safe. ASCII input, which is nearly all travel data, never reaches ICU (about 20 µs a
 * call).
 */
final class Normalizer {
  /** Bump when the output changes: stores record it and must be rebuilt. */
  static final int VERSION = 1;

  static final Set<String> TITLES = Set.of("MR", "MRS", "MS", "MISS", "MSTR", "MASTER", "DR",
      "PROF", "SIR", "LORD", "LADY", "SHEIKH", "SHEIK", "SHAIKH", "HAJI", "HAJJI", "HADJI",
      "MULLAH", "MULLA", "MAULANA", "MAULVI", "MAWLAWI", "IMAM", "QARI", "GEN", "GENERAL", "COL",
      "COLONEL", "MAJ", "MAJOR", "CAPT", "CAPTAIN", "LT", "SGT", "REV", "FATHER", "BROTHER",
      "SISTER", "EMIR", "AMIR", "PRINCE", "PRINCESS", "KING", "QUEEN", "JR", "SR", "II", "III");

  static final Set<String> PARTICLES = Set.of("AL", "EL", "UL", "AD", "AS", "AR", "AZ", "BIN",
      "BEN", "IBN", "BINT", "VAN", "VON", "DER", "DEN", "DE", "DA", "DAS", "DOS", "DI", "DU", "LA",
      "LE", "DEL", "DELLA", "Y", "ST", "SAN", "TEN", "TER", "MAC", "MC");

  private static final String ICAO_RULES = String.join("\n",
      // ICAO Doc 9303 part 3, transliteration of Latin diacritics and Cyrillic for the MRZ.
      "Ä > AE; ä > ae; Å > AA; å > aa; Æ > AE; æ > ae; Ö > OE; ö > oe; Ø > OE; ø > oe;",
      "Ü > UE; ü > ue; ß > ss; Þ > TH; þ > th; Œ > OE; œ > oe; Ĳ > IJ; ĳ > ij; Ð > D; ð > d;",
      "Ж > ZH; ж > zh; Х > KH; х > kh; Ц > TS; ц > ts; Ч > CH; ч > ch; Ш > SH; ш > sh;",
      "Щ > SHCH; щ > shch; Ъ > IE; ъ > ie; Ы > Y; ы > y; Ь > ; ь > ; Э > E; э > e;",
      "Ю > IU; ю > iu; Я > IA; я > ia; Й > I; й > i; Ё > E; ё > e; Є > IE; є > ie;",
      "І > I; і > i; Ї > I; ї > i; Ґ > G; ґ > g; Ў > U; ў > u; Ђ > D; ђ > d; Ћ > C; ћ > c;",
      "Љ > LJ; љ > lj; Њ > NJ; њ > nj; Џ > DZ; џ > dz; Ѓ > G; ѓ > g; Ќ > K; ќ > k;");

  // ICU transliterators are not thread-safe: one per thread.
  private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
      () -> Transliterator.createFromRules("PaxRisk-ICAO-Latin",
          ICAO_RULES + "\n::Any-Latin;\n::Latin-ASCII;", Transliterator.FORWARD));

  private Normalizer() {}

  /** A name as tokens, with particles marked. Empty when nothing is left. */
  static NormalizedName normalize(String name) {
    if (name == null) {
      return NormalizedName.EMPTY;
    }
    String latin = isAscii(name) ? name : TO_LATIN.get().transliterate(name);
    List<String> tokens = new ArrayList<>(4);
    StringBuilder t = new StringBuilder(16);
    for (int i = 0; i <= latin.length(); i++) {
      char c = i < latin.length() ? latin.charAt(i) : ' ';
      if (c >= 'a' && c <= 'z') {
        t.append((char) (c - 32));
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        t.append(c);
      } else if (c == '\'' || c == '`' || c == '\u2019' || c == '\u02BF' || c == '\u02BE') {
        // O'BRIEN, Arabic ʿayn and hamza: dropped, not a break
      } else if (c > 127 && Character.isLetterOrDigit(c)) {
        // A letter ICU left (rare): keep its base form
        String base = java.text.Normalizer.normalize(String.valueOf(c),
            java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        for (int k = 0; k < base.length(); k++) {
          char b = base.charAt(k);
          if ((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
            t.append(b);
          }
        }
      } else if (t.length() > 0) {
        tokens.add(t.toString());
        t.setLength(0);
      }
    }
    tokens.removeIf(TITLES::contains);
    if (tokens.isEmpty()) {
      return NormalizedName.EMPTY;
    }
    String[] out = tokens.toArray(new String[0]);
    boolean[] particle = new boolean[out.length];
    for (int i = 0; i < out.length; i++) {
      // A lone particle (the whole name is "AL") is a name, not a particle.
      particle[i] = out.length > 1 && PARTICLES.contains(out[i]);
    }
    return new NormalizedName(out, particle);
  }

  /** The tokens of a name, particles included. */
  static String[] tokens(String name) {
    return normalize(name).tokens();
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** Tokens of a normalized name and which of them are particles. */
  record NormalizedName(String[] tokens, boolean[] particle) {
    static final NormalizedName EMPTY = new NormalizedName(new String[0], new boolean[0]);

    boolean isEmpty() {
      return tokens.length == 0;
    }

  }
}
