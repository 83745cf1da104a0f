package org.paxrisk.watchlist;

/**
 * A document number on a list.
 *
 * @param type P passport, I identity card, V visa, or another code; null when not stated
 * @param number the number as listed
 * @param issuingCountry ISO 3166 alpha-3 where it could be mapped, else as given; null if unknown
 */
public record ListedDocument(String type, String number, String issuingCountry) {
  public ListedDocument {
    if (number == null || number.isBlank()) {
      throw new IllegalArgumentException("a listed document needs a number");
    }
  }

  @Override
  public String toString() {
    return "ListedDocument[type=" + type + ", issuingCountry=" + issuingCountry + "]";
  }
}
