package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/** The facts' ceiling is never below what scoring gives date of birth, nationality and gender. */
class EntryFactsTest {
  private static final String[] COUNTRIES = {"IRQ", "SYR", "GBR", "Iraq", "XX"};
  private static final Gender[] GENDERS = Gender.values();

  @Test
  void ceilingBoundsTheScore() {
    SplittableRandom rnd = new SplittableRandom(11);
    int tight = 0;
    int completeDates = 0;
    int yearDates = 0;
    for (int i = 0; i < 200_000; i++) {
      List<DateRange> dobs = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        dobs.add(rnd.nextBoolean() ? DateRange.of(date(rnd))
            : DateRange.years(1950 + rnd.nextInt(10), 1960 + rnd.nextInt(10)));
      }
      List<String> nats = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        nats.add(COUNTRIES[rnd.nextInt(COUNTRIES.length)]);
      }
      Gender listed = GENDERS[rnd.nextInt(GENDERS.length)];
      WatchlistEntry e = new WatchlistEntry("t:" + i, "t", WatchlistEntry.SANCTIONS,
          WatchlistEntry.Kind.INDIVIDUAL, List.of(new ListedName("A B", null, null,
              ListedName.Type.PRIMARY, false)), dobs, listed, nats, List.of(), null);
      PartialDate dob = rnd.nextInt(5) == 0 ? null
          : !dobs.isEmpty() && rnd.nextBoolean() ? near(dobs.get(0).from(), rnd) : date(rnd);
      String nat = rnd.nextInt(5) == 0 ? null : COUNTRIES[rnd.nextInt(COUNTRIES.length)];
      Gender g = GENDERS[rnd.nextInt(GENDERS.length)];

      int[] packed = new int[dobs.size() * 2];
      for (int k = 0; k < dobs.size(); k++) {
        packed[2 * k] = EntryCodec.pack(dobs.get(k).from());
        packed[2 * k + 1] = EntryCodec.pack(dobs.get(k).to());
      }
      double actual = WatchlistMatcher.dateOfBirth(packed, dob, null)
          + WatchlistMatcher.nationality(nats.toArray(String[]::new), nat, null)
          + WatchlistMatcher.gender(listed, g, null);
      double ceiling = EntryFacts.ceiling(EntryFacts.of(e), dob, EntryFacts.queryCode(nat), g);
      assertTrue(ceiling >= actual - 1e-12, () -> e + " " + dob + " " + nat + " " + g
          + ": ceiling " + ceiling + " < " + actual);
      tight += Math.abs(ceiling - actual) < 1e-12 ? 1 : 0;
      double date = WatchlistMatcher.dateOfBirth(packed, dob, null);
      if (dobs.size() == 1 && dobs.get(0).from().equals(dobs.get(0).to())
          && dobs.get(0).from().isComplete() && dob != null && dob.isComplete()) {
        // One complete date each: the facts know the date's part of the score exactly.
        assertEquals(date, EntryFacts.ceiling(EntryFacts.of(e), dob, 0, Gender.UNKNOWN), 1e-12,
            () -> dobs + " " + dob);
        completeDates++;
      } else if (dobs.size() == 1 && dob != null) {
        // One listed date or span, and not both complete: the facts know it as years, exactly.
        assertEquals(date, EntryFacts.ceiling(EntryFacts.of(e), dob, 0, Gender.UNKNOWN), 1e-12,
            () -> dobs + " " + dob);
        yearDates++;
      }
      double fromYears = EntryFacts.dateCeiling(EntryFacts.years(EntryFacts.of(e)), dob);
      assertTrue(fromYears >= date - 1e-12, () -> dobs + " " + dob + ": " + fromYears);
    }
    // A ceiling of +0.1 everywhere would pass too: most must be exact to prune anything.
    assertTrue(tight > 90_000, "exact ceilings: " + tight);
    assertTrue(completeDates > 10_000, "complete dates compared: " + completeDates);
    assertTrue(yearDates > 10_000, "years compared: " + yearDates);
  }

  @Test
  void entitiesAreNotPeople() {
    WatchlistEntry vessel = new WatchlistEntry("v", "t", WatchlistEntry.SANCTIONS,
        WatchlistEntry.Kind.VESSEL, List.of(new ListedName("NOOR", null, null,
            ListedName.Type.PRIMARY, false)), List.of(), Gender.UNKNOWN, List.of(), List.of(), null);
    assertTrue(EntryFacts.notAPerson(EntryFacts.of(vessel)));
    assertTrue(EntryFacts.years(EntryFacts.of(vessel)) == EntryFacts.NOT_A_PERSON);
  }

  /**
   * The matcher's year window, two comparisons of ints, admits exactly the years that {@link
   * EntryFacts#dateCeiling} does not rule out: every 16-bit value, every year of birth from 1800
   * to 2400, none, and both kinds of query.
   */
  @Test
  void yearWindowIsTheDateCeiling() {
    for (boolean person : new boolean[] {true, false}) {
      for (int year = 1799; year <= 2400; year++) {
        PartialDate dob = year == 1799 ? null : PartialDate.ofYear(year);
        WatchlistMatcher.YearWindow window = new WatchlistMatcher.YearWindow(dob, person);
        for (int v = 0; v <= 0xFFFF; v++) {
          short y = (short) v;
          boolean expected = y == EntryFacts.NOT_A_PERSON ? !person
              : dob == null || EntryFacts.dateCeiling(y, dob) > WatchlistMatcher.DOB_DIFFERS;
          int years = v;
          assertEquals(expected, window.admits(y), () -> "years " + years + ", born " + dob);
        }
      }
    }
  }

  /**
   * On a page in year order, the year window picks the same entries as it does testing every
   * entry of the page in id order: random pages (no years, single years, spans short and long,
   * entities) against every year of birth from 1800 to 2100, none, and both kinds of query.
   */
  @Test
  void yearOrderPicksWhatIdOrderPicks() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int round = 0; round < 300; round++) {
      int size = rnd.nextInt(40);
      int[] ids = new int[size + 1];
      short[] years = new short[size + 1];
      ids[0] = size;
      int spanMost = round % 3 == 0 ? 1 : round % 3 == 1 ? 6 : 126;
      for (int i = 1; i <= size; i++) {
        ids[i] = ids[i - 1] + 1 + rnd.nextInt(5);
        int kind = rnd.nextInt(10);
        int span = rnd.nextInt(spanMost + 1);
        years[i] = kind == 0 ? 0 : kind == 1 ? EntryFacts.NOT_A_PERSON
            : (short) (EntryFacts.stored(1900 + rnd.nextInt(100)) << 7 | span);
      }
      StoreVersion.Page byId = new StoreVersion.Page(ids, years, -1);
      StoreVersion.Page byYear = byId.byYear();
      assertTrue(byYear.inYearOrder());
      for (int i = 2; i <= size; i++) {
        assertTrue(StoreVersion.Page.latest(byYear.years()[i - 1])
            <= StoreVersion.Page.latest(byYear.years()[i]));
      }
      for (boolean person : new boolean[] {true, false}) {
        for (int year = 1799; year <= 2100; year++) {
          PartialDate dob = year == 1799 ? null : PartialDate.ofYear(year);
          WatchlistMatcher.YearWindow window = new WatchlistMatcher.YearWindow(dob, person);
          int page = round;
          boolean people = person;
          assertEquals(picked(window, byId), picked(window, byYear),
              () -> "page " + page + ", born " + dob + ", person " + people);
        }
      }
    }
  }

  private static java.util.Set<Integer> picked(WatchlistMatcher.YearWindow window,
      StoreVersion.Page page) {
    int[] picked = new int[page.ids().length];
    int n = window.pick(page, picked);
    java.util.Set<Integer> ids = new java.util.TreeSet<>();
    for (int k = 0; k < n; k++) {
      assertTrue(ids.add(page.ids()[picked[k]]), "picked twice");
    }
    return ids;
  }

  /** A date close to {@code d}: equal, swapped, one field changed, or two. */
  private static PartialDate near(PartialDate d, SplittableRandom rnd) {
    if (!d.isComplete()) {
      return d;
    }
    int y = d.year();
    int m = d.month();
    int day = d.day();
    return switch (rnd.nextInt(6)) {
      case 0 -> d;
      case 1 -> m <= 12 && day <= 12 ? new PartialDate(y, day, m) : d;
      case 2 -> new PartialDate(y, m, 1 + rnd.nextInt(28));
      case 3 -> new PartialDate(y, 1 + rnd.nextInt(12), day);
      case 4 -> new PartialDate(y + (rnd.nextBoolean() ? 1 : -1), m, day);
      default -> new PartialDate(y, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    };
  }

  private static PartialDate date(SplittableRandom rnd) {
    int y = 1945 + rnd.nextInt(30);
    return switch (rnd.nextInt(3)) {
      case 0 -> PartialDate.ofYear(y);
      default -> new PartialDate(y, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    };
  }
}
