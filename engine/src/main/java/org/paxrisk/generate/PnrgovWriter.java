package org.paxrisk.generate;

import static org.paxrisk.generate.PaxlstWriter.day;
import static org.paxrisk.generate.PaxlstWriter.minute;

import java.io.IOException;
import java.util.List;
import org.paxrisk.generate.Plan.Address;
import org.paxrisk.generate.Plan.Booking;
import org.paxrisk.generate.Plan.Doc;
import org.paxrisk.generate.Plan.Flight;
import org.paxrisk.generate.Plan.Leg;
import org.paxrisk.generate.Plan.Person;

/**
 * One flight as a PNRGOV 13.1 push at flight close: one interchange, one message, one SRC group
 * per booking with its travellers, full itinerary, check-in data and history, in the group order of
 * the IATA implementation guide.
 */
final class PnrgovWriter {
  private PnrgovWriter() {}

  static void write(EdiWriter w, Flight f) throws IOException {
    String ref = "PN" + f.carrier.code + (f.index + 1);
    long dep = f.depUtc + f.from.utcOffset;
    long push = f.pushUtc + f.from.utcOffset;

    w.una();
    w.seg("UNB").e("IATA").c("1").e(f.carrier.code).e(f.to.country.iso2 + "PIU")
        .e().yymmdd(day(f.pushUtc)).c().hhmm(minute(f.pushUtc)).e(ref).end();
    w.startMessage();
    w.seg("UNH").e("1").e("PNRGOV").c("13").c("1").c("IA")
        .e().ddmmyy(day(push)).raw("/").hhmm(minute(push)).raw("/").text(f.carrier.code)
        .raw("/").num(f.number).end();
    w.seg("MSG").e().c("22").end();
    w.seg("ORG").e(f.carrier.code).c(f.carrier.hubs[0].code).end();
    w.seg("TVL").e().ddmmyy(day(dep)).c().hhmm(minute(dep));
    long arr = f.arrUtc + f.to.utcOffset;
    w.c().ddmmyy(day(arr)).c().hhmm(minute(arr))
        .e(f.from.code).e(f.to.code).e(f.carrier.code).e().num(f.number).end();
    w.seg("EQN").e().num(f.bookings.size()).end();
    for (Booking b : f.bookings) {
      booking(w, f, b);
    }
    w.seg("UNT").e().num(w.segments()).e("1").end();
    w.seg("UNZ").e("1").e(ref).end();
  }

  private static void booking(EdiWriter w, Flight f, Booking b) throws IOException {
    w.seg("SRC").end();
    w.seg("RCI").e(b.owner).c(b.locator).c().c().ddmmyy(day(b.created)).c().hhmm(minute(b.created))
        .end();
    w.seg("DAT").e("700").c().ddmmyy(day(b.modified)).c().hhmm(minute(b.modified)).end();
    String country = b.pointOfSale.iso2;
    if (b.agency != null) {
      w.seg("ORG").e(b.agency.system).c(systemHome(b.agency.system))
          .e(b.agency.iata).c(b.agency.office).e(b.agency.city.code).e().e("T")
          .e(country).c(b.currency).e(b.agency.sine).end();
    } else {
      String office = f.carrier.hubs[0].code;
      w.seg("ORG").e(f.carrier.code).c(office).e().e(office).e().e("A")
          .e(country).c(b.currency).end();
    }
    if (b.address != null) {
      Address a = b.address;
      w.seg("ADD").e().e("702").c(a.street).c(a.city).c().c().c(a.country.iso2).c(a.postcode);
      if (b.homePhone != null) {
        w.c(b.homePhone.substring(1));
      }
      w.end();
    }
    if (b.excessBags > 0) {
      w.seg("EBD").e(b.currency).c().amount(b.excessBags * 6500L * Math.max(1,
          Math.round(b.pointOfSale.perUsd))).e().num(b.excessBags).c().c("N").end();
    }
    if (b.email != null) {
      contact(w, "CTCE " + b.email);
    }
    if (b.mobile != null) {
      contact(w, "CTCM " + b.mobile);
    }
    if (b.homePhone != null) {
      contact(w, "CTCH " + b.homePhone);
    }
    for (Person x : b.people) {
      traveller(w, f, b, x);
    }
    for (Leg l : b.legs) {
      leg(w, f, b, l);
    }
    if (b.history != 0) {
      history(w, f, b);
    }
    if (b.splitLocator != null) {
      w.seg("EQN").e("1").end();
      w.seg("RCI").e(b.owner).c(b.splitLocator).c().c().ddmmyy(day(b.modified)).c()
          .hhmm(minute(b.modified)).end();
    }
  }

  private static void contact(EdiWriter w, String text) throws IOException {
    w.seg("IFT").e("4").c("28").c().c("YY").e(text).end();
  }

  private static void tif(EdiWriter w, Person x) throws IOException {
    w.seg("TIF").e(x.surname).c("I").e(x.givenNames());
    if (x.title != null) {
      w.raw(" ").text(x.title);
    }
    w.c(x.kind == Plan.INFANT ? "IN" : "A").c().num(x.ref);
    if (x.infant != null) {
      w.c("1");
    }
    w.end();
  }

  private static void traveller(EdiWriter w, Flight f, Booking b, Person x) throws IOException {
    tif(w, x);
    if (x.ffNumber != null) {
      w.seg("FTI").e(x.ffCarrier).c(x.ffNumber).end();
    }
    w.seg("REF").e().c(x.uniqueRef).end();
    String cc = f.carrier.code;
    if (x.docsQuality < 2) {
      docs(w, cc, x);
    }
    if (x.visa != null) {
      Doc v = x.visa;
      ssr(w, "DOCO", cc).c("/");
      if (x.birthplace != null) {
        w.text(x.birthplace.city + " " + x.nationality.iso3);
      }
      w.raw("/V/").text(v.number).raw("/");
      if (v.issueCity != null) {
        w.text(v.issueCity);
      }
      w.raw("/").ddmmmyy(v.issued).raw("/").text(v.issuer.iso3).raw("/");
      if (x.kind == Plan.INFANT) {
        w.raw("I");
      }
      w.end();
    }
    if (x.ref == 1 && b.address != null) {
      Address a = b.address;
      ssr(w, "DOCA", cc).c("/R/").text(a.country.iso3).raw("/").text(a.street).raw("/")
          .text(a.city).raw("//").text(a.postcode).raw("/").end();
    }
    if (b.stay != null && x.kind == Plan.ADULT) {
      Address a = b.stay;
      ssr(w, "DOCA", cc).c("/D/").text(a.country.iso3).raw("/").text(a.street).raw("/")
          .text(a.city).raw("//").text(a.postcode).raw("/").end();
    }
    if (x.ticket == null) {
      return;
    }
    long fare = x.kind == Plan.CHILD ? b.fareCents * 3 / 4 : b.fareCents;
    long total = fare;
    for (long tax : b.taxCents) {
      total += tax;
    }
    w.seg("TKT").e(x.ticket).c("T").c("1").end();
    w.seg("MON").e("B").c().amount(fare).c(b.currency).e("T").c().amount(total).c(b.currency)
        .end();
    String city = b.agency != null ? b.agency.city.code : f.carrier.hubs[0].code;
    w.seg("PTK").e("NR").e().e().ddmmyy(day(b.ticketed)).c().hhmm(minute(b.ticketed))
        .e(f.carrier.code).e(f.carrier.numeric).e(city).end();
    w.seg("TXD").e();
    for (int i = 0; i < b.taxCents.length; i++) {
      w.e().amount(b.taxCents[i]).c().c().c(b.taxCodes[i]);
    }
    w.end();
    w.seg("DAT").e("710").c().ddmmyy(day(b.ticketed)).c().hhmm(minute(b.ticketed)).end();
    w.seg("FOP").e(b.fop).c().c().amount(total);
    if (b.cardVendor != null) {
      w.c(b.cardVendor).c(b.cardMasked).c(b.cardExpiry);
    }
    w.end();
    if (b.payerName != null) {
      w.seg("IFT").e("4").c("43").e(b.payerName);
      if (b.address != null) {
        Address a = b.address;
        w.e(a.street + " " + a.city + " " + a.country.iso2 + " " + a.postcode);
      } else {
        w.e();
      }
      if (b.mobile != null) {
        w.e(b.mobile.substring(1));
      }
      w.end();
    }
  }

  /** SSR DOCS; a partial one leaves fields empty the way real PNRs do. */
  private static void docs(EdiWriter w, String cc, Person x) throws IOException {
    Doc d = x.document;
    boolean partial = x.docsQuality == 1;
    int gap = x.uniqueRef.charAt(0) % 3;
    ssr(w, "DOCS", cc).c("/").raw(String.valueOf(d.type)).raw("/").text(d.issuer.iso3).raw("/");
    if (!partial || gap != 0) {
      w.text(d.number);
    }
    w.raw("/");
    if (!partial || gap != 0) {
      w.text(x.nationality.iso3);
    }
    w.raw("/");
    if ((!partial || gap != 1) && !x.dobAbsent) {
      w.ddmmmyy(x.dob);
    }
    w.raw("/");
    if (!partial || gap != 2) {
      w.raw(String.valueOf(x.gender));
      if (x.kind == Plan.INFANT) {
        w.raw("I");
      }
    }
    w.raw("/");
    if (!partial || gap != 1) {
      w.ddmmmyy(d.expires);
    }
    w.raw("/").text(x.surname).raw("/").text(x.givenNames()).raw("/").end();
  }

  /** {@code SSR+CODE:HK:1:CC::::} up to, not including, the free text component. */
  private static EdiWriter ssr(EdiWriter w, String code, String cc) throws IOException {
    return w.seg("SSR").e(code).c("HK").c("1").c(cc).c().c().c().c();
  }

  private static void leg(EdiWriter w, Flight f, Booking b, Leg l) throws IOException {
    long dep = l.depUtc + l.from.utcOffset;
    long arr = l.arrUtc + l.to.utcOffset;
    w.seg("TVL").e().ddmmyy(day(dep)).c().hhmm(minute(dep)).c().ddmmyy(day(arr)).c()
        .hhmm(minute(arr)).e(l.from.code).e(l.to.code).e(l.marketing.code);
    if (l.operating != null) {
      w.c(l.operating.code);
    }
    w.e().num(l.number).c(String.valueOf(l.bookingClass)).end();
    int seated = 0;
    for (Person x : b.people) {
      if (x.kind != Plan.INFANT) {
        seated++;
      }
    }
    w.seg("RPI").e().num(seated).e("HK").end();
    w.seg("APD").e(l.aircraft).end();
    String op = l.operating != null ? l.operating.code : l.marketing.code;
    if (b.seatsPrebooked) {
      w.seg("SSR").e("SEAT").c("HK").c().num(seated).c(op).c().c().c(l.from.code).c(l.to.code);
      for (Person x : b.people) {
        if (x.seat != null) {
          w.e(l.pushed ? x.seat : otherSeat(x.seat, l)).c().c().num(x.ref);
        }
      }
      w.end();
    }
    if (!l.pushed) {
      return;
    }
    for (Person x : b.people) {
      if (x.meal != null) {
        segmentSsr(w, x.meal, op, l).e().c().c().num(x.ref).end();
      }
      if (x.medical != null) {
        segmentSsr(w, x.medical, op, l).e().c().c().num(x.ref).end();
      }
      if (x.infant != null) {
        Person i = x.infant;
        segmentSsr(w, "INFT", op, l).c(i.surname + "/" + i.given + " ").ddmmmyy(i.dob)
            .e().c().c().num(x.ref).end();
      }
    }
    if (!b.checkedIn) {
      return;
    }
    w.seg("DAT").e("2").c().ddmmyy(day(b.checkInUtc + l.from.utcOffset)).c()
        .hhmm(minute(b.checkInUtc + l.from.utcOffset)).end();
    for (Person x : b.people) {
      w.seg("TRI").e().e(l.from.code).raw("-").pad(x.boardingNo, 3).c().c().c().num(x.ref).end();
      tif(w, x);
      if (x.seat != null) {
        String s = x.seat;
        w.seg("SSD").e();
        w.pad(Integer.parseInt(s, 0, s.length() - 1, 10), 3).raw(s.substring(s.length() - 1))
            .e().e().e().e(String.valueOf(b.cabin)).end();
      }
      if (x.bags > 0) {
        w.seg("TBD").e().e().num(x.bags).c().num(x.bagWeight).c("700").e().e()
            .e(f.carrier.numeric).c("0").raw(f.carrier.numeric).pad(x.firstTag, 6).c()
            .num(x.bags).c(b.debark.code).end();
      }
    }
  }

  private static EdiWriter segmentSsr(EdiWriter w, String code, String op, Leg l)
      throws IOException {
    return w.seg("SSR").e(code).c("HK").c("1").c(op).c().c().c(l.from.code).c(l.to.code);
  }

  /** A seat on another leg of the trip: same letter, another row, stable for the same person. */
  private static String otherSeat(String seat, Leg l) {
    int row = Integer.parseInt(seat, 0, seat.length() - 1, 10);
    int other = 6 + Math.floorMod(row * 7 + l.number, 40);
    return (other == 13 ? 14 : other) + seat.substring(seat.length() - 1);
  }

  private static void history(EdiWriter w, Flight f, Booking b) throws IOException {
    String office = b.agency != null ? b.agency.office : f.carrier.hubs[0].code + "RR";
    String city = b.agency != null ? b.agency.city.code : f.carrier.hubs[0].code;
    w.seg("ABI").e("1").e().c(office).e(city).e().e(b.owner).end();
    w.seg("DAT").e("ZT").c().ddmmyy(day(b.historyUtc)).c().hhmm(minute(b.historyUtc)).end();
    Leg pushed = pushedLeg(b.legs);
    if (b.history == 1) {
      w.seg("SAC").e().e().e("X").end();
      seatSsr(w, b, pushed, true);
      w.seg("SAC").e().e().e("A").end();
      seatSsr(w, b, pushed, false);
    } else {
      w.seg("SAC").e().e().e("A").end();
      contact(w, b.mobile != null ? "CTCM " + b.mobile : "CTCE " + (b.email != null ? b.email
          : "NONE//EXAMPLE.COM"));
    }
  }

  private static void seatSsr(EdiWriter w, Booking b, Leg l, boolean old) throws IOException {
    int seated = 0;
    for (Person x : b.people) {
      if (x.seat != null) {
        seated++;
      }
    }
    String op = l.operating != null ? l.operating.code : l.marketing.code;
    w.seg("SSR").e("SEAT").c("HK").c().num(seated).c(op).c().c().c(l.from.code).c(l.to.code);
    for (Person x : b.people) {
      if (x.seat != null) {
        w.e(old ? otherSeat(x.seat, l) : x.seat).c().c().num(x.ref);
      }
    }
    w.end();
  }

  private static Leg pushedLeg(List<Leg> legs) {
    for (Leg l : legs) {
      if (l.pushed) {
        return l;
      }
    }
    throw new IllegalStateException("booking without the pushed flight");
  }

  private static String systemHome(String system) {
    return switch (system) {
      case "1A" -> "MUC";
      case "1S" -> "DFW";
      default -> "ATL";
    };
  }
}
