package org.paxrisk.model;

/** A frequent-flyer account (PNR FTI). */
public record FrequentFlyer(String airline, String number, String tier) {
  @Override
  public String toString() {
    return "FrequentFlyer[airline=" + airline + "]";
  }
}
