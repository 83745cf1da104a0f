package org.paxrisk.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.paxrisk.model.Gender;

/**
 * OFAC's Specially Designated Nationals list in its legacy delimited form: {@code sdn.csv} (one row
 * per listed party), {@code alt.csv} (aliases) and {@code add.csv} (addresses), joined by {@code
 * ent_num}. The consolidated non-SDN list has the same layout ({@code cons_prim.csv}, {@code
 * cons_alt.csv}, {@code cons_add.csv}) and is read the same way.
 *
 * <p>Implementation note: the files have no header row, write {@code -0-} (often followed by a
 * space) for an empty field, end lines with CRLF and end with a DOS end-of-file byte 0x1A, which
 * is skipped. The files are read as UTF-8 (the 2021 files are ASCII); a byte that is not UTF-8
 * is read as U+FFFD and its row reported. Which file is which is told by its name, in any order on the command line. {@code
 * alt.csv} is read first into a map from {@code ent_num} to its aliases (it is small: about 12,000
 * rows), then {@code sdn.csv} is streamed and each entry handed on as soon as its row is read.
 * {@code add.csv} is accepted (OFAC publishes the three together) but not read: watch-list
 * entries carry no addresses, and an address is not a nationality. Personal data (dates of
 * birth, nationalities, documents, gender) is read from the Remarks of individuals by {@link
 * OfacRemarks}; the entry's remarks are the Program column ({@code [SDGT] [SYRIA]}).
 */
final class OfacImporter implements ListImporter {
  private static final String EMPTY = "-0-";
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(true)
      .get();

  // Columns of sdn.csv.
  private static final int ENT_NUM = 0;
  private static final int SDN_NAME = 1;
  private static final int SDN_TYPE = 2;
  private static final int PROGRAM = 3;
  private static final int REMARKS = 11;
  private static final int SDN_COLUMNS = 12;
  // Columns of alt.csv.
  private static final int ALT_TYPE = 2;
  private static final int ALT_NAME = 3;
  private static final int ALT_REMARKS = 4;
  private static final int ALT_COLUMNS = 5;

  @Override
  public String format() {
    return "ofac";
  }

  @Override
  public String defaultCategory() {
    return WatchlistEntry.SANCTIONS;
  }

  @Override
  public ImportReport read(List<Path> files, String list, Consumer<WatchlistEntry> sink)
      throws IOException {
    Path sdn = null;
    Path alt = null;
    Path add = null;
    for (Path f : files) {
      String role = role(f);
      Path previous;
      switch (role) {
        case "alt":
          previous = alt;
          alt = f;
          break;
        case "add":
          previous = add;
          add = f;
          break;
        default:
          previous = sdn;
          sdn = f;
          break;
      }
      if (previous != null) {
        throw new IOException("ofac import: two " + role + " files given: " + previous
            + " and " + f);
      }
    }
    if (sdn == null) {
      throw new IOException("ofac import: sdn.csv is missing (given: " + files
          + "); an OFAC list needs sdn.csv, and optionally alt.csv and add.csv");
    }
    for (Path f : new Path[] {sdn, alt, add}) {
      if (f != null) {
        Importers.requireReadable(f, "ofac");
      }
    }
    final Path altFile = alt;
    final String sdnName = sdn.getFileName().toString();
    Importers.Counts counts = new Importers.Counts();
    Map<String, List<AltName>> aliases =
        alt == null ? new HashMap<>() : readAliases(alt, counts);
    readSdn(sdn, list, aliases, counts, sink);
    // Aliases of parties that sdn.csv does not list, in the order of alt.csv.
    aliases.entrySet().stream()
        .sorted(Comparator.comparingLong(e -> e.getValue().get(0).line))
        .forEach(e -> counts.reject(altFile, e.getValue().get(0).line, "alias of ent_num "
            + e.getKey() + ", which is not in " + sdnName + ": dropped"));
    return counts.report(list, format());
  }

  /** alt, add or sdn, by the file's name; fails for a name that is none of them. */
  static String role(Path file) throws IOException {
    Path fn = file.getFileName();
    String n = fn == null ? "" : fn.toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    String base = dot > 0 ? n.substring(0, dot) : n;
    if (base.endsWith("alt")) {
      return "alt";
    }
    if (base.endsWith("add")) {
      return "add";
    }
    if (base.contains("sdn") || base.endsWith("prim")) {
      return "sdn";
    }
    throw new IOException("ofac import: cannot tell which OFAC file " + file
        + " is: the names must be sdn.csv, alt.csv and add.csv (or cons_prim, cons_alt,"
        + " cons_add)");
  }

  /** One alias row, kept until its party is read. */
  private record AltName(ListedName.Type type, String name, boolean weak, long line) {}

  private static Map<String, List<AltName>> readAliases(Path alt, Importers.Counts counts)
      throws IOException {
    Map<String, List<AltName>> byEnt = new HashMap<>();
    forEachRow(alt, ALT_COLUMNS, false, counts, (r, line) -> {
      String ent = value(r, ENT_NUM);
      String name = value(r, ALT_NAME);
      if (ent == null || name == null) {
        counts.reject(alt, line, ent == null ? "no ent_num" : "no alt_name");
        return;
      }
      String type = value(r, ALT_TYPE);
      String remarks = value(r, ALT_REMARKS);
      String t = type == null ? "aka" : type.toLowerCase(Locale.ROOT);
      ListedName.Type lt;
      if (t.contains("fka")) {
        lt = ListedName.Type.FORMER;
      } else if (t.contains("nka")) {
        lt = ListedName.Type.NEW;
      } else if (t.contains("aka")) {
        lt = ListedName.Type.ALIAS;
      } else {
        counts.reject(alt, line, "alt_type is not aka, fka or nka: dropped");
        return;
      }
      boolean weak = t.contains("weak")
          || (remarks != null && remarks.toLowerCase(Locale.ROOT).contains("weak"));
      byEnt.computeIfAbsent(ent, k -> new ArrayList<>(2)).add(new AltName(lt, name, weak, line));
    });
    return byEnt;
  }

  private void readSdn(Path sdn, String list, Map<String, List<AltName>> aliases,
      Importers.Counts counts, Consumer<WatchlistEntry> sink) throws IOException {
    String category = defaultCategory();
    forEachRow(sdn, SDN_COLUMNS, true, counts, (r, line) -> {
      String ent = value(r, ENT_NUM);
      String name = value(r, SDN_NAME);
      if (ent == null) {
        counts.reject(sdn, line, "no ent_num");
        return;
      }
      List<AltName> alts = aliases.remove(ent);
      if (name == null) {
        counts.reject(sdn, line, "no SDN_Name");
        return;
      }
      WatchlistEntry.Kind kind = kind(value(r, SDN_TYPE));
      if (kind == null) {
        counts.reject(sdn, line, "SDN_Type is not individual, vessel, aircraft or empty");
        return;
      }
      boolean person = kind == WatchlistEntry.Kind.INDIVIDUAL;
      List<ListedName> names = new ArrayList<>(1 + (alts == null ? 0 : alts.size()));
      names.add(name(name, ListedName.Type.PRIMARY, false, person));
      if (alts != null) {
        for (AltName a : alts) {
          names.add(name(a.name, a.type, a.weak, person));
        }
      }
      OfacRemarks.Parsed p = person ? OfacRemarks.parse(value(r, REMARKS)) : NOTHING;
      if (p.datesNotUnderstood() > 0) {
        counts.reject(sdn, line, p.datesNotUnderstood()
            + " date(s) of birth in Remarks not understood: dropped");
      }
      counts.accept(new WatchlistEntry(list + ":" + ent, list, category, kind, names,
          p.datesOfBirth(), p.gender(), p.nationalities(), p.documents(),
          programs(value(r, PROGRAM))), sink);
    });
  }

  private static final OfacRemarks.Parsed NOTHING =
      new OfacRemarks.Parsed(List.of(), List.of(), List.of(), Gender.UNKNOWN, 0);

  /** The Program column with OFAC's outer brackets put back: {@code [SDGT] [SYRIA]}. */
  static String programs(String program) {
    return program == null ? null : "[" + program + "]";
  }

  /** individual, vessel, aircraft, or empty for an entity; null for anything else. */
  static WatchlistEntry.Kind kind(String sdnType) {
    if (sdnType == null) {
      return WatchlistEntry.Kind.ENTITY;
    }
    switch (sdnType.toLowerCase(Locale.ROOT)) {
      case "individual":
        return WatchlistEntry.Kind.INDIVIDUAL;
      case "vessel":
        return WatchlistEntry.Kind.VESSEL;
      case "aircraft":
        return WatchlistEntry.Kind.AIRCRAFT;
      case "entity":
        return WatchlistEntry.Kind.ENTITY;
      default:
        return null;
    }
  }

  /**
   * A name as written; for individuals, OFAC's "SURNAME, Given Names" gives the surname and the
   * given names, split at the first comma ("DELOS REYES, Feliciano Semborio, Jr." has the given
   * names "Feliciano Semborio, Jr.").
   */
  static ListedName name(String text, ListedName.Type type, boolean weak, boolean person) {
    String surname = null;
    String given = null;
    int comma = text.indexOf(',');
    if (person && comma > 0) {
      surname = text.substring(0, comma).strip();
      given = text.substring(comma + 1).strip();
      if (surname.isEmpty()) {
        surname = null;
      }
      if (given.isEmpty()) {
        given = null;
      }
    }
    return new ListedName(text, surname, given, type, weak);
  }

  /** A field, trimmed; null when missing, empty or OFAC's {@code -0-}. */
  static String value(CSVRecord r, int i) {
    if (i >= r.size()) {
      return null;
    }
    String v = r.get(i).strip();
    return v.isEmpty() || v.equals(EMPTY) ? null : v;
  }

  private interface RowHandler {
    void row(CSVRecord r, long line);
  }

  /**
   * Every row of one file with its line number; rows with too few fields are rejected, the
   * end-of-file byte is skipped.
   *
   * @param countRows whether the rows count as rows read (those of sdn.csv)
   */
  private static void forEachRow(Path file, int columns, boolean countRows,
      Importers.Counts counts, RowHandler h) throws IOException {
    try (Reader in = Importers.reader(file, StandardCharsets.UTF_8, false);
        CSVParser p = CSVParser.parse(in, FORMAT)) {
      for (CSVRecord r : p) {
        long line = startLine(p, r);
        if (r.size() == 1 && isEndOfFile(r.get(0))) {
          continue;
        }
        if (countRows) {
          counts.rowsRead++;
        }
        if (r.size() < columns) {
          counts.reject(file, line, "row has " + r.size() + " fields, expected " + columns);
          continue;
        }
        for (int i = 0, n = r.size(); i < n; i++) {
          if (r.get(i).indexOf('\uFFFD') >= 0) {
            counts.reject(file, line, "bytes that are not UTF-8, read as U+FFFD");
            break;
          }
        }
        h.row(r, line);
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      // A quote never closed: the rest of the file cannot be split into rows.
      throw new IOException("ofac import: " + file + " is not valid CSV: "
          + e.getMessage(), e);
    }
  }

  private static boolean isEndOfFile(String v) {
    String t = v.strip();
    return t.isEmpty() || t.equals("\u001a");
  }

  /**
   * The line a record starts on: the parser counts the lines read so far, so a record with a line
   * break inside a quoted field started that many lines earlier.
   */
  static long startLine(CSVParser p, CSVRecord r) {
    long line = p.getCurrentLineNumber();
    for (int f = 0, n = r.size(); f < n; f++) {
      String v = r.get(f);
      if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
        continue; // nearly always
      }
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
          line--;
        }
      }
    }
    return line;
  }
}
