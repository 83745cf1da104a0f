package org.paxrisk.screening;

import java.util.List;

/**
 * One flight of a batch, for the summary table.
 *
 * @param flight the flight key ({@link TravellerIds#flightKey})
 * @param travellers travellers assessed
 * @param review travellers in the review band
 * @param high travellers in the high band
 * @param topHits the most frequent rules that fired on the flight, most frequent first (at most 3)
 */
public record FlightSummary(String flight, int travellers, int review, int high,
    List<String> topHits) {
  public FlightSummary {
    topHits = List.copyOf(topHits);
  }
}
