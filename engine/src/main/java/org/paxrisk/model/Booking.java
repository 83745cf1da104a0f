package org.paxrisk.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One Passenger Name Record as pushed for a flight: who booked, when, for whom, how it was paid,
 * the whole itinerary and the check-in data. The derived facts that risk rules ask about are methods
 * here, so rules read as plain conditions.
 *
 * @param recordLocator the airline's record locator
 * @param reservationSystem the system that holds it (e.g. 1A), or null
 * @param otherRecordLocators locators of the same booking in other systems, and of split (divided)
 *     PNRs
 * @param created when the booking was made, or null
 * @param lastModified last change, or null
 * @param services special service requests other than documents, seats and contacts, after
 *     sensitive codes were dropped at ingest
 * @param historyEntries number of history (ABI) entries; their content is not kept
 */
public record Booking(
    String recordLocator,
    String reservationSystem,
    List<String> otherRecordLocators,
    LocalDateTime created,
    LocalDateTime lastModified,
    Agency agency,
    List<Traveller> travellers,
    List<Leg> itinerary,
    List<String> phones,
    List<String> emails,
    List<Address> addresses,
    List<Payment> payments,
    List<Ticket> tickets,
    List<CheckIn> checkIns,
    List<SpecialService> services,
    int historyEntries,
    Flight flight,
    Origin origin) {

  public Booking {
    otherRecordLocators = List.copyOf(otherRecordLocators);
    travellers = List.copyOf(travellers);
    itinerary = List.copyOf(itinerary);
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    addresses = List.copyOf(addresses);
    payments = List.copyOf(payments);
    tickets = List.copyOf(tickets);
    checkIns = List.copyOf(checkIns);
    services = List.copyOf(services);
  }

  /** Whether any special service request has {@code code} (e.g. {@code UMNR}). */
  public boolean hasService(String code) {
    for (SpecialService s : services) {
      if (code.equals(s.code())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the itinerary never comes back to where it started. */
  public boolean isOneWay() {
    // Over the legs with both airports, without a list of them: every rule pass asks.
    String start = null;
    boolean selfLoop = false;
    int legs = 0;
    for (Leg l : itinerary) {
      if (l.origin() == null || l.destination() == null) {
        continue;
      }
      if (legs++ == 0) {
        start = l.origin();
        selfLoop = start.equals(l.destination());
      } else if (start.equals(l.destination())) {
        return false;
      }
    }
    return legs > 0 && !(legs == 1 && selfLoop);
  }

  /** Whole days between booking and the pushed flight's departure, or -1 when unknown. */
  public long daysBookedBeforeDeparture() {
    LocalDateTime dep = flight == null ? null : flight.departure();
    if (created == null || dep == null) {
      return -1;
    }
    return ChronoUnit.DAYS.between(created, dep);
  }

  /** Hours between booking and the pushed flight's departure, or -1 when unknown. */
  public long hoursBookedBeforeDeparture() {
    LocalDateTime dep = flight == null ? null : flight.departure();
    if (created == null || dep == null) {
      return -1;
    }
    return ChronoUnit.HOURS.between(created, dep);
  }

  /** Whether any form of payment is cash. */
  public boolean isPaidInCash() {
    for (Payment p : payments) {
      if (p.isCash()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a payment names a payer who is not one of the travellers. */
  public boolean isPaidByThirdParty() {
    for (Payment p : payments) {
      String payer = p.payerName();
      if (payer == null) {
        continue;
      }
      boolean traveller = false;
      for (Traveller t : travellers) {
        if (t.surname() != null && payer.contains(t.surname())) {
          traveller = true;
          break;
        }
      }
      if (!traveller) {
        return true;
      }
    }
    return false;
  }

  /** Whether any leg of the itinerary departs from or arrives at {@code airport}. */
  public boolean touchesAirport(String airport) {
    for (Leg l : itinerary) {
      if (airport.equals(l.origin()) || airport.equals(l.destination())) {
        return true;
      }
    }
    return false;
  }

  /** The date the booking was made, or null. */
  public LocalDate createdDate() {
    return created == null ? null : created.toLocalDate();
  }

  @Override
  public String toString() {
    return "Booking[travellers=" + travellers.size() + ", legs=" + itinerary.size() + ", origin="
        + origin + "]";
  }
}
