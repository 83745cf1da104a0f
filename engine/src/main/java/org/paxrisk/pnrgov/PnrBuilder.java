package org.paxrisk.pnrgov;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paxrisk.edifact.Dates;
import org.paxrisk.edifact.Location;
import org.paxrisk.edifact.MessageCursor;
import org.paxrisk.edifact.Segment;
import org.paxrisk.model.Address;
import org.paxrisk.model.Agency;
import org.paxrisk.model.Bags;
import org.paxrisk.model.Booking;
import org.paxrisk.model.CheckIn;
import org.paxrisk.model.Countries;
import org.paxrisk.model.Flight;
import org.paxrisk.model.FrequentFlyer;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Leg;
import org.paxrisk.model.Origin;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.Payment;
import org.paxrisk.model.Role;
import org.paxrisk.model.SpecialService;
import org.paxrisk.model.Ticket;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;

/** Collects one PNR (SRC group) while its segments stream past, then builds the {@link Booking}. */
final class PnrBuilder {
  private static final String[] TITLES_SPACED = {"MRS", "MR", "MS", "MISS", "MSTR", "DR", "PROF"};
  private static final String[] TITLES_JOINED = {"MRS", "MR", "MISS", "MSTR"};

  final LocalDate ref;
  String locator;
  String system;
  LocalDateTime created;
  LocalDateTime lastModified;
  Agency agency;
  int history;
  final Set<String> otherLocators = new LinkedHashSet<>();
  final List<Person> persons = new ArrayList<>();
  final List<Leg> itinerary = new ArrayList<>();
  final List<String> phones = new ArrayList<>();
  final List<String> emails = new ArrayList<>();
  final List<Address> addresses = new ArrayList<>();
  final List<PaymentBuilder> payments = new ArrayList<>();
  final List<SpecialService> services = new ArrayList<>();
  final List<CheckInBuilder> checkIns = new ArrayList<>();
  private final List<DocumentRequest> documents = new ArrayList<>();
  private final List<PnrgovMapper.LegBuilder> legs = new ArrayList<>();

  PnrBuilder(LocalDate ref) {
    this.ref = ref;
  }

  Person addPerson(String surname, String given, String type, String ref) {
    Person p = new Person();
    p.surname = surname;
    p.given = stripTitle(given);
    p.compactSurname = surname == null ? null : compact(surname);
    p.firstGiven = p.given == null ? null : firstWord(p.given);
    p.infant = "IN".equals(type) || "INF".equals(type);
    p.ref = ref;
    p.refKey = PnrgovMapper.flightNumberKey(ref);
    persons.add(p);
    return p;
  }

  void otherLocators(Segment rci, boolean includeFirst) {
    for (int e = includeFirst ? 1 : 2; e <= rci.elementCount(); e++) {
      String l = rci.text(e, 2);
      if (l != null && !l.equals(locator)) {
        otherLocators.add(l);
      }
    }
  }

  void documentRequest(
      String code, String text, String passengerRef, Person hint, Location where) {
    documents.add(new DocumentRequest(code, fields(text, text.startsWith("/") ? 1 : 0),
        passengerRef, hint, where));
  }

  /**
   * The fields of {@code t.substring(start).split("/", -1)}, each trimmed, null when blank: one
   * substring per field and no regex machinery (every traveller has a DOCS), and {@link #field}
   * then only looks one up.
   */
  static String[] fields(String t, int start) {
    int n = 1;
    for (int i = t.indexOf('/', start); i >= 0; i = t.indexOf('/', i + 1)) {
      n++;
    }
    String[] out = new String[n];
    int from = start;
    for (int k = 0; k < n; k++) {
      int to = k == n - 1 ? t.length() : t.indexOf('/', from);
      int a = from;
      int b = to;
      while (a < b && t.charAt(a) <= ' ') {
        a++;
      }
      while (b > a && t.charAt(b - 1) <= ' ') {
        b--;
      }
      out[k] = a == b ? null : t.substring(a, b);
      from = to + 1;
    }
    return out;
  }

  /** A contact from free text or an SSR: CTCE e-mail, CTCM/CTCH/CTCB phone. Other text is dropped. */
  void contact(String text, Person person) {
    String t = text.trim();
    if (t.length() < 6 || !t.startsWith("CTC")) {
      return;
    }
    String kind = t.substring(0, 4);
    String value = t.substring(4).trim();
    if (value.isEmpty()) {
      return;
    }
    if ("CTCE".equals(kind)) {
      String email = value.replace("//", "@").replace("..", "_").replace("./", "-")
          .toLowerCase(Locale.ROOT);
      (person != null ? person.emails : emails).add(email);
    } else if ("CTCM".equals(kind) || "CTCH".equals(kind) || "CTCB".equals(kind)) {
      String phone = phoneDigits(value);
      if (phone != null) {
        (person != null ? person.phones : phones).add(phone);
      }
    }
    // CTCT (travel agency phone) and CTCR (refused) are not the traveller's contacts.
  }

  Booking build(Flight flight, Leg pushed, Origin origin, MessageCursor cursor) {
    for (DocumentRequest d : documents) {
      assign(d, cursor);
    }
    List<CheckIn> checks = new ArrayList<>(checkIns.size());
    for (CheckInBuilder c : checkIns) {
      Person p = c.passengerRef != null ? byRef(c.passengerRef) : null;
      if (p == null && c.surname != null) {
        p = bySurname(c.surname, stripTitle(c.given));
      }
      String ref = p != null ? p.ref : c.passengerRef;
      if (c.leg == null && c.seat == null && c.bags == null && c.boardingNumber == null) {
        continue;
      }
      CheckIn built = new CheckIn(ref, c.leg == null ? null : c.leg.flightNumber(),
          c.leg == null ? null : c.leg.origin(), c.time, c.boardingNumber, c.seat,
          c.bags == null ? Bags.NONE : c.bags);
      checks.add(built);
      if (p != null && c.leg != null && PnrgovMapper.samePushedFlight(c.leg, pushed)) {
        if (c.seat != null) {
          p.seat = c.seat;
        }
        if (c.bags != null) {
          p.bags = c.bags;
        }
      }
    }
    // Seats booked on the pushed flight, for travellers not (yet) checked in.
    for (PnrgovMapper.LegBuilder l : legs) {
      Leg built = l.build();
      if (PnrgovMapper.samePushedFlight(built, pushed)) {
        for (String[] seat : l.seats) {
          Person p = seat[0] == null ? (persons.size() == 1 ? persons.get(0) : null) : byRef(seat[0]);
          if (p != null && p.seat == null) {
            p.seat = seat[1];
          }
        }
      }
    }
    List<Traveller> travellers = new ArrayList<>(persons.size());
    List<Ticket> tickets = new ArrayList<>();
    List<Payment> pays = new ArrayList<>();
    for (PaymentBuilder p : payments) {
      pays.add(p.build());
    }
    for (Person p : persons) {
      travellers.add(p.build(locator, flight, origin, ref));
      for (TicketBuilder t : p.tickets) {
        tickets.add(new Ticket(p.ref, t.number, t.type, t.issued, t.total, t.currency));
      }
      for (PaymentBuilder pb : p.payments) {
        pays.add(pb.build());
      }
    }
    if (locator == null) {
      cursor.warn("missing-locator", "PNR without an RCI record locator", cursor.header());
    }
    return new Booking(locator, system, List.copyOf(otherLocators), created, lastModified, agency,
        travellers, itinerary, phones, emails, addresses, pays, tickets, checks, services, history,
        flight, origin);
  }

  void leg(PnrgovMapper.LegBuilder l) {
    legs.add(l);
  }

  private void assign(DocumentRequest d, MessageCursor cursor) {
    Person target = null;
    if (d.passengerRef != null) {
      target = byRef(d.passengerRef);
    }
    boolean infant = d.infant();
    if (target == null || (infant && !target.infant)) {
      // The person the document names wins over the TIF it was sent under; a document that names
      // nobody exactly goes to its TIF, and only then to a namesake of the same kind.
      Person named = d.surname() != null ? byFullName(d.surname(), d.given(), infant) : null;
      if (named == null && d.hint != null
          && (d.surname() == null || sameSurname(d.hint, d.surname()))) {
        named = d.hint;
      }
      if (named == null && d.surname() != null) {
        named = bySurnameAndInfant(d.surname(), d.given(), infant);
      }
      if (named != null) {
        target = named;
      } else if (infant) {
        List<Person> infants = persons.stream().filter(p -> p.infant).toList();
        target = infants.size() == 1 ? infants.get(0) : target;
      }
    }
    if (target == null) {
      target = d.hint;
    }
    if (target == null && persons.size() == 1) {
      target = persons.get(0);
    }
    if (target == null) {
      cursor.warn("document-unassigned",
          "SSR " + d.code + " matches no traveller of the PNR, not kept", d.where);
      return;
    }
    target.apply(d, ref);
  }

  private Person byRef(String ref) {
    String key = PnrgovMapper.flightNumberKey(ref);
    for (Person p : persons) {
      if (p.ref != null && p.refKey.equals(key)) {
        return p;
      }
    }
    return null;
  }

  private Person bySurname(String surname, String given) {
    Person found = null;
    for (Person p : persons) {
      if (surname.equals(p.surname)) {
        if (given != null && p.given != null && given.equals(p.given)) {
          return p;
        }
        found = found == null ? p : found;
      }
    }
    return found;
  }

  private Person bySurnameAndInfant(String surname, String given, boolean infant) {
    Person sameKind = null;
    String sought = compact(surname);
    String givenSought = given == null ? null : compact(given);
    for (Person p : persons) {
      if (p.surname == null || p.infant != infant || !p.compactSurname.equals(sought)) {
        continue;
      }
      if (givenSought != null && p.given != null && givenSought.startsWith(p.firstGiven)) {
        return p;
      }
      sameKind = sameKind == null ? p : sameKind;
    }
    return sameKind;
  }

  /** The traveller with this surname and first given name, preferring the same kind (infant). */
  private Person byFullName(String surname, String given, boolean infant) {
    if (given == null) {
      return null;
    }
    Person otherKind = null;
    String sought = compact(surname);
    String givenSought = compact(given);
    for (Person p : persons) {
      if (p.surname == null || p.given == null || !p.compactSurname.equals(sought)
          || !givenSought.startsWith(p.firstGiven)) {
        continue;
      }
      if (p.infant == infant) {
        return p;
      }
      otherKind = otherKind == null ? p : otherKind;
    }
    return otherKind;
  }

  private static boolean sameSurname(Person p, String surname) {
    return p.surname != null && p.compactSurname.equals(compact(surname));
  }

  private static String compact(String s) {
    return s.indexOf(' ') < 0 ? s : s.replace(" ", "");
  }

  private static String firstWord(String s) {
    int blank = s.indexOf(' ');
    return blank < 0 ? s : s.substring(0, blank);
  }

  /** Removes a title sent with the given name: "ISABELLE MRS", "JOHNMR", "NINA MS". */
  static String stripTitle(String given) {
    if (given == null) {
      return null;
    }
    String g = given.trim();
    for (String t : TITLES_SPACED) {
      int at = g.length() - t.length();
      if (at > 0 && g.charAt(at - 1) == ' ' && g.endsWith(t)) {
        return g.substring(0, at).trim();
      }
    }
    for (String t : TITLES_JOINED) {
      if (g.endsWith(t) && g.length() > t.length() + 1) {
        return g.substring(0, g.length() - t.length());
      }
    }
    return g.isEmpty() ? null : g;
  }

  private static String phoneDigits(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c) || (c == '+' && sb.length() == 0)) {
        sb.append(c);
      } else if (Character.isLetter(c) && sb.length() > 0) {
        break; // "4412345 WORK": the number ends where words begin
      }
    }
    return sb.length() < 5 ? null : sb.toString();
  }

  /** Field {@code i} of {@link #fields}, or null. */
  static String field(String[] f, int i) {
    return i < f.length ? f[i] : null;
  }

  /** An SSR DOCS, DOCO or DOCA waiting to be matched to its traveller. */
  private record DocumentRequest(
      String code, String[] fields, String passengerRef, Person hint, Location where) {
    boolean infant() {
      switch (code) {
        case "DOCS": {
          String g = field(fields, 5);
          return "FI".equals(g) || "MI".equals(g);
        }
        case "DOCO":
          return "I".equals(field(fields, 6));
        default:
          return "I".equals(field(fields, 6));
      }
    }

    String surname() {
      return "DOCS".equals(code) ? field(fields, 7) : null;
    }

    String given() {
      return "DOCS".equals(code) ? field(fields, 8) : null;
    }
  }

  /** One TIF of the name groups. */
  static final class Person {
    String surname;
    String given;
    /** The surname without blanks and the first word of the given names, for lookups. */
    String compactSurname;
    String firstGiven;
    boolean infant;
    String ref;
    /** {@link #ref} without leading zeros, as {@link #byRef} compares it. */
    String refKey;
    Address address;
    String seat;
    Bags bags;
    PartialDate dateOfBirth;
    Gender gender;
    String nationality;
    String residence;
    final List<TravelDocument> docs = new ArrayList<>(2);
    final List<String> phones = new ArrayList<>(1);
    final List<String> emails = new ArrayList<>(1);
    final List<FrequentFlyer> frequentFlyers = new ArrayList<>(1);
    final List<TicketBuilder> tickets = new ArrayList<>(1);
    final List<PaymentBuilder> payments = new ArrayList<>(1);

    void apply(DocumentRequest d, LocalDate ref) {
      String[] f = d.fields;
      switch (d.code) {
        case "DOCS": {
          if (dateOfBirth == null) {
            dateOfBirth = Dates.birthDate(field(f, 4), ref);
          }
          if (gender == null && field(f, 5) != null) {
            gender = Gender.ofCode(field(f, 5));
          }
          if (nationality == null) {
            nationality = Countries.alpha3(field(f, 3));
          }
          String type = field(f, 0);
          String number = field(f, 2);
          if (number != null) {
            add(new TravelDocument(type, number, Countries.alpha3(field(f, 1)),
                Dates.date(field(f, 6), ref), null, null));
          }
          break;
        }
        case "DOCO": {
          String number = field(f, 2);
          if (number != null) {
            add(new TravelDocument(field(f, 1), number, Countries.alpha3(field(f, 5)), null,
                Dates.date(field(f, 4), ref), field(f, 3)));
          }
          break;
        }
        default: {
          // DOCA: R residence or D destination address.
          if ("R".equals(field(f, 0))) {
            residence = Countries.alpha3(field(f, 1));
            if (address == null && (field(f, 2) != null || field(f, 3) != null)) {
              address = new Address(field(f, 2), field(f, 3), field(f, 4), field(f, 5), residence);
            }
          }
        }
      }
    }

    private void add(TravelDocument doc) {
      for (TravelDocument d : docs) {
        if (doc.number().equals(d.number())
            && (doc.type() == null || d.type() == null || doc.type().equals(d.type()))) {
          return; // the same document sent again in a segment SSR
        }
      }
      docs.add(doc);
    }

    Traveller build(String locator, Flight flight, Origin origin, LocalDate ref) {
      Traveller.Builder b = Traveller.builder().role(Role.PASSENGER).surname(surname)
          .givenNames(given).dateOfBirth(dateOfBirth).gender(gender).nationality(nationality)
          .residence(residence).seat(seat).bags(bags).recordLocator(locator)
          .passengerReference(this.ref).infant(infant).address(address).origin(origin);
      docs.forEach(b::document);
      phones.forEach(b::phone);
      emails.forEach(b::email);
      frequentFlyers.forEach(b::frequentFlyer);
      return b.build();
    }
  }

  static final class TicketBuilder {
    final String number;
    final String type;
    LocalDate issued;
    BigDecimal total;
    String currency;

    TicketBuilder(String number, String type) {
      this.number = number;
      this.type = type;
    }
  }

  static final class PaymentBuilder {
    String type;
    BigDecimal amount;
    String vendor;
    String card;
    String expiry;
    String payerName;

    Payment build() {
      return new Payment(type, amount, vendor, card, expiry, payerName);
    }
  }

  static final class CheckInBuilder {
    final Leg leg;
    LocalDateTime time;
    String boardingNumber;
    String passengerRef;
    String surname;
    String given;
    String seat;
    Bags bags;

    CheckInBuilder(Leg leg) {
      this.leg = leg;
    }

    boolean hasData() {
      return passengerRef != null || surname != null || seat != null || bags != null;
    }
  }
}
