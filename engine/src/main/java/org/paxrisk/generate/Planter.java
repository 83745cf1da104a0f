package org.paxrisk.generate;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.paxrisk.generate.Plan.Booking;
import org.paxrisk.generate.Plan.Doc;
import org.paxrisk.generate.Plan.Person;
import org.paxrisk.generate.Tables.Country;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Leg;
import org.paxrisk.model.PartialDate;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.DateRange;
import org.paxrisk.watchlist.ListedDocument;
import org.paxrisk.watchlist.ListedName;
import org.paxrisk.watchlist.WatchlistEntry;

/**
 * Puts listed people on generated flights: decides, from the seed, which travellers are replaced
 * and by which list entries, and rewrites those travellers in the flight's plan before it is
 * written, so that its API list and its PNR push carry the same planted person.
 *
 * <p>Only adults who carry no infant are replaced (a listed person's date of birth would not fit a
 * child, and an infant's carrier is tied to the infant). Only individuals with a name that has a
 * surname and a given name are planted, born between {@link #MIN_YEAR} and {@link #MAX_YEAR} where
 * a date is listed (a two-digit API birth year cannot place anyone older). Memory holds the chosen
 * entries, not the list: the entries are read in two passes.
 */
final class Planter {
  static final String TYPO = "typo";
  static final String TRANSLITERATION = "transliteration";
  static final String NAME_ORDER = "name-order";
  static final String DROPPED_NAME = "dropped-name";
  static final String JOINED_OR_SPLIT = "joined-or-split-name";
  static final String ALIAS = "alias";
  static final String DOCUMENT_TYPO = "document-typo";
  static final String DOB_YEAR_ONLY = "dob-year-only";
  static final String DOB_ABSENT = "dob-absent";

  /** Every variation, in the order of {@link #WEIGHTS}. */
  static final List<String> VARIATIONS = List.of(TYPO, TRANSLITERATION, NAME_ORDER, DROPPED_NAME,
      JOINED_OR_SPLIT, ALIAS, DOCUMENT_TYPO, DOB_YEAR_ONLY, DOB_ABSENT);
  private static final int[] WEIGHTS = {20, 20, 14, 10, 10, 6, 10, 5, 5};

  /** Share of plants that agree with everything the entry lists. */
  static final double EXACT_SHARE = 0.25;

  static final int MAX_YEAR = LocalDate.ofEpochDay(Planner.START_DAY).getYear() - 16;
  static final int MIN_YEAR = LocalDate.ofEpochDay(Planner.START_DAY).getYear() - 99;
  private static final long MIN_DAY = LocalDate.of(MIN_YEAR, 1, 1).toEpochDay();
  private static final long MAX_DAY = LocalDate.of(MAX_YEAR, 12, 31).toEpochDay();

  /** Confusions of OCR and of hurried typing in document numbers. */
  private static final String[] LOOK_ALIKE = {"0O", "O0", "1I", "I1", "5S", "S5", "8B", "B8",
    "2Z", "Z2", "6G", "G6"};

  // ICAO Doc 9303 part 3: how passports write Latin diacritics and Cyrillic in the MRZ, which is
  // what API data carries; the same rules the watch-list normaliser applies.
  private static final String ICAO_RULES = String.join("\n",
      "Ä > AE; ä > ae; Å > AA; å > aa; Æ > AE; æ > ae; Ö > OE; ö > oe; Ø > OE; ø > oe;",
      "Ü > UE; ü > ue; ß > ss; Þ > TH; þ > th; Œ > OE; œ > oe; Ĳ > IJ; ĳ > ij; Ð > D; ð > d;",
      "Ж > ZH; ж > zh; Х > KH; х > kh; Ц > TS; ц > ts; Ч > CH; ч > ch; Ш > SH; ш > sh;",
      "Щ > SHCH; щ > shch; Ъ > IE; ъ > ie; Ы > Y; ы > y; Ь > ; ь > ; Э > E; э > e;",
      "Ю > IU; ю > iu; Я > IA; я > ia; Й > I; й > i; Ё > E; ё > e; Є > IE; є > ie;",
      "І > I; і > i; Ї > I; ї > i; Ґ > G; ґ > g; Ў > U; ў > u; Ђ > D; ђ > d; Ћ > C; ћ > c;",
      "Љ > LJ; љ > lj; Њ > NJ; њ > nj; Џ > DZ; џ > dz; Ѓ > G; ѓ > g; Ќ > K; ќ > k;");

  /** One chosen replacement: the n-th eligible traveller of a flight, plant number, entry. */
  private record Slot(int eligible, int plant, WatchlistEntry entry) {}

  /** A name as API data carries it: upper-case ASCII, surname and given names apart. */
  record Name(String surname, String given) {}

  private final long seed;
  private final Map<Integer, List<Slot>> byFlight;
  private final Map<String, Country> foreign = new HashMap<>();
  private Transliterator latin;

  private Planter(long seed, Map<Integer, List<Slot>> byFlight) {
    this.seed = seed;
    this.byFlight = byFlight;
  }

  /** A planter that plants nothing: for reading names of entries. */
  static Planter forNames() {
    return new Planter(0, Map.of());
  }

  /**
   * Chooses {@code count} travellers of flights {@code 0..flights-1} and as many entries of
   * {@code source}.
   *
   * @throws IllegalArgumentException when the source holds no entry that can be planted or the
   *     flights have fewer than {@code count} travellers who can be replaced
   */
  static Planter prepare(long seed, Planner planner, int flights, TrafficGenerator.Entries source,
      int count) {
    Planter names = forNames();
    int[] candidates = {0};
    source.forEach(e -> {
      if (names.usable(e)) {
        candidates[0]++;
      }
    });
    if (candidates[0] == 0) {
      throw new IllegalArgumentException("the list store holds no individual that can be planted"
          + " (a person with a surname and a given name; entities and documents are skipped)");
    }
    int[] eligible = new int[flights];
    long total = 0;
    for (int i = 0; i < flights; i++) {
      for (Booking b : planner.flight(i).bookings) {
        for (Person x : b.people) {
          if (eligible(x)) {
            eligible[i]++;
          }
        }
      }
      total += eligible[i];
    }
    if (count > total) {
      throw new IllegalArgumentException("cannot plant " + count + " travellers: the " + flights
          + " flights have " + total + " travellers who can be replaced (adults without an infant)");
    }
    Rng r = new Rng(Rng.mix(seed, -2));
    long[] slots = distinctSorted(r, total, count);
    int[] ordinals = entryOrdinals(r, candidates[0], count);

    Map<Integer, WatchlistEntry> chosen = new HashMap<>();
    Set<Integer> wanted = new HashSet<>();
    for (int o : ordinals) {
      wanted.add(o);
    }
    int[] ordinal = {0};
    source.forEach(e -> {
      if (names.usable(e)) {
        if (wanted.contains(ordinal[0])) {
          chosen.put(ordinal[0], e);
        }
        ordinal[0]++;
      }
    });
    if (chosen.size() != wanted.size()) {
      throw new IllegalStateException("the list entries changed while planting");
    }

    Map<Integer, List<Slot>> byFlight = new TreeMap<>();
    int flight = 0;
    long first = 0;
    for (int k = 0; k < slots.length; k++) {
      while (slots[k] >= first + eligible[flight]) {
        first += eligible[flight];
        flight++;
      }
      byFlight.computeIfAbsent(flight, x -> new ArrayList<>())
          .add(new Slot((int) (slots[k] - first), k, chosen.get(ordinals[k])));
    }
    return new Planter(seed, byFlight);
  }

  /** A traveller who may be replaced: an adult with no infant on the lap. */
  private static boolean eligible(Person x) {
    return x.kind == Plan.ADULT && x.infant == null;
  }

  /** {@code count} distinct numbers in [0, total), ascending (R. Floyd's sampling). */
  private static long[] distinctSorted(Rng r, long total, int count) {
    Set<Long> picked = new HashSet<>();
    for (long j = total - count; j < total; j++) {
      long t = (long) (r.nextDouble() * (j + 1));
      picked.add(picked.contains(t) ? j : t);
    }
    long[] out = new long[count];
    int i = 0;
    for (long v : picked) {
      out[i++] = v;
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * An entry ordinal for each plant, in random order: all distinct when there are enough
   * entries, else every entry planted about equally often (a listed person on several flights).
   */
  private static int[] entryOrdinals(Rng r, int candidates, int count) {
    int[] out = new int[count];
    if (count <= candidates) {
      long[] d = distinctSorted(r, candidates, count);
      for (int i = 0; i < count; i++) {
        out[i] = (int) d[i];
      }
    } else {
      for (int i = 0; i < count; i++) {
        out[i] = i % candidates;
      }
    }
    for (int i = count - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /**
   * Replaces this flight's chosen travellers in its plan and says who they now are. Positions
   * count every passenger of the flight's PAXLST, from 1, in the order the writer lists them.
   */
  List<PlantedTraveller> plant(Plan.Flight f) {
    List<Slot> slots = byFlight.get(f.index);
    if (slots == null) {
      return List.of();
    }
    Flight flight = modelFlight(f);
    List<PlantedTraveller> out = new ArrayList<>(slots.size());
    int position = 0;
    int eligible = 0;
    int next = 0;
    for (Booking b : f.bookings) {
      for (Person x : b.people) {
        position++;
        if (!eligible(x)) {
          continue;
        }
        if (next < slots.size() && slots.get(next).eligible() == eligible) {
          Slot s = slots.get(next++);
          Rng r = new Rng(Rng.mix(Rng.mix(seed, -3), s.plant()));
          String variation = plantInto(f, b, x, s.entry(), r);
          out.add(new PlantedTraveller(TravellerIds.apiPassenger(flight, position),
              s.entry().id(), s.entry().list(), variation, flight, f.index, position));
        }
        eligible++;
      }
    }
    return out;
  }

  /** The flight as the PAXLST mapper reads the message PaxlstWriter writes for it. */
  static Flight modelFlight(Plan.Flight f) {
    LocalDateTime dep = local(f.depUtc + f.from.utcOffset);
    LocalDateTime arr = local(f.arrUtc + f.to.utcOffset);
    String number = Integer.toString(f.number);
    Leg leg = new Leg(f.carrier.code, number, null, f.from.code, f.to.code, dep, arr, null, null);
    return new Flight(f.carrier.code, number, f.from.code, f.to.code, dep, arr, List.of(leg));
  }

  private static LocalDateTime local(long epochMinutes) {
    return LocalDateTime.of(LocalDate.ofEpochDay(Math.floorDiv(epochMinutes, 1440)),
        java.time.LocalTime.ofSecondOfDay(Math.floorMod(epochMinutes, 1440) * 60L));
  }

  // ---------------------------------------------------------------- one plant

  private String plantInto(Plan.Flight f, Booking b, Person x, WatchlistEntry e, Rng r) {
    long depDay = f.depUtc / 1440;
    Name name = nameOf(e);
    List<Name> aliases = aliasesOf(e, name);
    DateRange dob = firstDob(e);
    boolean partialDob = dob != null && !(dob.isSingle() && dob.from().isComplete());
    ListedDocument listedDoc = documentOf(e);
    String docNumber = listedDoc == null ? null : cleanNumber(listedDoc.number());
    long dobDay = drawDob(r, dob, depDay);
    boolean dobAbsent = false;

    String variation = PlantedTraveller.EXACT;
    if (!r.chance(EXACT_SHARE)) {
      int[] weights = WEIGHTS.clone();
      weights[VARIATIONS.indexOf(ALIAS)] = aliases.isEmpty() ? 0 : weights[5];
      weights[VARIATIONS.indexOf(DOCUMENT_TYPO)] = docNumber == null ? 0 : weights[6];
      weights[VARIATIONS.indexOf(DOB_YEAR_ONLY)] = partialDob ? weights[7] : 0;
      weights[VARIATIONS.indexOf(DOB_ABSENT)] = dob == null || partialDob ? weights[8] : 0;
      while (variation.equals(PlantedTraveller.EXACT)) {
        int k = pickWeighted(r, weights);
        if (k < 0) {
          break; // nothing applies to this entry: it stays exact
        }
        weights[k] = 0;
        String kind = VARIATIONS.get(k);
        SplittableRandom rnd = new SplittableRandom(r.nextLong());
        Name varied = null;
        switch (kind) {
          case TYPO -> varied = vary(name, NameVariants.Kind.TYPO, rnd);
          case TRANSLITERATION -> varied = vary(name, NameVariants.Kind.TRANSLITERATION, rnd);
          case DROPPED_NAME -> varied = vary(name, NameVariants.Kind.DROP_MIDDLE, rnd);
          case JOINED_OR_SPLIT -> varied = vary(name, NameVariants.Kind.JOIN_SPLIT, rnd);
          case NAME_ORDER -> varied = name.given().equals(name.surname()) ? null
              : new Name(name.given(), name.surname());
          case ALIAS -> varied = aliases.get(r.nextInt(aliases.size()));
          case DOCUMENT_TYPO -> {
            docNumber = documentTypo(docNumber, r);
            variation = kind;
          }
          case DOB_YEAR_ONLY -> {
            // The date a passport gives when only the year is known (ICAO 9303: day and month
            // unknown), as airline systems send it: 1 January.
            dobDay = LocalDate.of(LocalDate.ofEpochDay(dobDay).getYear(), 1, 1).toEpochDay();
            variation = kind;
          }
          case DOB_ABSENT -> {
            dobAbsent = true;
            variation = kind;
          }
          default -> throw new IllegalStateException(kind);
        }
        if (varied != null) {
          name = varied;
          variation = kind;
        }
      }
    }

    String oldPayer = x.given + " " + x.surname;
    x.surname = name.surname();
    x.given = name.given();
    x.middle = null;
    if (e.gender() == Gender.MALE || e.gender() == Gender.FEMALE) {
      x.gender = e.gender() == Gender.MALE ? 'M' : 'F';
    }
    if (x.gender == 'M') {
      x.title = "MR";
    } else if (!"MRS".equals(x.title) && !"MS".equals(x.title)) {
      x.title = "MS";
    }
    x.dob = dobDay;
    x.dobAbsent = dobAbsent;
    Country nat = nationalityOf(e);
    if (nat != null) {
      x.nationality = nat;
    }
    // The list says nothing of where the person was born.
    x.birthplace = null;
    x.birthplaceInApi = false;

    Doc d = new Doc();
    d.type = listedDoc != null && "I".equals(listedDoc.type()) ? 'I' : 'P';
    d.number = docNumber != null ? docNumber : Planner.pattern(r, x.nationality.passportPattern);
    String issuer = listedDoc == null ? null : alpha3(listedDoc.issuingCountry());
    d.issuer = issuer != null ? country(issuer) : x.nationality;
    d.issued = Math.max(depDay - r.nextInt(10 * 365 - 20), x.dob + 16 * 365);
    d.issued = Math.min(d.issued, depDay - 1);
    d.expires = LocalDate.ofEpochDay(d.issued).plusYears(10).minusDays(1).toEpochDay();
    if (d.expires <= depDay) {
      d.expires = depDay + r.between(30, 3000);
    }
    x.document = d;
    if (x.visa != null && x.nationality.iso3.equals(f.to.country.iso3)) {
      x.visa = null; // a national needs no visa to go home
    }
    if (b.people.get(0) == x && oldPayer.equals(b.payerName)) {
      b.payerName = x.given + " " + x.surname;
    }
    return variation;
  }

  private static int pickWeighted(Rng r, int[] weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    if (sum == 0) {
      return -1;
    }
    int u = r.nextInt(sum);
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  /**
   * The name with one change by {@link NameVariants}, split again into surname and given names;
   * null when the change does not apply or would leave either part empty.
   */
  static Name vary(Name name, NameVariants.Kind kind, SplittableRandom rnd) {
    List<String> given = tokens(name.given());
    List<String> before = new ArrayList<>(given);
    before.addAll(tokens(name.surname()));
    List<String> after = tokens(NameVariants.vary(String.join(" ", before), kind, rnd));
    if (after.equals(before)) {
      return null;
    }
    int d = 0;
    while (d < before.size() && d < after.size() && before.get(d).equals(after.get(d))) {
      d++;
    }
    // A change inside the given names moves the boundary by as many tokens as it added or took;
    // two parts joined across the boundary become the surname.
    int givenCount = given.size() + (d < given.size() ? after.size() - before.size() : 0);
    givenCount = Math.max(1, givenCount);
    if (givenCount >= after.size()) {
      return null;
    }
    return new Name(String.join(" ", after.subList(givenCount, after.size())),
        String.join(" ", after.subList(0, givenCount)));
  }

  private static List<String> tokens(String s) {
    List<String> t = new ArrayList<>(Arrays.asList(s.trim().toUpperCase(Locale.ROOT)
        .split("[\\s-]+")));
    t.removeIf(String::isEmpty);
    return t;
  }

  /** One character of a document number changed: a look-alike, another digit or letter, or two swapped. */
  static String documentTypo(String number, Rng r) {
    char[] c = number.toCharArray();
    int k = r.nextInt(c.length);
    double u = r.nextDouble();
    if (u < 0.4) {
      for (String pair : LOOK_ALIKE) {
        if (pair.charAt(0) == c[k]) {
          c[k] = pair.charAt(1);
          return new String(c);
        }
      }
    }
    if (u < 0.8 || c.length < 2) {
      char was = c[k];
      if (was >= '0' && was <= '9') {
        c[k] = (char) ('0' + (was - '0' + 1 + r.nextInt(9)) % 10);
      } else {
        c[k] = (char) ('A' + (was - 'A' + 1 + r.nextInt(25)) % 26);
      }
      return new String(c);
    }
    int j = k == c.length - 1 ? k - 1 : k + 1;
    if (c[j] == c[k]) {
      c[k] = c[k] == '0' ? '1' : '0';
      return new String(c);
    }
    char t = c[k];
    c[k] = c[j];
    c[j] = t;
    return new String(c);
  }

  // ---------------------------------------------------------------- reading entries

  /** Whether the entry can be planted. */
  boolean usable(WatchlistEntry e) {
    if (e.kind() != WatchlistEntry.Kind.INDIVIDUAL || nameOf(e) == null) {
      return false;
    }
    DateRange d = firstDob(e);
    return d == null || (start(d.from()) <= MAX_DAY && end(d.to()) >= MIN_DAY);
  }

  /** The entry's primary name (the first written in Latin letters), split; null if unusable. */
  Name nameOf(WatchlistEntry e) {
    ListedName primary = null;
    for (ListedName n : e.names()) {
      if (n.type() != ListedName.Type.ORIGINAL_SCRIPT) {
        primary = n;
        break;
      }
    }
    if (primary == null && !e.names().isEmpty()) {
      primary = e.names().get(0);
    }
    return primary == null ? null : split(primary);
  }

  /** The entry's aliases that are not marked weak and differ from its primary name, split. */
  private List<Name> aliasesOf(WatchlistEntry e, Name primary) {
    List<Name> out = new ArrayList<>();
    for (ListedName n : e.names()) {
      if ((n.type() == ListedName.Type.ALIAS || n.type() == ListedName.Type.FORMER
          || n.type() == ListedName.Type.NEW) && !n.weak()) {
        Name a = split(n);
        if (a != null && !a.equals(primary) && !out.contains(a)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /**
   * Surname and given names of a listed name: the source's own parts where it gives both, else
   * {@code SURNAME, Given Names} as OFAC writes them, else the last word as the surname.
   */
  Name split(ListedName n) {
    String surname = clean(n.surname());
    String given = clean(n.givenNames());
    if (surname.isEmpty() || given.isEmpty()) {
      String full = n.name();
      int comma = full.indexOf(',');
      if (comma > 0) {
        surname = clean(full.substring(0, comma));
        given = clean(full.substring(comma + 1));
      } else {
        String all = clean(full);
        if (!surname.isEmpty() && all.endsWith(" " + surname)) {
          given = all.substring(0, all.length() - surname.length() - 1);
        } else if (!surname.isEmpty() && all.startsWith(surname + " ")) {
          given = all.substring(surname.length() + 1);
        } else {
          int last = all.lastIndexOf(' ');
          surname = last < 0 ? all : all.substring(last + 1);
          given = last < 0 ? "" : all.substring(0, last);
        }
      }
    }
    return surname.isEmpty() || given.isEmpty() ? null : new Name(surname, given);
  }

  /**
   * A name as a passport's machine-readable zone writes it: ICAO transliteration, capitals,
   * apostrophes dropped, hyphens kept between letters, anything else a single blank.
   */
  String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        if (latin == null) {
          latin = Transliterator.createFromRules("PaxRisk-Plant-ICAO-Latin",
              ICAO_RULES + "\n::Any-Latin;\n::Latin-ASCII;", Transliterator.FORWARD);
        }
        t = latin.transliterate(s);
        break;
      }
    }
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = Character.toUpperCase(t.charAt(i));
      if (c >= 'A' && c <= 'Z') {
        sb.append(c);
      } else if (c == '\'' || c == '`' || c == '\u2019' || c == '\u02BF' || c == '\u02BE') {
        continue;
      } else if (c == '-' && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' '
          && i + 1 < t.length() && Character.isLetter(t.charAt(i + 1))) {
        sb.append('-');
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    int end = sb.length();
    while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '-')) {
      end--;
    }
    return sb.substring(0, end);
  }

  private static DateRange firstDob(WatchlistEntry e) {
    return e.datesOfBirth().isEmpty() ? null : e.datesOfBirth().get(0);
  }

  private static long start(PartialDate d) {
    return LocalDate.of(d.year(), Math.max(1, d.month()), Math.max(1, d.day())).toEpochDay();
  }

  private static long end(PartialDate d) {
    if (d.day() != 0) {
      return LocalDate.of(d.year(), d.month(), d.day()).toEpochDay();
    }
    LocalDate m = LocalDate.of(d.year(), d.month() == 0 ? 12 : d.month(), 1);
    return m.withDayOfMonth(m.lengthOfMonth()).toEpochDay();
  }

  /** A date of birth that agrees with the listed one to its precision, or an adult's if none. */
  private static long drawDob(Rng r, DateRange d, long depDay) {
    if (d == null) {
      int age = r.between(25, 70);
      return depDay - age * 365L - age / 4 - r.nextInt(365);
    }
    long lo = Math.max(start(d.from()), MIN_DAY);
    long hi = Math.min(end(d.to()), MAX_DAY);
    return lo + r.nextInt((int) (hi - lo + 1));
  }

  /** The first listed document that is not a visa, or null. */
  private static ListedDocument documentOf(WatchlistEntry e) {
    for (ListedDocument d : e.documents()) {
      if (!"V".equals(d.type()) && cleanNumber(d.number()) != null) {
        return d;
      }
    }
    return null;
  }

  /** Letters and digits in capitals, as the document's MRZ has them; null if implausible. */
  static String cleanNumber(String number) {
    StringBuilder sb = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = Character.toUpperCase(number.charAt(i));
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.length() < 5 || sb.length() > 20 ? null : sb.toString();
  }

  /** The first listed nationality that is an alpha-3 code, or null. */
  private Country nationalityOf(WatchlistEntry e) {
    for (String n : e.nationalities()) {
      String a3 = alpha3(n);
      if (a3 != null) {
        return country(a3);
      }
    }
    return null;
  }

  private static String alpha3(String code) {
    if (code == null || code.length() != 3) {
      return null;
    }
    for (int i = 0; i < 3; i++) {
      if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
        return null;
      }
    }
    return code;
  }

  /** The tables' country, or a bare one for a nationality the tables do not carry. */
  private Country country(String iso3) {
    Country c = Tables.get().countryOrNull(iso3);
    if (c != null) {
      return c;
    }
    return foreign.computeIfAbsent(iso3, k -> {
      Country x = new Country(new String[] {k, "XX", "0", "USD", "1", "", "aadddddd", "N"});
      x.cultures = new Tables.Culture[0];
      return x;
    });
  }
}
