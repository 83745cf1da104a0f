package org.paxrisk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paxrisk.model.Airports;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Leg;
import org.paxrisk.model.Payment;
import org.paxrisk.model.Traveller;

class SubjectTest {
  private static final String[] AIRPORTS = {"FRA", "JFK", "CDG", "DXB", "KBL", "THR", "LHR", "ZZZ",
      "DAM", "IST", null};
  private static final LocalDateTime DEP = LocalDateTime.of(2026, 3, 1, 10, 0);

  /**
   * The itinerary's countries come in the order of its airports, and the first country of concern
   * is the first of them that is one, or none.
   */
  @Test
  void itineraryCountryInIsTheFirstItineraryCountryInTheList() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<Set<String>> lists = List.of(Set.of(), Set.of("AFG"), Set.of("IRN", "SYR"),
        Set.of("USA", "AFG", "IRN"), Set.of("DEU", "FRA", "GBR", "ARE", "TUR"));
    for (int k = 0; k < 2_000; k++) {
      Flight f = new Flight("LH", "400", airport(rnd), airport(rnd), DEP, null, legs(rnd));
      Booking b = rnd.nextBoolean() ? null : new Booking("ABC123", null, List.of(), null, null,
          null, List.of(), legs(rnd), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), 0, null, null);
      Subject s = new Subject("id", f, Traveller.builder().surname("X").build(), null, b,
          List.of(), true, b != null);
      // The order, written out here: the flight's ends, its legs' ends, the booked legs' ends.
      List<String> airports = new ArrayList<>(List.of(String.valueOf(f.origin()),
          String.valueOf(f.destination())));
      List<Leg> legs = new ArrayList<>(f.legs());
      if (b != null) {
        legs.addAll(b.itinerary());
      }
      for (Leg l : legs) {
        airports.add(String.valueOf(l.origin()));
        airports.add(String.valueOf(l.destination()));
      }
      Set<String> all = new LinkedHashSet<>();
      for (String a : airports) {
        String c = Airports.country(a);
        if (c != null) {
          all.add(c);
        }
      }
      assertEquals(all, s.itineraryCountries());
      assertEquals(List.copyOf(all), List.copyOf(s.itineraryCountries()), "in order");
      for (Set<String> countries : lists) {
        String expected = all.stream().filter(countries::contains).findFirst().orElse(null);
        assertEquals(expected, s.itineraryCountryIn(countries), f + " " + b + " " + countries);
      }
    }
  }

  /**
   * The indexed join gives exactly the pairs the pairwise test gives: for every subject of an
   * evaluation, its contact partners are the others, in order, with which it shares a contact
   * outside its booking. Contacts are drawn from small pools, in different spellings, so that many
   * pairs share one, several or none, some on one booking.
   */
  @Test
  void contactPartnersAreThoseWithASharedContactInOrder() {
    SplittableRandom rnd = new SplittableRandom(11);
    String[] phones = {"+44 20 7946 0001", "020 7946 0001", "+1 212 555 0199", "555 0199"};
    String[] emails = {"a@example.org", "A@Example.org ", "b@example.org"};
    String[] cards = {"4111111111111111", "4111 1111 1111 1111", "XXXXXXXXXXXX1111",
        "5500000000000004"};
    Flight f = new Flight("LH", "400", "FRA", "JFK", DEP, null, List.of());
    int pairs = 0;
    for (int k = 0; k < 200; k++) {
      List<Booking> bookings = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bookings.add(new Booking("B" + i, null, List.of(), null, null, null, List.of(), List.of(),
            some(rnd, phones), some(rnd, emails), List.of(), payments(rnd, cards), List.of(),
            List.of(), List.of(), 0, null, null));
      }
      List<Subject> subjects = new ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
        Traveller.Builder t = Traveller.builder().surname("T" + i);
        some(rnd, phones).forEach(t::phone);
        some(rnd, emails).forEach(t::email);
        Booking b = rnd.nextInt(4) == 0 ? null : bookings.get(rnd.nextInt(bookings.size()));
        subjects.add(new Subject("s" + i, f, t.build(), null, b, List.of(), true, b != null));
      }
      assertEquals(List.of(), subjects.get(0).contactPartners(), "outside an evaluation");
      Subject.evaluatedTogether(subjects);
      for (Subject s : subjects) {
        List<Subject> expected = new ArrayList<>();
        for (Subject t : subjects) {
          if (s.sharedContactWith(t) != null) {
            expected.add(t);
          }
        }
        pairs += expected.size();
        assertEquals(expected, s.contactPartners(), s.id());
      }
    }
    assertTrue(pairs > 500, "too few pairs share a contact to test the join: " + pairs);
  }

  private static List<String> some(SplittableRandom rnd, String[] pool) {
    List<String> out = new ArrayList<>();
    for (String v : pool) {
      if (rnd.nextInt(3 * pool.length) == 0) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Payment> payments(SplittableRandom rnd, String[] cards) {
    List<Payment> out = new ArrayList<>();
    for (String c : some(rnd, cards)) {
      out.add(new Payment("CC", null, null, c, null, null));
    }
    return out;
  }

  private static String airport(SplittableRandom rnd) {
    return AIRPORTS[rnd.nextInt(AIRPORTS.length)];
  }

  private static List<Leg> legs(SplittableRandom rnd) {
    List<Leg> legs = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      legs.add(new Leg("XX", "1", null, airport(rnd), airport(rnd), DEP, null, null, null));
    }
    return legs;
  }
}
