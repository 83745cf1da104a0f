package org.paxrisk.paxlst;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.paxrisk.edifact.Dates;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.MessageCursor;
import org.paxrisk.edifact.Segment;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.model.Address;
import org.paxrisk.model.Bags;
import org.paxrisk.model.Countries;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Leg;
import org.paxrisk.model.Origin;
import org.paxrisk.model.Role;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;

/**
 * Maps one PAXLST message (WCO/IATA/ICAO air subset, D02B, D05B, D15B and the like) to an
 * {@link ApiMessage}. Used by {@code org.paxrisk.ingest.MessageReader}; not meant to be called on
 * its own.
 *
 * <p>The segment groups, in order: BGM and RFF (header), NAD+MS and COM (reporting party), TDT with
 * LOC and DTM (one group per leg), NAD with ATT, DTM, MEA, GEI, FTX, LOC, NAT, RFF, COM, EMP (one
 * group per person), DOC with DTM and LOC (one per document), then CNT. Segments the guide allows but
 * PaxRisk does not use are skipped quietly; segments it does not know are skipped with a warning.
 */
public final class PaxlstMapper {
  /*
   * Implementation note: a flat loop over segments with the current group in `group`; each segment
   * updates the builder of the group it belongs to. Date-of-birth years are resolved against the
   * flight's departure date, which PAXLST always sends before the first person.
   */
  private enum Group { HEADER, PARTY, LEG, PERSON, OTHER_PARTY, DOCUMENT, TRAILER }

  // Tags and codes as Segment.tagKey()/key() ints, so that the loop switches without strings.
  private static final int BGM = 'B' << 16 | 'G' << 8 | 'M';
  private static final int NAD = 'N' << 16 | 'A' << 8 | 'D';
  private static final int TDT = 'T' << 16 | 'D' << 8 | 'T';
  private static final int LOC = 'L' << 16 | 'O' << 8 | 'C';
  private static final int DTM = 'D' << 16 | 'T' << 8 | 'M';
  private static final int ATT = 'A' << 16 | 'T' << 8 | 'T';
  private static final int NAT = 'N' << 16 | 'A' << 8 | 'T';
  private static final int MEA = 'M' << 16 | 'E' << 8 | 'A';
  private static final int FTX = 'F' << 16 | 'T' << 8 | 'X';
  private static final int GEI = 'G' << 16 | 'E' << 8 | 'I';
  private static final int RFF = 'R' << 16 | 'F' << 8 | 'F';
  private static final int COM = 'C' << 16 | 'O' << 8 | 'M';
  private static final int DOC = 'D' << 16 | 'O' << 8 | 'C';
  private static final int CNT = 'C' << 16 | 'N' << 8 | 'T';
  /**
   * What a first pass reads in a traveller's group: the segments that end it, and a BGM, whose
   * list type decides how the totals are read (see {@link #mapFlight}).
   */
  private static final int[] PERSON_ENDS = {NAD, TDT, CNT, BGM};
  private static final int EMP = 'E' << 16 | 'M' << 8 | 'P';
  private static final int CTA = 'C' << 16 | 'T' << 8 | 'A';
  private static final int QTY = 'Q' << 16 | 'T' << 8 | 'Y';
  private static final int UNS = 'U' << 16 | 'N' << 8 | 'S';
  private static final int Q87 = '8' << 8 | '7';
  private static final int Q91 = '9' << 8 | '1';
  private static final int Q92 = '9' << 8 | '2';
  private static final int Q36 = '3' << 8 | '6';
  private static final int Q125 = '1' << 16 | '2' << 8 | '5';
  private static final int Q173 = '1' << 16 | '7' << 8 | '3';
  private static final int Q174 = '1' << 16 | '7' << 8 | '4';
  private static final int ZZZ = 'Z' << 16 | 'Z' << 8 | 'Z';
  private static final int LBR = 'L' << 16 | 'B' << 8 | 'R';
  private static final int BAG = 'B' << 16 | 'A' << 8 | 'G';
  private static final int CT = 'C' << 8 | 'T';
  private static final int WT = 'W' << 8 | 'T';
  private static final int Q178 = '1' << 16 | '7' << 8 | '8';
  private static final int Q179 = '1' << 16 | '7' << 8 | '9';
  private static final int Q180 = '1' << 16 | '8' << 8 | '0';
  private static final int Q182 = '1' << 16 | '8' << 8 | '2';
  private static final int Q189 = '1' << 16 | '8' << 8 | '9';
  private static final int Q232 = '2' << 16 | '3' << 8 | '2';
  private static final int Q329 = '3' << 16 | '2' << 8 | '9';
  private static final int AVF = 'A' << 16 | 'V' << 8 | 'F';
  private static final int ABO = 'A' << 16 | 'B' << 8 | 'O';
  private static final int SEA = 'S' << 16 | 'E' << 8 | 'A';
  private static final int FL = 'F' << 8 | 'L';
  private static final int FM = 'F' << 8 | 'M';
  private static final int MS = 'M' << 8 | 'S';

  private final MessageCursor cursor;
  private final Origin origin;
  private final LocalDate interchangeDate;
  /** Travellers are counted, not mapped ({@link #mapFlight}). */
  private final boolean flightOnly;

  private String listType;
  private String function;
  private String reportingParty;
  private final List<LegBuilder> legs = new ArrayList<>(2);
  private final List<Traveller> travellers = new ArrayList<>();
  private Integer declaredPassengers;
  private Integer declaredCrew;
  private int passengers;
  private int crew;

  private Group group = Group.HEADER;
  private LegBuilder leg;
  private Traveller.Builder person;
  private DocBuilder doc;
  /** The one DocBuilder {@link #doc} points to while in a DOC group: it is copied at its end. */
  private final DocBuilder docBuffer = new DocBuilder();
  private Integer bagCount;
  private Double bagWeight;
  private final List<String> bagTags = new ArrayList<>(2);

  private PaxlstMapper(MessageCursor cursor, Origin origin, LocalDate interchangeDate,
      boolean flightOnly) {
    this.cursor = cursor;
    this.origin = origin;
    this.interchangeDate = interchangeDate;
    this.flightOnly = flightOnly;
  }

  /**
   * Maps the message the cursor is in, reading up to and including its UNT.
   *
   * @param interchangeDate the UNB date, the fallback reference for two-digit years, or null
   * @throws EdifactException when the message cannot be read
   */
  public static ApiMessage map(MessageCursor cursor, Origin origin, LocalDate interchangeDate)
      throws IOException {
    return new PaxlstMapper(cursor, origin, interchangeDate, false).read();
  }

  /**
   * Maps the message as far as a batch's first pass needs: its header, flight legs and CNT, with
   * no travellers. Their NAD segments are checked as {@link #map} checks them (a traveller before
   * any flight rejects the message alike), a BGM is read wherever it stands (its list type
   * decides the totals), and the rest of the message is read to its UNT with the same checks; a
   * traveller's own segments are passed over.
   */
  public static ApiMessage mapFlight(MessageCursor cursor, Origin origin,
      LocalDate interchangeDate) throws IOException {
    return new PaxlstMapper(cursor, origin, interchangeDate, true).read();
  }

  private ApiMessage read() throws IOException {
    while (cursor.next()) {
      Segment s = cursor.segment();
      int tag = s.tagKey();
      if (flightOnly && group == Group.PERSON && !s.tagIn(PERSON_ENDS)) {
        // A traveller's own segments: passed over up to the next one a first pass needs.
        cursor.pass(PERSON_ENDS);
        continue;
      }
      switch (tag) {
        case BGM:
          listType = s.text(1, 1);
          function = s.text(2, 1);
          break;
        case NAD:
          nad(s);
          break;
        case TDT:
          endPerson();
          leg = new LegBuilder(s);
          legs.add(leg);
          group = Group.LEG;
          break;
        case LOC:
          loc(s);
          break;
        case DTM:
          dtm(s);
          break;
        case ATT:
          if (group == Group.PERSON) {
            int g = s.key(3, 1);
            person.gender(g == 'M' ? Gender.MALE : g == 'F' ? Gender.FEMALE
                : Gender.ofCode(s.text(3, 1)));
          }
          break;
        case NAT:
          if (group == Group.PERSON || group == Group.DOCUMENT) {
            person.nationality(Countries.alpha3(s.code(2, 1)));
          }
          break;
        case MEA:
          mea(s);
          break;
        case FTX:
          ftx(s);
          break;
        case GEI:
          if (group == Group.PERSON && s.key(1, 1) == '4') {
            int v = s.key(2, 1);
            person.verified(v == Q173 ? Boolean.TRUE : (v == Q174 || v == ZZZ) ? Boolean.FALSE
                : null);
          }
          break;
        case RFF:
          rff(s);
          break;
        case COM:
          com(s);
          break;
        case DOC:
          doc(s);
          break;
        case CNT:
          endPerson();
          group = Group.TRAILER;
          cnt(s);
          break;
        case EMP:
        case CTA:
        case QTY:
        case UNS:
          break;
        default:
          cursor.warn("unexpected-segment", "segment not in the PAXLST air subset, skipped",
              s.location());
      }
    }
    endPerson();
    return build();
  }

  private void nad(Segment s) {
    int qualifier = s.key(1, 1);
    if (qualifier == MS) {
      endPerson();
      group = Group.PARTY;
      String name = s.text(4, 1);
      reportingParty = name != null ? name : s.text(2, 1);
      return;
    }
    Role role = qualifier == FL ? Role.PASSENGER
        : qualifier == FM ? Role.CREW : Role.ofCode(s.text(1, 1));
    endPerson();
    if (role == null) {
      group = Group.OTHER_PARTY;
      cursor.warn("not-a-traveller", "NAD party is not a passenger or crew member (FL, FM, DDU,"
          + " DDT), skipped with its group", s.location(1, 1));
      return;
    }
    if (legs.isEmpty()) {
      throw new EdifactException("no-flight", "traveller before any TDT flight segment",
          s.location());
    }
    group = Group.PERSON;
    if (role.isCrew()) {
      crew++;
    } else {
      passengers++;
    }
    if (flightOnly) {
      return;
    }
    person = Traveller.builder().role(role).origin(origin);
    person.surname(s.text(4, 1));
    person.givenNames(join(s, 4, 2));
    String street = join(s, 5, 1);
    String city = s.text(6, 1);
    String region = s.text(7, 1);
    if (region == null) {
      region = s.text(7, 4);
    }
    String postcode = s.text(8, 1);
    String country = s.text(9, 1);
    if (street != null || city != null || region != null || postcode != null || country != null) {
      person.address(new Address(street, city, region, postcode, Countries.alpha3(country)));
    }
    if (person.surname() == null) {
      cursor.warn("missing-name", "traveller without a surname", s.location(4, 1));
    }
  }

  private void loc(Segment s) {
    String place = s.code(2, 1);
    if (place == null) {
      place = s.text(2, 4); // LOC+180+:::AMBER HILL GBR: a place named, not coded
    }
    switch (group) {
      case LEG:
        leg.loc(s, place);
        break;
      case PERSON:
        switch (s.key(1, 1)) {
          case Q178:
            person.embarkation(place);
            break;
          case Q179:
            person.debarkation(place);
            break;
          case Q174:
            person.residence(Countries.alpha3(place));
            break;
          case Q180:
            person.placeOfBirth(place);
            break;
          default:
            break; // 22 customs clearance and others: not used
        }
        break;
      case DOCUMENT: {
        int q = s.key(1, 1);
        if (q == Q91) {
          doc.issuingCountry = Countries.alpha3(place);
        } else if (q == Q174) {
          person.residence(Countries.alpha3(place));
        }
        break;
      }
      default:
        break;
    }
  }

  private void dtm(Segment s) {
    switch (group) {
      case LEG: {
        int q = s.key(1, 1);
        boolean departure = q == Q189;
        if (!departure && q != Q232) {
          return;
        }
        CharSequence value = s.view(1, 2);
        LocalDateTime t = Dates.dateTime(value, referenceDate());
        if (t == null && value != null) {
          cursor.warn("bad-date", "leg date/time is not a date", s.location(1, 2));
        }
        if (departure) {
          leg.departure = t;
        } else {
          leg.arrival = t;
        }
        break;
      }
      case PERSON:
        if (s.key(1, 1) == Q329) {
          CharSequence value = s.view(1, 2);
          person.dateOfBirth(Dates.birthDate(value, referenceDate()));
          if (person.dateOfBirth() == null && value != null) {
            cursor.warn("bad-date", "date of birth is not a date", s.location(1, 2));
          }
        }
        break;
      case DOCUMENT: {
        int q = s.key(1, 1);
        boolean expiry = q == Q36;
        if (!expiry && q != Q182) {
          return;
        }
        CharSequence value = s.view(1, 2);
        LocalDate d = Dates.date(value, referenceDate());
        if (d == null && value != null) {
          cursor.warn("bad-date", "document date is not a date", s.location(1, 2));
        }
        if (expiry) {
          doc.expiry = d;
        } else {
          doc.issued = d;
        }
        break;
      }
      default:
        break;
    }
  }

  private void mea(Segment s) {
    if (group != Group.PERSON) {
      return;
    }
    int valueAt = s.has(3, 2) ? 2 : 1;
    boolean pounds = valueAt == 2 && s.key(3, 1) == LBR;
    Double v = number(s.view(3, valueAt));
    if (v == null) {
      cursor.warn("bad-number", "measurement value is not a number", s.location(3, 2));
      return;
    }
    int q = s.key(1, 1);
    if (q == CT) {
      bagCount = v.intValue();
    } else if (q == WT) {
      bagWeight = pounds ? Math.round(v * 0.45359237 * 10) / 10.0 : v;
    }
  }

  private void ftx(Segment s) {
    if (group != Group.PERSON || s.key(1, 1) != BAG) {
      return;
    }
    String tag = s.text(4, 1);
    if (tag == null) {
      return;
    }
    int count = s.intValue(4, 2, 1);
    bagTags.add(tag);
    // "ZZ012345:3" is three bags tagged consecutively from ZZ012345.
    int digits = 0;
    while (digits < tag.length() && Character.isDigit(tag.charAt(tag.length() - 1 - digits))) {
      digits++;
    }
    if (count > 1 && count <= 99 && digits > 0 && digits <= 18) {
      String prefix = tag.substring(0, tag.length() - digits);
      long n = Long.parseLong(tag.substring(tag.length() - digits));
      for (int i = 1; i < count; i++) {
        String num = Long.toString(n + i);
        while (num.length() < digits) {
          num = "0" + num;
        }
        bagTags.add(prefix + num);
      }
    }
  }

  private void rff(Segment s) {
    if (group != Group.PERSON && group != Group.DOCUMENT) {
      return;
    }
    switch (s.key(1, 1)) {
      case AVF:
        personLocator = s.text(1, 2);
        break;
      case ABO:
        person.passengerReference(s.text(1, 2));
        break;
      case SEA:
        person.seat(s.code(1, 2)); // 12A: a short value that repeats, shared
        break;
      default:
        break;
    }
  }

  private String personLocator;

  private void com(Segment s) {
    if (group != Group.PERSON) {
      return;
    }
    for (int e = 1; e <= s.elementCount(); e++) {
      String number = s.text(e, 1);
      String kind = s.text(e, 2);
      if (number == null) {
        continue;
      }
      if ("EM".equals(kind)) {
        person.email(number);
      } else {
        person.phone(number);
      }
    }
  }

  private void doc(Segment s) {
    if (group != Group.PERSON && group != Group.DOCUMENT) {
      cursor.warn("misplaced-segment", "DOC outside a traveller group, skipped", s.location());
      return;
    }
    endDocument();
    group = Group.DOCUMENT;
    doc = docBuffer.clear();
    doc.type = s.code(1, 1);
    doc.number = s.text(2, 1);
    if (doc.number == null) {
      cursor.warn("missing-document-number", "DOC without a document number", s.location(2, 1));
    }
  }

  private void cnt(Segment s) {
    for (int e = 1; e <= s.elementCount(); e++) {
      int n = s.intValue(e, 2, -1);
      if (n < 0) {
        continue;
      }
      if (s.textEquals(e, 1, "42")) {
        declaredPassengers = n;
        if (n != passengers) {
          cursor.warn("cnt-mismatch", "CNT 42 says " + n + " passengers, the message has "
              + passengers, s.location(e, 2));
        }
      } else if (s.textEquals(e, 1, "41")) {
        declaredCrew = n;
        if (n != crew) {
          cursor.warn("cnt-mismatch", "CNT 41 says " + n + " crew, the message has " + crew,
              s.location(e, 2));
        }
      }
    }
  }

  private void endDocument() {
    if (doc != null) {
      person.document(new TravelDocument(doc.type, doc.number, doc.issuingCountry, doc.expiry,
          doc.issued, null));
      doc = null;
    }
  }

  private void endPerson() {
    if (person == null) {
      return;
    }
    endDocument();
    if (bagCount != null || bagWeight != null || !bagTags.isEmpty()) {
      // One tag is the common case: List.of spares Bags the copy of the ArrayList.
      person.bags(new Bags(bagCount, bagWeight, bagTags.size() == 1 ? List.of(bagTags.get(0))
          : bagTags));
    }
    person.recordLocator(personLocator);
    travellers.add(person.build());
    person = null;
    personLocator = null;
    bagCount = null;
    bagWeight = null;
    bagTags.clear();
  }

  private ApiMessage build() {
    List<Leg> built = new ArrayList<>(legs.size());
    for (LegBuilder b : legs) {
      built.add(b.build());
    }
    Flight flight = null;
    if (!built.isEmpty()) {
      Leg first = built.get(0);
      Leg last = built.get(built.size() - 1);
      flight = new Flight(first.carrier(), first.number(), first.origin(), last.destination(),
          first.departure(), last.arrival(), built);
    } else {
      cursor.warn("no-flight", "message has no TDT flight segment", cursor.header());
    }
    Integer declared = "250".equals(listType) || "336".equals(listType)
        ? (declaredCrew != null ? declaredCrew : declaredPassengers)
        : (declaredPassengers != null ? declaredPassengers : declaredCrew);
    return new ApiMessage(origin, listType, function, reportingParty, flight, travellers, declared,
        cursor.warnings());
  }

  private LocalDate referenceDate() {
    for (LegBuilder l : legs) {
      if (l.departure != null) {
        return l.departure.toLocalDate();
      }
      if (l.arrival != null) {
        return l.arrival.toLocalDate();
      }
    }
    return interchangeDate != null ? interchangeDate : LocalDate.now();
  }

  private static String join(Segment s, int e, int fromComponent) {
    int last = s.componentCount(e);
    if (last <= fromComponent) {
      return s.text(e, fromComponent); // one part: no builder
    }
    StringBuilder sb = null;
    for (int c = fromComponent; c <= s.componentCount(e); c++) {
      String part = s.text(e, c);
      if (part != null) {
        if (sb == null) {
          sb = new StringBuilder(part);
        } else {
          sb.append(' ').append(part);
        }
      }
    }
    return sb == null ? null : sb.toString();
  }

  /** A plain decimal such as {@code 29} or {@code 12.5} (comma allowed), or null. */
  static Double number(CharSequence v) {
    if (v == null) {
      return null;
    }
    long whole = 0;
    long frac = 0;
    long scale = 1;
    boolean point = false;
    boolean digits = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        if (point) {
          if (scale < 1_000_000_000L) {
            frac = frac * 10 + (c - '0');
            scale *= 10;
          }
        } else if (whole < 1_000_000_000_000L) {
          whole = whole * 10 + (c - '0');
        } else {
          return null;
        }
      } else if ((c == '.' || c == ',') && !point) {
        point = true;
      } else {
        return null;
      }
    }
    return digits ? whole + frac / (double) scale : null;
  }

  /** A TDT group: flight identification, airports and times. */
  private static final class LegBuilder {
    final String carrier;
    final String number;
    String origin;
    String destination;
    LocalDateTime departure;
    LocalDateTime arrival;

    LegBuilder(Segment tdt) {
      String id = tdt.text(2, 1);
      String declaredCarrier = tdt.text(5, 1);
      String[] split = FlightIds.split(id, declaredCarrier);
      carrier = split[0];
      number = split[1];
    }

    void loc(Segment s, String place) {
      int q = s.key(1, 1);
      if (q == Q125) {
        origin = place;
      } else if (q == Q87) {
        destination = place;
      } else if (q == Q92) {
        // Progressive flights: the first LOC+92 of a leg departs, the next arrives.
        if (origin == null) {
          origin = place;
        } else {
          destination = place;
        }
      }
    }

    Leg build() {
      return new Leg(carrier, number, null, origin, destination, departure, arrival, null, null);
    }
  }

  /** A DOC group. */
  private static final class DocBuilder {
    String type;
    String number;
    String issuingCountry;
    LocalDate expiry;
    LocalDate issued;

    DocBuilder clear() {
      type = null;
      number = null;
      issuingCountry = null;
      expiry = null;
      issued = null;
      return this;
    }
  }
}
