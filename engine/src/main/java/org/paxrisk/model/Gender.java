package org.paxrisk.model;

/** Gender as sent: ATT in PAXLST, the gender field of SSR DOCS in PNR. */
public enum Gender {
  MALE,
  FEMALE,
  /** X: unspecified, as ICAO 9303 allows. */
  UNSPECIFIED,
  /** U or anything not understood. */
  UNKNOWN;

  /** M, F, X, U, and the infant forms MI and FI of SSR DOCS. */
  public static Gender ofCode(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    switch (code) {
      case "M":
      case "MI":
        return MALE;
      case "F":
      case "FI":
        return FEMALE;
      case "X":
        return UNSPECIFIED;
      default:
        return UNKNOWN;
    }
  }

  /** The one-letter code. */
  public String code() {
    switch (this) {
      case MALE:
        return "M";
      case FEMALE:
        return "F";
      case UNSPECIFIED:
        return "X";
      default:
        return "U";
    }
  }
}
