package org.paxrisk.model;

/** A postal address; any part may be null. */
public record Address(String street, String city, String region, String postcode, String country) {

  @Override
  public String toString() {
    return "Address[country=" + country + "]";
  }
}
