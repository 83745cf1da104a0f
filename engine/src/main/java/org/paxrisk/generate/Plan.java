package org.paxrisk.generate;

import java.util.ArrayList;
import java.util.List;
import org.paxrisk.generate.Tables.Airport;
import org.paxrisk.generate.Tables.Carrier;
import org.paxrisk.generate.Tables.Country;

/**
 * What the generator decided about one flight, before any message is written: the flight, its
 * bookings and its travellers. Both writers render the same plan, which is why the API and the
 * PNR files of a flight name the same people. Plain mutable holders: the planner fills them once
 * and the writers only read. Times are UTC epoch minutes, dates epoch days.
 */
final class Plan {
  private Plan() {}

  static final int ADULT = 0;
  static final int CHILD = 1;
  static final int INFANT = 2;

  static final class Flight {
    int index;
    Carrier carrier;
    int number;
    Airport from;
    Airport to;
    long depUtc;
    long arrUtc;
    String aircraft;
    long pushUtc;
    final List<Booking> bookings = new ArrayList<>();
    int travellers;

    String code() {
      return carrier.code + number;
    }
  }

  static final class Leg {
    Carrier marketing;
    /** The operating carrier of a code-share, else null. */
    Carrier operating;
    int number;
    Airport from;
    Airport to;
    long depUtc;
    long arrUtc;
    char bookingClass;
    String aircraft;
    boolean pushed;
  }

  static final class Agency {
    String system;
    String iata;
    String office;
    Airport city;
    String sine;
  }

  static final class Address {
    String street;
    String city;
    String postcode;
    Country country;
  }

  static final class Doc {
    /** P passport, I identity card, V visa. */
    char type;
    String number;
    Country issuer;
    long issued;
    long expires;
    String issueCity;
  }

  static final class Booking {
    String locator;
    /** Who holds the record: a reservation system (1A, 1S...) or the carrier itself. */
    String owner;
    long created;
    long ticketed;
    long modified;
    /** Null when booked with the airline directly. */
    Agency agency;
    Country home;
    Country pointOfSale;
    final List<Person> people = new ArrayList<>();
    final List<Leg> legs = new ArrayList<>();
    Airport embark;
    Airport debark;
    boolean oneWay;
    char cabin;

    String email;
    String mobile;
    String homePhone;
    Address address;
    /** Where a visitor stays (US-bound bookings): SSR DOCA D. */
    Address stay;

    /** CC card, CA cash, MS miscellaneous (miles, vouchers). */
    String fop;
    String cardVendor;
    String cardMasked;
    String cardExpiry;
    /** Who paid, as IFT+4:43 shows it; null when the PNR does not say. */
    String payerName;
    long fareCents;
    long[] taxCents;
    String[] taxCodes;
    String currency;

    /** Drawn once so that the people of a booking agree on whether they hold visas. */
    double visaRoll;
    boolean seatsPrebooked;
    boolean checkedIn;
    long checkInUtc;
    int excessBags;
    /** 0 none, 1 seat change, 2 contact added. */
    int history;
    long historyUtc;
    String splitLocator;
  }

  static final class Person {
    int kind;
    String surname;
    String given;
    String middle;
    char gender;
    String title;
    long dob;
    /** No date of birth in either message (a planted traveller whose record lacks one). */
    boolean dobAbsent;
    Country nationality;
    Airport birthplace;
    /** The PNR passenger number (TIF reference). */
    int ref;
    String paxRef;
    String uniqueRef;
    Doc document;
    Doc visa;
    /** 0 full SSR DOCS, 1 partial, 2 none. */
    int docsQuality;
    boolean transit;
    Person infant;
    String seat;
    int bags;
    int bagWeight;
    int firstTag;
    int boardingNo;
    String ticket;
    String ffCarrier;
    String ffNumber;
    /** Special meal or medical SSR codes: sensitive, present so the engine can prove it drops them. */
    String meal;
    String medical;
    String phone;
    boolean addressInApi;
    boolean birthplaceInApi;
    /** GEI verification: 173 verified, 174 not verified, 0 not sent. */
    int verified;

    String givenNames() {
      return middle == null ? given : given + " " + middle;
    }
  }
}
