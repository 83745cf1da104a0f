package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.paxrisk.model.Countries;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/**
 * Per entry, what scoring reads besides the name, packed in one long: the range of listed years of
 * birth, the nationality when there is exactly one, and the gender. Held on the heap for the whole
 * store (8 bytes an entry, {@code facts.bin} in the version's folder), so the matcher can tell that
 * a candidate cannot reach the threshold, whatever its name, without reading the entry: against a
 * million entries most candidates are namesakes born in another year.
 *
 * <p>Layout: bits 0-13 the earliest year of birth (0 when none is listed), 14-27 the latest,
 * 28-42 the nationality as a 15-bit alpha-3 code (0 none; {@link #SEVERAL} more than one or not a
 * code), 43-44 the gender (0 unknown, 1 male, 2 female), 45 set for entities, vessels and
 * aircraft (not people, not documents), 46-49 and 50-54 the month and day of birth when exactly
 * one complete date is listed (0 otherwise; stores built before they existed have 0 there), 55
 * set when no listed date is a single complete one, so that a date of birth can add no more than
 * an equal year does (0 in stores built before it existed: the ceiling is then the looser one).
 */
final class EntryFacts {
  static final String FILE = "facts.bin";
  /** {@link #years} of an entity, vessel or aircraft (a span no listing has). */
  static final short NOT_A_PERSON = (short) 0xFFFF;
  private static final int SEVERAL = 0x7FFF;

  private EntryFacts() {}

  static long of(WatchlistEntry e) {
    int min = 0;
    int max = 0;
    boolean yearsOnly = true;
    for (DateRange r : e.datesOfBirth()) {
      min = min == 0 ? r.from().year() : Math.min(min, r.from().year());
      max = Math.max(max, r.to().year());
      yearsOnly &= !(r.isSingle() && r.from().isComplete());
    }
    int nat = 0;
    if (e.nationalities().size() == 1) {
      nat = code(e.nationalities().get(0));
    } else if (e.nationalities().size() > 1) {
      nat = SEVERAL;
    }
    long monthDay = 0;
    if (e.datesOfBirth().size() == 1) {
      DateRange r = e.datesOfBirth().get(0);
      if (r.from().equals(r.to()) && r.from().isComplete()) {
        monthDay = (long) r.from().month() << 46 | (long) r.from().day() << 50;
      }
    }
    int gender = e.gender() == Gender.MALE ? 1 : e.gender() == Gender.FEMALE ? 2 : 0;
    boolean thing = e.kind() != WatchlistEntry.Kind.INDIVIDUAL
        && e.kind() != WatchlistEntry.Kind.DOCUMENT;
    return min | (long) max << 14 | (long) nat << 28 | (long) gender << 43
        | (thing ? 1L << 45 : 0) | monthDay | (yearsOnly ? YEARS_ONLY : 0);
  }

  /** The bit of entries whose listed dates of birth are all years or spans (see the layout). */
  private static final long YEARS_ONLY = 1L << 55;

  /** Whether the entry is an entity, vessel or aircraft: no traveller can be one. */
  static boolean notAPerson(long facts) {
    return (facts & 1L << 45) != 0;
  }

  /**
   * The most date of birth, nationality and gender can add to an entry's score for this query:
   * at least what {@link WatchlistMatcher} gives them (see its {@code dateOfBirth}, {@code
   * nationality} and {@code gender}).
   */
  static double ceiling(long facts, PartialDate dob, int nationality, Gender gender) {
    double c = 0;
    int min = (int) (facts & 0x3FFF);
    int month = (int) (facts >>> 46 & 0xF);
    if (dob != null && month != 0 && dob.isComplete()) {
      // One complete date listed: what scoring gives, exactly.
      c += WatchlistMatcher.completeDateScore(min, month, (int) (facts >>> 50 & 0x1F), dob);
    } else if (dob != null && min != 0) {
      int max = (int) (facts >>> 14 & 0x3FFF);
      // Years against years score as years do: exactly, when one span is listed. Against a
      // complete date, which the facts cannot tell from another of its year, the most a date may.
      c += (facts & YEARS_ONLY) != 0 || !dob.isComplete()
          ? WatchlistMatcher.yearScore(min, max, dob.year()) : dateCeiling(min, max, dob);
    }
    int nat = (int) (facts >>> 28 & 0x7FFF);
    if (nationality != 0 && nat != 0) {
      c += nat == SEVERAL || nat == nationality ? 0.02 : -0.05;
    }
    int g = (int) (facts >>> 43 & 3);
    int q = gender == Gender.MALE ? 1 : gender == Gender.FEMALE ? 2 : 0;
    if (g != 0 && q != 0 && g != q) {
      c -= 0.1;
    }
    return c;
  }

  /**
   * The listed years of birth of {@code facts} in 16 bits, for a table a quarter of the size of
   * the facts that stays in the processor's cache: the earliest year from 1850 (9 bits) and the
   * span (7 bits); 0 when none is listed, or the years do not fit (then nothing is pruned);
   * {@link #NOT_A_PERSON} for entities, vessels and aircraft.
   */
  static short years(long facts) {
    if (notAPerson(facts)) {
      return NOT_A_PERSON;
    }
    int min = (int) (facts & 0x3FFF);
    int max = (int) (facts >>> 14 & 0x3FFF);
    if (min <= YEAR_BASE || min > YEAR_BASE + 511 || max - min > 126) {
      return 0;
    }
    return (short) (stored(min) << 7 | (max - min));
  }

  private static final int YEAR_BASE = 1850;

  /** A year as {@link #earliest} gives it: years since 1850. */
  static int stored(int year) {
    return year - YEAR_BASE;
  }

  /** The earliest listed year of {@link #years} (not 0 or {@link #NOT_A_PERSON}), as stored. */
  static int earliest(short years) {
    return (years & 0xFFFF) >>> 7;
  }

  /** How many years after {@link #earliest} the listed ones end. */
  static int span(short years) {
    return years & 0x7F;
  }

  /**
   * What a date of birth can add, from {@link #years}: {@link WatchlistMatcher#DOB_DIFFERS} when
   * it contradicts every listed year, else (or when unknown) at most 0.08.
   */
  static double dateCeiling(short years, PartialDate dob) {
    if (years == 0 || years == NOT_A_PERSON || dob == null) {
      return dob != null ? 0.08 : 0;
    }
    int min = YEAR_BASE + earliest(years);
    return dateCeiling(min, min + span(years), dob);
  }

  /** Outside every listed year by more than one, every listed date gives DOB_DIFFERS. */
  private static double dateCeiling(int min, int max, PartialDate dob) {
    return dob.year() < min - 1 || dob.year() > max + 1 ? WatchlistMatcher.DOB_DIFFERS : 0.08;
  }

  /** An alpha-3 country code as 15 bits (1 to 17,576); {@link #SEVERAL} for anything else. */
  static int code(String alpha3) {
    if (alpha3 == null || alpha3.length() != 3) {
      return SEVERAL;
    }
    int c = 0;
    for (int i = 0; i < 3; i++) {
      char ch = alpha3.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        return SEVERAL;
      }
      c = c * 26 + (ch - 'A');
    }
    return c + 1;
  }

  /** The query's nationality as {@link #code}, 0 when it has none. */
  static int queryCode(String nationality) {
    String a = Countries.alpha3(nationality);
    return a == null ? 0 : code(a);
  }

  static void write(Path file, long[] facts) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(facts.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(facts);
    Files.write(file, b.array());
  }

  /** The facts of {@code n} entries, or null when the file is missing or of another size. */
  static long[] read(Path file, int n) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != n * 8L) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // fill
      }
      b.flip();
      long[] out = new long[n];
      b.asLongBuffer().get(out);
      return out;
    }
  }
}
