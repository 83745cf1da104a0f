package org.paxrisk;

import static org.paxrisk.model.Folding.lettersAndDigits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.screening.TravellerIds;

/**
 * The messages of one flight, and the people in them: API travellers linked with PNR travellers so
 * that a traveller seen in both is assessed once, with both sources.
 *
 * <p>Linking, strongest evidence first, each PNR traveller used at most once: the same document
 * number; else the same surname, given names and date of birth; else the same surname and given
 * names with no contradicting date of birth, in message order; and, for whoever is left, the one
 * PNR traveller with the same surname and first given name (PNRs often drop middle names). Names
 * are compared as letters only ({@link org.paxrisk.model.Folding}), so "O'NEIL" and "ONEIL" link;
 * dates of birth at the precision both give.
 */
final class FlightGroup {
  private final String key;
  private Flight flight;
  private final List<ApiMessage> api = new ArrayList<>(1);
  private final List<PnrMessage> pnr = new ArrayList<>(1);

  FlightGroup(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  void add(ApiMessage m) {
    api.add(m);
    if (flight == null) {
      flight = m.flight();
    }
  }

  void add(PnrMessage m) {
    pnr.add(m);
    if (flight == null) {
      flight = m.flight();
    }
  }

  int messages() {
    return api.size() + pnr.size();
  }

  /** A linked person before matching: who they are and where they came from. */
  record Person(String id, Flight flight, Traveller api, Traveller pnr, Booking booking) {
    Traveller traveller() {
      return api != null ? api : pnr;
    }
  }

  /**
   * Links the flight's travellers (see the class comment): API travellers first in message order,
   * then PNR-only travellers.
   */
  List<Person> people() {
    // API flights carry the legs the traveller flies; prefer them as the flight of record.
    Flight f = api.isEmpty() ? flight : api.get(0).flight();
    List<Traveller> pnrTravellers = new ArrayList<>();
    List<Booking> pnrBookings = new ArrayList<>();
    for (PnrMessage m : pnr) {
      for (Booking b : m.bookings()) {
        for (Traveller t : b.travellers()) {
          pnrTravellers.add(t);
          pnrBookings.add(b);
        }
      }
    }
    PnrSide side = new PnrSide(pnrTravellers);
    List<Person> people = new ArrayList<>();
    Set<String> seenApi = new HashSet<>();
    List<String> apiIds = new ArrayList<>();
    List<Traveller> apiTravellers = new ArrayList<>();
    // Positions continue over a flight's later API messages, so that ids stay unique.
    int passengers = 0;
    int crew = 0;
    for (ApiMessage m : api) {
      List<Traveller> ts = m.travellers();
      int base = m.isCrewList() ? crew : passengers;
      for (int i = 0; i < ts.size(); i++) {
        Traveller t = ts.get(i);
        // A later API message (check-in, then door close) repeats people already listed.
        if (!seenApi.add(apiIdentity(t))) {
          continue;
        }
        String id = m.isCrewList() ? TravellerIds.apiCrew(f, base + i + 1)
            : TravellerIds.apiPassenger(f, base + i + 1);
        apiIds.add(id);
        apiTravellers.add(t);
      }
      if (m.isCrewList()) {
        crew += ts.size();
      } else {
        passengers += ts.size();
      }
    }
    // Exact links first (document, full name), then first names for whoever is left, so that a
    // PNR that drops a middle name cannot take the PNR traveller of someone named exactly.
    int[] links = new int[apiTravellers.size()];
    for (int i = 0; i < links.length; i++) {
      links[i] = apiTravellers.get(i).isCrew() ? -1 : side.link(apiTravellers.get(i));
    }
    for (int i = 0; i < links.length; i++) {
      if (links[i] < 0 && !apiTravellers.get(i).isCrew()) {
        links[i] = side.linkByFirstName(apiTravellers.get(i));
      }
    }
    for (int i = 0; i < links.length; i++) {
      int p = links[i];
      people.add(p < 0 ? new Person(apiIds.get(i), f, apiTravellers.get(i), null, null)
          : new Person(apiIds.get(i), f, apiTravellers.get(i), pnrTravellers.get(p),
              pnrBookings.get(p)));
    }
    Map<Booking, Integer> positionInBooking = new java.util.IdentityHashMap<>();
    for (int i = 0; i < pnrTravellers.size(); i++) {
      Booking b = pnrBookings.get(i);
      int n = positionInBooking.merge(b, 1, Integer::sum);
      if (!side.used[i]) {
        String locator = b.recordLocator() == null ? "UNKNOWN" : b.recordLocator();
        people.add(new Person(TravellerIds.pnrOnly(f, locator, n), f, null, pnrTravellers.get(i),
            b));
      }
    }
    return people;
  }

  /**
   * The traveller of a booking who is {@code t} (same document, else same name), or the booking's
   * only traveller, or null.
   */
  static Traveller sameTraveller(Traveller t, Booking booking) {
    List<Traveller> pnr = booking.travellers();
    PnrSide side = new PnrSide(pnr);
    int i = side.link(t);
    if (i < 0) {
      i = side.linkByFirstName(t);
    }
    return i >= 0 ? pnr.get(i) : pnr.size() == 1 ? pnr.get(0) : null;
  }

  /** PNR travellers indexed by document and by name, each linked to at most one API traveller. */
  private static final class PnrSide {
    final List<Traveller> travellers;
    final Map<String, List<Integer>> byDocument = new HashMap<>();
    final Map<String, List<Integer>> byName = new HashMap<>();
    final Map<String, List<Integer>> byFirstName = new HashMap<>();
    final boolean[] used;

    PnrSide(List<Traveller> travellers) {
      this.travellers = travellers;
      this.used = new boolean[travellers.size()];
      for (int i = 0; i < travellers.size(); i++) {
        Traveller t = travellers.get(i);
        for (TravelDocument d : t.documents()) {
          String k = documentKey(d);
          if (k != null) {
            byDocument.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
          }
        }
        byName.computeIfAbsent(nameKey(t), x -> new ArrayList<>(1)).add(i);
        byFirstName.computeIfAbsent(firstNameKey(t), x -> new ArrayList<>(1)).add(i);
      }
    }

    /** The PNR traveller who is {@code t} (see the class comment), now used; or -1. */
    int link(Traveller t) {
      return FlightGroup.link(t, travellers, byDocument, byName, used);
    }

    /**
     * The one unlinked PNR traveller with {@code t}'s surname and first given name and no
     * contradicting date of birth (PNRs often leave out middle names), now used; or -1 when there
     * is none or more than one.
     */
    int linkByFirstName(Traveller t) {
      int found = -1;
      for (int i : byFirstName.getOrDefault(firstNameKey(t), List.of())) {
        if (!used[i] && datesAgree(t.dateOfBirth(), travellers.get(i).dateOfBirth())) {
          if (found >= 0) {
            return -1;
          }
          found = i;
        }
      }
      if (found >= 0) {
        used[found] = true;
      }
      return found;
    }
  }

  boolean hasApi() {
    return !api.isEmpty();
  }

  boolean hasPnr() {
    return !pnr.isEmpty();
  }

  private static int link(Traveller t, List<Traveller> pnr, Map<String, List<Integer>> byDocument,
      Map<String, List<Integer>> byName, boolean[] used) {
    for (TravelDocument d : t.documents()) {
      int i = firstUnused(byDocument.get(documentKey(d)), used);
      if (i >= 0) {
        used[i] = true;
        return i;
      }
    }
    List<Integer> same = byName.get(nameKey(t));
    if (same != null) {
      // Same name: a candidate whose date of birth equals wins; else the first whose date does not
      // contradict (namesakes on one booking, such as siblings, are listed in the same order).
      int fallback = -1;
      for (int i : same) {
        if (used[i] || !datesAgree(t.dateOfBirth(), pnr.get(i).dateOfBirth())) {
          continue;
        }
        if (t.dateOfBirth() != null && pnr.get(i).dateOfBirth() != null) {
          used[i] = true;
          return i;
        }
        if (fallback < 0) {
          fallback = i;
        }
      }
      if (fallback >= 0) {
        used[fallback] = true;
        return fallback;
      }
    }
    return -1;
  }

  private static int firstUnused(List<Integer> candidates, boolean[] used) {
    if (candidates != null) {
      for (int i : candidates) {
        if (!used[i]) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean datesAgree(PartialDate a, PartialDate b) {
    if (a == null || b == null) {
      return true;
    }
    if (a.year() != b.year()) {
      return false;
    }
    if (a.month() == 0 || b.month() == 0) {
      return true;
    }
    return a.month() == b.month() && (a.day() == 0 || b.day() == 0 || a.day() == b.day());
  }

  private static String documentKey(TravelDocument d) {
    if (d == null || d.number() == null) {
      return null;
    }
    String n = lettersAndDigits(d.number());
    return n.length() < 4 ? null : n;
  }

  private static String nameKey(Traveller t) {
    return lettersAndDigits(t.surname()) + '/' + lettersAndDigits(t.givenNames());
  }

  private static String firstNameKey(Traveller t) {
    String given = t.givenNames() == null ? "" : t.givenNames().trim();
    int space = given.indexOf(' ');
    String first = space < 0 ? given : given.substring(0, space);
    return lettersAndDigits(t.surname()) + '/' + lettersAndDigits(first);
  }

  private static String apiIdentity(Traveller t) {
    TravelDocument d = t.primaryDocument();
    String doc = d == null ? "" : String.valueOf(documentKey(d));
    return nameKey(t) + '/' + t.dateOfBirth() + '/' + doc + '/' + t.role();
  }

}
