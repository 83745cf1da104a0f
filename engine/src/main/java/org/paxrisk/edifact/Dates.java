package org.paxrisk.edifact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.paxrisk.model.PartialDate;

/**
 * The date forms API and PNR messages use, parsed without exceptions: a value that is not a date
 * reads as null, and the mapper decides whether that is worth a warning.
 *
 * <p>Two-digit years are resolved against a reference date (the flight's departure where known):
 * a date of birth is never after it; other dates fall within 50 years either side of it.
 */
public final class Dates {
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };

  private Dates() {}

  /** A date of birth: YYMMDD (DTM 329), CCYYMMDD, or DDMMMYY (SSR DOCS); never after {@code ref}. */
  public static PartialDate birthDate(String text, LocalDate ref) {
    LocalDate d = anyDate(text, ref, true);
    return d == null ? null : PartialDate.of(d);
  }

  /** An expiry, issue or travel date in any of the forms above, within 50 years of {@code ref}. */
  public static LocalDate date(String text, LocalDate ref) {
    return anyDate(text, ref, false);
  }

  /** PNR date DDMMYY plus time HHMM (either may be null), as in TVL, RCI and DAT. */
  public static LocalDateTime ddmmyyTime(String date, String time, LocalDate ref) {
    if (date == null || date.length() != 6 || !digits(date)) {
      return null;
    }
    LocalDate d = ymd(twoDigit(num(date, 4, 2), ref, false), num(date, 2, 2), num(date, 0, 2));
    return d == null ? null : withTime(d, time);
  }

  /** DTM format 201 (YYMMDDHHMM), 203 (CCYYMMDDHHMM), 101 (YYMMDD) or 102 (CCYYMMDD). */
  public static LocalDateTime dateTime(String text, String format, LocalDate ref) {
    if (text == null || !digits(text)) {
      return null;
    }
    switch (text.length()) {
      case 10: {
        LocalDate d = ymd(twoDigit(num(text, 0, 2), ref, false), num(text, 2, 2), num(text, 4, 2));
        return d == null ? null : withTime(d, text.substring(6));
      }
      case 12: {
        LocalDate d = ymd(num(text, 0, 4), num(text, 4, 2), num(text, 6, 2));
        return d == null ? null : withTime(d, text.substring(8));
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
  public static LocalDate interchangeDate(String text) {
    return anyDate(text, LocalDate.now(), false);
  }

  private static LocalDate anyDate(String text, LocalDate ref, boolean birth) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (ref == null) {
      ref = LocalDate.now();
    }
    if (t.length() == 6 && digits(t)) {
      int yy = num(t, 0, 2);
      return birth ? birthYmd(yy, num(t, 2, 2), num(t, 4, 2), ref)
          : ymd(twoDigit(yy, ref, false), num(t, 2, 2), num(t, 4, 2));
    }
    if (t.length() == 8 && digits(t)) {
      return ymd(num(t, 0, 4), num(t, 4, 2), num(t, 6, 2));
    }
    if ((t.length() == 7 || t.length() == 9) && digits(t.substring(0, 2))) {
      int month = month(t.substring(2, 5));
      String y = t.substring(5);
      if (month == 0 || !digits(y)) {
        return null;
      }
      int day = num(t, 0, 2);
      if (y.length() == 4) {
        return ymd(Integer.parseInt(y), month, day);
      }
      int yy = Integer.parseInt(y);
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

  private static LocalDateTime withTime(LocalDate d, String time) {
    if (time == null || time.isBlank()) {
      return d.atStartOfDay();
    }
    String t = time.trim();
    if (t.length() < 4 || !digits(t.substring(0, 4))) {
      return d.atStartOfDay();
    }
    int h = num(t, 0, 2);
    int m = num(t, 2, 2);
    if (h == 24 && m == 0) {
      return d.plusDays(1).atStartOfDay();
    }
    if (h > 23 || m > 59) {
      return d.atStartOfDay();
    }
    return d.atTime(h, m);
  }

  private static LocalDate ymd(int y, int m, int d) {
    if (y < 1 || y > 9999) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int month(String mmm) {
    for (int i = 0; i < 12; i++) {
      if (MONTHS[i].equalsIgnoreCase(mmm)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int len) {
    return Integer.parseInt(s.substring(from, from + len));
  }
}
