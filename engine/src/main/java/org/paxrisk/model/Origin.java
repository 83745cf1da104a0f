package org.paxrisk.model;

/**
 * The message a fact came from, so an analyst can go back to it.
 *
 * @param source the file or stream name
 * @param message the message's ordinal within the source (1 = first UNH)
 * @param type PAXLST or PNRGOV
 * @param reference the UNH message reference number as sent
 * @param byteOffset where the message's UNH starts
 */
public record Origin(String source, int message, MessageType type, String reference, long byteOffset) {}
