package org.paxrisk.generate;

import java.util.Objects;
import org.paxrisk.model.Flight;

/**
 * One traveller of generated traffic that was built from a watch-list entry: the ground truth a
 * screening run is measured against.
 *
 * @param travellerId the id screening gives this traveller: {@link
 *     org.paxrisk.screening.TravellerIds#apiPassenger TravellerIds.apiPassenger(flight, position)}
 * @param entryId the id of the list entry the traveller was built from
 * @param list the list of that entry
 * @param variation {@link #EXACT}, or the one way the traveller's record differs from the entry
 *     (see {@link TrafficGenerator#planting})
 * @param flight the flight as the PAXLST mapper reads it from the generated message
 * @param flightIndex the flight's index in the run, from 0 (file {@code flight-NNNNN.edi} holds
 *     index {@code NNNNN - 1})
 * @param position the traveller's position among the passengers of the flight's PAXLST, from 1
 */
public record PlantedTraveller(
    String travellerId,
    String entryId,
    String list,
    String variation,
    Flight flight,
    int flightIndex,
    int position) {

  /** The variation of a traveller who agrees with everything the entry lists. */
  public static final String EXACT = "exact";

  public PlantedTraveller {
    Objects.requireNonNull(travellerId, "travellerId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(variation, "variation");
    Objects.requireNonNull(flight, "flight");
  }

  /** Whether the traveller agrees with the entry as listed. */
  public boolean isExact() {
    return EXACT.equals(variation);
  }

  @Override
  public String toString() {
    // Ids only: no name of the listed person.
    return "PlantedTraveller[" + travellerId + " <- " + entryId + ", " + variation + "]";
  }
}
