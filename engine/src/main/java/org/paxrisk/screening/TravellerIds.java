package org.paxrisk.screening;

import java.time.format.DateTimeFormatter;
import org.paxrisk.model.Flight;

/**
 * Stable traveller ids: the same input gives the same ids on every run, and an id names no personal
 * data, so it can travel into audit logs and hit reports.
 *
 * <p>Form: {@code <flight number>-<departure date yyyyMMdd>-<origin>-<suffix>}, for example
 * {@code LH0400-20260301-FRA-A12}. The suffix is {@code A<n>} for the n-th passenger of the flight's
 * API list (from 1), {@code C<n>} for the n-th member of its crew list, and {@code R<locator>-<n>}
 * for the n-th traveller of a PNR whose traveller is on no API list. When a flight has several API
 * lists (an update at door close), positions go on from where the earlier lists ended.
 */
public final class TravellerIds {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private TravellerIds() {}

  /** The flight part of an id, for example {@code LH0400-20260301-FRA}. */
  public static String flightKey(Flight flight) {
    StringBuilder b = new StringBuilder(24).append(flight.flightNumber()).append('-');
    java.time.LocalDate d = flight.departureDate();
    if (d == null || d.getYear() < 0 || d.getYear() > 9999) {
      b.append(d == null ? "00000000" : DAY.format(d));
    } else {
      // What BASIC_ISO_DATE prints, without a formatter: this runs for every traveller.
      int ymd = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
      for (int div = 10_000_000; div > 0; div /= 10) {
        b.append((char) ('0' + ymd / div % 10));
      }
    }
    return b.append('-').append(flight.origin() == null ? "XXX" : flight.origin()).toString();
  }

  /** The id of the {@code position}-th (from 1) passenger of the flight's API passenger list. */
  public static String apiPassenger(Flight flight, int position) {
    return flightKey(flight) + "-A" + position;
  }

  /** The id of the {@code position}-th (from 1) member of the flight's API crew list. */
  public static String apiCrew(Flight flight, int position) {
    return flightKey(flight) + "-C" + position;
  }

  /** The id of the {@code position}-th (from 1) traveller of a PNR, for travellers on no API list. */
  public static String pnrOnly(Flight flight, String recordLocator, int position) {
    return flightKey(flight) + "-R" + recordLocator + '-' + position;
  }
}
