package org.paxrisk.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/**
 * PaxRisk's own watch-list CSV: a header row naming the columns, one listed person (or entity,
 * vessel, aircraft, document) a row. The format is specified in {@code docs/watchlist-formats.md};
 * the column names are {@link #COLUMNS}.
 *
 * <p>Implementation note: RFC 4180 CSV in UTF-8 (a byte-order mark is skipped), read by Commons CSV
 * with {@code #} comment lines and empty lines allowed. The header is read as the first record so
 * that its columns can be checked and reported like any row. Each row becomes an entry or a
 * rejection; a rejection names the line and the column and never quotes the value, because the
 * values are personal data. Only ids are remembered across rows (to reject duplicates).
 */
final class CsvImporter implements ListImporter {
  /** The category of rows that leave the category column empty. */
  static final String DEFAULT_CATEGORY = "watch";

  /** The columns, in the order the documentation lists them. */
  static final List<String> COLUMNS = List.of("list", "id", "category", "kind", "surname",
      "given_names", "full_name", "aliases", "date_of_birth", "gender", "nationalities",
      "documents", "remarks");

  /** Separates several values in one field. */
  static final char ITEM_SEPARATOR = '|';

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setIgnoreEmptyLines(true)
      .get();
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern DOCUMENT_TYPE = Pattern.compile("[A-Z0-9]{1,3}");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String defaultCategory() {
    return DEFAULT_CATEGORY;
  }

  @Override
  public ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink)
      throws IOException {
    for (Path f : files) {
      Importers.requireReadable(f, format());
    }
    Importers.Counts counts = new Importers.Counts();
    Map<String, String> firstSeen = new HashMap<>(); // id -> file:line of its first row
    for (Path f : files) {
      readFile(f, list, counts, firstSeen, sink);
    }
    return counts.report(list, format());
  }

  private void readFile(Path file, String list, Importers.Counts counts,
      Map<String, String> firstSeen, Consumer<WatchlistEntry> sink) throws IOException {
    try (Reader in = Importers.utf8(file);
        CSVParser p = CSVParser.parse(in, FORMAT)) {
      int[] col = null;
      int width = 0;
      for (CSVRecord r : p) {
        long line = OfacImporter.startLine(p, r);
        if (col == null) {
          col = header(r, file, line, counts);
          if (col == null) {
            return; // a header without the required columns: nothing in this file can be read
          }
          width = r.size();
          continue;
        }
        counts.rowsRead++;
        if (r.size() != width) {
          counts.reject(file, line, "row has " + r.size() + " fields, the header has " + width);
          continue;
        }
        Row row = new Row(r, col);
        String reason = row.check(list);
        WatchlistEntry e = null;
        if (reason == null) {
          try {
            e = row.entry(list);
          } catch (Reject x) {
            reason = x.getMessage();
          }
        }
        if (reason == null) {
          String where = Importers.name(file) + ":" + line;
          String first = firstSeen.putIfAbsent(e.id(), where);
          if (first != null) {
            reason = "id: duplicate of the row at " + first;
          }
        }
        if (reason != null) {
          counts.reject(file, line, reason);
        } else {
          counts.accept(e, sink);
        }
      }
      if (col == null) {
        counts.reject(file, 1, "no header row");
      }
    } catch (CharacterCodingException | UncheckedIOException | IllegalStateException e) {
      throw Importers.csvFailure(format(), file, e);
    }
  }

  /**
   * The index of each known column in the header, -1 where absent; null (and a rejection) when a
   * required column is missing or a column is named twice. Unknown columns are reported and
   * ignored.
   */
  private static int[] header(CSVRecord r, Path file, long line, Importers.Counts counts) {
    int[] col = new int[COLUMNS.size()];
    Arrays.fill(col, -1);
    for (int i = 0; i < r.size(); i++) {
      String name = r.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      int c = COLUMNS.indexOf(name);
      if (c < 0) {
        counts.reject(file, line, "header: unknown column '" + name + "' ignored (the columns"
            + " are " + String.join(", ", COLUMNS) + ")");
      } else if (col[c] >= 0) {
        counts.reject(file, line, "header: column '" + name + "' named twice; file not read");
        return null;
      } else {
        col[c] = i;
      }
    }
    if (col[COLUMNS.indexOf("id")] < 0) {
      counts.reject(file, line, "header: no id column; file not read");
      return null;
    }
    if (col[COLUMNS.indexOf("full_name")] < 0 && col[COLUMNS.indexOf("surname")] < 0
        && col[COLUMNS.indexOf("given_names")] < 0 && col[COLUMNS.indexOf("documents")] < 0) {
      counts.reject(file, line,
          "header: no name column (full_name, surname, given_names) and no documents column;"
              + " file not read");
      return null;
    }
    return col;
  }

  /** A row that cannot be imported, with its reason (which must not quote personal values). */
  private static final class Reject extends Exception {
    private static final long serialVersionUID = 1L;

    Reject(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One data row, by column name. */
  private static final class Row {
    private final CSVRecord r;
    private final int[] col;

    Row(CSVRecord r, int[] col) {
      this.r = r;
      this.col = col;
    }

    /** The stripped value of a column; null when the column is absent or the value blank. */
    String get(String column) {
      int i = col[COLUMNS.indexOf(column)];
      if (i < 0) {
        return null;
      }
      String v = r.get(i).strip();
      return v.isEmpty() ? null : v;
    }

    /** The reason this row belongs to no entry of this list, or null. */
    String check(String list) {
      String l = get("list");
      if (l != null && !l.equals(list)) {
        return "list: the row is for list '" + l + "', not for '" + list + "' being imported";
      }
      if (get("id") == null) {
        return "id: missing";
      }
      return null;
    }

    WatchlistEntry entry(String list) throws Reject {
      String category = get("category");
      if (category == null) {
        category = DEFAULT_CATEGORY;
      } else if (!CATEGORY.matcher(category).matches()) {
        throw new Reject("category: not lower-case letters, digits and hyphens");
      }
      WatchlistEntry.Kind kind = kind(get("kind"));
      boolean person = kind == WatchlistEntry.Kind.INDIVIDUAL;
      List<ListedName> names = new ArrayList<>(2);
      String surname = get("surname");
      String given = get("given_names");
      String full = get("full_name");
      if (full != null || surname != null || given != null) {
        String name = full != null ? full
            : given == null ? surname
            : surname == null ? given
            : given + " " + surname;
        names.add(new ListedName(name, surname, given, ListedName.Type.PRIMARY, false));
      } else if (kind != WatchlistEntry.Kind.DOCUMENT) {
        throw new Reject("name: missing (give full_name, or surname and/or given_names)");
      }
      for (String a : items(get("aliases"))) {
        if (names.isEmpty()) {
          throw new Reject("aliases: given without a primary name");
        }
        names.add(OfacImporter.name(a, ListedName.Type.ALIAS, false, person));
      }
      List<DateRange> dates = new ArrayList<>(1);
      int n = 0;
      for (String d : items(get("date_of_birth"))) {
        n++;
        DateRange range = dateRange(d, n);
        if (!dates.contains(range)) {
          dates.add(range);
        }
      }
      Gender gender = gender(get("gender"));
      List<String> nationalities = new ArrayList<>(1);
      n = 0;
      for (String c : items(get("nationalities"))) {
        n++;
        String a3 = CountryNames.code(c);
        if (a3 == null) {
          throw new Reject("nationalities: item " + n
              + " is not an ISO 3166 alpha-2 or alpha-3 code");
        }
        if (!nationalities.contains(a3)) {
          nationalities.add(a3);
        }
      }
      List<ListedDocument> documents = new ArrayList<>(1);
      n = 0;
      for (String d : items(get("documents"))) {
        n++;
        ListedDocument doc = document(d, n);
        if (!documents.contains(doc)) {
          documents.add(doc);
        }
      }
      if (kind == WatchlistEntry.Kind.DOCUMENT && documents.isEmpty()) {
        throw new Reject("documents: missing (kind document lists a document)");
      }
      return new WatchlistEntry(list + ":" + get("id"), list, category, kind, names, dates,
          gender, nationalities, documents, get("remarks"));
    }
  }

  /** individual (the default), entity, vessel, aircraft, document; any case. */
  static WatchlistEntry.Kind kind(String kind) throws Reject {
    if (kind == null) {
      return WatchlistEntry.Kind.INDIVIDUAL;
    }
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "individual":
        return WatchlistEntry.Kind.INDIVIDUAL;
      case "entity":
        return WatchlistEntry.Kind.ENTITY;
      case "vessel":
        return WatchlistEntry.Kind.VESSEL;
      case "aircraft":
        return WatchlistEntry.Kind.AIRCRAFT;
      case "document":
        return WatchlistEntry.Kind.DOCUMENT;
      default:
        throw new Reject("kind: not individual, entity, vessel, aircraft or document");
    }
  }

  /** M, F, X, U in any case; empty is U. */
  static Gender gender(String g) throws Reject {
    if (g == null) {
      return Gender.UNKNOWN;
    }
    switch (g.toUpperCase(Locale.ROOT)) {
      case "M":
        return Gender.MALE;
      case "F":
        return Gender.FEMALE;
      case "X":
        return Gender.UNSPECIFIED;
      case "U":
        return Gender.UNKNOWN;
      default:
        throw new Reject("gender: not M, F, X or U");
    }
  }

  /** {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, or two of those joined by {@code ..}. */
  static DateRange dateRange(String text, int item) throws Reject {
    int dots = text.indexOf("..");
    try {
      if (dots < 0) {
        return DateRange.of(PartialDate.parse(text));
      }
      PartialDate from = PartialDate.parse(text.substring(0, dots));
      PartialDate to = PartialDate.parse(text.substring(dots + 2));
      if (to.compareTo(from) < 0) {
        throw new Reject("date_of_birth: item " + item + " is a range that ends before it"
            + " starts");
      }
      return new DateRange(from, to);
    } catch (IllegalArgumentException e) {
      throw new Reject("date_of_birth: item " + item
          + " is not YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO");
    }
  }

  /** {@code NUMBER}, {@code TYPE:NUMBER} or {@code TYPE:NUMBER:COUNTRY}; type and country empty. */
  static ListedDocument document(String text, int item) throws Reject {
    String[] parts = text.split(":", -1);
    if (parts.length > 3) {
      throw new Reject("documents: item " + item + " has more than TYPE:NUMBER:COUNTRY");
    }
    String type = parts.length > 1 ? parts[0].strip().toUpperCase(Locale.ROOT) : "";
    String number = (parts.length > 1 ? parts[1] : parts[0]).strip();
    String country = parts.length > 2 ? parts[2].strip() : "";
    if (number.isEmpty()) {
      throw new Reject("documents: item " + item + " has no number");
    }
    if (!type.isEmpty() && !DOCUMENT_TYPE.matcher(type).matches()) {
      throw new Reject("documents: item " + item
          + " has a type that is not 1 to 3 letters or digits (P, I, V, ...)");
    }
    String a3 = null;
    if (!country.isEmpty()) {
      a3 = CountryNames.code(country);
      if (a3 == null) {
        throw new Reject("documents: item " + item
            + " has a country that is not an ISO 3166 alpha-2 or alpha-3 code");
      }
    }
    return new ListedDocument(type.isEmpty() ? null : type, number, a3);
  }

  /** The non-blank items of a {@code |}-separated field, stripped. */
  static List<String> items(String field) {
    if (field == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    int start = 0;
    while (start <= field.length()) {
      int end = field.indexOf(ITEM_SEPARATOR, start);
      if (end < 0) {
        end = field.length();
      }
      String item = field.substring(start, end).strip();
      if (!item.isEmpty()) {
        out.add(item);
      }
      start = end + 1;
    }
    return out;
  }
}
