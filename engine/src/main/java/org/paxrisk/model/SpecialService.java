package org.paxrisk.model;

/**
 * A special service request (SSR) kept from a PNR: what the sensitive-data filter let through and
 * the PNR mapper did not turn into structured fields (documents, seats, contacts).
 *
 * @param code the four-letter SSR code, e.g. UMNR, XBAG, CKIN
 * @param status action/status code, e.g. HK, or null
 * @param carrier airline the request is addressed to, or null
 * @param passengerReference the TIF reference it applies to, or null for the whole booking
 * @param text the request's free text, or null
 */
public record SpecialService(
    String code, String status, String carrier, String passengerReference, String text) {
  @Override
  public String toString() {
    return "SpecialService[code=" + code + "]";
  }
}
