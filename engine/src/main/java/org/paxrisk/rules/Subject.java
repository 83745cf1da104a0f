package org.paxrisk.rules;

import static org.paxrisk.model.Folding.lettersAndDigits;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paxrisk.model.Airports;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Leg;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.Payment;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.watchlist.NameSimilarity;
import org.paxrisk.watchlist.WatchlistEntry;
import org.paxrisk.watchlist.WatchlistMatch;

/**
 * The fact rules see for one person on one flight: what the API list said ({@link #api()}), what the
 * PNR said ({@link #pnr()} and {@link #booking()}), the watch-list matches, and whether the flight's
 * API list and PNR push arrived at all (so that "on the PNR but not in the API" means something).
 * The derived facts rules need are methods here and on the model, so DRL stays short.
 *
 * <p>Drools matches facts by identity; a subject is used by one session at a time.
 */
public final class Subject {
  private final String id;
  private final Flight flight;
  private final Traveller api;
  private final Traveller pnr;
  private final Booking booking;
  private final List<WatchlistMatch> matches;
  private final boolean flightHasApi;
  private final boolean flightHasPnr;
  // Computed on first use: joins across travellers ask for them many times.
  private List<String> phones;
  private List<String> emails;
  private List<String> cards;
  /** See {@link #contactSignature()}; 0 until computed (or when there is no contact). */
  private volatile long contactSignature;
  /** The subjects evaluated with this one ({@link #evaluatedTogether}), or null. */
  private Contacts together;
  private int position;

  /**
   * A subject; at least one of {@code api} and {@code pnr} is needed.
   *
   * @param id the stable traveller id ({@code org.paxrisk.screening.TravellerIds})
   * @param flight the flight
   * @param api the traveller as the API list gives them, or null
   * @param pnr the traveller as the PNR gives them, or null
   * @param booking the traveller's PNR, or null
   * @param matches watch-list matches, best first
   * @param flightHasApi whether an API list arrived for the flight
   * @param flightHasPnr whether a PNR push arrived for the flight
   */
  public Subject(String id, Flight flight, Traveller api, Traveller pnr, Booking booking,
      List<WatchlistMatch> matches, boolean flightHasApi, boolean flightHasPnr) {
    if (api == null && pnr == null) {
      throw new IllegalArgumentException("a subject needs an API or a PNR traveller");
    }
    this.id = id;
    this.flight = java.util.Objects.requireNonNull(flight, "flight");
    this.api = api;
    this.pnr = pnr;
    this.booking = booking;
    this.matches = matches == null ? List.of() : List.copyOf(matches);
    this.flightHasApi = flightHasApi;
    this.flightHasPnr = flightHasPnr;
  }

  public String id() {
    return id;
  }

  public Flight flight() {
    return flight;
  }

  public Traveller api() {
    return api;
  }

  public Traveller pnr() {
    return pnr;
  }

  public Booking booking() {
    return booking;
  }

  public List<WatchlistMatch> matches() {
    return matches;
  }

  public boolean flightHasApi() {
    return flightHasApi;
  }

  public boolean flightHasPnr() {
    return flightHasPnr;
  }

  /** The traveller to judge: the API record when there is one (it is read off the document). */
  public Traveller traveller() {
    return api != null ? api : pnr;
  }

  public boolean inApi() {
    return api != null;
  }

  public boolean inPnr() {
    return pnr != null;
  }

  // ---- watch lists ---------------------------------------------------------------------------

  /** Whether a match of this list category scores at least {@code minScore}. */
  public boolean hasMatch(String category, double minScore) {
    return bestMatchScore(category) >= minScore;
  }

  /** The best match score in a list category, 0 when none. */
  public double bestMatchScore(String category) {
    double best = 0;
    for (WatchlistMatch m : matches) {
      if (category.equals(m.category()) && m.score() > best) {
        best = m.score();
      }
    }
    return best;
  }

  /** The best score against any list of people (every category but lost/stolen documents). */
  public double bestPersonMatchScore() {
    double best = 0;
    for (WatchlistMatch m : matches) {
      if (!WatchlistEntry.LOST_STOLEN_DOCUMENTS.equals(m.category()) && m.score() > best) {
        best = m.score();
      }
    }
    return best;
  }

  // ---- documents -----------------------------------------------------------------------------

  /** The traveller's passport, else first document, else null. */
  public TravelDocument document() {
    return traveller().primaryDocument();
  }

  /**
   * Days from the end of the trip's first flight (its arrival date, else departure date) to the
   * document's expiry: negative when it has expired by then; null when either date is missing.
   */
  public Integer documentValidityDaysAtArrival() {
    TravelDocument d = document();
    LocalDate arrival = flight.arrival() != null ? flight.arrival().toLocalDate()
        : flight.departureDate();
    if (d == null || d.expiry() == null || arrival == null) {
      return null;
    }
    return (int) ChronoUnit.DAYS.between(arrival, d.expiry());
  }

  /** Whether the document had expired on the day of departure. */
  public boolean documentExpiredAtDeparture() {
    TravelDocument d = document();
    return d != null && flight.departureDate() != null && d.isExpiredOn(flight.departureDate());
  }

  /** Days from the document's issue to departure, null when either is missing. */
  public Integer documentAgeDays() {
    TravelDocument d = document();
    if (d == null || d.issued() == null || flight.departureDate() == null) {
      return null;
    }
    return (int) ChronoUnit.DAYS.between(d.issued(), flight.departureDate());
  }

  // ---- API against PNR -----------------------------------------------------------------------

  /**
   * How alike the API and PNR names are, 0 to 1 (the watch-list name similarity, which forgives
   * order, transliteration and joined names); 1 when there is only one of them.
   */
  public double apiPnrNameSimilarity() {
    if (api == null || pnr == null) {
      return 1;
    }
    // Nearly always the same letters: skip the full comparison (transliteration, pairing).
    if (lettersAndDigits(api.surname()).equals(lettersAndDigits(pnr.surname()))
        && lettersAndDigits(api.givenNames()).equals(lettersAndDigits(pnr.givenNames()))) {
      return 1;
    }
    return NameSimilarity.standard().score(fullName(api), fullName(pnr));
  }

  /** Whether API and PNR both give a date of birth and they differ at the precision both have. */
  public boolean apiPnrDateOfBirthDisagree() {
    if (api == null || pnr == null || api.dateOfBirth() == null || pnr.dateOfBirth() == null) {
      return false;
    }
    PartialDate a = api.dateOfBirth();
    PartialDate p = pnr.dateOfBirth();
    if (a.year() != p.year()) {
      return true;
    }
    if (a.month() == 0 || p.month() == 0) {
      return false;
    }
    return a.month() != p.month() || (a.day() != 0 && p.day() != 0 && a.day() != p.day());
  }

  /** Whether API and PNR both give document numbers and none of the PNR's is on the API. */
  public boolean apiPnrDocumentDisagree() {
    if (api == null || pnr == null || api.documents().isEmpty() || pnr.documents().isEmpty()) {
      return false;
    }
    for (TravelDocument p : pnr.documents()) {
      String n = clean(p.number());
      for (TravelDocument a : api.documents()) {
        if (n != null && n.equals(clean(a.number()))) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- booking -------------------------------------------------------------------------------

  /**
   * Days from the trip's first departure to its last leg back to where it started; null for a
   * one-way trip or when there is no booking.
   */
  public Integer tripDays() {
    if (booking == null || booking.itinerary().isEmpty() || booking.isOneWay()) {
      return null;
    }
    List<Leg> legs = booking.itinerary();
    Leg first = legs.get(0);
    Leg last = legs.get(legs.size() - 1);
    if (first.departure() == null || last.departure() == null) {
      return null;
    }
    return (int) ChronoUnit.DAYS.between(first.departure().toLocalDate(),
        last.departure().toLocalDate());
  }

  /** Checked bags, from the API list or else the PNR; null when neither says. */
  public Integer bagCount() {
    Integer n = traveller().bags().count();
    if (n == null && api != null && pnr != null) {
      n = pnr.bags().count();
    }
    return n;
  }

  /** The countries (ISO alpha-3) of every airport on the flight and on the booked itinerary. */
  public Set<String> itineraryCountries() {
    Set<String> c = new LinkedHashSet<>();
    for (int k = 0, n = airports(); k < n; k++) {
      String country = Airports.country(airport(k));
      if (country != null) {
        c.add(country);
      }
    }
    return c;
  }

  /**
   * The first country of the itinerary ({@link #itineraryCountries} in order) that is in {@code
   * countries}, or null. Asked of every traveller: it looks airports up in turn instead of making
   * the set.
   */
  public String itineraryCountryIn(Collection<String> countries) {
    for (int k = 0, n = airports(); k < n; k++) {
      String country = Airports.country(airport(k));
      if (country != null && countries.contains(country)) {
        return country;
      }
    }
    return null;
  }

  /** How many airport codes {@link #airport} gives: both ends of the flight and of each leg. */
  private int airports() {
    return 2 + 2 * flight.legs().size() + (booking == null ? 0 : 2 * booking.itinerary().size());
  }

  /**
   * The k-th airport of the itinerary, in order: the flight's origin and destination, each of its
   * legs' ends, then each booked leg's ends (any may be null).
   */
  private String airport(int k) {
    if (k < 2) {
      return k == 0 ? flight.origin() : flight.destination();
    }
    k -= 2;
    List<Leg> legs = flight.legs();
    if (k >= 2 * legs.size()) {
      k -= 2 * legs.size();
      legs = booking.itinerary();
    }
    Leg l = legs.get(k / 2);
    return k % 2 == 0 ? l.origin() : l.destination();
  }

  // ---- links between travellers --------------------------------------------------------------

  /**
   * What this traveller shares with another, for rules that join travellers: "phone", "e-mail" or
   * "payment card", or null when they share none of these. Shared bookings do not count: people
   * on one PNR share its contacts by design.
   */
  public String sharedContactWith(Subject other) {
    if (!mayShareContactsWith(other)
        || (contactSignature() & other.contactSignature()) == 0) {
      return null;
    }
    if (overlaps(phones(), other.phones())) {
      return "phone";
    }
    if (overlaps(emails(), other.emails())) {
      return "e-mail";
    }
    if (overlaps(cards(), other.cards())) {
      return "payment card";
    }
    return null;
  }

  /** Not oneself, nor a fellow traveller on the same booking, who shares its contacts. */
  private boolean mayShareContactsWith(Subject other) {
    return other != this && (booking == null || booking != other.booking);
  }

  /**
   * The other travellers evaluated with this one (a flight's, in a batch) for whom {@link
   * #sharedContactWith} is not null, in the order they were given. For a join across travellers,
   * {@code $s : Subject() from $w.contactPartners()} costs what the partners cost: the contacts
   * of the whole evaluation are indexed once, where {@code Subject(sharedContactWith($w) != null)}
   * tests every traveller of the flight against each {@code $w}. Empty outside an evaluation.
   */
  public List<Subject> contactPartners() {
    Contacts c = together;
    return c == null ? List.of() : c.partnersOf(this);
  }

  /** Marks subjects as evaluated together, for {@link #contactPartners()}: the rule set does. */
  static void evaluatedTogether(List<Subject> subjects) {
    Contacts c = new Contacts(subjects);
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      s.together = c;
      s.position = i;
    }
  }

  /** The phones, e-mails and cards of one evaluation's subjects, indexed on first use. */
  private static final class Contacts {
    private final List<Subject> subjects;
    // Per kind, a value and the subjects that have it: a Subject, or a List of them when several.
    private Map<String, Object> phones;
    private Map<String, Object> emails;
    private Map<String, Object> cards;

    Contacts(List<Subject> subjects) {
      this.subjects = subjects;
    }

    List<Subject> partnersOf(Subject s) {
      if (phones == null) {
        phones = new HashMap<>();
        emails = new HashMap<>();
        cards = new HashMap<>();
        for (Subject t : subjects) {
          index(phones, t.phones(), t);
          index(emails, t.emails(), t);
          index(cards, t.cards(), t);
        }
      }
      List<Subject> out = new ArrayList<>(0);
      collect(phones, s.phones(), s, out);
      collect(emails, s.emails(), s, out);
      collect(cards, s.cards(), s, out);
      if (out.size() > 1) {
        out.sort((a, b) -> Integer.compare(a.position, b.position));
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    private static void index(Map<String, Object> map, List<String> values, Subject s) {
      for (String v : values) {
        map.merge(v, s, (had, one) -> {
          if (had instanceof List) {
            ((List<Subject>) had).add(s);
            return had;
          }
          List<Subject> both = new ArrayList<>(2);
          both.add((Subject) had);
          both.add(s);
          return both;
        });
      }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> map, List<String> values, Subject s,
        List<Subject> out) {
      for (String v : values) {
        Object o = map.get(v);
        if (o instanceof Subject t) {
          add(s, t, out);
        } else if (o != null) {
          for (Subject t : (List<Subject>) o) {
            add(s, t, out);
          }
        }
      }
    }

    private static void add(Subject s, Subject t, List<Subject> out) {
      if (s.mayShareContactsWith(t) && !out.contains(t)) { // each partner once
        out.add(t);
      }
    }
  }

  /**
   * One bit per phone, e-mail and card (by hash): two subjects whose signatures share no bit share
   * no contact. A join across a flight's travellers asks this of every pair, and it settles nearly
   * all of them without comparing a string.
   */
  private long contactSignature() {
    long s = contactSignature;
    if (s == 0) {
      s = sign(phones(), 1) | sign(emails(), 2) | sign(cards(), 3);
      contactSignature = s;
    }
    return s;
  }

  private static long sign(List<String> values, int kind) {
    long s = 0;
    for (String v : values) {
      s |= 1L << ((v.hashCode() * 31 + kind) * 0x9E3779B9 >>> 26);
    }
    return s;
  }

  private List<String> phones() {
    if (phones != null) {
      return phones;
    }
    List<String> out = new ArrayList<>();
    for (Traveller t : sides()) {
      for (String p : t.phones()) {
        addPhone(out, p);
      }
    }
    if (booking != null) {
      for (String p : booking.phones()) {
        addPhone(out, p);
      }
    }
    phones = List.copyOf(out); // immutable, so safe to share between threads
    return phones;
  }

  private List<String> emails() {
    if (emails != null) {
      return emails;
    }
    List<String> out = new ArrayList<>();
    for (Traveller t : sides()) {
      for (String e : t.emails()) {
        out.add(e.trim().toLowerCase(Locale.ROOT));
      }
    }
    if (booking != null) {
      for (String e : booking.emails()) {
        out.add(e.trim().toLowerCase(Locale.ROOT));
      }
    }
    emails = List.copyOf(out); // immutable, so safe to share between threads
    return emails;
  }

  private List<String> cards() {
    if (cards != null) {
      return cards;
    }
    List<String> out = new ArrayList<>();
    if (booking != null) {
      for (Payment p : booking.payments()) {
        String n = p.cardNumber() == null ? "" : lettersAndDigits(p.cardNumber());
        // A masked number (XXXX...1234) would join strangers who share the last four digits.
        if (n.length() >= 12 && allDigits(n)) {
          out.add(n);
        }
      }
    }
    cards = List.copyOf(out); // immutable, so safe to share between threads
    return cards;
  }

  private List<Traveller> sides() {
    List<Traveller> s = new ArrayList<>(2);
    if (api != null) {
      s.add(api);
    }
    if (pnr != null) {
      s.add(pnr);
    }
    return s;
  }

  private static void addPhone(List<String> out, String phone) {
    // The last nine digits: the same number written with and without a country prefix. Read
    // from the end, without first copying every digit (a join reads every traveller's phones).
    char[] last = new char[9];
    int n = 0;
    for (int i = phone.length() - 1; i >= 0 && n < last.length; i--) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        last[last.length - ++n] = c;
      }
    }
    if (n >= 7) {
      out.add(new String(last, last.length - n, n));
    }
  }

  private static boolean overlaps(List<String> a, List<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  private static String fullName(Traveller t) {
    String s = t.surname() == null ? "" : t.surname();
    return t.givenNames() == null ? s : t.givenNames() + ' ' + s;
  }

  private static String clean(String number) {
    return number == null ? null : lettersAndDigits(number);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Subject[" + id + "]";
  }
}
