package org.paxrisk.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/**
 * Reads the personal data of an individual out of the Remarks column of OFAC's SDN CSV: dates of
 * birth, nationalities and citizenships, passport and identity document numbers, gender.
 *
 * <p>Remarks are clauses separated by {@code ;}, each starting with a label: {@code DOB 12 Jan
 * 1960; alt. DOB 1962; POB Baghdad, Iraq; nationality Iraq; Passport A1234567 (Iraq) expires 21 Aug
 * 2005; Gender Male; Additional Sanctions Information - ...}. A clause this class does not know is
 * ignored (places of birth, addresses, e-mail, tax numbers, sanctions information).
 *
 * <p>Implementation note: one regular expression per clause kind, anchored at the clause start;
 * {@code alt. } is stripped first because alternatives count the same. What is read:
 *
 * <ul>
 *   <li>{@code DOB 12 Jan 1960}, {@code DOB Jan 1960}, {@code DOB 1960}: one date, complete or
 *       partial. {@code DOB 1958 to 1962}, {@code DOB Mar 1962 to Feb 1963}: a range. {@code DOB
 *       01 Jan 1961 to 31 Dec 1962} is the years 1961 to 1962. {@code DOB circa 1960} (also with a
 *       day and month, or a range {@code circa 1979-1982}) widens the years by {@value
 *       #CIRCA_YEARS} on each side: 1959 to 1961.
 *   <li>{@code nationality Iraq}, {@code citizen Iraq}: the country as alpha-3 where {@link
 *       CountryNames} knows it, else as written; "possibly Palestinian" counts as Palestinian.
 *   <li>Document clauses ({@link #DOCUMENT_LABELS}): passports as type {@code P}; national
 *       identity cards and numbers that serve as one (cedula, national ID, citizen's card, tazkira,
 *       LE number) as {@code I}; visa numbers as {@code V}; other identification and travel document
 *       numbers with no type. The number is the text after the label up to the country in
 *       parentheses or a following "issued", "expires", "and", comma; a leading "No.", "#",
 *       "Booklet" or "CNIC:" is dropped. A clause with no digit in its number gives nothing. Tax,
 *       driver's licence, electoral, registration and phone numbers are not travel documents and
 *       are not read.
 *   <li>{@code Gender Male}, {@code Gender Female}.
 * </ul>
 */
final class OfacRemarks {
  /** Years added before and after a date OFAC marks "circa". */
  static final int CIRCA_YEARS = 1;

  /** What a remarks text says about a person. Lists are in the order of the remarks. */
  record Parsed(
      List<DateRange> datesOfBirth,
      List<String> nationalities,
      List<ListedDocument> documents,
      Gender gender,
      int datesNotUnderstood) {}

  /** Document labels, longest first where one starts another, and the document type they give. */
  static final String[][] DOCUMENT_LABELS = {
    {"British National Overseas Passport", "P"},
    {"Stateless Person Passport", "P"},
    {"Diplomatic Passport", "P"},
    {"Passport", "P"},
    {"National ID No.", "I"},
    {"National ID", "I"},
    {"Cedula No.", "I"},
    {"Personal ID Card", "I"},
    {"Citizen's Card Number", "I"},
    {"Kenyan ID No.", "I"},
    {"Tazkira National ID Card", "I"},
    {"Moroccan Personal ID No.", "I"},
    {"Bosnian Personal ID No.", "I"},
    {"National Foreign ID Number", "I"},
    {"Refugee ID Card", "I"},
    {"Stateless Person ID Card", "I"},
    {"LE Number", "I"},
    {"Turkish Identification Number", null},
    {"Identification Number", null},
    {"Travel Document Number", null},
    {"Residency Number", null},
    {"UAE Identification", null},
    {"Seafarer's Identification Document", null},
    {"VisaNumberID", "V"},
  };

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private static final Pattern RANGE = Pattern.compile("(.+?)\\s*(?:\\bto\\b|-)\\s*(.+)");

  /**
   * A document clause after its label: the number (lazily, as short as possible), an optional
   * country in parentheses, then an optional tail that is not part of the number.
   */
  private static final Pattern NUMBER_COUNTRY = Pattern.compile(
      "(?<num>.+?)(?:\\s+\\((?<country>[^()]+)\\)(?=$|[\\s,.;]))?"
          + "(?:\\s+(?:issued|expires|expired|and|under|in)\\b.*|,.*|\\s+-\\s.*)?",
      Pattern.DOTALL);
  private static final Pattern LEADING_NOISE =
      Pattern.compile("^(?:(?:No\\.?|Number|Booklet|#)\\s*:?\\s*)+");

  private OfacRemarks() {}

  /** Reads a remarks text; null or OFAC's empty marker give an empty result. */
  static Parsed parse(String remarks) {
    List<DateRange> dobs = new ArrayList<>(2);
    List<String> nationalities = new ArrayList<>(1);
    List<ListedDocument> documents = new ArrayList<>(1);
    Gender gender = Gender.UNKNOWN;
    int notUnderstood = 0;
    if (remarks == null || remarks.isBlank()) {
      return new Parsed(dobs, nationalities, documents, gender, 0);
    }
    for (String raw : remarks.split(";")) {
      String c = clause(raw);
      if (c.isEmpty()) {
        continue;
      }
      if (startsWithWord(c, "DOB")) {
        DateRange d = dateOfBirth(c.substring(3).strip());
        if (d == null) {
          notUnderstood++;
        } else if (!dobs.contains(d)) {
          dobs.add(d);
        }
      } else if (startsWithWord(c, "nationality") || startsWithWord(c, "citizen")) {
        String country = c.substring(c.indexOf(' ') + 1).strip();
        if (country.regionMatches(true, 0, "possibly ", 0, 9)) {
          country = country.substring(9).strip();
        }
        String a3 = CountryNames.alpha3(country);
        if (a3 != null && !nationalities.contains(a3)) {
          nationalities.add(a3);
        }
      } else if (startsWithWord(c, "Gender")) {
        String g = c.substring(6).strip().toLowerCase(Locale.ROOT);
        if (g.startsWith("female")) {
          gender = Gender.FEMALE;
        } else if (g.startsWith("male")) {
          gender = Gender.MALE;
        }
      } else {
        ListedDocument doc = document(c);
        if (doc != null && !documents.contains(doc)) {
          documents.add(doc);
        }
      }
    }
    return new Parsed(dobs, nationalities, documents, gender, notUnderstood);
  }

  /** A clause without surrounding space, the final full stop and an {@code alt. } prefix. */
  private static String clause(String raw) {
    String c = raw.strip();
    if (c.endsWith(".")) {
      c = c.substring(0, c.length() - 1).strip();
    }
    if (c.startsWith("alt. ")) {
      c = c.substring(5).strip();
    }
    return c;
  }

  private static boolean startsWithWord(String c, String word) {
    return c.length() > word.length() && c.regionMatches(true, 0, word, 0, word.length())
        && c.charAt(word.length()) == ' ';
  }

  /**
   * A date of birth as OFAC writes it (without the "DOB" label): {@code 12 Jan 1960}, {@code Jan
   * 1960}, {@code 1960}, a range with {@code to} (or {@code -} between years), each optionally
   * after {@code circa}. Null when the text is none of those.
   */
  static DateRange dateOfBirth(String text) {
    String t = text.strip();
    boolean circa = false;
    if (t.regionMatches(true, 0, "circa ", 0, 6)) {
      circa = true;
      t = t.substring(6).strip();
    }
    DateRange range;
    PartialDate single = date(t);
    if (single != null) {
      range = DateRange.of(single);
    } else {
      Matcher m = RANGE.matcher(t);
      if (!m.matches()) {
        return null;
      }
      PartialDate from = date(m.group(1));
      PartialDate to = date(m.group(2));
      if (from == null || to == null || to.compareTo(from) < 0) {
        return null;
      }
      range = wholeYears(from, to)
          ? DateRange.years(from.year(), to.year())
          : new DateRange(from, to);
    }
    if (circa) {
      return DateRange.years(range.from().year() - CIRCA_YEARS, range.to().year() + CIRCA_YEARS);
    }
    return range;
  }

  /** 1 January of one year to 31 December of another: whole years. */
  private static boolean wholeYears(PartialDate from, PartialDate to) {
    return from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
  }

  /**
   * {@code 12 Jan 1960}, {@code 12 January 1960}, {@code Jan 1960}, {@code Nov. 1973}, {@code
   * 1960}; null for anything else or an impossible date.
   */
  static PartialDate date(String text) {
    String[] t = words(text);
    try {
      switch (t.length) {
        case 1:
          return isDigits(t[0], 4) ? PartialDate.ofYear(Integer.parseInt(t[0])) : null;
        case 2: {
          int month = month(t[0]);
          return month == 0 || !isDigits(t[1], 4)
              ? null
              : new PartialDate(Integer.parseInt(t[1]), month, 0);
        }
        case 3: {
          int month = month(t[1]);
          int day = isDigits(t[0], 1) || isDigits(t[0], 2) ? Integer.parseInt(t[0]) : 0;
          return month == 0 || day == 0 || !isDigits(t[2], 4)
              ? null
              : new PartialDate(Integer.parseInt(t[2]), month, day);
        }
        default:
          return null;
      }
    } catch (IllegalArgumentException e) {
      return null; // 31 Feb, year 0, day 0
    }
  }

  /** The words of a text split at white space. */
  private static String[] words(String text) {
    String t = text.strip();
    return t.isEmpty() ? new String[0] : WHITE_SPACE.split(t);
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private static boolean isDigits(String s, int n) {
    if (s.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** 1 to 12 for an English month name or its three-letter (or "Sept") abbreviation, else 0. */
  static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() < 3) {
      return 0;
    }
    String abbr = w.substring(0, 3);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(abbr)) {
        String full = java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT);
        return w.length() == 3 || full.equals(w) || w.equals("sept") ? i + 1 : 0;
      }
    }
    return 0;
  }

  /** A document clause, or null when the clause is not one or has no usable number. */
  static ListedDocument document(String c) {
    for (String[] label : DOCUMENT_LABELS) {
      String l = label[0];
      if (c.length() > l.length() && c.startsWith(l) && !Character.isLetter(c.charAt(l.length()))) {
        return document(c.substring(l.length()), label[1]);
      }
    }
    return null;
  }

  private static ListedDocument document(String rest, String type) {
    String r = LEADING_NOISE.matcher(rest.strip()).replaceFirst("");
    Matcher m = NUMBER_COUNTRY.matcher(r);
    if (!m.matches()) {
      return null;
    }
    DocumentNumber n = number(m.group("num"));
    if (n == null) {
      return null;
    }
    String country = m.group("country") != null ? m.group("country") : n.country();
    return new ListedDocument(type, n.number(), country(country));
  }

  /**
   * A country as a source writes it beside a document: alpha-3 where known; else the part before
   * a full stop ("Cabo Verde.  Previously Cape Verde.") if that is known; else as written.
   */
  static String country(String text) {
    if (text == null) {
      return null;
    }
    String a3 = CountryNames.lookup(text);
    int dot = text.indexOf('.');
    if (a3 == null && dot > 0) {
      a3 = CountryNames.lookup(text.substring(0, dot));
    }
    return a3 != null ? a3 : CountryNames.alpha3(text);
  }

  /** A document number and the country written in the same text, if any (as written). */
  record DocumentNumber(String number, String country) {}

  /**
   * A document number without the words sources write around it, and the country among those
   * words; null when no digit is left. Shared with the UN importer, whose NUMBER fields carry the
   * same kind of noise. Removed, in this order:
   *
   * <ul>
   *   <li>parenthesised text at the end after a space: "403062567 (US)" (a country, kept),
   *       "381110042 (Expired 25 Jan. 2016)"; "D489833(9)" keeps its check digit;
   *   <li>a country after a comma: "R00012098, South Sudan";
   *   <li>a label ending in a colon, "no." or "number": "Diplomatic Passport: Z30321794", "CAR
   *       diplomatic passport no. D00000898", "Social Security Number 423-31-3021";
   *   <li>leading words with a lower-case letter and no digit: "Libya B/002210" (a country, kept),
   *       "Laissez-Passer 02154", "German travel document ("Reiseausweis") A 0139243"; series
   *       letters in capitals stay: "TR-P 614166", "OB 0243318";
   *   <li>trailing words of the same kind: "AF465508 Colombia" (a country, kept);
   *   <li>trailing punctuation.
   * </ul>
   */
  static DocumentNumber number(String raw) {
    String n = collapse(raw);
    if (n == null) {
      return null;
    }
    String country = null;
    while (n.endsWith(")")) {
      int open = n.lastIndexOf(" (");
      if (open < 0) {
        break;
      }
      String inside = n.substring(open + 2, n.length() - 1);
      if (country == null && CountryNames.lookup(inside) != null) {
        country = inside;
      }
      n = n.substring(0, open).strip();
    }
    int comma = n.lastIndexOf(", ");
    if (comma > 0 && CountryNames.lookup(n.substring(comma + 2)) != null) {
      if (country == null) {
        country = n.substring(comma + 2);
      }
      n = n.substring(0, comma).strip();
    }
    int colon = n.lastIndexOf(": ");
    if (colon >= 0 && hasDigit(n.substring(colon + 2))) {
      n = n.substring(colon + 2).strip();
    }
    Matcher m = LABELLED_NUMBER.matcher(n);
    if (m.matches() && hasDigit(m.group(1))) {
      n = m.group(1).strip();
    }
    List<String> words = new ArrayList<>(List.of(n.split(" ")));
    while (words.size() > 1 && isWord(words.get(0))) {
      String w = words.remove(0);
      if (country == null && CountryNames.lookup(w) != null) {
        country = w;
      }
    }
    while (words.size() > 1 && isWord(words.get(words.size() - 1))) {
      String w = words.remove(words.size() - 1);
      if (country == null && CountryNames.lookup(w) != null) {
        country = w;
      }
    }
    n = String.join(" ", words);
    while (!n.isEmpty() && ",.;:".indexOf(n.charAt(n.length() - 1)) >= 0) {
      n = n.substring(0, n.length() - 1).strip();
    }
    return hasDigit(n) ? new DocumentNumber(n, country) : null;
  }

  private static final Pattern LABELLED_NUMBER =
      Pattern.compile("(?i).*\\b(?:no\\.?|number)\\s+(.+)");

  /** A word around a number, not part of it: no digit, and a lower-case letter or a "(". */
  private static boolean isWord(String w) {
    if (hasDigit(w)) {
      return false;
    }
    if (w.startsWith("(")) {
      return true;
    }
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLowerCase(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with each run of white space as one space and none at the ends; null if empty.
   * Shared with the UN importer.
   */
  static String collapse(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }
}
