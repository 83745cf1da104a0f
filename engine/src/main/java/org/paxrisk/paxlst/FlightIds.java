package org.paxrisk.paxlst;

/** Splits a flight identification such as {@code UA0989} into carrier and number. */
public final class FlightIds {
  private FlightIds() {}

  /**
   * Returns {carrier, number}. When the sender names the carrier separately and the identification
   * starts with it, that prefix is the carrier; otherwise a two-character IATA designator (letters
   * and digits, e.g. {@code 9W}, {@code U2}) or a three-letter ICAO designator is recognised.
   */
  public static String[] split(String id, String declaredCarrier) {
    if (id == null) {
      return new String[] {declaredCarrier, null};
    }
    String t = id.replace(" ", "");
    if (declaredCarrier != null && t.startsWith(declaredCarrier) && t.length() > declaredCarrier.length()) {
      return new String[] {declaredCarrier, t.substring(declaredCarrier.length())};
    }
    int letters = 0;
    while (letters < t.length() && Character.isLetter(t.charAt(letters))) {
      letters++;
    }
    if (letters == 3 && t.length() > 3) {
      return new String[] {t.substring(0, 3), t.substring(3)};
    }
    if (t.length() > 2) {
      return new String[] {t.substring(0, 2), t.substring(2)};
    }
    return new String[] {declaredCarrier, t};
  }
}
