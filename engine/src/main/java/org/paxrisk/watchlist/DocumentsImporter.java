package org.paxrisk.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.paxrisk.model.Gender;

/**
 * A lost and stolen travel document list: CSV with a header row and one document a row, columns
 * {@code number}, {@code issuing_country} and optionally {@code type}. The names of Interpol SLTD
 * style exports, {@code document_number}, {@code country} and {@code document_type}, are accepted
 * too, in any case; other columns are ignored.
 *
 * <p>Each row becomes one entry of kind {@link WatchlistEntry.Kind#DOCUMENT} with no names and one
 * {@link ListedDocument}, id {@code <list>:<issuing country alpha-3>:<number>} (the number in
 * capitals without spaces). Lists of this kind can hold millions of rows, so nothing is remembered
 * between rows: a repeated document gets the same id, and the store keeps one.
 */
final class DocumentsImporter extends FileByFileImporter {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setIgnoreEmptyLines(true)
      .get();

  @Override
  public String format() {
    return "documents";
  }

  @Override
  public String defaultCategory() {
    return WatchlistEntry.LOST_STOLEN_DOCUMENTS;
  }

  @Override
  void readFile(Path file, String list, Importers.Counts counts,
      Consumer<WatchlistEntry> sink) throws IOException {
    try (Reader in = Importers.utf8(file);
        CSVParser p = CSVParser.parse(in, FORMAT)) {
      int number = -1;
      int country = -1;
      int type = -1;
      boolean header = true;
      for (CSVRecord r : p) {
        long line = OfacImporter.startLine(p, r);
        if (header) {
          header = false;
          for (int i = 0; i < r.size(); i++) {
            switch (r.get(i).strip().toLowerCase(Locale.ROOT)) {
              case "number":
              case "document_number":
                number = i;
                break;
              case "issuing_country":
              case "country":
                country = i;
                break;
              case "type":
              case "document_type":
                type = i;
                break;
              default:
                break; // other columns of an export: not needed
            }
          }
          if (number < 0 || country < 0) {
            counts.reject(file, line, "header: needs the columns number (or document_number)"
                + " and issuing_country (or country); file not read");
            return;
          }
          continue;
        }
        counts.rowsRead++;
        String n = value(r, number);
        String c = value(r, country);
        if (n == null) {
          counts.reject(file, line, "number: missing");
          continue;
        }
        if (c == null) {
          counts.reject(file, line, "issuing_country: missing");
          continue;
        }
        String a3 = CountryNames.lookup(c);
        if (a3 == null) {
          counts.reject(file, line,
              "issuing_country: not an ISO 3166 code or a country name known to PaxRisk");
          continue;
        }
        String t = value(r, type);
        String code = type(t);
        if (t != null && code == null) {
          counts.reject(file, line, "type: not understood; imported without a type");
        }
        ListedDocument doc = new ListedDocument(code, n, a3);
        counts.accept(new WatchlistEntry(list + ":" + a3 + ":" + idNumber(n), list,
            defaultCategory(), WatchlistEntry.Kind.DOCUMENT, List.of(), List.of(),
            Gender.UNKNOWN, List.of(), List.of(doc), null), sink);
      }
      if (header) {
        counts.reject(file, 1, "no header row");
      }
    } catch (CharacterCodingException | UncheckedIOException | IllegalStateException e) {
      throw Importers.csvFailure(format(), file, e);
    }
  }

  private static String value(CSVRecord r, int i) {
    if (i < 0 || i >= r.size()) {
      return null;
    }
    String v = r.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  /** The number as it appears in an id: capitals, no white space. */
  static String idNumber(String number) {
    StringBuilder sb = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * The ICAO 9303 document code for a type: a code of one to three letters or digits as given
   * (P, I, V, AC, ...), or the words passport (P), identity card / ID card (I), visa (V);
   * null when empty or not understood.
   */
  static String type(String t) {
    if (t == null) {
      return null;
    }
    String s = t.strip();
    if (s.matches("[A-Za-z0-9]{1,3}") && !s.equalsIgnoreCase("id")) {
      return s.toUpperCase(Locale.ROOT);
    }
    String w = s.toLowerCase(Locale.ROOT).replace('-', ' ');
    if (w.contains("passport")) {
      return "P";
    }
    if (w.equals("id") || w.contains("identity") || w.contains("id card")
        || w.contains("identification")) {
      return "I";
    }
    if (w.contains("visa")) {
      return "V";
    }
    return null;
  }
}
