package org.paxrisk.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * From hits to one score and a band. The formula (documented in {@code docs/rules.md}):
 *
 * <pre>score = round(100 × (1 − ∏ (1 − sᵢ / 100)))</pre>
 *
 * over the hits' scores sᵢ, counting each rule once at its highest score. So one hit scores its own
 * score, more hits push the total towards 100 but never past it, and a rule that fires for three
 * list entries does not count three times. The band is {@link Band#HIGH} from {@code high},
 * {@link Band#REVIEW} from {@code review}, else {@link Band#CLEAR}.
 *
 * @param review the lowest score that asks for a review
 * @param high the lowest score that is high
 */
public record Scoring(int review, int high) {
  /** Review from 30, high from 70. */
  public static final Scoring DEFAULT = new Scoring(30, 70);

  public Scoring {
    if (review < 1 || high < review || high > 100) {
      throw new IllegalArgumentException(
          "bands must satisfy 1 <= review <= high <= 100, got review=" + review + " high=" + high);
    }
  }

  /** The combined score of these hits, 0 to 100. */
  public int score(List<RiskHit> hits) {
    if (hits.isEmpty()) {
      return 0;
    }
    Map<String, Integer> best = new HashMap<>();
    for (RiskHit h : hits) {
      best.merge(h.rule(), h.score(), Math::max);
    }
    double clear = 1;
    for (int s : best.values()) {
      clear *= 1 - s / 100.0;
    }
    return (int) Math.round(100 * (1 - clear));
  }

  /** The band of a score. */
  public Band band(int score) {
    return score >= high ? Band.HIGH : score >= review ? Band.REVIEW : Band.CLEAR;
  }
}
