package org.paxrisk.model;

import java.time.LocalDateTime;

/**
 * One flight between two airports. Times are local, as the airline sent them.
 *
 * @param carrier the marketing carrier (IATA or ICAO designator)
 * @param number the flight number without the carrier
 * @param operatingCarrier the operating carrier when it differs (code-share), else null
 * @param origin departure airport (IATA code)
 * @param destination arrival airport (IATA code)
 * @param departure scheduled departure, local time, or null
 * @param arrival scheduled arrival, local time, or null
 * @param bookingClass reservation booking designator (PNR only), or null
 * @param status segment status such as HK (PNR only), or null
 */
public record Leg(
    String carrier,
    String number,
    String operatingCarrier,
    String origin,
    String destination,
    LocalDateTime departure,
    LocalDateTime arrival,
    String bookingClass,
    String status) {

  /** Carrier and number, e.g. {@code BA117}. */
  public String flightNumber() {
    return (carrier == null ? "" : carrier) + (number == null ? "" : number);
  }

  /** Whether another carrier operates this leg. */
  public boolean isCodeShare() {
    return operatingCarrier != null && !operatingCarrier.equals(carrier);
  }
}
