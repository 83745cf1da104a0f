package org.paxrisk.model;

import java.util.List;

/**
 * A person on a flight, as one message describes them: a PAXLST NAD group or a PNRGOV TIF.
 * Fields the message did not carry are null (or empty lists); nothing is invented. Names are as
 * sent, in capitals; PNR titles (MR, MRS) are removed from given names.
 *
 * <p>{@code toString()} names no personal data, so a traveller can be logged safely.
 */
public record Traveller(
    Role role,
    String surname,
    String givenNames,
    PartialDate dateOfBirth,
    Gender gender,
    String nationality,
    String residence,
    String placeOfBirth,
    String embarkation,
    String debarkation,
    List<TravelDocument> documents,
    String seat,
    Bags bags,
    String recordLocator,
    String passengerReference,
    boolean infant,
    Address address,
    List<String> phones,
    List<String> emails,
    List<FrequentFlyer> frequentFlyers,
    Boolean verified,
    Origin origin) {

  public Traveller {
    documents = List.copyOf(documents);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    frequentFlyers = List.copyOf(frequentFlyers);
    if (bags == null) {
      bags = Bags.NONE;
    }
    if (gender == null) {
      gender = Gender.UNKNOWN;
    }
  }

  /** The first passport, else the first document, else null. */
  public TravelDocument primaryDocument() {
    for (TravelDocument d : documents) {
      if (d.isPassport()) {
        return d;
      }
    }
    return documents.isEmpty() ? null : documents.get(0);
  }

  public boolean isCrew() {
    return role != null && role.isCrew();
  }

  @Override
  public String toString() {
    return "Traveller[role=" + role + ", documents=" + documents.size() + ", origin=" + origin + "]";
  }
}
