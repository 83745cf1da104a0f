package org.paxrisk.watchlist;

import java.util.List;

/**
 * A traveller matched to a list entry, with the reasons that made the score, for the analyst who
 * reviews it and for the rules.
 *
 * @param entryId the entry's id ({@code ofac:306})
 * @param list the list's name
 * @param category the list's category (sanctions, no-fly, lost-stolen-documents, ...)
 * @param score 0 to 1
 * @param name the entry's primary name
 * @param matchedName the name or alias that matched best
 * @param reasons what agreed and what did not, e.g. "name 0.95 (ALI=ALI, HASAN~HASSAN 0.95)",
 *     "year of birth equal", "nationality differs"
 * @param entry the whole entry
 */
public record WatchlistMatch(
    String entryId,
    String list,
    String category,
    double score,
    String name,
    String matchedName,
    List<String> reasons,
    WatchlistEntry entry) {

  public WatchlistMatch {
    reasons = List.copyOf(reasons);
  }

  /** On the id and score only: the rules engine hashes every match it is given. */
  @Override
  public int hashCode() {
    return entryId.hashCode() * 31 + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "WatchlistMatch[" + entryId + ", " + category + ", " + String.format("%.3f", score) + "]";
  }
}
