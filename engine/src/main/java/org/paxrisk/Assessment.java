package org.paxrisk;

import java.util.List;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.Band;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.watchlist.WatchlistMatch;

/**
 * The engine's verdict on one traveller: a score, a band, and everything that made them, for the
 * analyst who reviews it. No decision rests on it alone: every hit explains itself.
 *
 * @param travellerId stable id ({@link org.paxrisk.screening.TravellerIds})
 * @param flight the flight
 * @param traveller the traveller as judged (from the API list when there is one, else the PNR)
 * @param inApi whether the traveller was on the flight's API list
 * @param inPnr whether the traveller was on a PNR of the flight
 * @param recordLocator the PNR's record locator, or null
 * @param score 0 to 100, from the hits ({@link org.paxrisk.rules.Scoring})
 * @param band clear, review or high
 * @param hits the rules that fired, highest score first
 * @param matches watch-list matches, best first
 * @param provenance engine, rule set and list versions, and time
 */
public record Assessment(
    String travellerId,
    Flight flight,
    Traveller traveller,
    boolean inApi,
    boolean inPnr,
    String recordLocator,
    int score,
    Band band,
    List<RiskHit> hits,
    List<WatchlistMatch> matches,
    Provenance provenance) {

  public Assessment {
    hits = List.copyOf(hits);
    matches = List.copyOf(matches);
  }

  /** Whether anything calls for a person to look: the band is review or high. */
  public boolean needsReview() {
    return band != Band.CLEAR;
  }

  @Override
  public String toString() {
    // No personal data: an assessment may be logged.
    return "Assessment[" + travellerId + ", " + score + ", " + band + ", " + hits.size() + " hits]";
  }
}
