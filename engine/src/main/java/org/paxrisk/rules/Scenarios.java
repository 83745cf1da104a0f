package org.paxrisk.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paxrisk.model.Agency;
import org.paxrisk.model.Bags;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Leg;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.Payment;
import org.paxrisk.model.Role;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.WatchlistMatch;

/**
 * Scenario tests for rule authors: YAML files kept beside the DRL that say "given these travellers,
 * bookings and list matches on this flight, these rules fire and those do not". The format is
 * documented in {@code docs/rules.md}; a file holds one or more scenarios separated by {@code ---}.
 */
public final class Scenarios {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Scenarios() {}

  /** One scenario's outcome; {@code failures} says what went wrong in words, empty when passed. */
  public record Result(String file, String name, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }

    /** {@code PASS file: name}, or {@code FAIL file: name} and the failures, one per line. */
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(passed() ? "PASS " : "FAIL ")
          .append(file).append(": ").append(name);
      for (String f : failures) {
        b.append(System.lineSeparator()).append("       ").append(f);
      }
      return b.toString();
    }
  }

  /**
   * Runs every scenario of every pack against {@code rules}. A file that cannot be read gives one
   * failed result that says where (line and column) and why; the other files still run.
   */
  public static List<Result> run(RuleSet rules, List<RulePack> packs) {
    List<Result> out = new ArrayList<>();
    for (RulePack pack : packs) {
      for (RulePack.File f : pack.files()) {
        if (RulePack.isScenario(f.relative())) {
          out.addAll(runFile(rules, f.display(), f.text()));
        }
      }
    }
    return out;
  }

  static List<Result> runFile(RuleSet rules, String file, String text) {
    List<Result> out = new ArrayList<>();
    List<ScenarioFile> scenarios = new ArrayList<>();
    try (MappingIterator<ScenarioFile> it = YAML.readerFor(ScenarioFile.class).readValues(text)) {
      while (it.hasNextValue()) {
        scenarios.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      out.add(new Result(file, "(file)", List.of(where(file, text, e) + ": "
          + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", ""))));
      return out;
    } catch (IOException | RuntimeException e) {
      out.add(new Result(file, "(file)", List.of(file + ": " + e.getMessage())));
      return out;
    }
    for (int i = 0; i < scenarios.size(); i++) {
      ScenarioFile s = scenarios.get(i);
      String name = s.name() == null ? "scenario " + (i + 1) : s.name();
      try {
        out.add(new Result(file, name, check(rules, s)));
      } catch (IllegalArgumentException | RuleRuntimeException e) {
        out.add(new Result(file, name, List.of(e.getMessage())));
      }
    }
    return out;
  }

  /** {@code file:line:column}; for an unknown field, where the field is, not where its value ends. */
  private static String where(String file, String text, JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    if (l == null) {
      return file;
    }
    int line = l.getLineNr();
    int column = l.getColumnNr();
    if (e instanceof UnrecognizedPropertyException u) {
      String[] lines = text.split("\\R", -1);
      Pattern field = Pattern.compile("(^|[\\s{,])(" + Pattern.quote(u.getPropertyName()) + ")\\s*:");
      for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
        Matcher m = field.matcher(lines[i]);
        if (m.find()) {
          line = i + 1;
          column = m.start(2) + 1;
          break;
        }
      }
    }
    return file + ':' + line + ':' + column;
  }

  private static List<String> check(RuleSet rules, ScenarioFile s) {
    if (s.travellers() == null || s.travellers().isEmpty()) {
      throw new IllegalArgumentException("no travellers");
    }
    Flight flight = s.flight() == null ? new FlightSpec(null, null, null, null, null, null).build()
        : s.flight().build();
    boolean flightHasApi = s.api() == null || s.api();
    boolean flightHasPnr = s.pnr() == null || s.pnr();

    // PNR travellers first: a booking lists its travellers.
    Map<String, List<Traveller>> byBooking = new LinkedHashMap<>();
    List<Traveller> apiSide = new ArrayList<>();
    List<Traveller> pnrSide = new ArrayList<>();
    for (TravellerSpec t : s.travellers()) {
      Set<String> in = t.in() == null ? Set.of("api", "pnr") : Set.copyOf(t.in());
      for (String where : in) {
        if (!where.equals("api") && !where.equals("pnr")) {
          throw new IllegalArgumentException("traveller " + t.id() + ": 'in' takes api and pnr, not "
              + where);
        }
      }
      apiSide.add(in.contains("api") ? t.traveller(false) : null);
      Traveller pnr = in.contains("pnr") ? t.traveller(true) : null;
      pnrSide.add(pnr);
      if (pnr != null) {
        byBooking.computeIfAbsent(bookingKey(t), k -> new ArrayList<>()).add(pnr);
      }
    }
    Map<String, Booking> bookings = new HashMap<>();
    for (Map.Entry<String, List<Traveller>> e : byBooking.entrySet()) {
      BookingSpec spec = s.bookings() == null ? null : s.bookings().get(e.getKey());
      if (spec == null && !e.getKey().startsWith("\0")) {
        throw new IllegalArgumentException("booking '" + e.getKey() + "' is not under bookings");
      }
      bookings.put(e.getKey(), (spec == null ? BookingSpec.DEFAULT : spec)
          .build(e.getKey().replace("\0", "PNR"), flight, e.getValue()));
    }

    List<Subject> subjects = new ArrayList<>();
    for (int i = 0; i < s.travellers().size(); i++) {
      TravellerSpec t = s.travellers().get(i);
      List<WatchlistMatch> matches = new ArrayList<>();
      if (t.matches() != null) {
        for (MatchSpec m : t.matches()) {
          matches.add(m.build());
        }
      }
      Booking b = pnrSide.get(i) == null ? null : bookings.get(bookingKey(t));
      subjects.add(new Subject(TravellerIds.apiPassenger(flight, i + 1), flight, apiSide.get(i),
          pnrSide.get(i), b, matches, flightHasApi, flightHasPnr));
    }

    List<List<RiskHit>> hits = rules.evaluate(subjects);
    List<String> failures = new ArrayList<>();
    Set<String> known = Set.copyOf(rules.ruleNames());
    for (int i = 0; i < s.travellers().size(); i++) {
      TravellerSpec t = s.travellers().get(i);
      String who = t.id() == null ? "traveller " + (i + 1) : t.id();
      Set<String> fired = new java.util.TreeSet<>();
      for (RiskHit h : hits.get(i)) {
        fired.add(h.rule());
      }
      Expect e = t.expect();
      if (e == null) {
        continue;
      }
      for (String rule : e.fires() == null ? List.<String>of() : e.fires()) {
        if (!known.contains(rule)) {
          failures.add(who + ": no rule named '" + rule + "'");
        } else if (!fired.contains(rule)) {
          failures.add(who + ": expected '" + rule + "' to fire; fired: " + fired);
        }
      }
      for (String rule : e.notFires() == null ? List.<String>of() : e.notFires()) {
        if (!known.contains(rule)) {
          failures.add(who + ": no rule named '" + rule + "'");
        } else if (fired.contains(rule)) {
          failures.add(who + ": expected '" + rule + "' not to fire, but it did");
        }
      }
      if (e.band() != null) {
        Scoring scoring = Scoring.DEFAULT;
        Band band = scoring.band(scoring.score(hits.get(i)));
        if (!band.name().equalsIgnoreCase(e.band())) {
          failures.add(who + ": expected band " + e.band() + ", got "
              + band.name().toLowerCase(Locale.ROOT) + " from " + fired);
        }
      }
    }
    return failures;
  }

  private static String bookingKey(TravellerSpec t) {
    // A traveller without a booking id gets a booking of their own, named after them.
    return t.booking() != null ? t.booking() : "\0" + (t.id() == null ? "" : t.id());
  }

  // ---- the file format -----------------------------------------------------------------------

  record ScenarioFile(String name, String description, FlightSpec flight, Boolean api, Boolean pnr,
      Map<String, BookingSpec> bookings, List<TravellerSpec> travellers) {}

  record FlightSpec(String carrier, String number, String origin, String destination,
      String departure, String arrival) {
    Flight build() {
      String c = carrier == null ? "LH" : carrier;
      String n = number == null ? "0400" : number;
      String o = origin == null ? "FRA" : origin;
      String d = destination == null ? "JFK" : destination;
      LocalDateTime dep = dateTime("flight.departure", departure, "2026-03-01T10:00");
      LocalDateTime arr = dateTime("flight.arrival", arrival, dep.plusHours(9).toString());
      return new Flight(c, n, o, d, dep, arr,
          List.of(new Leg(c, n, null, o, d, dep, arr, null, null)));
    }
  }

  record DocumentSpec(String type, String number, String issuingCountry, String expiry,
      String issued) {
    TravelDocument build(String who) {
      return new TravelDocument(type == null ? "P" : type, number, issuingCountry,
          date(who + ".documents.expiry", expiry), date(who + ".documents.issued", issued), null);
    }
  }

  /** What the PNR says differently from the API list for the same traveller. */
  record PnrSide(String surname, String givenNames, String dateOfBirth,
      List<DocumentSpec> documents) {}

  record TravellerSpec(String id, List<String> in, String surname, String givenNames,
      String dateOfBirth, String gender, String nationality, Boolean crew,
      List<DocumentSpec> documents, Integer bags, List<String> phones, List<String> emails,
      String booking, PnrSide pnrDiffers, List<MatchSpec> matches, Expect expect) {

    Traveller traveller(boolean pnrSide) {
      String who = id == null ? "traveller" : id;
      PnrSide p = pnrSide && pnrDiffers != null ? pnrDiffers : null;
      Traveller.Builder b = Traveller.builder()
          .role(crew != null && crew ? Role.CREW : Role.PASSENGER)
          .surname(p != null && p.surname() != null ? p.surname() : orDefault(surname, "DOE"))
          .givenNames(p != null && p.givenNames() != null ? p.givenNames()
              : orDefault(givenNames, "JOHN"))
          .dateOfBirth(partialDate(who + ".dateOfBirth",
              p != null && p.dateOfBirth() != null ? p.dateOfBirth() : dateOfBirth))
          .gender(gender == null ? Gender.UNKNOWN : Gender.valueOf(gender.toUpperCase(Locale.ROOT)))
          .nationality(nationality)
          .recordLocator(pnrSide ? (booking == null ? "PNR" : booking) : null)
          .bags(bags == null ? Bags.NONE : new Bags(bags, null, List.of()));
      List<DocumentSpec> docs = p != null && p.documents() != null ? p.documents() : documents;
      if (docs != null) {
        for (DocumentSpec d : docs) {
          b.document(d.build(who));
        }
      }
      if (phones != null) {
        phones.forEach(b::phone);
      }
      if (emails != null) {
        emails.forEach(b::email);
      }
      return b.build();
    }
  }

  record LegSpec(String carrier, String number, String origin, String destination,
      String departure) {}

  record PaymentSpec(String type, BigDecimal amount, String card, String payer) {}

  record AgencySpec(String iataNumber, String officeId, String country) {}

  record BookingSpec(String created, Boolean oneWay, Integer returnAfterDays,
      List<LegSpec> itinerary, List<PaymentSpec> payments, AgencySpec agency,
      List<String> phones, List<String> emails) {
    static final BookingSpec DEFAULT =
        new BookingSpec(null, null, null, null, null, null, null, null);

    Booking build(String locator, Flight flight, List<Traveller> travellers) {
      String who = "bookings." + locator;
      LocalDateTime created = dateTime(who + ".created", this.created,
          flight.departure().minusDays(30).toString());
      List<Leg> legs = new ArrayList<>();
      if (itinerary != null) {
        for (LegSpec l : itinerary) {
          LocalDateTime dep = dateTime(who + ".itinerary.departure", l.departure(), null);
          legs.add(new Leg(orDefault(l.carrier(), flight.carrier()),
              orDefault(l.number(), "0001"), null, l.origin(), l.destination(), dep, null, null,
              "HK"));
        }
      } else {
        legs.add(flight.legs().get(0));
        if (oneWay == null || !oneWay) {
          LocalDateTime back = flight.departure()
              .plusDays(returnAfterDays == null ? 7 : returnAfterDays);
          legs.add(new Leg(flight.carrier(), "0401", null, flight.destination(), flight.origin(),
              back, back.plusHours(9), null, "HK"));
        }
      }
      List<Payment> pays = new ArrayList<>();
      if (payments == null) {
        pays.add(new Payment("CC", null, "VI", null, null, null));
      } else {
        for (PaymentSpec p : payments) {
          pays.add(new Payment(orDefault(p.type(), "CC"), p.amount(), null, p.card(), null,
              p.payer()));
        }
      }
      Agency a = agency == null ? null : new Agency(null, null, agency.iataNumber(),
          agency.officeId(), null, null, agency.country(), null);
      return new Booking(locator, null, List.of(), created, created, a, travellers, legs,
          phones == null ? List.of() : phones, emails == null ? List.of() : emails, List.of(),
          pays, List.of(), List.of(), List.of(), 0, flight, null);
    }
  }

  record MatchSpec(String entryId, String list, String category, Double score,
      List<String> reasons) {
    WatchlistMatch build() {
      if (category == null || score == null) {
        throw new IllegalArgumentException("a match needs a category and a score");
      }
      return new WatchlistMatch(orDefault(entryId, "test:1"), orDefault(list, "test"), category,
          score, "LISTED NAME", "LISTED NAME", reasons == null ? List.of() : reasons, null);
    }
  }

  record Expect(List<String> fires, List<String> notFires, String band) {}

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }

  private static LocalDateTime dateTime(String field, String text, String fallback) {
    String t = text == null ? fallback : text;
    if (t == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not a date-time (2026-03-01T10:00): " + t);
    }
  }

  private static LocalDate date(String field, String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not a date (2026-03-01): " + text);
    }
  }

  private static PartialDate partialDate(String field, String text) {
    try {
      return text == null ? null : PartialDate.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": not a date (1980-05-17 or 1980): " + text);
    }
  }
}
