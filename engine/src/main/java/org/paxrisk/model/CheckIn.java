package org.paxrisk.model;

import java.time.LocalDateTime;

/**
 * Departure-control data of one traveller on one leg (the PNR check-in group).
 *
 * @param passengerReference the TIF reference of the traveller, or null
 * @param flightNumber carrier and number of the leg
 * @param origin airport of the leg's departure
 * @param checkedIn time of check-in, or null
 * @param boardingNumber boarding or check-in sequence number, or null
 * @param seat seat, or null
 * @param bags checked bags
 */
public record CheckIn(
    String passengerReference,
    String flightNumber,
    String origin,
    LocalDateTime checkedIn,
    String boardingNumber,
    String seat,
    Bags bags) {}
