package org.paxrisk.pnrgov;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.paxrisk.edifact.Dates;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.MessageCursor;
import org.paxrisk.edifact.Segment;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.ingest.SensitiveData;
import org.paxrisk.model.Address;
import org.paxrisk.model.Agency;
import org.paxrisk.model.Bags;
import org.paxrisk.model.Booking;
import org.paxrisk.model.CheckIn;
import org.paxrisk.model.Flight;
import org.paxrisk.model.FrequentFlyer;
import org.paxrisk.model.Leg;
import org.paxrisk.model.Origin;
import org.paxrisk.model.Payment;
import org.paxrisk.model.SpecialService;
import org.paxrisk.model.Ticket;

/**
 * Maps one PNRGOV push (IATA PADIS EDIFACT, versions 10.1 to 16.1, MSG 22) to a {@link PnrMessage}:
 * the flight it was pushed for and one {@link Booking} per SRC group. Used by
 * {@code org.paxrisk.ingest.MessageReader}; not meant to be called on its own.
 *
 * <p>Within a PNR the groups come in this order, and the mapper follows it: the PNR header (RCI,
 * DAT, ORG, ADD, EBD, SSR, IFT), the name groups (TIF with FTI, IFT, REF, SSR DOCS/DOCO/DOCA, TKT,
 * MON, PTK, TXD, DAT, FOP), the itinerary (TVL with TRA, RPI, APD, SSR, and check-in groups DAT,
 * TRI, TIF, SSD, TBD), the history (ABI or LTS onwards), and split PNRs (EQN then RCI). A traveller
 * is a TIF of the name groups, whether or not it has an SSR DOCS; documents sent elsewhere (in a
 * segment SSR, before the infant's own TIF) are matched to travellers when the PNR ends.
 *
 * <p>Special service requests with a sensitive code ({@link SensitiveData}) are dropped before
 * anything else looks at them. Free text (IFT, OSI) is not kept: only contacts (CTCE, CTCM, CTCH,
 * CTCB) and the payer of a ticket (IFT 4:43) are taken from it.
 */
public final class PnrgovMapper {
  private enum Group { HEADER, PNR, NAMES, ITINERARY, CHECK_IN, HISTORY, SPLIT }

  // Tags as Segment.tagKey() ints, so that the loop switches without comparing strings.
  private static final int MSG = 'M' << 16 | 'S' << 8 | 'G';
  private static final int ORG = 'O' << 16 | 'R' << 8 | 'G';
  private static final int TVL = 'T' << 16 | 'V' << 8 | 'L';
  private static final int EQN = 'E' << 16 | 'Q' << 8 | 'N';
  private static final int SRC = 'S' << 16 | 'R' << 8 | 'C';
  private static final int RCI = 'R' << 16 | 'C' << 8 | 'I';
  private static final int DAT = 'D' << 16 | 'A' << 8 | 'T';
  private static final int ADD = 'A' << 16 | 'D' << 8 | 'D';
  private static final int TIF = 'T' << 16 | 'I' << 8 | 'F';
  private static final int FTI = 'F' << 16 | 'T' << 8 | 'I';
  private static final int IFT = 'I' << 16 | 'F' << 8 | 'T';
  private static final int SSR = 'S' << 16 | 'S' << 8 | 'R';
  private static final int TKT = 'T' << 16 | 'K' << 8 | 'T';
  private static final int MON = 'M' << 16 | 'O' << 8 | 'N';
  private static final int PTK = 'P' << 16 | 'T' << 8 | 'K';
  private static final int FOP = 'F' << 16 | 'O' << 8 | 'P';
  private static final int TRA = 'T' << 16 | 'R' << 8 | 'A';
  private static final int RPI = 'R' << 16 | 'P' << 8 | 'I';
  private static final int TRI = 'T' << 16 | 'R' << 8 | 'I';
  private static final int SSD = 'S' << 16 | 'S' << 8 | 'D';
  private static final int TBD = 'T' << 16 | 'B' << 8 | 'D';
  private static final int ABI = 'A' << 16 | 'B' << 8 | 'I';
  private static final int LTS = 'L' << 16 | 'T' << 8 | 'S';
  private static final int SAC = 'S' << 16 | 'A' << 8 | 'C';
  private static final int REF = 'R' << 16 | 'E' << 8 | 'F';
  private static final int FAR = 'F' << 16 | 'A' << 8 | 'R';
  private static final int TXD = 'T' << 16 | 'X' << 8 | 'D';
  private static final int EBD = 'E' << 16 | 'B' << 8 | 'D';
  private static final int APD = 'A' << 16 | 'P' << 8 | 'D';
  private static final int RCD = 'R' << 16 | 'C' << 8 | 'D';
  private static final int TXN = 'T' << 16 | 'X' << 8 | 'N';
  private static final int DOC = 'D' << 16 | 'O' << 8 | 'C';
  private static final int PRI = 'P' << 16 | 'R' << 8 | 'I';
  private static final int EQD = 'E' << 16 | 'Q' << 8 | 'D';

  private final MessageCursor cursor;
  private final Origin origin;
  private final LocalDate interchangeDate;
  private final SensitiveData sensitive;
  private final boolean flightOnly;

  private Leg pushed;
  private Integer declaredPnrs;
  private int sensitiveDropped;
  private final List<PnrBuilder> pnrs = new ArrayList<>();

  private Group group = Group.HEADER;
  private PnrBuilder pnr;
  private PnrBuilder.Person person;
  private LegBuilder leg;
  private PnrBuilder.CheckInBuilder checkIn;

  private PnrgovMapper(
      MessageCursor cursor, Origin origin, LocalDate interchangeDate, SensitiveData sensitive,
      boolean flightOnly) {
    this.cursor = cursor;
    this.origin = origin;
    this.interchangeDate = interchangeDate;
    this.sensitive = sensitive;
    this.flightOnly = flightOnly;
  }

  /**
   * Maps the message the cursor is in, reading up to and including its UNT.
   *
   * @param interchangeDate the UNB date, the fallback reference for two-digit years, or null
   * @throws EdifactException when the message cannot be read
   */
  public static PnrMessage map(
      MessageCursor cursor, Origin origin, LocalDate interchangeDate, SensitiveData sensitive)
      throws IOException {
    return new PnrgovMapper(cursor, origin, interchangeDate, sensitive, false).read();
  }

  /**
   * Like {@link #map}, but maps only the header, where the pushed flight is: the rest of the
   * message is read to its UNT with the same checks, and so rejected where {@link #map} would
   * reject it, but no booking is built and the body's warnings are not looked for. For a first
   * pass that only needs to know which flight each message belongs to.
   */
  public static PnrMessage mapFlight(
      MessageCursor cursor, Origin origin, LocalDate interchangeDate) throws IOException {
    return new PnrgovMapper(cursor, origin, interchangeDate, SensitiveData.defaults(), true)
        .read();
  }

  private PnrMessage read() throws IOException {
    while (cursor.next()) {
      if (flightOnly && group != Group.HEADER) {
        // The header is over, and with it the pushed flight (only the header's TVL is). The rest
        // is read to the UNT with the checks mapping would make, plain segments only counted.
        cursor.passBody();
        break;
      }
      Segment s = cursor.segment();
      int tag = s.tagKey();
      if (group == Group.HISTORY || group == Group.SPLIT) {
        if (tag == SRC) {
          startPnr(s);
        } else if (tag == ABI || tag == LTS) {
          pnr.history++;
        } else if (tag == RCI && group == Group.SPLIT) {
          pnr.otherLocators(s, true);
        } else if (tag == EQN) {
          group = Group.SPLIT;
        }
        continue;
      }
      switch (tag) {
        case MSG:
          break;
        case ORG:
          org(s);
          break;
        case TVL:
          tvl(s);
          break;
        case EQN:
          if (group == Group.HEADER) {
            int n = s.intValue(1, 1, -1);
            declaredPnrs = n < 0 ? null : n;
          } else {
            group = Group.SPLIT; // a split (divided) PNR follows: its RCI names the other record
          }
          break;
        case SRC:
          startPnr(s);
          break;
        case RCI:
          rci(s);
          break;
        case DAT:
          dat(s);
          break;
        case ADD:
          if (inPnr()) {
            add(s);
          }
          break;
        case TIF:
          tif(s);
          break;
        case FTI:
          if (group == Group.NAMES) {
            person.frequentFlyers.add(new FrequentFlyer(s.text(1, 1), s.text(1, 2), tier(s)));
          }
          break;
        case IFT:
          ift(s);
          break;
        case SSR:
          ssr(s);
          break;
        case TKT:
          if (group == Group.NAMES && s.text(1, 1) != null) {
            person.tickets.add(new PnrBuilder.TicketBuilder(s.text(1, 1), s.text(1, 2)));
          }
          break;
        case MON:
          mon(s);
          break;
        case PTK:
          if (group == Group.NAMES && !person.tickets.isEmpty()) {
            PnrBuilder.TicketBuilder t = person.tickets.get(person.tickets.size() - 1);
            LocalDateTime issued = Dates.ddmmyyTime(s.text(3, 1), s.text(3, 2), ref());
            if (issued != null) {
              t.issued = issued.toLocalDate();
            }
          }
          break;
        case FOP:
          fop(s);
          break;
        case TRA:
          if (leg != null) {
            leg.operatingCarrier = s.text(1, 1);
          }
          break;
        case RPI:
          if (leg != null) {
            leg.status = s.text(2, 1);
          }
          break;
        case TRI:
          if (inPnr() && group != Group.PNR && group != Group.NAMES) {
            nextCheckIn().boardingNumber = s.text(2, 1);
          }
          break;
        case SSD:
          if (checkIn != null) {
            String seat = s.text(1, 1);
            checkIn.seat = seat == null || seat.startsWith("XXX") ? null : stripZeros(seat);
          }
          break;
        case TBD:
          tbd(s);
          break;
        case ABI:
        case LTS:
          if (inPnr()) {
            endLeg();
            group = Group.HISTORY;
            pnr.history++;
          }
          break;
        case SAC:
          if (inPnr()) {
            endLeg();
            group = Group.HISTORY;
          }
          break;
        case REF:
        case FAR:
        case TXD:
        case EBD:
        case APD:
        case RCD:
        case TXN:
        case DOC:
        case PRI:
        case EQD:
          break;
        default:
          cursor.warn("unexpected-segment", "segment not in PNRGOV, skipped", s.location());
      }
    }
    endPnr();
    if (flightOnly) {
      return new PnrMessage(origin, flight(), List.of(), declaredPnrs, cursor.warnings());
    }
    if (declaredPnrs != null && declaredPnrs != pnrs.size()) {
      cursor.warn("eqn-mismatch", "EQN says " + declaredPnrs + " PNRs, the message has "
          + pnrs.size(), cursor.header());
    }
    if (sensitiveDropped > 0) {
      cursor.warn("sensitive-ssr-dropped", sensitiveDropped
          + " special service requests with sensitive codes were dropped", cursor.header());
    }
    Flight flight = flight();
    List<Booking> bookings = new ArrayList<>(pnrs.size());
    for (PnrBuilder p : pnrs) {
      bookings.add(p.build(flight, pushed, origin, cursor));
    }
    return new PnrMessage(origin, flight, bookings, declaredPnrs, cursor.warnings());
  }

  /** The flight the message was pushed for, from the header's TVL. */
  private Flight flight() {
    if (pushed == null) {
      throw new EdifactException("no-flight",
          "PNRGOV message has no TVL naming the flight it was pushed for", cursor.header());
    }
    return new Flight(pushed.carrier(), pushed.number(), pushed.origin(), pushed.destination(),
        pushed.departure(), pushed.arrival(), List.of(pushed));
  }

  // ------------------------------------------------------------------ groups

  private boolean inPnr() {
    return pnr != null;
  }

  private void startPnr(Segment s) {
    endPnr();
    pnr = new PnrBuilder(ref());
    pnrs.add(pnr);
    group = Group.PNR;
  }

  private void endPnr() {
    endLeg();
    person = null;
    pnr = null;
  }

  private void endLeg() {
    endCheckIn();
    if (leg != null && pnr != null) {
      pnr.itinerary.add(leg.build());
      pnr.leg(leg);
    }
    leg = null;
  }

  private void endCheckIn() {
    if (checkIn != null && pnr != null) {
      pnr.checkIns.add(checkIn);
    }
    checkIn = null;
  }

  /** A new check-in record on the same leg, unless the current one is still empty. */
  private PnrBuilder.CheckInBuilder nextCheckIn() {
    if (checkIn != null && checkIn.hasData()) {
      LocalDateTime time = checkIn.time;
      endCheckIn();
      ensureCheckIn().time = time;
    }
    return ensureCheckIn();
  }

  private PnrBuilder.CheckInBuilder ensureCheckIn() {
    if (checkIn == null) {
      checkIn = new PnrBuilder.CheckInBuilder(leg == null ? null : leg.build());
      group = Group.CHECK_IN;
    }
    return checkIn;
  }

  // ------------------------------------------------------------------ segments

  private void org(Segment s) {
    if (pnr == null || group != Group.PNR) {
      if (group == Group.CHECK_IN || group == Group.ITINERARY) {
        ensureCheckIn();
      }
      return; // the sender of the message, or the check-in agent: not the booking agency
    }
    String country = s.text(6, 1);
    pnr.agency = new Agency(s.text(1, 1), s.text(1, 2), s.text(2, 1), s.text(2, 2), s.text(7, 1),
        s.text(5, 1), country == null ? null : org.paxrisk.model.Countries.alpha3(country),
        s.text(6, 2));
  }

  private void tvl(Segment s) {
    if (group == Group.HEADER) {
      pushed = new LegBuilder(s, ref(), cursor).build();
      if (pushed.origin() == null || pushed.number() == null) {
        cursor.warn("incomplete-flight", "pushed flight TVL lacks the airport or flight number",
            s.location());
      }
      return;
    }
    if (pnr == null) {
      return;
    }
    if (s.text(2, 1) == null && s.text(3, 1) == null) {
      // TVL+++++474:U after a check-in RCI: the operating flight of a code-share, no new leg.
      return;
    }
    endLeg();
    person = null;
    leg = new LegBuilder(s, ref(), cursor);
    group = Group.ITINERARY;
  }

  private void rci(Segment s) {
    if (pnr == null) {
      return;
    }
    if (group == Group.PNR && pnr.locator == null) {
      pnr.locator = s.text(1, 2);
      pnr.system = s.text(1, 1);
      String date = s.text(1, 4);
      String time = s.text(1, 5);
      if (date == null || date.length() != 6) {
        // Some senders leave out the reservation control type: the date moves up one place.
        date = s.text(1, 3);
        time = s.text(1, 4);
      }
      pnr.created = Dates.ddmmyyTime(date, time, ref());
      if (pnr.locator == null) {
        cursor.warn("missing-locator", "RCI without a record locator", s.location(1, 2));
      }
      pnr.otherLocators(s, false);
      return;
    }
    // An RCI inside the itinerary or check-in: the locator at another (operating) carrier.
    pnr.otherLocators(s, true);
    if (group == Group.ITINERARY || group == Group.CHECK_IN) {
      endCheckIn();
    }
  }

  private void dat(Segment s) {
    if (pnr == null) {
      return;
    }
    if (group == Group.ITINERARY || group == Group.CHECK_IN) {
      PnrBuilder.CheckInBuilder c = nextCheckIn();
      if (s.textEquals(1, 1, "2")) {
        c.time = Dates.ddmmyyTime(s.text(1, 2), s.text(1, 3), ref());
      }
      return;
    }
    for (int e = 1; e <= s.elementCount(); e++) {
      String q = s.text(e, 1);
      boolean modified = "700".equals(q) && group == Group.PNR;
      if (!modified && !("710".equals(q) && group == Group.NAMES)) {
        continue; // other dates are not kept: not worth parsing
      }
      LocalDateTime t = Dates.ddmmyyTime(s.text(e, 2), s.text(e, 3), ref());
      if (modified && t != null) {
        pnr.lastModified = t;
      } else if (!modified && t != null && !person.tickets.isEmpty()) {
        PnrBuilder.TicketBuilder tk = person.tickets.get(person.tickets.size() - 1);
        if (tk.issued == null) {
          tk.issued = t.toLocalDate();
        }
      }
    }
  }

  private void add(Segment s) {
    String street = s.text(2, 2);
    String city = s.text(2, 3);
    String region = s.text(2, 4);
    String country = s.text(2, 6);
    String postcode = s.text(2, 7);
    String phone = s.text(2, 8);
    if (street != null || city != null || country != null || postcode != null) {
      Address a = new Address(street, city, region, postcode,
          org.paxrisk.model.Countries.alpha3(country));
      if (group == Group.NAMES && person != null) {
        person.address = a;
      } else {
        pnr.addresses.add(a);
      }
    }
    if (phone != null) {
      pnr.phones.add(phone);
    }
  }

  private void tif(Segment s) {
    if (pnr == null) {
      return;
    }
    String surname = s.text(1, 1);
    String given = s.text(2, 1);
    String type = s.text(2, 2);
    String ref = s.text(2, 3);
    if (group == Group.PNR || group == Group.NAMES) {
      group = Group.NAMES;
      person = pnr.addPerson(surname, given, type, ref);
      if (surname == null) {
        cursor.warn("missing-name", "TIF without a surname", s.location(1, 1));
      }
      return;
    }
    if (group == Group.ITINERARY || group == Group.CHECK_IN) {
      PnrBuilder.CheckInBuilder c = ensureCheckIn();
      if (c.passengerRef != null || c.surname != null) {
        c = nextCheckIn();
      }
      c.passengerRef = ref;
      c.surname = surname;
      c.given = given;
    }
  }

  private void ift(Segment s) {
    if (pnr == null) {
      return;
    }
    if (s.textEquals(1, 1, "4") && s.textEquals(1, 2, "43")) {
      // Payer of the ticket: name, address, phone.
      if (person != null && !person.payments.isEmpty()) {
        PnrBuilder.PaymentBuilder p = person.payments.get(person.payments.size() - 1);
        p.payerName = s.text(2, 1);
      }
      return;
    }
    for (int e = 2; e <= s.elementCount(); e++) {
      String text = s.text(e, 1);
      if (text != null) {
        pnr.contact(text, group == Group.NAMES ? person : null);
      }
    }
  }

  private void ssr(Segment s) {
    if (pnr == null) {
      return;
    }
    String code = s.code(1, 1); // shared strings: their hash codes are computed once
    if (code == null) {
      return;
    }
    if (sensitive.isSensitive(code)) {
      sensitiveDropped++;
      return;
    }
    String text = null;
    for (int c = 9; c >= 5 && text == null; c--) {
      text = s.text(1, c);
    }
    String passengerRef = s.text(2, 3);
    switch (code) {
      case "DOCS":
      case "DOCO":
      case "DOCA":
        if (text != null) {
          pnr.documentRequest(code, text, passengerRef,
              group == Group.NAMES ? person : null, s.location(1, 9));
        }
        break;
      case "SEAT":
        if (leg != null) {
          for (int e = 2; e <= s.elementCount(); e++) {
            String seat = s.text(e, 1);
            String ref = s.text(e, 3);
            if (seat != null && !seat.startsWith("XXX")) {
              leg.seats.add(new String[] {ref, stripZeros(seat)});
            }
          }
        }
        break;
      case "INFT":
      case "TKNE":
      case "CTCE":
      case "CTCM":
      case "CTCH":
      case "FOID":
        if (code.startsWith("CTC") && text != null) {
          pnr.contact(code + " " + text, group == Group.NAMES ? person : null);
        }
        break;
      default:
        pnr.services.add(new SpecialService(code, s.text(1, 2), s.text(1, 4),
            passengerRef != null ? passengerRef : (group == Group.NAMES && person != null
                ? person.ref : null), text));
    }
  }

  private void mon(Segment s) {
    if (group != Group.NAMES || person.tickets.isEmpty()) {
      return;
    }
    PnrBuilder.TicketBuilder t = person.tickets.get(person.tickets.size() - 1);
    for (int e = 1; e <= s.elementCount(); e++) {
      if (s.textEquals(e, 1, "T") || (t.total == null && s.textEquals(e, 1, "B"))) {
        BigDecimal amount = amount(s.text(e, 2));
        if (amount != null) {
          t.total = amount;
          t.currency = s.text(e, 3);
        }
      }
    }
  }

  private void fop(Segment s) {
    if (pnr == null) {
      return;
    }
    for (int e = 1; e <= s.elementCount(); e++) {
      String type = s.text(e, 1);
      if (type == null) {
        continue;
      }
      PnrBuilder.PaymentBuilder p = new PnrBuilder.PaymentBuilder();
      p.type = type;
      p.amount = amount(s.text(e, 3));
      p.vendor = s.text(e, 4);
      p.card = s.text(e, 5);
      p.expiry = s.text(e, 6);
      if (group == Group.NAMES && person != null) {
        person.payments.add(p);
      } else {
        pnr.payments.add(p);
      }
    }
  }

  private void tbd(Segment s) {
    if (pnr == null || (group != Group.CHECK_IN && group != Group.ITINERARY)) {
      return;
    }
    PnrBuilder.CheckInBuilder c = ensureCheckIn();
    int count = s.intValue(2, 1, -1);
    Double weight = null;
    String w = s.text(2, 2);
    if (w != null) {
      BigDecimal bw = amount(w);
      if (bw != null) {
        double kg = bw.doubleValue();
        if ("701".equals(s.text(2, 3)) || "LB".equals(s.text(2, 3))) {
          kg = Math.round(kg * 0.45359237 * 10) / 10.0;
        }
        weight = kg;
      }
    }
    // Element 4 is the pooling indicator (MP, HP); bag tags start at element 5:
    // carrier:tag number:consecutive count:destination. Tags are kept as sent, without the carrier.
    java.util.Set<String> tags = new java.util.LinkedHashSet<>();
    for (int e = 5; e <= s.elementCount(); e++) {
      String tag = s.text(e, 2);
      if (tag == null) {
        continue;
      }
      tags.add(tag);
      int n = s.intValue(e, 3, 1);
      if (n > 1 && n <= 20 && tag.length() < 18 && tag.chars().allMatch(Character::isDigit)) {
        long first = Long.parseLong(tag);
        for (int i = 1; i < n; i++) {
          tags.add(zeroPadded(first + i, tag.length()));
        }
      }
    }
    c.bags = new Bags(count < 0 ? null : count, weight, List.copyOf(tags));
  }

  // ------------------------------------------------------------------ helpers

  /** {@code value} in at least {@code width} digits, as %0<width>d (a bag tag's zeros kept). */
  static String zeroPadded(long value, int width) {
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    StringBuilder sb = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private LocalDate ref() {
    if (pushed != null && pushed.departure() != null) {
      return pushed.departure().toLocalDate();
    }
    return interchangeDate != null ? interchangeDate : LocalDate.now();
  }

  private static String tier(Segment s) {
    for (int c = 3; c <= s.componentCount(1); c++) {
      String t = s.text(1, c);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  static BigDecimal amount(String v) {
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Seats are sent as 15A or 011D: the model holds 15A and 11D. */
  static String stripZeros(String seat) {
    int i = 0;
    while (i < seat.length() - 1 && seat.charAt(i) == '0') {
      i++;
    }
    return seat.substring(i);
  }

  /** Flight numbers are compared without leading zeros: 0006 and 6 are the same flight. */
  static String flightNumberKey(String number) {
    if (number == null) {
      return null;
    }
    int i = 0;
    while (i < number.length() - 1 && number.charAt(i) == '0') {
      i++;
    }
    return number.substring(i);
  }

  /** Whether an itinerary leg is the flight the message was pushed for. */
  static boolean samePushedFlight(Leg leg, Leg pushed) {
    if (leg == null || pushed == null) {
      return false;
    }
    String n = flightNumberKey(leg.number());
    if (n == null || !n.equals(flightNumberKey(pushed.number()))) {
      return false;
    }
    boolean carrier = pushed.carrier() == null || pushed.carrier().equals(leg.carrier())
        || pushed.carrier().equals(leg.operatingCarrier());
    boolean airport = leg.origin() == null || pushed.origin() == null
        || leg.origin().equals(pushed.origin());
    boolean date = leg.departure() == null || pushed.departure() == null
        || leg.departure().toLocalDate().equals(pushed.departure().toLocalDate());
    return carrier && airport && date;
  }

  /** A TVL segment: dates, airports, carriers, flight number, class. */
  static final class LegBuilder {
    final String carrier;
    String operatingCarrier;
    final String number;
    final String bookingClass;
    final String origin;
    final String destination;
    final LocalDateTime departure;
    final LocalDateTime arrival;
    String status;
    final List<String[]> seats = new ArrayList<>(2);

    LegBuilder(Segment s, LocalDate ref, MessageCursor cursor) {
      String depDate = s.text(1, 1);
      String depTime = s.text(1, 2);
      String arrDate = s.text(1, 3);
      String arrTime = s.text(1, 4);
      departure = Dates.ddmmyyTime(depDate, depTime, ref);
      if (arrDate != null && arrDate.length() == 4 && arrTime == null) {
        // "280918:1220:1505": arrival time on the day of departure.
        arrTime = arrDate;
        arrDate = depDate;
      }
      LocalDateTime arr = Dates.ddmmyyTime(arrDate == null ? depDate : arrDate, arrTime, ref);
      arrival = arrTime == null && arrDate == null ? null : arr;
      if (depDate != null && departure == null) {
        cursor.warn("bad-date", "TVL departure date is not a DDMMYY date", s.location(1, 1));
      }
      origin = s.text(2, 1);
      destination = s.text(3, 1);
      carrier = s.text(4, 1);
      operatingCarrier = s.text(4, 2);
      number = s.text(5, 1);
      bookingClass = s.text(5, 2);
    }

    Leg build() {
      return new Leg(carrier, number, operatingCarrier, origin, destination, departure, arrival,
          bookingClass, status);
    }
  }
}
