package org.paxrisk.ingest;

import java.util.ArrayList;
import java.util.List;
import org.paxrisk.edifact.Issue;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Origin;
import org.paxrisk.model.Traveller;

/**
 * A PNRGOV push: the flight it was pushed for and every booking on it.
 *
 * @param declaredCount the EQN count of PNRs, or null when absent
 */
public record PnrMessage(
    Origin origin, Flight flight, List<Booking> bookings, Integer declaredCount, List<Issue> warnings)
    implements ParsedMessage {

  public PnrMessage {
    bookings = List.copyOf(bookings);
    warnings = List.copyOf(warnings);
  }

  @Override
  public List<Traveller> travellers() {
    List<Traveller> all = new ArrayList<>();
    for (Booking b : bookings) {
      all.addAll(b.travellers());
    }
    return all;
  }

  @Override
  public String toString() {
    return "PnrMessage[" + origin + ", bookings=" + bookings.size() + "]";
  }
}
