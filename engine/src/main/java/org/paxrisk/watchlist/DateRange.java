package org.paxrisk.watchlist;

import java.util.Objects;
import org.paxrisk.model.PartialDate;

/**
 * A listed date of birth: an exact date ({@code from == to}, complete), a year or month alone
 * (partial dates), or a range such as "between 1960 and 1962".
 */
public record DateRange(PartialDate from, PartialDate to) {

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.compareTo(from) < 0) {
      throw new IllegalArgumentException("date range ends before it starts");
    }
  }

  /** One date, complete or partial. */
  public static DateRange of(PartialDate date) {
    return new DateRange(date, date);
  }

  /** From the first to the last year, inclusive. */
  public static DateRange years(int from, int to) {
    return new DateRange(PartialDate.ofYear(from), PartialDate.ofYear(to));
  }

  /** Whether this is a single date (complete or partial) rather than a span. */
  public boolean isSingle() {
    return from.equals(to);
  }

  @Override
  public String toString() {
    return isSingle() ? from.toString() : from + ".." + to;
  }
}
