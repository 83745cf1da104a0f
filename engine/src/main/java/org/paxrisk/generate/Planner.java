package org.paxrisk.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paxrisk.generate.Plan.Address;
import org.paxrisk.generate.Plan.Agency;
import org.paxrisk.generate.Plan.Booking;
import org.paxrisk.generate.Plan.Doc;
import org.paxrisk.generate.Plan.Flight;
import org.paxrisk.generate.Plan.Leg;
import org.paxrisk.generate.Plan.Person;
import org.paxrisk.generate.Tables.Airport;
import org.paxrisk.generate.Tables.Carrier;
import org.paxrisk.generate.Tables.Country;
import org.paxrisk.generate.Tables.Culture;

/**
 * Decides flights, bookings and travellers. Flight {@code i} is drawn from its own random stream
 * ({@link Rng#mix}), so it is the same whichever writer asks for it and however many flights come
 * before it. The proportions below are plausible guesses, not statistics: enough variety for
 * parsers, rules and benchmarks, with the risk indicators of DOMAIN.md present at low rates.
 */
final class Planner {
  /** A fixed first day, never "today": output must not depend on when it is generated. */
  static final long START_DAY = LocalDate.of(2025, 3, 3).toEpochDay();
  static final int DAYS = 91;

  private static final String[] WIDE = {"77W", "789", "359", "333", "388", "772", "788", "351"};
  private static final String[] NARROW = {"320", "321", "32N", "738", "7M8", "E90", "319", "223"};
  private static final String LOCATOR = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final String HEX = "0123456789ABCDEF";
  private static final String J_CLASSES = "JCDZ";
  private static final String Y_CLASSES = "YBMHKLQTVWSN";
  private static final String[] SYSTEMS = {"1A", "1A", "1A", "1S", "1S", "1G", "1P"};
  private static final String[] MEALS = {
    "AVML", "VGML", "VLML", "MOML", "KSML", "HNML", "DBML", "GFML", "LSML", "BLML", "SFML"};
  private static final String[] MEDICAL = {"WCHR", "WCHR", "WCHS", "WCHC", "MEDA", "BLND", "DEAF"};
  private static final String[] CARD_VENDORS = {"VI", "VI", "VI", "CA", "CA", "AX", "DC"};
  private static final String[] TAXES = {"YQ", "YR", "GB", "US", "XF", "AY", "DE", "FR", "XT"};
  private static final String[] DOMAINS = {
    "EXAMPLE.COM", "EXAMPLE.NET", "EXAMPLE.ORG", "MAIL.EXAMPLE", "TEST.EXAMPLE"};
  private static final Set<String> SCHENGEN_EU = Set.of(
      "IRL", "FRA", "BEL", "DEU", "AUT", "NLD", "ESP", "PRT", "ITA", "DNK", "SWE", "FIN", "POL",
      "CZE", "HUN", "ROU", "CHE", "NOR");

  private static final Map<String, String[]> STREETS = Map.ofEntries(
      Map.entry("english", new String[] {"HIGH STREET", "STATION ROAD", "CHURCH LANE",
          "PARK AVENUE", "MAPLE DRIVE", "KING STREET", "MILL ROAD", "VICTORIA ROAD", "ELM STREET"}),
      Map.entry("spanish", new String[] {"CALLE MAYOR", "AVENIDA DE LA PAZ", "CALLE REAL",
          "PASEO DE GRACIA", "CALLE DEL SOL", "AVENIDA LIBERTADOR"}),
      Map.entry("portuguese", new String[] {"RUA AUGUSTA", "AVENIDA PAULISTA", "RUA DAS FLORES",
          "RUA DO COMERCIO"}),
      Map.entry("french", new String[] {"RUE DE LA PAIX", "AVENUE VICTOR HUGO", "RUE DU MOULIN",
          "BOULEVARD SAINT-MICHEL", "RUE DES LILAS"}),
      Map.entry("german", new String[] {"HAUPTSTRASSE", "BAHNHOFSTRASSE", "LINDENSTRASSE",
          "GARTENWEG", "SCHULSTRASSE", "BERGSTRASSE"}),
      Map.entry("dutch", new String[] {"KERKSTRAAT", "DORPSSTRAAT", "STATIONSWEG", "MOLENWEG"}),
      Map.entry("italian", new String[] {"VIA ROMA", "VIA GARIBALDI", "CORSO ITALIA",
          "VIA MAZZINI"}),
      Map.entry("nordic", new String[] {"STORGATAN", "KIRKEVEJ", "SKOLEGADE", "KONGENS GATE"}),
      Map.entry("polish", new String[] {"ULICA DLUGA", "ULICA POLNA", "ULICA LESNA"}),
      Map.entry("russian", new String[] {"ULITSA LENINA", "PROSPEKT MIRA", "ULITSA GAGARINA"}),
      Map.entry("turkish", new String[] {"ATATURK CADDESI", "CUMHURIYET CADDESI", "GUL SOKAK"}),
      Map.entry("arabic", new String[] {"AL NAHDA STREET", "KING FAHD ROAD", "AL WASL ROAD",
          "TAHRIR STREET"}));
  private static final String[] OTHER_STREETS = {
    "MAIN ROAD", "CENTRAL AVENUE", "MARKET STREET", "AIRPORT ROAD", "RING ROAD", "GARDEN LANE"};
  private static final Map<String, String> POSTCODES = Map.of(
      "GBR", "aad daa", "IRL", "add xxxx", "CAN", "ada dad", "NLD", "dddd aa", "JPN", "ddd-dddd",
      "PRT", "dddd-ddd", "POL", "dd-ddd", "BRA", "ddddd-ddd", "AUS", "dddd", "CHE", "dddd");

  private final long seed;
  private final int minTravellers;
  private final int maxTravellers;
  private final Tables t = Tables.get();
  private final List<Agency> agencies = new ArrayList<>();
  private final Map<Country, List<Agency>> agenciesByCountry = new HashMap<>();
  /** Contacts and cards shared by unrelated bookings: a risk indicator rules look for. */
  private final String[] sharedPhones = new String[12];
  private final String[] sharedEmails = new String[8];
  private final String[] sharedCards = new String[6];

  Planner(long seed, int minTravellers, int maxTravellers) {
    this.seed = seed;
    this.minTravellers = minTravellers;
    this.maxTravellers = maxTravellers;
    Rng r = new Rng(Rng.mix(seed, -1));
    for (int i = 0; i < 300; i++) {
      Agency a = new Agency();
      a.city = r.pick(t.airports);
      a.system = r.pick(SYSTEMS);
      a.iata = digits(r, 8);
      a.office = a.city.code + letters(r, 2) + digits(r, 4);
      a.sine = pattern(r, "dxxa");
      agencies.add(a);
      agenciesByCountry.computeIfAbsent(a.city.country, k -> new ArrayList<>()).add(a);
    }
    for (int i = 0; i < sharedPhones.length; i++) {
      sharedPhones[i] = phone(r, r.pick(t.countries));
    }
    for (int i = 0; i < sharedEmails.length; i++) {
      sharedEmails[i] = letters(r, 1) + "." + letters(r, 6) + digits(r, 2) + "//" + r.pick(DOMAINS);
    }
    for (int i = 0; i < sharedCards.length; i++) {
      sharedCards[i] = "XXXXXXXXXXXX" + digits(r, 4);
    }
  }

  Flight flight(int index) {
    Rng r = new Rng(Rng.mix(seed, index));
    Flight f = new Flight();
    f.index = index;
    f.carrier = r.pick(t.carriers);
    Airport hub = r.pick(f.carrier.hubs);
    Airport other;
    do {
      other = r.pick(t.airports);
    } while (other.country == hub.country || km(hub, other) < 300);
    boolean fromHub = r.chance(0.5);
    f.from = fromHub ? hub : other;
    f.to = fromHub ? other : hub;
    // Distinct for the first 9,999 flights (7,919 is prime to 9,999), so that no two flights of
    // a run share carrier, number, day and origin and get screened as one.
    f.number = 1 + (int) ((index * 7919L + Rng.mix(seed, 0) % 9999 + 9999) % 9999);
    long day = START_DAY + r.nextInt(DAYS);
    f.depUtc = day * 1440 + (5 * 60 + 5 * r.nextInt(228)) - f.from.utcOffset;
    f.arrUtc = f.depUtc + blockMinutes(f.from, f.to);
    f.pushUtc = f.depUtc - 45;
    int target = r.between(minTravellers, maxTravellers);
    boolean wide = km(f.from, f.to) > 3500 || target > 220;
    f.aircraft = wide ? r.pick(WIDE) : r.pick(NARROW);

    FlightState s = new FlightState(wide, r.between(100000, 800000));
    while (f.travellers < target) {
      Booking b = booking(r, f, s, target - f.travellers);
      f.bookings.add(b);
      f.travellers += b.people.size();
    }
    return f;
  }

  /** Counters that run across the bookings of one flight. */
  private static final class FlightState {
    final SeatMap seats;
    int tag;
    int boarding;
    int paxSeq;

    FlightState(boolean wide, int firstTag) {
      seats = new SeatMap(wide);
      tag = firstTag;
    }
  }

  // ---------------------------------------------------------------- bookings

  private Booking booking(Rng r, Flight f, FlightState s, int room) {
    Booking b = new Booking();
    // Party: solo, couple, family, friends or colleagues, tour group.
    double u = r.nextDouble();
    int adults = 1;
    int children = 0;
    boolean infant = false;
    boolean related = false;
    boolean group = false;
    if (u < 0.55) {
      adults = 1;
      infant = r.chance(0.01);
    } else if (u < 0.70) {
      adults = 2;
      related = true;
      infant = r.chance(0.05);
    } else if (u < 0.88) {
      adults = r.chance(0.7) ? 2 : 1;
      children = r.between(1, 3);
      infant = r.chance(0.25);
      related = true;
    } else if (u < 0.965) {
      adults = r.between(2, 4);
    } else {
      adults = r.between(6, 12);
      group = true;
    }
    if (adults + children + (infant ? 1 : 0) > room) {
      adults = 1;
      children = 0;
      infant = false;
      related = false;
      group = false;
    }
    b.cabin = !group && r.chance(0.08) ? 'J' : 'Y';
    char bookingClass = b.cabin == 'J' ? r.pick(J_CLASSES) : r.pick(Y_CLASSES);

    itinerary(r, f, b, bookingClass);

    // The booking's time line: created, ticketed, changed, all before the push.
    long lead;
    double v = r.nextDouble();
    if (v < 0.04) {
      lead = r.between(120, 24 * 60);
    } else if (v < 0.12) {
      lead = r.between(1, 7) * 1440L + r.nextInt(1440);
    } else if (v < 0.42) {
      lead = r.between(7, 30) * 1440L + r.nextInt(1440);
    } else if (v < 0.87) {
      lead = r.between(30, 120) * 1440L + r.nextInt(1440);
    } else {
      lead = r.between(120, 330) * 1440L + r.nextInt(1440);
    }
    b.created = Math.min(f.depUtc - lead, f.pushUtc - 10);
    b.created = Math.min(b.created, b.legs.get(0).depUtc - 120 - r.nextInt(3 * 1440));
    b.ticketed = b.created + Math.min(r.nextInt(72 * 60), (f.pushUtc - b.created) / 2);
    b.modified = b.ticketed + (long) (r.nextDouble() * (f.pushUtc - 5 - b.ticketed));
    b.locator = locator(r);

    if (group || r.chance(0.55)) {
      List<Agency> local = agenciesByCountry.get(b.home);
      b.agency = local != null && r.chance(0.8) ? r.pick(local) : r.pick(agencies);
      b.owner = b.agency.system;
      b.pointOfSale = b.agency.city.country;
    } else {
      b.owner = f.carrier.code;
      b.pointOfSale = b.home;
    }
    b.currency = b.pointOfSale.currency;

    b.visaRoll = r.nextDouble();
    people(r, f, b, adults, children, infant, related);
    boolean transit = isOnwardTransit(b, f);
    for (Person x : b.people) {
      x.transit = transit;
    }

    Person lead0 = b.people.get(0);
    if (r.chance(0.8)) {
      b.email = r.chance(0.007) ? r.pick(sharedEmails) : email(r, lead0);
    }
    if (r.chance(0.85)) {
      b.mobile = r.chance(0.01) ? r.pick(sharedPhones) : phone(r, b.home);
    }
    if (r.chance(0.1)) {
      b.homePhone = phone(r, b.home);
    }
    if (r.chance(0.6)) {
      b.address = address(r, b.home);
    }

    double p = r.nextDouble();
    if (p < 0.08) {
      b.fop = "CA";
    } else if (p < 0.14) {
      b.fop = "MS";
    } else {
      b.fop = "CC";
      b.cardVendor = r.pick(CARD_VENDORS);
      b.cardMasked = r.chance(0.005) ? r.pick(sharedCards)
          : (b.cardVendor.equals("AX") ? "XXXXXXXXXXX" : "XXXXXXXXXXXX") + digits(r, 4);
      int year = (int) (LocalDate.ofEpochDay(f.depUtc / 1440).getYear() % 100) + r.between(0, 5);
      b.cardExpiry = two(r.between(1, 12)) + two(year % 100);
    }
    if (r.chance(0.04)) {
      // Paid by someone not travelling.
      Culture c = r.pick(t.cultures);
      boolean female = r.chance(0.5);
      b.payerName = r.pick(female ? c.female : c.male) + " " + r.pick(c.surnames);
    } else if (r.chance(b.fop.equals("CC") ? 0.45 : 0.2)) {
      b.payerName = lead0.given + " " + lead0.surname;
    }

    double kmTotal = 0;
    for (Leg l : b.legs) {
      kmTotal += km(l.from, l.to);
    }
    double usd = (kmTotal * (0.06 + r.nextDouble() * 0.08) + 60) * (b.cabin == 'J' ? 3.2 : 1);
    b.fareCents = Math.round(usd * b.pointOfSale.perUsd) * 100;
    int nTaxes = r.between(2, 3);
    b.taxCents = new long[nTaxes];
    b.taxCodes = new String[nTaxes];
    int firstTax = r.nextInt(TAXES.length);
    for (int i = 0; i < nTaxes; i++) {
      b.taxCodes[i] = TAXES[(firstTax + i) % TAXES.length];
      b.taxCents[i] = (long) (b.fareCents * (0.02 + r.nextDouble() * 0.12));
    }
    String ticketBase = f.carrier.numeric + digits(r, 6);
    int ticketSeq = r.between(1000, 8999 - b.people.size());
    for (Person x : b.people) {
      if (x.kind != Plan.INFANT) {
        x.ticket = ticketBase + ticketSeq++;
      }
    }

    b.seatsPrebooked = r.chance(0.55);
    b.checkedIn = r.chance(0.96);
    b.checkInUtc = f.depUtc - r.between(50, 24 * 60);
    b.excessBags = r.chance(0.04) ? r.between(1, 2) : 0;
    if (r.chance(0.25)) {
      b.history = b.seatsPrebooked ? 1 : 2;
      b.historyUtc = b.created + (long) (r.nextDouble() * (b.modified - b.created));
    }
    if (r.chance(0.01)) {
      b.splitLocator = locator(r);
    }
    for (Person x : b.people) {
      checkIn(r, f, s, b, x);
    }
    return b;
  }

  /** The legs of the booking: the pushed flight, maybe a feeder and an onward leg, maybe a return. */
  private void itinerary(Rng r, Flight f, Booking b, char bookingClass) {
    List<Leg> d = new ArrayList<>(3);
    double v = r.nextDouble();
    boolean feeder = v < 0.17 || v >= 0.96;
    boolean onward = (v >= 0.17 && v < 0.33) || v >= 0.96;
    Leg pushed = new Leg();
    pushed.marketing = f.carrier;
    pushed.number = f.number;
    pushed.from = f.from;
    pushed.to = f.to;
    pushed.depUtc = f.depUtc;
    pushed.arrUtc = f.arrUtc;
    pushed.aircraft = f.aircraft;
    pushed.bookingClass = bookingClass;
    pushed.pushed = true;
    if (feeder) {
      Airport x = nearOrFar(r, f.from, f.to);
      long arr = f.depUtc - r.between(12, 48) * 5;
      d.add(leg(r, f, x, f.from, arr - blockMinutes(x, f.from), bookingClass));
    }
    d.add(pushed);
    if (onward) {
      Airport y = nearOrFar(r, f.to, f.from);
      d.add(leg(r, f, f.to, y, f.arrUtc + r.between(12, 60) * 5, bookingClass));
    }
    Airport start = d.get(0).from;
    Airport end = d.get(d.size() - 1).to;
    b.embark = start;
    b.debark = end;
    boolean ret = d.size() <= 2 && r.chance(0.78);
    b.oneWay = !ret;
    if (ret) {
      int stay = r.chance(0.85) ? r.between(2, 21) : r.between(22, 90);
      if (r.chance(0.55)) {
        // Outward now, home later.
        b.legs.addAll(d);
        long day = d.get(d.size() - 1).arrUtc / 1440 + stay;
        b.legs.addAll(reversed(r, d, day));
        b.home = start.country;
      } else {
        // On the way home from an earlier trip.
        long day = d.get(0).depUtc / 1440 - stay;
        b.legs.addAll(reversed(r, d, day));
        b.legs.addAll(d);
        b.home = end.country;
      }
    } else {
      b.legs.addAll(d);
      b.home = r.chance(0.6) ? start.country : end.country;
    }
    if (f.to.country.iso3.equals("USA") && !b.home.iso3.equals("USA") && r.chance(0.8)) {
      // US-bound visitors give where they stay (SSR DOCA D).
      Address a = new Address();
      a.street = r.between(1, 9999) + " " + r.pick(STREETS.get("english"));
      a.city = end.country == f.to.country ? end.city : f.to.city;
      a.postcode = digits(r, 5);
      a.country = f.to.country;
      b.stay = a;
    }
  }

  /** The way back: the legs of {@code d} in reverse, the first leaving on {@code day}. */
  private List<Leg> reversed(Rng r, List<Leg> d, long day) {
    List<Leg> back = new ArrayList<>(d.size());
    long dep = -1;
    for (int i = d.size() - 1; i >= 0; i--) {
      Leg o = d.get(i);
      Leg l = new Leg();
      l.marketing = o.marketing;
      l.operating = o.operating;
      l.number = o.number == 1 ? 2 : (o.number ^ 1);
      l.from = o.to;
      l.to = o.from;
      l.bookingClass = o.bookingClass;
      l.aircraft = o.aircraft;
      if (dep < 0) {
        dep = day * 1440 + (6 * 60 + 5 * r.nextInt(204)) - l.from.utcOffset;
      }
      l.depUtc = dep;
      l.arrUtc = dep + blockMinutes(l.from, l.to);
      dep = l.arrUtc + r.between(12, 48) * 5;
      back.add(l);
    }
    return back;
  }

  /** A connecting leg: the same carrier, an alliance partner (sometimes sold as a code-share), or any. */
  private Leg leg(Rng r, Flight f, Airport from, Airport to, long depUtc, char bookingClass) {
    Leg l = new Leg();
    double u = r.nextDouble();
    Carrier op;
    if (u < 0.5 || (u < 0.85 && f.carrier.partners.isEmpty())) {
      op = f.carrier;
    } else if (u < 0.85) {
      op = r.pick(f.carrier.partners);
    } else {
      op = r.pick(t.carriers);
    }
    if (op != f.carrier && f.carrier.partners.contains(op) && r.chance(0.4)) {
      l.marketing = f.carrier;
      l.operating = op;
      l.number = r.between(5000, 9899);
    } else {
      l.marketing = op;
      l.number = r.between(1, 2999);
    }
    l.from = from;
    l.to = to;
    l.depUtc = depUtc;
    l.arrUtc = depUtc + blockMinutes(from, to);
    l.bookingClass = bookingClass;
    l.aircraft = km(from, to) > 3500 ? r.pick(WIDE) : r.pick(NARROW);
    return l;
  }

  /** Another airport: often in the same country as {@code near} (a domestic connection). */
  private Airport nearOrFar(Rng r, Airport near, Airport avoid) {
    List<Airport> domestic = near.country.airports;
    if (domestic.size() > 1 && r.chance(0.55)) {
      Airport a = r.pick(domestic);
      if (a != near && a != avoid) {
        return a;
      }
    }
    Airport a;
    do {
      a = r.pick(t.airports);
    } while (a == near || a == avoid || km(a, near) < 250);
    return a;
  }

  // ---------------------------------------------------------------- people

  private void people(Rng r, Flight f, Booking b, int adults, int children, boolean infant,
      boolean related) {
    Culture culture = culture(r, b.home);
    Country nat = nationality(r, culture, b.home);
    String family = surname(r, culture);
    long depDay = f.depUtc / 1440;
    int[] childAges = new int[children];
    int oldestChild = 0;
    for (int i = 0; i < children; i++) {
      childAges[i] = r.between(2, 17);
      oldestChild = Math.max(oldestChild, childAges[i]);
    }
    char firstGender = r.chance(0.5) ? 'F' : 'M';
    for (int i = 0; i < adults; i++) {
      Culture c = culture;
      Country n = nat;
      String s = family;
      char g;
      if (related) {
        g = i == 0 ? firstGender : (r.chance(0.97) ? other(firstGender) : firstGender);
      } else {
        g = r.chance(0.5) ? 'F' : 'M';
        if (i > 0) {
          if (r.chance(0.35)) {
            c = culture(r, b.home);
            n = nationality(r, c, b.home);
          }
          s = surname(r, c);
        }
      }
      int minAge = children > 0 ? oldestChild + 20 : 18;
      Person x = person(r, f, b, c, n, s, g, Plan.ADULT, adultAge(r, minAge), depDay);
      x.title = g == 'M' ? "MR" : (related ? "MRS" : (r.chance(0.5) ? "MS" : "MRS"));
      b.people.add(x);
    }
    for (int i = 0; i < children; i++) {
      char g = r.chance(0.5) ? 'F' : 'M';
      Person x = person(r, f, b, culture, nat, family, g, Plan.CHILD, childAges[i], depDay);
      x.title = g == 'M' ? "MSTR" : "MISS";
      b.people.add(x);
    }
    if (infant) {
      char g = r.chance(0.5) ? 'F' : 'M';
      Person x = person(r, f, b, culture, nat, family, g, Plan.INFANT, 0, depDay);
      // An infant sits on the lap of an adult: the mother where there is one.
      Person carrier = b.people.get(0);
      for (Person a : b.people) {
        if (a.kind == Plan.ADULT && a.gender == 'F') {
          carrier = a;
          break;
        }
      }
      carrier.infant = x;
      b.people.add(x);
    }
    for (int i = 0; i < b.people.size(); i++) {
      b.people.get(i).ref = i + 1;
    }
  }

  private Person person(Rng r, Flight f, Booking b, Culture c, Country nat, String surname,
      char gender, int kind, int ageYears, long depDay) {
    Person x = new Person();
    x.kind = kind;
    x.gender = gender;
    x.surname = gender == 'F' && c.feminineSurnames ? feminine(surname) : surname;
    List<String> names = gender == 'F' ? c.female : c.male;
    x.given = r.pick(names);
    if (c.middleNames && r.chance(0.3)) {
      String m = r.pick(names);
      if (!m.equals(x.given)) {
        x.middle = m;
      }
    }
    if (kind == Plan.INFANT) {
      x.dob = depDay - r.between(14, 700);
    } else {
      x.dob = depDay - ageYears * 365L - ageYears / 4 - r.nextInt(365);
    }
    x.nationality = r.chance(0.95) ? nat : nationality(r, c, b.home);
    if (!x.nationality.airports.isEmpty() && r.chance(0.7)) {
      x.birthplace = r.pick(x.nationality.airports);
    }
    x.uniqueRef = hex(r, 16);
    x.document = document(r, f, x, depDay);
    x.visa = visa(r, f, b, x, depDay);
    double q = r.nextDouble();
    x.docsQuality = q < 0.9 ? 0 : (q < 0.98 ? 1 : 2);
    if (kind == Plan.ADULT && r.chance(0.25)) {
      x.ffCarrier = f.carrier.partners.isEmpty() || r.chance(0.7)
          ? f.carrier.code : r.pick(f.carrier.partners).code;
      x.ffNumber = digits(r, r.between(9, 12));
    }
    if (r.chance(kind == Plan.CHILD ? 0.12 : 0.07)) {
      x.meal = kind == Plan.CHILD && r.chance(0.6) ? "CHML" : r.pick(MEALS);
    }
    int age = (int) ((depDay - x.dob) / 365);
    if (r.chance(age >= 70 ? 0.08 : 0.008)) {
      x.medical = r.pick(MEDICAL);
    }
    x.birthplaceInApi = x.birthplace != null && r.chance(0.35);
    double g = r.nextDouble();
    x.verified = g < 0.6 ? 173 : (g < 0.7 ? 174 : 0);
    return x;
  }

  private static boolean isOnwardTransit(Booking b, Flight f) {
    // In transit: the pushed flight is followed, in the same direction, by a leg to another
    // country. Not in the US or Canada, where every arriving passenger enters the country.
    String arrival = f.to.country.iso3;
    if (arrival.equals("USA") || arrival.equals("CAN")) {
      return false;
    }
    for (int i = 0; i + 1 < b.legs.size(); i++) {
      Leg l = b.legs.get(i);
      if (l.pushed) {
        Leg next = b.legs.get(i + 1);
        return next.from == f.to && next.to.country != f.to.country
            && next.depUtc - l.arrUtc < 24 * 60 && next.to != f.from;
      }
    }
    return false;
  }

  private Doc document(Rng r, Flight f, Person x, long depDay) {
    Doc d = new Doc();
    boolean schengen = SCHENGEN_EU.contains(f.from.country.iso3)
        && SCHENGEN_EU.contains(f.to.country.iso3)
        && SCHENGEN_EU.contains(x.nationality.iso3);
    d.type = schengen && r.chance(0.3) ? 'I' : 'P';
    d.number = pattern(r, x.nationality.passportPattern);
    d.issuer = x.nationality;
    int years = x.kind == Plan.ADULT ? 10 : 5;
    if (x.kind == Plan.INFANT) {
      d.issued = x.dob + r.between(7, (int) Math.max(8, depDay - x.dob - 3));
    } else {
      d.issued = depDay - r.nextInt(years * 365 - 20);
      d.issued = Math.max(d.issued, x.dob + 10);
    }
    d.expires = LocalDate.ofEpochDay(d.issued).plusYears(years).minusDays(1).toEpochDay();
    return d;
  }

  private Doc visa(Rng r, Flight f, Booking b, Person x, long depDay) {
    Country dest = f.to.country;
    if (x.nationality == dest || b.home == dest) {
      return null;
    }
    double p = !x.nationality.visaExempt ? 0.85 : (!dest.visaExempt ? 0.55 : 0.02);
    // One roll per booking: a family travels on the same kind of visa, or all without.
    if (b.visaRoll >= p) {
      return null;
    }
    Doc v = new Doc();
    v.type = 'V';
    v.number = digits(r, r.chance(0.7) ? 8 : 9);
    v.issuer = dest;
    v.issued = depDay - r.between(15, 400);
    int[] validity = {90, 180, 365, 730, 1825, 3650};
    v.expires = v.issued + validity[r.nextInt(validity.length)];
    if (v.expires < depDay + 30) {
      v.expires = depDay + r.between(30, 365);
    }
    v.issueCity = b.home.airports.isEmpty() ? null : r.pick(b.home.airports).city;
    return v;
  }

  private void checkIn(Rng r, Flight f, FlightState s, Booking b, Person x) {
    int seq = ++s.paxSeq;
    x.paxRef = f.code() + (seq < 10 ? "00" : seq < 100 ? "0" : "") + seq;
    if (x.kind != Plan.INFANT) {
      x.seat = s.seats.next(b.cabin);
    }
    if (b.checkedIn) {
      x.boardingNo = ++s.boarding;
      if (x.kind == Plan.ADULT) {
        double u = r.nextDouble();
        x.bags = u < 0.35 ? 0 : (u < 0.8 ? 1 : (u < 0.95 ? 2 : 3));
      } else if (x.kind == Plan.CHILD) {
        x.bags = r.chance(0.3) ? 1 : 0;
      }
      for (int i = 0; i < x.bags; i++) {
        x.bagWeight += r.between(7, 32);
      }
      if (x.bags > 0) {
        x.firstTag = s.tag;
        s.tag += x.bags;
      }
    }
    if (r.chance(0.25)) {
      x.phone = b.mobile != null ? b.mobile : phone(r, b.home);
    }
    x.addressInApi = b.address != null && r.chance(0.45);
  }

  // ---------------------------------------------------------------- names and contacts

  private Culture culture(Rng r, Country home) {
    if (r.chance(0.65)) {
      // Mostly the country's main culture; its other communities share the rest.
      return home.cultures.length == 1 || r.chance(0.7)
          ? home.cultures[0] : home.cultures[1 + r.nextInt(home.cultures.length - 1)];
    }
    return r.pick(t.cultures);
  }

  private Country nationality(Rng r, Culture c, Country home) {
    for (Culture k : home.cultures) {
      if (k == c) {
        return r.chance(0.92) ? home : r.pick(c.homes);
      }
    }
    return r.chance(0.55) ? r.pick(c.homes) : home;
  }

  private static String surname(Rng r, Culture c) {
    String s = r.pick(c.surnames);
    if (c.doubleSurnames && r.chance(0.4)) {
      String s2 = r.pick(c.surnames);
      if (!s2.equals(s)) {
        s = s + " " + s2;
      }
    }
    return s;
  }

  /** The feminine form of a Russian or Polish surname given in the masculine form. */
  static String feminine(String s) {
    if (s.endsWith("SKIY")) {
      return s.substring(0, s.length() - 4) + "SKAYA";
    }
    if (s.endsWith("SKII")) { // ICAO 9303 spelling of -СКИЙ
      return s.substring(0, s.length() - 4) + "SKAIA";
    }
    if (s.endsWith("OI")) {
      return s.substring(0, s.length() - 2) + "AIA";
    }
    if (s.endsWith("KI")) {
      return s.substring(0, s.length() - 2) + "KA";
    }
    if (s.endsWith("OY")) {
      return s.substring(0, s.length() - 2) + "AYA";
    }
    if (s.endsWith("OV") || s.endsWith("EV") || s.endsWith("IN") || s.endsWith("YN")) {
      return s + "A";
    }
    return s;
  }

  private static int adultAge(Rng r, int min) {
    double u = r.nextDouble();
    int age = u < 0.4 ? r.between(18, 37) : (u < 0.78 ? r.between(38, 57) : r.between(58, 84));
    return Math.max(age, Math.min(min, 84));
  }

  private static char other(char g) {
    return g == 'F' ? 'M' : 'F';
  }

  private String email(Rng r, Person x) {
    StringBuilder sb = new StringBuilder(32);
    lettersOf(sb, x.given);
    sb.append(r.chance(0.5) ? '.' : '_');
    lettersOf(sb, x.surname);
    if (r.chance(0.4)) {
      sb.append(r.between(1, 99));
    }
    return sb.append("//").append(r.pick(DOMAINS)).toString();
  }

  private static void lettersOf(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        sb.append(ch);
      }
    }
  }

  /**
   * A phone number in international form with its '+'. Where a country reserves numbers for
   * fiction (UK, North America, Australia) they are used; elsewhere the digits are random.
   */
  private static String phone(Rng r, Country c) {
    switch (c.iso3) {
      case "GBR":
        return "+447700900" + digits(r, 3);
      case "USA":
      case "CAN":
        return "+1" + r.between(201, 989) + "55501" + digits(r, 2);
      case "AUS":
        return "+61491570" + digits(r, 3);
      default:
        return "+" + c.callingCode + r.between(2, 9) + digits(r, 8);
    }
  }

  private Address address(Rng r, Country home) {
    Address a = new Address();
    String[] streets = STREETS.getOrDefault(home.cultures[0].name, OTHER_STREETS);
    a.street = r.between(1, 240) + " " + r.pick(streets);
    a.city = home.airports.isEmpty() ? "CAPITAL" : r.pick(home.airports).city;
    a.postcode = pattern(r, POSTCODES.getOrDefault(home.iso3, "ddddd"));
    a.country = home;
    return a;
  }

  // ---------------------------------------------------------------- small draws

  private static String locator(Rng r) {
    char[] c = new char[6];
    for (int i = 0; i < 6; i++) {
      c[i] = r.pick(LOCATOR);
    }
    return new String(c);
  }

  static String digits(Rng r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ('0' + r.nextInt(10));
    }
    return new String(c);
  }

  private static String letters(Rng r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ('A' + r.nextInt(26));
    }
    return new String(c);
  }

  private static String hex(Rng r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = HEX.charAt(r.nextInt(16));
    }
    return new String(c);
  }

  /** d a digit, a a letter, x either; any other character stands for itself. */
  static String pattern(Rng r, String p) {
    char[] c = new char[p.length()];
    for (int i = 0; i < c.length; i++) {
      char k = p.charAt(i);
      c[i] = switch (k) {
        case 'd' -> (char) ('0' + r.nextInt(10));
        case 'a' -> (char) ('A' + r.nextInt(26));
        case 'x' -> r.chance(0.5) ? (char) ('0' + r.nextInt(10)) : (char) ('A' + r.nextInt(26));
        default -> k;
      };
    }
    return new String(c);
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  // ---------------------------------------------------------------- geography

  static double km(Airport a, Airport b) {
    // StrictMath: Math.sin may differ by platform, and the result feeds the output bytes.
    double la1 = StrictMath.toRadians(a.lat);
    double la2 = StrictMath.toRadians(b.lat);
    double dLa = la2 - la1;
    double dLo = StrictMath.toRadians(b.lon - a.lon);
    double h = StrictMath.sin(dLa / 2) * StrictMath.sin(dLa / 2)
        + StrictMath.cos(la1) * StrictMath.cos(la2) * StrictMath.sin(dLo / 2) * StrictMath.sin(dLo / 2);
    return 2 * 6371 * StrictMath.asin(StrictMath.min(1, StrictMath.sqrt(h)));
  }

  /** Gate to gate: about 800 km/h plus half an hour, in whole five minutes. */
  static int blockMinutes(Airport a, Airport b) {
    int m = (int) (km(a, b) / 13.3) + 30;
    return (m + 4) / 5 * 5;
  }

  /** Seats handed out front to back, so a party sits together. Row 13 is skipped, as many do. */
  static final class SeatMap {
    private final String business;
    private final String economy;
    private final int businessRows;
    private int jRow = 1;
    private int jCol;
    private int yRow;
    private int yCol;

    SeatMap(boolean wide) {
      business = wide ? "ADGK" : "ACDF";
      economy = wide ? "ABCDEFGHJK" : "ABCDEF";
      businessRows = wide ? 8 : 4;
      yRow = wide ? 20 : 6;
    }

    String next(char cabin) {
      if (cabin == 'J' && jRow <= businessRows) {
        String s = jRow + String.valueOf(business.charAt(jCol));
        if (++jCol == business.length()) {
          jCol = 0;
          jRow++;
        }
        return s;
      }
      String s = yRow + String.valueOf(economy.charAt(yCol));
      if (++yCol == economy.length()) {
        yCol = 0;
        yRow = yRow == 12 ? 14 : yRow + 1;
      }
      return s;
    }
  }
}
