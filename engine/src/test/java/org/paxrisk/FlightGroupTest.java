package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.Traveller;

/** Linking the API and PNR records of the people on one flight. */
class FlightGroupTest {
  static final Flight FLIGHT = new Flight("LH", "142", "FRA", "JFK",
      LocalDateTime.of(2025, 5, 10, 10, 0), null, List.of());

  static Traveller person(String surname, String given, String dob) {
    return Traveller.builder().surname(surname).givenNames(given)
        .dateOfBirth(dob == null ? null : PartialDate.parse(dob)).build();
  }

  static Booking booking(String locator, Traveller... travellers) {
    return new Booking(locator, null, List.of(), null, null, null, List.of(travellers), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, FLIGHT,
        null);
  }

  static FlightGroup group(List<Traveller> api, Booking... bookings) {
    FlightGroup g = new FlightGroup("k");
    g.add(new ApiMessage(null, "745", null, null, FLIGHT, api, api.size(), List.of()));
    g.add(new PnrMessage(null, FLIGHT, List.of(bookings), bookings.length, List.of()));
    return g;
  }

  @Test
  void aPnrWithoutTheMiddleNameStillLinks() {
    Traveller api = person("WERNER", "FLORIAN MARKUS", "1976-12-07");
    Traveller pnr = person("WERNER", "FLORIAN", null);
    List<FlightGroup.Person> people = group(List.of(api), booking("L27BYJ", pnr)).people();
    assertEquals(1, people.size());
    assertSame(pnr, people.get(0).pnr());
    assertSame(pnr, FlightGroup.sameTraveller(api, booking("X", pnr, person("WERNER", "ANNA",
        null))));
  }

  @Test
  void anExactNameIsNotTakenByAFirstNameMatch() {
    // The API lists JACK PAUL JONES before JACK JONES; the PNR has JACK JONES only once.
    Traveller jackPaul = person("JONES", "JACK PAUL", null);
    Traveller jack = person("JONES", "JACK", null);
    Traveller pnrJack = person("JONES", "JACK", null);
    List<FlightGroup.Person> people = group(List.of(jackPaul, jack), booking("A", pnrJack))
        .people();
    assertNull(people.get(0).pnr(), "JACK PAUL stays unlinked");
    assertSame(pnrJack, people.get(1).pnr());
  }

  @Test
  void twoCandidatesByFirstNameLinkNeither() {
    Traveller api = person("WAGNER", "PAUL ANDREAS", null);
    List<FlightGroup.Person> people = group(List.of(api),
        booking("A", person("WAGNER", "PAUL JAN", null)),
        booking("B", person("WAGNER", "PAUL OTTO", null))).people();
    assertNull(people.get(0).pnr());
    assertEquals(3, people.size(), "the API traveller and both PNR travellers, unlinked");
  }
}
