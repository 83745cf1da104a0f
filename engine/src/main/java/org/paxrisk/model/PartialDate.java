package org.paxrisk.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date of which only some parts may be known, as in real travel data and watch lists: a full
 * date, a year and month, or a year alone. Unknown parts are 0; nothing is invented.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0)) {
      throw new IllegalArgumentException("invalid partial date " + year + "-" + month + "-" + day);
    }
    if (day != 0 && day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      throw new IllegalArgumentException("no such date " + year + "-" + month + "-" + day);
    }
  }

  public static PartialDate of(LocalDate d) {
    return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(year, 0, 0);
  }

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
   *
   * @throws IllegalArgumentException when the text is none of those
   */
  public static PartialDate parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    try {
      switch (t.length()) {
        case 4:
          return ofYear(Integer.parseInt(t));
        case 7:
          if (t.charAt(4) == '-') {
            return new PartialDate(
                Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)), 0);
          }
          break;
        case 10:
          return of(LocalDate.parse(t));
        default:
          break;
      }
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD)", e);
    }
    throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }

  /** Whether day and month are known. */
  public boolean isComplete() {
    return day != 0;
  }

  /** Whether only the year is known. */
  public boolean isYearOnly() {
    return month == 0;
  }

  /** The full date, or null when it is partial. */
  public LocalDate toLocalDate() {
    return day == 0 ? null : LocalDate.of(year, month, day);
  }

  /** Age in whole years on {@code date}, counting an unknown month/day as the middle of the span. */
  public int ageOn(LocalDate date) {
    int m = month == 0 ? 7 : month;
    int d = day == 0 ? 1 : day;
    int age = date.getYear() - year;
    if (date.getMonthValue() < m || (date.getMonthValue() == m && date.getDayOfMonth() < d)) {
      age--;
    }
    return age;
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = Integer.compare(year, o.year);
    if (c == 0) {
      c = Integer.compare(month, o.month);
    }
    return c != 0 ? c : Integer.compare(day, o.day);
  }

  /** ISO 8601 form of the known parts: {@code 1972}, {@code 1972-09} or {@code 1972-09-07}. */
  @Override
  public String toString() {
    // By hand: assessments print dates of birth by the million, and String.format is slow.
    StringBuilder sb = new StringBuilder(10);
    pad(sb, year, 4);
    if (month != 0) {
      pad(sb.append('-'), month, 2);
      if (day != 0) {
        pad(sb.append('-'), day, 2);
      }
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }
}
