package org.paxrisk.watchlist;

/**
 * Matching thresholds, configuration rather than code.
 *
 * @param threshold the lowest score reported as a match
 * @param maxMatches at most this many matches per traveller, best first
 * @param candidates how many candidates from the indexes are scored in full
 */
public record MatchSettings(double threshold, int maxMatches, int candidates) {
  public static final MatchSettings DEFAULTS = new MatchSettings(0.75, 10, 24);

  public MatchSettings {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
    }
    if (maxMatches < 1 || candidates < 1) {
      throw new IllegalArgumentException("maxMatches and candidates must be positive");
    }
  }

  public MatchSettings withThreshold(double t) {
    return new MatchSettings(t, maxMatches, candidates);
  }
}
