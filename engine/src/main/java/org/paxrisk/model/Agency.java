package org.paxrisk.model;

/**
 * Who made a booking (PNR ORG): the reservation system and its location, the IATA agency number,
 * the office, the agent, and the country and currency of the point of sale. Any part may be null.
 */
public record Agency(
    String system,
    String location,
    String iataNumber,
    String officeId,
    String agentId,
    String type,
    String country,
    String currency) {}
