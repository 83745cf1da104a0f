package org.paxrisk.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/**
 * The UN Security Council Consolidated List in its XML form ({@code CONSOLIDATED_LIST} with
 * {@code INDIVIDUALS/INDIVIDUAL} and {@code ENTITIES/ENTITY} records).
 *
 * <p>Implementation note: a StAX pull parser reads one record at a time and hands the entry on
 * when its end tag is read; nothing but the record being read is held. Elements the model has no
 * place for (addresses, places of birth, designations, comments) are skipped unread. The XML may
 * not declare a DTD or external entities (both are switched off: the list is downloaded from the
 * internet). Names: the name parts FIRST_NAME to FOURTH_NAME joined by spaces; the UN does not say
 * which part is the family name, so surname and given names stay null.
 */
final class UnImporter extends FileByFileImporter {

  private static final XMLInputFactory XML = xmlFactory();

  private static XMLInputFactory xmlFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  @Override
  public String format() {
    return "un";
  }

  @Override
  public String defaultCategory() {
    return WatchlistEntry.SANCTIONS;
  }

  @Override
  void readFile(Path file, String list, Importers.Counts counts,
      Consumer<WatchlistEntry> sink) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader x;
      synchronized (XML) { // factories are not documented as thread-safe
        x = XML.createXMLStreamReader(in);
      }
      try {
        new RecordReader(file, list, defaultCategory(), counts, sink).read(x);
      } finally {
        x.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException("un import: " + file + " is not well-formed XML"
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNumber() + ")" : "")
          + ": " + e.getMessage(), e);
    }
  }

  /** Reads the records of one file. */
  private static final class RecordReader {
    private final Path file;
    private final String list;
    private final String category;
    private final Importers.Counts counts;
    private final Consumer<WatchlistEntry> sink;

    // The record being read.
    private WatchlistEntry.Kind kind;
    private long line;
    private String dataId;
    private final String[] nameParts = new String[4];
    private String originalScript;
    private String listType;
    private String reference;
    private Gender gender;
    private final List<ListedName> aliases = new ArrayList<>();
    private final List<DateRange> dates = new ArrayList<>();
    private final List<String> nationalities = new ArrayList<>();
    private final List<ListedDocument> documents = new ArrayList<>();

    // The group being read inside it: alias, date of birth, document.
    private final Map<String, String> group = new HashMap<>();

    RecordReader(Path file, String list, String category, Importers.Counts counts,
        Consumer<WatchlistEntry> sink) {
      this.file = file;
      this.list = list;
      this.category = category;
      this.counts = counts;
      this.sink = sink;
    }

    void read(XMLStreamReader x) throws XMLStreamException {
      while (x.hasNext()) {
        if (x.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = x.getLocalName();
        if (name.equals("INDIVIDUAL")) {
          record(x, WatchlistEntry.Kind.INDIVIDUAL);
        } else if (name.equals("ENTITY")) {
          record(x, WatchlistEntry.Kind.ENTITY);
        }
      }
    }

    /** One INDIVIDUAL or ENTITY, from its start tag to its end tag. */
    private void record(XMLStreamReader x, WatchlistEntry.Kind k) throws XMLStreamException {
      start(k, x.getLocation().getLineNumber());
      while (true) {
        int ev = x.next();
        if (ev == XMLStreamConstants.END_ELEMENT) {
          break; // the record's end tag: its children are read whole below
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String child = x.getLocalName();
        switch (child) {
          case "DATAID":
            dataId = text(x);
            break;
          case "FIRST_NAME":
            nameParts[0] = text(x);
            break;
          case "SECOND_NAME":
            nameParts[1] = text(x);
            break;
          case "THIRD_NAME":
            nameParts[2] = text(x);
            break;
          case "FOURTH_NAME":
            nameParts[3] = text(x);
            break;
          case "NAME_ORIGINAL_SCRIPT":
            originalScript = text(x);
            break;
          case "UN_LIST_TYPE":
            listType = text(x);
            break;
          case "REFERENCE_NUMBER":
            reference = text(x);
            break;
          case "GENDER":
            gender = gender(text(x));
            break;
          case "NATIONALITY":
            group(x);
            break;
          case "INDIVIDUAL_ALIAS":
          case "ENTITY_ALIAS":
            group(x);
            alias();
            break;
          case "INDIVIDUAL_DATE_OF_BIRTH":
            group(x);
            dateOfBirth();
            break;
          case "INDIVIDUAL_DOCUMENT":
            group(x);
            document();
            break;
          default:
            skip(x);
            break;
        }
      }
      finish();
    }

    private void start(WatchlistEntry.Kind k, long startLine) {
      kind = k;
      line = startLine;
      dataId = null;
      Arrays.fill(nameParts, null);
      originalScript = null;
      listType = null;
      reference = null;
      gender = Gender.UNKNOWN;
      aliases.clear();
      dates.clear();
      nationalities.clear();
      documents.clear();
    }

    private void finish() {
      counts.rowsRead++;
      if (dataId == null) {
        counts.reject(file, line, "no DATAID");
        return;
      }
      StringBuilder sb = new StringBuilder();
      for (String p : nameParts) {
        if (p != null) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(p);
        }
      }
      if (sb.length() == 0) {
        counts.reject(file, line, "no name (FIRST_NAME to FOURTH_NAME are empty)");
        return;
      }
      List<ListedName> names = new ArrayList<>(2 + aliases.size());
      names.add(ListedName.primary(sb.toString()));
      if (originalScript != null) {
        names.add(new ListedName(originalScript, null, null, ListedName.Type.ORIGINAL_SCRIPT,
            false));
      }
      names.addAll(aliases);
      String remarks = listType == null ? reference
          : reference == null ? listType : listType + " " + reference;
      counts.accept(new WatchlistEntry(list + ":" + dataId, list, category, kind, names, dates,
          gender, nationalities, documents, remarks), sink);
    }

    /**
     * The leaf elements of a group (NATIONALITY, an alias, a date of birth, a document) into
     * {@link #group}; a NATIONALITY's VALUEs go straight to the nationalities.
     */
    private void group(XMLStreamReader x) throws XMLStreamException {
      String groupName = x.getLocalName();
      group.clear();
      while (true) {
        int ev = x.next();
        if (ev == XMLStreamConstants.END_ELEMENT) {
          return;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String leaf = x.getLocalName();
        String value = text(x);
        if (groupName.equals("NATIONALITY")) {
          nationality(value);
        } else if (value != null) {
          group.putIfAbsent(leaf, value);
        }
      }
    }

    private void nationality(String value) {
      if (value == null || value.equalsIgnoreCase("na") || value.equalsIgnoreCase("n/a")) {
        return;
      }
      String a3 = CountryNames.alpha3(value);
      if (!nationalities.contains(a3)) {
        nationalities.add(a3);
      }
    }

    /** QUALITY Good, a.k.a. or none: an alias; Low: a weak alias; f.k.a., n.k.a.: former, new. */
    private void alias() {
      String name = group.get("ALIAS_NAME");
      String dob = group.get("DATE_OF_BIRTH");
      if (dob != null) {
        PartialDate d = isoDate(dob);
        if (d != null) {
          addDate(DateRange.of(d));
        } else {
          dropped("alias date of birth not understood");
        }
      }
      if (name == null) {
        return; // the UN writes empty alias elements where a record has none
      }
      String q = group.getOrDefault("QUALITY", "").toLowerCase(Locale.ROOT);
      ListedName.Type type = ListedName.Type.ALIAS;
      if (q.startsWith("f.k.a") || q.startsWith("fka")) {
        type = ListedName.Type.FORMER;
      } else if (q.startsWith("n.k.a") || q.startsWith("nka")) {
        type = ListedName.Type.NEW;
      }
      boolean weak = q.contains("low");
      aliases.add(new ListedName(name, null, null, type, weak));
    }

    /**
     * TYPE_OF_DATE EXACT with DATE (a full date) or YEAR; APPROXIMATELY with YEAR or DATE (the
     * year widened as OFAC's "circa"); BETWEEN with FROM_YEAR and TO_YEAR. Where only a NOTE
     * carries the date ("Nov. 1973", "Between Aug. and Sep. 1977"), the note is read.
     */
    private void dateOfBirth() {
      String type = group.getOrDefault("TYPE_OF_DATE", "EXACT").toUpperCase(Locale.ROOT);
      String date = group.get("DATE");
      String year = group.get("YEAR");
      String from = group.get("FROM_YEAR");
      String to = group.get("TO_YEAR");
      String note = group.get("NOTE");
      DateRange d = null;
      if (from != null || to != null) {
        Integer f = year(from != null ? from : to);
        Integer t = year(to != null ? to : from);
        if (f != null && t != null && t >= f) {
          d = DateRange.years(f, t);
        }
      } else if (date != null) {
        PartialDate p = isoDate(date);
        d = p == null ? null : DateRange.of(p);
      } else if (year != null) {
        Integer y = year(year);
        d = y == null ? null : DateRange.of(PartialDate.ofYear(y));
      } else if (note != null) {
        d = noteDate(note);
      } else {
        return; // an empty date of birth element: nothing stated
      }
      if (d == null) {
        dropped("date of birth not understood");
        return;
      }
      if (type.startsWith("APPROX") && !(from != null || to != null)) {
        d = DateRange.years(d.from().year() - OfacRemarks.CIRCA_YEARS,
            d.to().year() + OfacRemarks.CIRCA_YEARS);
      }
      addDate(d);
    }

    private void addDate(DateRange d) {
      if (!dates.contains(d)) {
        dates.add(d);
      }
    }

    /**
     * TYPE_OF_DOCUMENT Passport (also in French or Spanish): P; National Identification Number:
     * I; others: no type. The issuing country is ISSUING_COUNTRY, else COUNTRY_OF_ISSUE (which is
     * sometimes where a consulate issued it).
     */
    private void document() {
      String raw = group.get("NUMBER");
      if (raw == null) {
        return;
      }
      OfacRemarks.DocumentNumber number = OfacRemarks.number(raw);
      if (number == null) {
        dropped("document number without a digit");
        return;
      }
      String t = group.get("TYPE_OF_DOCUMENT");
      if (t == null) {
        t = group.get("TYPE_OF_DOCUMENT2");
      }
      String country = group.get("ISSUING_COUNTRY");
      if (country == null) {
        country = group.get("COUNTRY_OF_ISSUE");
      }
      if (country == null) {
        country = number.country(); // "Libya 428720", "R00012098, South Sudan"
      }
      ListedDocument doc = new ListedDocument(documentType(t), number.number(),
          OfacRemarks.country(country));
      if (!documents.contains(doc)) {
        documents.add(doc);
      }
    }

    private void dropped(String what) {
      counts.reject(file, line, what + ": dropped");
    }
  }

  /** P for passports, I for national identification numbers, else null. */
  static String documentType(String typeOfDocument) {
    if (typeOfDocument == null) {
      return null;
    }
    String t = typeOfDocument.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    if (t.contains("passport") || t.contains("passeport") || t.contains("pasaporte")) {
      return "P";
    }
    if (t.equals("national identification number")) {
      return "I";
    }
    return null;
  }

  static Gender gender(String g) {
    if (g == null) {
      return Gender.UNKNOWN;
    }
    switch (g.strip().toLowerCase(Locale.ROOT)) {
      case "male":
        return Gender.MALE;
      case "female":
        return Gender.FEMALE;
      default:
        return Gender.UNKNOWN;
    }
  }

  private static final Pattern BETWEEN_MONTHS = Pattern.compile(
      "(?i)between\\s+([a-z]+)\\.?\\s+and\\s+([a-z]+)\\.?\\s+(\\d{4})");

  /** A date written in a NOTE: "Nov. 1973", "August 1961", "Between Aug. and Sep. 1977". */
  static DateRange noteDate(String note) {
    PartialDate d = OfacRemarks.date(note);
    if (d != null) {
      return DateRange.of(d);
    }
    Matcher m = BETWEEN_MONTHS.matcher(note.strip());
    if (m.matches()) {
      int a = OfacRemarks.month(m.group(1));
      int b = OfacRemarks.month(m.group(2));
      int y = Integer.parseInt(m.group(3));
      if (a > 0 && b >= a) {
        return new DateRange(new PartialDate(y, a, 0), new PartialDate(y, b, 0));
      }
    }
    return null;
  }

  /** {@code YYYY-MM-DD} or {@code YYYY}, else null. */
  static PartialDate isoDate(String s) {
    try {
      return PartialDate.parse(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer year(String s) {
    try {
      int y = Integer.parseInt(s.strip());
      return y >= 1 && y <= 9999 ? y : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The text of the element the reader is on, stripped; null when empty. Text inside elements
   * nested in it is ignored. Leaves the reader on its end tag.
   */
  private static String text(XMLStreamReader x) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (true) {
      switch (x.next()) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (depth == 1) {
            sb.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
          }
          break;
        case XMLStreamConstants.START_ELEMENT:
          depth++;
          break;
        case XMLStreamConstants.END_ELEMENT:
          if (--depth == 0) {
            return OfacRemarks.collapse(sb);
          }
          break;
        default:
          break;
      }
    }
  }

  /** Skips the element the reader is on, with everything in it. */
  private static void skip(XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
