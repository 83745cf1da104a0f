package org.paxrisk.ingest;

import java.util.List;
import org.paxrisk.edifact.Issue;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Origin;
import org.paxrisk.model.Traveller;

/**
 * A PAXLST passenger or crew list.
 *
 * @param listType BGM document code: 745 passengers, 250 crew, 266 flight status, 336 master crew
 * @param function BGM message function (CP, XR, RP, CL, ...), or null
 * @param reportingParty NAD+MS name, or null
 * @param declaredCount the CNT total, or null when absent
 */
public record ApiMessage(
    Origin origin,
    String listType,
    String function,
    String reportingParty,
    Flight flight,
    List<Traveller> travellers,
    Integer declaredCount,
    List<Issue> warnings)
    implements ParsedMessage {

  public ApiMessage {
    travellers = List.copyOf(travellers);
    warnings = List.copyOf(warnings);
  }

  /** Whether this is a crew list (BGM 250 or 336). */
  public boolean isCrewList() {
    return "250".equals(listType) || "336".equals(listType);
  }

  @Override
  public String toString() {
    return "ApiMessage[" + origin + ", travellers=" + travellers.size() + "]";
  }
}
