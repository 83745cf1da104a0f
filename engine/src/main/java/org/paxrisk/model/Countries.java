package org.paxrisk.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country codes. API data uses ISO 3166 alpha-3 (GBR); PNR SSR DOCS often alpha-2 (GB). The model
 * holds alpha-3 wherever the code is known, so that rules and matching compare like with like.
 */
public final class Countries {
  private static final Map<String, String> ALPHA2_TO_3 = new HashMap<>();

  static {
    for (String a2 : Locale.getISOCountries()) {
      ALPHA2_TO_3.put(a2, new Locale("", a2).getISO3Country());
    }
    // Codes ICAO 9303 uses in travel documents that are not ISO 3166 alpha-2 mappings.
    ALPHA2_TO_3.put("UK", "GBR");
  }

  private Countries() {}

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * The alpha-3 code for an alpha-2 code; an alpha-3 code (or anything else) unchanged, trimmed and
   * in capitals; null for null or blank.
   */
  public static String alpha3(String code) {
    if (code == null) {
      return null;
    }
    if (code.length() == 3 && isUpper(code.charAt(0)) && isUpper(code.charAt(1))
        && isUpper(code.charAt(2))) {
      return code; // already alpha-3: the common case, no allocation
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    if (c.isEmpty()) {
      return null;
    }
    if (c.length() == 2) {
      String a3 = ALPHA2_TO_3.get(c);
      return a3 != null ? a3 : c;
    }
    return c;
  }
}
