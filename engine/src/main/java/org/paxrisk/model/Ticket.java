package org.paxrisk.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A ticket of one traveller (PNR TKT, MON, PTK).
 *
 * @param passengerReference the TIF reference of the traveller it belongs to, or null
 * @param number ticket number as sent
 * @param type ticket type code such as T (electronic), or null
 * @param issued date of issue, or null
 * @param total total amount, or null
 * @param currency currency of the total, or null
 */
public record Ticket(
    String passengerReference,
    String number,
    String type,
    LocalDate issued,
    BigDecimal total,
    String currency) {}
