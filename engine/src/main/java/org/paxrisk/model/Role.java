package org.paxrisk.model;

/** What a traveller is on the flight (PAXLST NAD qualifier; PNR travellers are passengers). */
public enum Role {
  /** NAD+FL. */
  PASSENGER("FL"),
  /** NAD+FM. */
  CREW("FM"),
  /** NAD+DDU: passenger in transit. */
  TRANSIT_PASSENGER("DDU"),
  /** NAD+DDT: crew in transit. */
  TRANSIT_CREW("DDT");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  /** The PAXLST NAD party qualifier. */
  public String code() {
    return code;
  }

  public boolean isCrew() {
    return this == CREW || this == TRANSIT_CREW;
  }

  /** The role for a NAD party qualifier, or null when it is not a traveller. */
  public static Role ofCode(String code) {
    if (code == null) {
      return null;
    }
    switch (code) {
      case "FL":
        return PASSENGER;
      case "FM":
        return CREW;
      case "DDU":
        return TRANSIT_PASSENGER;
      case "DDT":
        return TRANSIT_CREW;
      default:
        return null;
    }
  }
}
