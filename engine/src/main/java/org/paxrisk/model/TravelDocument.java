package org.paxrisk.model;

import java.time.LocalDate;

/**
 * A travel document as sent.
 *
 * @param type the document type code as sent: P passport, I identity card, V visa, A, C, AC, IP, F
 *     and others; null when the sender left it empty
 * @param number the document number
 * @param issuingCountry ISO 3166 alpha-3 where the code could be mapped, else as sent
 * @param expiry expiry date, or null
 * @param issued date of issue, or null
 * @param placeOfIssue place of issue (visas), or null
 */
public record TravelDocument(
    String type,
    String number,
    String issuingCountry,
    LocalDate expiry,
    LocalDate issued,
    String placeOfIssue) {

  public boolean isPassport() {
    return "P".equals(type) || (type != null && type.startsWith("P") && type.length() == 2);
  }

  public boolean isVisa() {
    return "V".equals(type);
  }

  /** Whether the document has expired on {@code date}. */
  public boolean isExpiredOn(LocalDate date) {
    return expiry != null && expiry.isBefore(date);
  }

  /** Days from {@code issued} to {@code date}, or -1 when the issue date is unknown. */
  public long daysSinceIssueOn(LocalDate date) {
    return issued == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(issued, date);
  }

  @Override
  public String toString() {
    return "TravelDocument[type=" + type + ", issuingCountry=" + issuingCountry + "]";
  }
}
