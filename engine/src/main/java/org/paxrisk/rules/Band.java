package org.paxrisk.rules;

/** What an assessment asks of the analyst: nothing, a review, or urgent attention. */
public enum Band {
  CLEAR,
  REVIEW,
  HIGH
}
