package org.paxrisk.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;
import org.paxrisk.watchlist.DateRange;
import org.paxrisk.watchlist.ImportReport;
import org.paxrisk.watchlist.ListImporter;
import org.paxrisk.watchlist.ListedDocument;
import org.paxrisk.watchlist.ListedName;
import org.paxrisk.watchlist.WatchlistEntry;

/**
 * Seeded synthetic watch-list entries, for benchmarks and fault tests that need lists far larger
 * than the public ones: people from the generator's name tables (21 cultures), with aliases that
 * vary as real ones do (order swapped, a middle name dropped or added, a letter changed), dates of
 * birth that are exact, year-only or a range, nationalities and passport numbers. Same seed, same
 * entries.
 */
public final class ListGenerator {
  private final long seed;

  private ListGenerator(long seed) {
    this.seed = seed;
  }

  public static ListGenerator withSeed(long seed) {
    return new ListGenerator(seed);
  }

  /** Hands {@code count} entries of list {@code list} to {@code sink}. */
  public void generate(String list, int count, Consumer<WatchlistEntry> sink) {
    generate(list, WatchlistEntry.NO_FLY, count, sink);
  }

  /** Generates {@code count} entries of one list category into {@code sink}. */
  public void generate(String list, String category, int count, Consumer<WatchlistEntry> sink) {
    Tables tables = Tables.get();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      sink.accept(entry(tables, rnd, list, category, i));
    }
  }

  /** An importer that generates {@code count} entries instead of reading files. */
  public ListImporter importer(int count, String category) {
    return new ListImporter() {
      @Override
      public String format() {
        return "generated";
      }

      @Override
      public String defaultCategory() {
        return category;
      }

      @Override
      public ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink) {
        long[] aliases = {0};
        generate(list, category, count, e -> {
          aliases[0] += e.names().size() - 1;
          sink.accept(e);
        });
        return new ImportReport(list, "generated", count, count, aliases[0], List.of());
      }
    };
  }

  private static WatchlistEntry entry(Tables t, SplittableRandom rnd, String list,
      String category, int i) {
    Tables.Culture c = t.cultures.get(rnd.nextInt(t.cultures.size()));
    boolean female = rnd.nextBoolean();
    List<String> givens = female ? c.female : c.male;
    String given = givens.get(rnd.nextInt(givens.size()));
    String middle = rnd.nextInt(3) == 0 ? givens.get(rnd.nextInt(givens.size())) : null;
    String surname = c.surnames.get(rnd.nextInt(c.surnames.size()));
    List<ListedName> names = new ArrayList<>(4);
    String full = given + (middle == null ? "" : " " + middle) + " " + surname;
    names.add(new ListedName(full, surname, middle == null ? given : given + " " + middle,
        ListedName.Type.PRIMARY, false));
    int aliases = rnd.nextInt(4);
    for (int a = 0; a < aliases; a++) {
      String alias;
      switch (rnd.nextInt(4)) {
        case 0:
          alias = surname + " " + given;
          break;
        case 1:
          alias = given + " " + givens.get(rnd.nextInt(givens.size())) + " " + surname;
          break;
        case 2:
          alias = given + " " + typo(surname, rnd);
          break;
        default:
          alias = typo(given, rnd) + " " + surname;
      }
      names.add(new ListedName(alias, null, null, ListedName.Type.ALIAS, rnd.nextInt(5) == 0));
    }
    int year = 1940 + rnd.nextInt(65);
    List<DateRange> dobs = new ArrayList<>(1);
    int kind = rnd.nextInt(10);
    if (kind < 6) {
      dobs.add(DateRange.of(new PartialDate(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))));
    } else if (kind < 9) {
      dobs.add(DateRange.of(PartialDate.ofYear(year)));
    } else {
      dobs.add(DateRange.years(year, year + 2));
    }
    Tables.Country home = c.homes.isEmpty() ? t.countries.get(rnd.nextInt(t.countries.size()))
        : c.homes.get(rnd.nextInt(c.homes.size()));
    List<ListedDocument> docs = new ArrayList<>(1);
    if (rnd.nextBoolean()) {
      docs.add(new ListedDocument("P", passport(rnd), home.iso3));
    }
    return new WatchlistEntry(list + ":g" + i, list, category, WatchlistEntry.Kind.INDIVIDUAL,
        names, dobs, female ? Gender.FEMALE : Gender.MALE, List.of(home.iso3), docs, null);
  }

  private static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 4) {
      return s;
    }
    char[] c = s.toCharArray();
    int k = 1 + rnd.nextInt(c.length - 2);
    c[k] = (char) ('A' + rnd.nextInt(26));
    return new String(c);
  }

  private static String passport(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(9);
    sb.append((char) ('A' + rnd.nextInt(26))).append((char) ('A' + rnd.nextInt(26)));
    for (int i = 0; i < 7; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }
}
