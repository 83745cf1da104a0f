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

  /** A builder, for mappers and for systems that screen a traveller they hold in their own form. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Traveller}; every field is optional. */
  public static final class Builder {
    private Role role = Role.PASSENGER;
    private String surname;
    private String givenNames;
    private PartialDate dateOfBirth;
    private Gender gender = Gender.UNKNOWN;
    private String nationality;
    private String residence;
    private String placeOfBirth;
    private String embarkation;
    private String debarkation;
    // Lists are made on first use: most travellers have one document and no phone or e-mail.
    private List<TravelDocument> documents = List.of();
    private String seat;
    private Bags bags = Bags.NONE;
    private String recordLocator;
    private String passengerReference;
    private boolean infant;
    private Address address;
    private List<String> phones = List.of();
    private List<String> emails = List.of();
    private List<FrequentFlyer> frequentFlyers = List.of();
    private Boolean verified;
    private Origin origin;

    private Builder() {}

    public Builder role(Role v) { role = v; return this; }
    public Builder surname(String v) { surname = v; return this; }
    public Builder givenNames(String v) { givenNames = v; return this; }
    public Builder dateOfBirth(PartialDate v) { dateOfBirth = v; return this; }
    public Builder gender(Gender v) { gender = v; return this; }
    public Builder nationality(String v) { nationality = v; return this; }
    public Builder residence(String v) { residence = v; return this; }
    public Builder placeOfBirth(String v) { placeOfBirth = v; return this; }
    public Builder embarkation(String v) { embarkation = v; return this; }
    public Builder debarkation(String v) { debarkation = v; return this; }
    public Builder document(TravelDocument v) { documents = add(documents, v); return this; }
    public Builder seat(String v) { seat = v; return this; }
    public Builder bags(Bags v) { bags = v; return this; }
    public Builder recordLocator(String v) { recordLocator = v; return this; }
    public Builder passengerReference(String v) { passengerReference = v; return this; }
    public Builder infant(boolean v) { infant = v; return this; }
    public Builder address(Address v) { address = v; return this; }
    public Builder phone(String v) { phones = add(phones, v); return this; }
    public Builder email(String v) { emails = add(emails, v); return this; }
    public Builder frequentFlyer(FrequentFlyer v) {
      frequentFlyers = add(frequentFlyers, v);
      return this;
    }
    public Builder verified(Boolean v) { verified = v; return this; }
    public Builder origin(Origin v) { origin = v; return this; }

    /** What has been set so far, for mappers that fill gaps from a second source. */
    public String surname() { return surname; }
    public String givenNames() { return givenNames; }
    public PartialDate dateOfBirth() { return dateOfBirth; }
    public Gender gender() { return gender; }
    public String nationality() { return nationality; }
    public String passengerReference() { return passengerReference; }
    public boolean hasDocuments() { return !documents.isEmpty(); }
    public String seat() { return seat; }
    public Bags bags() { return bags; }

    private static <T> List<T> add(List<T> list, T v) {
      java.util.Objects.requireNonNull(v);
      // Immutable lists while short, so that the record keeps them without a copy; a list of
      // three or more is a private ArrayList, grown in place and copied once by the record.
      switch (list.size()) {
        case 0:
          return List.of(v);
        case 1:
          return List.of(list.get(0), v);
        case 2: {
          java.util.ArrayList<T> more = new java.util.ArrayList<>(4);
          more.addAll(list);
          more.add(v);
          return more;
        }
        default:
          list.add(v);
          return list;
      }
    }

    public Traveller build() {
      return new Traveller(role, surname, givenNames, dateOfBirth, gender, nationality, residence,
          placeOfBirth, embarkation, debarkation, documents, seat, bags, recordLocator,
          passengerReference, infant, address, phones, emails, frequentFlyers, verified, origin);
    }
  }

  @Override
  public String toString() {
    return "Traveller[role=" + role + ", documents=" + documents.size() + ", origin=" + origin + "]";
  }
}
