package org.paxrisk.model;

/** The kinds of message PaxRisk reads. */
public enum MessageType {
  /** Advance Passenger Information, UN/EDIFACT PAXLST. */
  PAXLST,
  /** Passenger Name Record push, IATA PNRGOV. */
  PNRGOV
}
