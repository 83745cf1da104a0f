package org.paxrisk.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The watch-list importers, by the format names of the command line ({@code paxrisk watchlist
 * import --format csv|ofac|un|documents}). The formats are described in {@code
 * docs/watchlist-formats.md}.
 *
 * <pre>{@code
 * ImportReport r = Importers.forFormat("ofac")
 *     .read(List.of(sdn, alt, add), "ofac-sdn", store::put);
 * }</pre>
 */
public final class Importers {
  private static final Map<String, ListImporter> BY_FORMAT = new LinkedHashMap<>();

  static {
    for (ListImporter i : new ListImporter[] {
        new CsvImporter(), new OfacImporter(), new UnImporter(), new DocumentsImporter()}) {
      BY_FORMAT.put(i.format(), i);
    }
  }

  private static final Set<String> FORMATS = Collections.unmodifiableSet(BY_FORMAT.keySet());

  private Importers() {}

  /**
   * The importer of a format: {@code csv}, {@code ofac}, {@code un} or {@code documents}, in any
   * case.
   *
   * @throws IllegalArgumentException for any other name, naming the valid ones
   */
  public static ListImporter forFormat(String format) {
    ListImporter i =
        format == null ? null : BY_FORMAT.get(format.strip().toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new IllegalArgumentException("unknown watch-list format '" + format
          + "': the formats are " + String.join(", ", FORMATS));
    }
    return i;
  }

  /** The format names, in the order of the command line's help. */
  public static Set<String> formats() {
    return FORMATS;
  }

  // Shared by the importers.

  /** Fails with a message naming the file when it cannot be read at all. */
  static void requireReadable(Path file, String format) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null,
          format + " import: file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(format + " import: not a regular file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new IOException(format + " import: file not readable: " + file);
    }
  }

  /** A UTF-8 reader over a file, past a byte-order mark if there is one; bad bytes are errors. */
  static BufferedReader utf8(Path file) throws IOException {
    return reader(file, StandardCharsets.UTF_8, true);
  }

  /**
   * A reader over a file, past a byte-order mark.
   *
   * @param strict whether malformed input fails the read (else it becomes U+FFFD)
   */
  static BufferedReader reader(Path file, Charset cs, boolean strict) throws IOException {
    CharsetDecoder dec = cs.newDecoder();
    CodingErrorAction a = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
    dec.onMalformedInput(a).onUnmappableCharacter(a);
    BufferedReader r =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), dec), 1 << 16);
    try {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      return r;
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** The file's name as the caller gave it, for problems. */
  /**
   * The one message for a CSV file that cannot be read at all: not UTF-8, or broken beyond one
   * row (Commons CSV reports those as unchecked exceptions).
   */
  static IOException csvFailure(String format, Path file, Exception e) {
    Throwable cause = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return new IOException(format + " import: " + file + " is not UTF-8", cause);
    }
    String hint = e instanceof java.io.UncheckedIOException ? " (a quote not closed?)" : "";
    return new IOException(format + " import: " + file + " is not valid CSV" + hint + ": "
        + cause.getMessage(), e);
  }

  static String name(Path file) {
    return file.toString();
  }

  /** Tallies of one import, for its report. */
  static final class Counts {
    long rowsRead;
    long imported;
    long aliases;
    final List<ImportReport.Problem> problems = new ArrayList<>();

    void reject(Path file, long line, String reason) {
      problems.add(new ImportReport.Problem(name(file), line, reason));
    }

    void accept(WatchlistEntry e, Consumer<WatchlistEntry> sink) {
      sink.accept(e);
      imported++;
      for (ListedName n : e.names()) {
        if (n.type() == ListedName.Type.ALIAS || n.type() == ListedName.Type.FORMER
            || n.type() == ListedName.Type.NEW) {
          aliases++;
        }
      }
    }

    ImportReport report(String list, String format) {
      return new ImportReport(list, format, rowsRead, imported, aliases, problems);
    }
  }
}
