package org.paxrisk.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The flight a message reports: the carrier and number, the first airport of departure and the last
 * of arrival, and every leg (a progressive flight has several). Times are local, as sent.
 */
public record Flight(
    String carrier,
    String number,
    String origin,
    String destination,
    LocalDateTime departure,
    LocalDateTime arrival,
    List<Leg> legs) {

  public Flight {
    legs = List.copyOf(legs);
  }

  /**
   * Carrier, number and departure only: consistent with the record's equals, and much cheaper than
   * hashing every leg. Rules join travellers on their flight, and the rule engine hashes it.
   */
  @Override
  public int hashCode() {
    return (31 * Objects.hashCode(carrier) + Objects.hashCode(number)) * 31
        + Objects.hashCode(departure);
  }

  /** Carrier and number, e.g. {@code LA532}. */
  public String flightNumber() {
    return (carrier == null ? "" : carrier) + (number == null ? "" : number);
  }

  /** The local date of departure, or null. */
  public LocalDate departureDate() {
    return departure == null ? null : departure.toLocalDate();
  }

  /** Whether any leg departs from or arrives at {@code airport}. */
  public boolean touches(String airport) {
    for (Leg l : legs) {
      if (airport.equals(l.origin()) || airport.equals(l.destination())) {
        return true;
      }
    }
    return airport.equals(origin) || airport.equals(destination);
  }
}
