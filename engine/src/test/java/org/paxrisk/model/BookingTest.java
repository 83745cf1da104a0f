package org.paxrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BookingTest {
  private static final LocalDateTime DEP = LocalDateTime.of(2025, 5, 10, 10, 0);

  static Leg leg(String from, String to) {
    return new Leg("XX", "1", null, from, to, DEP, null, null, null);
  }

  static Booking booking(List<Leg> itinerary, List<Payment> payments) {
    return new Booking("ABC123", null, List.of(), null, null, null, List.of(), itinerary,
        List.of(), List.of(), List.of(), payments, List.of(), List.of(), List.of(), 0, null, null);
  }

  @Test
  void oneWayIsATripThatNeverComesBack() {
    assertTrue(booking(List.of(leg("LHR", "JFK")), List.of()).isOneWay());
    assertTrue(booking(List.of(leg("LHR", "JFK"), leg("JFK", "LAX")), List.of()).isOneWay());
    assertFalse(booking(List.of(leg("LHR", "JFK"), leg("JFK", "LHR")), List.of()).isOneWay());
    assertFalse(booking(List.of(), List.of()).isOneWay(), "no itinerary: unknown, not one-way");
    assertFalse(booking(List.of(leg("LHR", "LHR")), List.of()).isOneWay());
    assertFalse(booking(List.of(leg(null, "JFK"), leg("JFK", null)), List.of()).isOneWay());
    // Legs without both airports are left out: the trip starts at the first leg that has them.
    assertFalse(booking(List.of(leg(null, "LHR"), leg("LHR", "JFK"), leg("JFK", "LHR")),
        List.of()).isOneWay());
  }

  /** The same answers as the definition: over the legs with both airports, as a list. */
  @Test
  void oneWayAgreesWithItsDefinitionOnRandomItineraries() {
    SplittableRandom rnd = new SplittableRandom(11);
    String[] airports = {"LHR", "JFK", "LAX", null};
    for (int i = 0; i < 20_000; i++) {
      List<Leg> legs = new ArrayList<>();
      for (int k = rnd.nextInt(5); k > 0; k--) {
        legs.add(leg(airports[rnd.nextInt(4)], airports[rnd.nextInt(4)]));
      }
      assertEquals(definition(legs), booking(legs, List.of()).isOneWay(), legs.toString());
    }
  }

  private static boolean definition(List<Leg> itinerary) {
    List<Leg> legs = itinerary.stream()
        .filter(l -> l.origin() != null && l.destination() != null).toList();
    if (legs.isEmpty()) {
      return false;
    }
    String start = legs.get(0).origin();
    for (int i = 1; i < legs.size(); i++) {
      if (start.equals(legs.get(i).destination())) {
        return false;
      }
    }
    return !(legs.size() == 1 && start.equals(legs.get(0).destination()));
  }

  @Test
  void paidInCashWhenAnyPaymentIsCash() {
    Payment card = new Payment("CC", null, "VI", "4111111111111111", null, null);
    Payment cash = new Payment("CA", null, null, null, null, null);
    assertTrue(booking(List.of(), List.of(card, cash)).isPaidInCash());
    assertFalse(booking(List.of(), List.of(card)).isPaidInCash());
    assertFalse(booking(List.of(), List.of()).isPaidInCash());
  }

  @Test
  void flightsThatAreEqualHashAlike() {
    Flight a = new Flight("XX", "1", "LHR", "JFK", DEP, null, List.of(leg("LHR", "JFK")));
    Flight b = new Flight("XX", "1", "LHR", "JFK", DEP, null, List.of(leg("LHR", "JFK")));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a.hashCode(), new Flight("XX", "2", "LHR", "JFK", DEP, null, List.of())
        .hashCode());
  }
}
