package org.paxrisk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
