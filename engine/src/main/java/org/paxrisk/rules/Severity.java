package org.paxrisk.rules;

import java.util.Locale;

/** How serious a rule's hit is, from the rule's {@code @severity} annotation. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** Parses {@code low}, {@code medium} or {@code high} in any case; null if it is none of them. */
  static Severity parse(String text) {
    try {
      return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
