package org.paxrisk.generate;

import java.io.IOException;
import org.paxrisk.generate.Plan.Booking;
import org.paxrisk.generate.Plan.Doc;
import org.paxrisk.generate.Plan.Flight;
import org.paxrisk.generate.Plan.Person;

/**
 * One flight as an API passenger list: one interchange (UNA, UNB, UNG) holding one PAXLST D02B
 * message, in the segment order of the WCO/IATA/ICAO guide. Sent at door close, so it carries
 * everyone on the flight.
 */
final class PaxlstWriter {
  private PaxlstWriter() {}

  static void write(EdiWriter w, Flight f) throws IOException {
    long sent = f.depUtc - 20;
    String ref = "PX" + f.carrier.code + (f.index + 1);
    String group = Integer.toString(f.index + 1);
    String msg = "PAX" + (f.index + 1);
    String sender = f.carrier.code + "APIS";
    String recipient = f.to.country.iso2 + "APIS";

    w.una();
    w.seg("UNB").e("UNOA").c("4").e(sender).c("ZZ").e(recipient).c("ZZ")
        .e().yymmdd(day(sent)).c().hhmm(minute(sent)).e(ref).e().e("PAXLST").end();
    w.seg("UNG").e("PAXLST").e(sender).c("ZZ").e(recipient).c("ZZ")
        .e().yymmdd(day(sent)).c().hhmm(minute(sent)).e(group).e("UN").e("D").c("02B").end();
    w.startMessage();
    long dep = f.depUtc + f.from.utcOffset;
    long arr = f.arrUtc + f.to.utcOffset;
    w.seg("UNH").e(msg).e("PAXLST").c("D").c("02B").c("UN").c("IATA")
        .e(f.code()).raw("/").yymmdd(day(dep)).raw("/").hhmm(minute(dep)).e("01").c("F").end();
    w.seg("BGM").e("745").end();
    w.seg("RFF").e("TN").c(f.code()).yymmdd(day(dep)).c().c().c("1").end();
    w.seg("NAD").e("MS").e().e().e(f.carrier.code + " PASSENGER SYSTEMS").end();
    w.seg("COM").e(f.carrier.country.callingCode + " 555 0" + f.carrier.numeric).c("TE").end();
    w.seg("TDT").e("20").e(f.code()).e().e().e(f.carrier.code).end();
    w.seg("LOC").e("125").e(f.from.code).end();
    w.seg("DTM").e("189").c().yymmdd(day(dep)).hhmm(minute(dep)).c("201").end();
    w.seg("LOC").e("87").e(f.to.code).end();
    w.seg("DTM").e("232").c().yymmdd(day(arr)).hhmm(minute(arr)).c("201").end();
    int count = 0;
    for (Booking b : f.bookings) {
      for (Person x : b.people) {
        person(w, f, b, x);
        count++;
      }
    }
    w.seg("CNT").e("42").c().num(count).end();
    w.seg("UNT").e().num(w.segments()).e(msg).end();
    w.seg("UNE").e("1").e(group).end();
    w.seg("UNZ").e("1").e(ref).end();
  }

  private static void person(EdiWriter w, Flight f, Booking b, Person x) throws IOException {
    w.seg("NAD").e(x.transit ? "DDU" : "FL").e().e().e(x.surname).c(x.given);
    if (x.middle != null) {
      w.c(x.middle);
    }
    if (x.addressInApi) {
      w.e(b.address.street).e(b.address.city).e().e(b.address.postcode).e(b.address.country.iso3);
    }
    w.end();
    w.seg("ATT").e("2").e().e(String.valueOf(x.gender)).end();
    if (!x.dobAbsent) {
      w.seg("DTM").e("329").c().yymmdd(x.dob).end();
    }
    if (x.bags > 0) {
      w.seg("MEA").e("CT").e().e().c().num(x.bags).end();
      w.seg("MEA").e("WT").e().e("KGM").c().num(x.bagWeight).end();
    }
    if (x.verified != 0) {
      w.seg("GEI").e("4").e().num(x.verified).end();
    }
    if (x.bags > 0) {
      w.seg("FTX").e("BAG").e().e().e(f.carrier.code).pad(x.firstTag, 6).c().num(x.bags).end();
    }
    if (!x.transit) {
      w.seg("LOC").e("22").e(f.to.code).end();
    }
    w.seg("LOC").e("174").e(b.home.iso3).end();
    w.seg("LOC").e("178").e(b.embark.code).end();
    w.seg("LOC").e("179").e(b.debark.code).end();
    if (x.birthplaceInApi) {
      w.seg("LOC").e("180").e().c().c().c(x.birthplace.city + " " + x.nationality.iso3).end();
    }
    if (x.phone != null) {
      w.seg("COM").e(x.phone.substring(1)).c("TE").end();
    }
    w.seg("NAT").e("2").e(x.nationality.iso3).end();
    w.seg("RFF").e("AVF").c(b.locator).end();
    w.seg("RFF").e("ABO").c(x.paxRef).end();
    if (x.seat != null && (b.checkedIn || b.seatsPrebooked)) {
      w.seg("RFF").e("SEA").c(x.seat).end();
    }
    doc(w, x.document);
    if (x.visa != null) {
      doc(w, x.visa);
    }
  }

  private static void doc(EdiWriter w, Doc d) throws IOException {
    w.seg("DOC").e(String.valueOf(d.type)).c("110").c("111").e(d.number).end();
    w.seg("DTM").e("36").c().yymmdd(d.expires).end();
    w.seg("DTM").e("182").c().yymmdd(d.issued).end();
    w.seg("LOC").e("91").e(d.issuer.iso3).end();
  }

  static long day(long minutes) {
    return Math.floorDiv(minutes, 1440);
  }

  static int minute(long minutes) {
    return (int) Math.floorMod(minutes, 1440);
  }
}
