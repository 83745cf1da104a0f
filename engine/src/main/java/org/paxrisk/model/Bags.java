package org.paxrisk.model;

import java.util.List;

/**
 * Checked bags.
 *
 * @param count number of bags, or null when not sent
 * @param weightKg total weight in kilograms, or null when not sent
 * @param tags bag tag numbers
 */
public record Bags(Integer count, Double weightKg, List<String> tags) {
  public static final Bags NONE = new Bags(null, null, List.of());

  public Bags {
    tags = List.copyOf(tags);
  }

  /** Whether nothing at all is known about bags. */
  public boolean isUnknown() {
    return count == null && weightKg == null && tags.isEmpty();
  }
}
