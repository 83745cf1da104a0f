package org.paxrisk.rules;

import java.util.Objects;

/**
 * One rule firing for one traveller: which rule, its metadata from the DRL annotations, and the
 * reason the rule wrote for the analyst who reviews the hit.
 *
 * @param rule the rule's name
 * @param category the rule's {@code @category}, e.g. {@code watchlist}, {@code booking}
 * @param severity the rule's {@code @severity}
 * @param score the rule's {@code @score}: its contribution, 0 to 100
 * @param reason what the rule found, in words a person can read
 */
public record RiskHit(String rule, String category, Severity severity, int score, String reason) {
  public RiskHit {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0 to 100: " + score);
    }
  }
}
