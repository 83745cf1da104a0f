package org.paxrisk.edifact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.paxrisk.model.PartialDate;

/**
 * The date forms API and PNR messages use, parsed without exceptions and without allocating
 * intermediate strings: a value that is not a date reads as null, and the mapper decides whether
 * that is worth a warning. Inputs are CharSequences, so a {@link Segment#view} can be parsed as is.
 *
 * <p>Two-digit years are resolved against a reference date (the flight's departure where known):
 * a date of birth is never after it; other dates fall within 50 years either side of it.
 */
public final class Dates {
  private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

  private Dates() {}

  /** A date of birth: YYMMDD (DTM 329), CCYYMMDD, or DDMMMYY (SSR DOCS); never after {@code ref}. */
  public static PartialDate birthDate(CharSequence text, LocalDate ref) {
    LocalDate d = anyDate(text, ref, true);
    return d == null ? null : PartialDate.of(d);
  }

  /** An expiry, issue or travel date in any of the forms above, within 50 years of {@code ref}. */
  public static LocalDate date(CharSequence text, LocalDate ref) {
    return anyDate(text, ref, false);
  }

  /** PNR date DDMMYY plus time HHMM (either may be null), as in TVL, RCI and DAT. */
  public static LocalDateTime ddmmyyTime(CharSequence date, CharSequence time, LocalDate ref) {
    if (date == null || date.length() != 6 || !digits(date, 0, 6)) {
      return null;
    }
    LocalDate d = ymd(twoDigit(num(date, 4, 2), ref(ref), false), num(date, 2, 2), num(date, 0, 2));
    return d == null ? null : withTime(d, time);
  }

  /**
   * DTM format 201 (YYMMDDHHMM), 203 (CCYYMMDDHHMM), 101 (YYMMDD) or 102 (CCYYMMDD), told apart by
   * length (senders get the format code wrong more often than the digits).
   */
  public static LocalDateTime dateTime(CharSequence text, LocalDate ref) {
    if (text == null || !digits(text, 0, text.length())) {
      return null;
    }
    switch (text.length()) {
      case 10: {
        LocalDate d =
            ymd(twoDigit(num(text, 0, 2), ref(ref), false), num(text, 2, 2), num(text, 4, 2));
        return d == null ? null : withTime(d, text, 6);
      }
      case 12: {
        LocalDate d = ymd(num(text, 0, 4), num(text, 4, 2), num(text, 6, 2));
        return d == null ? null : withTime(d, text, 8);
      }
      case 6:
      case 8: {
        LocalDate d = anyDate(text, ref, false);
        return d == null ? null : d.atStartOfDay();
      }
      default:
        return null;
    }
  }

  /** The date of UNB element 4 (YYMMDD or CCYYMMDD), or null. */
  public static LocalDate interchangeDate(CharSequence text) {
    return anyDate(text, LocalDate.now(), false);
  }

  private static LocalDate ref(LocalDate ref) {
    return ref == null ? LocalDate.now() : ref;
  }

  private static LocalDate anyDate(CharSequence t, LocalDate ref, boolean birth) {
    if (t == null) {
      return null;
    }
    ref = ref(ref);
    int n = t.length();
    if (n == 6 && digits(t, 0, 6)) {
      int yy = num(t, 0, 2);
      return birth ? birthYmd(yy, num(t, 2, 2), num(t, 4, 2), ref)
          : ymd(twoDigit(yy, ref, false), num(t, 2, 2), num(t, 4, 2));
    }
    if (n == 8 && digits(t, 0, 8)) {
      return ymd(num(t, 0, 4), num(t, 4, 2), num(t, 6, 2));
    }
    if ((n == 7 || n == 9) && digits(t, 0, 2) && digits(t, 5, n)) {
      int month = month(t, 2);
      if (month == 0) {
        return null;
      }
      int day = num(t, 0, 2);
      if (n == 9) {
        return ymd(num(t, 5, 4), month, day);
      }
      int yy = num(t, 5, 2);
      return birth ? birthYmd(yy, month, day, ref) : ymd(twoDigit(yy, ref, false), month, day);
    }
    return null;
  }

  private static LocalDate birthYmd(int yy, int month, int day, LocalDate ref) {
    int year = twoDigit(yy, ref, true);
    LocalDate d = ymd(year, month, day);
    if (d != null && d.isAfter(ref)) {
      d = ymd(year - 100, month, day);
    }
    return d;
  }

  /** Century for a two-digit year: births in the past, other dates within 50 years of ref. */
  private static int twoDigit(int yy, LocalDate ref, boolean birth) {
    int century = ref.getYear() / 100 * 100;
    int year = century + yy;
    if (birth) {
      return year > ref.getYear() ? year - 100 : year;
    }
    if (year > ref.getYear() + 50) {
      return year - 100;
    }
    if (year < ref.getYear() - 49) {
      return year + 100;
    }
    return year;
  }

  private static LocalDateTime withTime(LocalDate d, CharSequence time) {
    return time == null ? d.atStartOfDay() : withTime(d, time, 0);
  }

  /** HHMM starting at {@code from}; anything else (or nothing) is midnight. */
  private static LocalDateTime withTime(LocalDate d, CharSequence t, int from) {
    if (t.length() - from < 4 || !digits(t, from, from + 4)) {
      return d.atStartOfDay();
    }
    int h = num(t, from, 2);
    int m = num(t, from + 2, 2);
    if (h == 24 && m == 0) {
      return d.plusDays(1).atStartOfDay();
    }
    if (h > 23 || m > 59) {
      return d.atStartOfDay();
    }
    return d.atTime(h, m);
  }

  private static LocalDate ymd(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null; // 31 April, 29 February of a common year
    }
  }

  private static int month(CharSequence t, int from) {
    for (int i = 0; i < 12; i++) {
      if (upper(t.charAt(from)) == MONTHS.charAt(i * 3)
          && upper(t.charAt(from + 1)) == MONTHS.charAt(i * 3 + 1)
          && upper(t.charAt(from + 2)) == MONTHS.charAt(i * 3 + 2)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  private static boolean digits(CharSequence s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Digits already checked by the caller. */
  private static int num(CharSequence s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
