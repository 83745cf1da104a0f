package org.paxrisk.generate;

import java.util.List;

/**
 * What one write of a {@link TrafficGenerator} produced.
 *
 * @param flights flights written
 * @param travellers travellers over all flights (each is in both the API and the PNR message)
 * @param planted the travellers built from watch-list entries, by flight and then position; empty
 *     when the generator plants nothing
 */
public record GeneratedTraffic(int flights, long travellers, List<PlantedTraveller> planted) {
  public GeneratedTraffic {
    planted = List.copyOf(planted);
  }
}
