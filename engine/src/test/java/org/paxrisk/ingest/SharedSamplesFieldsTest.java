package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paxrisk.SharedData;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Leg;
import org.paxrisk.model.PartialDate;
import org.paxrisk.model.Role;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;

/**
 * Field-level checks on real samples from {@code ../shared/samples}: names, dates, documents,
 * seats, bags, payment. The expected values were read off the files by hand. Skipped when
 * {@code ../shared} is absent.
 */
class SharedSamplesFieldsTest {

  private static Parse sample(String kind, String name) {
    Path f = SharedData.sharedOrSkip().resolve("samples").resolve(kind).resolve(name);
    Parse p = Parse.file(f);
    assertEquals(List.of(), p.rejected());
    return p;
  }

  @Test
  void paxlst_guideSingleSector_nameAddressBagsPlacesDocument() {
    ApiMessage m = sample("paxlst", "paxlst_guide_v6_ex5_1_single_sector_passenger.edi").api(0);
    assertEquals("745", m.listType());
    assertEquals("ZZ", m.flight().carrier());
    assertEquals("123", m.flight().number());
    assertEquals("SYD", m.flight().origin());
    assertEquals("HNL", m.flight().destination());
    assertEquals(LocalDateTime.of(2013, 6, 21, 9, 0), m.flight().departure());
    assertEquals(LocalDateTime.of(2013, 6, 21, 22, 0), m.flight().arrival());
    Traveller t = m.travellers().get(0);
    assertEquals("WILLIAMS", t.surname());
    assertEquals("JOHN DONALD", t.givenNames());
    assertEquals(new PartialDate(1972, 9, 7), t.dateOfBirth());
    assertEquals(Gender.MALE, t.gender());
    assertEquals("GBR", t.nationality());
    assertEquals("GBR", t.residence());
    assertEquals("SYD", t.embarkation());
    assertEquals("HNL", t.debarkation());
    assertEquals("AMBER HILL GBR", t.placeOfBirth());
    assertEquals("235 WESTERN ROAD SUITE 203", t.address().street());
    assertEquals("SLEAFORD", t.address().city());
    assertEquals("LINCS", t.address().region());
    assertEquals("PE224T5", t.address().postcode());
    assertEquals("TYR123", t.recordLocator());
    assertEquals("ABC123", t.passengerReference());
    assertEquals(List.of("44 188 84 14151"), t.phones());
    assertEquals(Integer.valueOf(2), t.bags().count());
    assertEquals(List.of("ZZ012345", "ZZ012346", "ZZ012347"), t.bags().tags());
    TravelDocument d = t.documents().get(0);
    assertEquals("P", d.type());
    assertEquals("MB140241", d.number());
    assertEquals("GBR", d.issuingCountry());
    assertEquals(LocalDate.of(2015, 12, 31), d.expiry());
    assertEquals(Integer.valueOf(160), m.declaredCount());
    assertTrue(m.warnings().stream().anyMatch(w -> w.code().equals("cnt-mismatch")));
  }

  @Test
  void paxlst_gtasFlight1_twoDocumentsSeatsBagWeights() {
    ApiMessage m = sample("paxlst", "gtas_flight1.txt").api(0);
    assertEquals(10, m.travellers().size());
    Traveller jiang = m.travellers().get(0);
    assertEquals("JIANG", jiang.surname());
    assertEquals("HSIUYUAN", jiang.givenNames());
    assertEquals(new PartialDate(1967, 6, 3), jiang.dateOfBirth());
    assertEquals("056F", jiang.seat());
    assertEquals(Double.valueOf(13), jiang.bags().weightKg());
    assertEquals(2, jiang.documents().size());
    assertNull(jiang.documents().get(0).type(), "DOC with an empty type stays empty");
    assertEquals("433419360", jiang.documents().get(0).number());
    assertEquals("V", jiang.documents().get(1).type());
    assertEquals(LocalDate.of(2021, 7, 29), jiang.documents().get(1).expiry());
    Traveller cannon = m.travellers().get(2);
    assertEquals(4, cannon.bags().count());
    assertEquals(List.of("2660003", "2660004", "SU0005", "2660006"), cannon.bags().tags());
    Traveller ogrady = m.travellers().get(9);
    assertEquals(new PartialDate(2000, 5, 20), ogrady.dateOfBirth(), "two-digit year 00");
  }

  @Test
  void paxlst_progressive_twoLegs_flightSpansBoth() {
    ApiMessage m = sample("paxlst", "paxlst_guide_v6_ex5_3_progressive_two_sectors.edi").api(0);
    List<Leg> legs = m.flight().legs();
    assertEquals(2, legs.size());
    assertEquals("BCN", legs.get(0).origin());
    assertEquals("IAD", legs.get(0).destination());
    assertEquals("IAD", legs.get(1).origin());
    assertEquals("SFO", legs.get(1).destination());
    assertEquals("BCN", m.flight().origin());
    assertEquals("SFO", m.flight().destination());
    assertEquals("XZ", m.flight().carrier());
    assertEquals("877", m.flight().number());
    assertEquals("MARTINEZ", m.travellers().get(1).surname());
    assertEquals("SORINA MARIA", m.travellers().get(1).givenNames());
  }

  @Test
  void paxlst_crewList_roleAndCount() {
    ApiMessage m = sample("paxlst", "gtas_Test1.txt").api(0);
    assertTrue(m.isCrewList());
    assertTrue(m.travellers().stream().allMatch(t -> t.role() == Role.CREW));
  }

  @Test
  void pnrgov_guideAppendixB_infantDocsAndCheckIn() {
    PnrMessage m = sample("pnrgov", "pnrgov_guide_v14_1_appB_ex1.edi").pnr(0);
    assertEquals("SQ", m.flight().carrier());
    assertEquals("602", m.flight().number());
    assertEquals("SIN", m.flight().origin());
    assertEquals("ICN", m.flight().destination());
    Booking b = m.bookings().get(0);
    assertEquals("3PGZOV", b.recordLocator());
    assertEquals("1A", b.reservationSystem());
    assertEquals(LocalDateTime.of(2013, 3, 19, 13, 54), b.created());
    assertEquals(LocalDateTime.of(2013, 5, 27, 5, 59), b.lastModified());
    assertEquals("32393340", b.agency().iataNumber());
    Traveller mother = b.travellers().get(0);
    Traveller infant = b.travellers().get(1);
    assertEquals("BELT", mother.surname());
    assertEquals("ISABELLE", mother.givenNames(), "title MRS removed");
    assertFalse(mother.infant());
    assertEquals(new PartialDate(1978, 7, 1), mother.dateOfBirth());
    assertEquals("509229987", mother.documents().get(0).number());
    assertEquals(1, mother.documents().size(), "the infant's DOCS goes to the infant");
    assertEquals("11D", mother.seat());
    assertEquals(Integer.valueOf(3), mother.bags().count());
    assertEquals(Double.valueOf(33), mother.bags().weightKg());
    assertTrue(infant.infant());
    assertEquals("SOPHY", infant.givenNames());
    assertEquals(new PartialDate(2012, 9, 20), infant.dateOfBirth());
    assertEquals(Gender.FEMALE, infant.gender());
    assertEquals("512731999", infant.documents().get(0).number());
  }

  @Test
  void pnrgov_gtasExample_paymentsContactsTicketsItinerary() {
    PnrMessage m = sample("pnrgov", "gtas_pnrMessageExample.txt").pnr(0);
    Booking b = m.bookings().get(0);
    assertEquals(5, b.travellers().size());
    assertEquals(3, b.itinerary().size());
    assertEquals("WDH", b.itinerary().get(0).origin());
    assertEquals("IAD", b.itinerary().get(2).destination());
    assertTrue(b.isOneWay());
    assertEquals(5, b.payments().size());
    assertTrue(b.isPaidInCash(), "EULENBERGER paid FOP CA");
    assertEquals("AX", b.payments().get(0).cardVendor());
    assertEquals(new BigDecimal("800.00"), b.payments().get(0).amount());
    assertEquals("MOLLY LOBB", b.payments().get(0).payerName());
    assertEquals(5, b.tickets().size());
    assertEquals("10862010862010", b.tickets().get(0).number());
    assertEquals(new BigDecimal("800.00"), b.tickets().get(0).total());
    Traveller lobb = b.travellers().get(0);
    assertEquals("MOLLY", lobb.givenNames());
    assertEquals(List.of("molly_lobb@gmail.com"), lobb.emails());
    assertEquals("22C", lobb.seat(), "seat from the check-in on the pushed flight FRA-IAD");
    assertEquals("ET", lobb.frequentFlyers().get(0).airline());
    assertEquals(LocalDate.of(2025, 4, 26), lobb.documents().get(0).expiry());
  }

  @Test
  void pnrgov_codeshare_brokenUnaRecovered_bagTagsAndOperatingCarrier() {
    Parse p = sample("pnrgov", "gtas_codeshare.edi");
    assertTrue(p.warnings().stream().anyMatch(w -> w.code().equals("una-inferred")));
    PnrMessage m = p.pnr(0);
    Booking park = m.bookings().get(0);
    assertEquals("2LS6KP", park.recordLocator());
    assertTrue(park.otherRecordLocators().contains("EDP2RW"));
    Leg leg = park.itinerary().get(0);
    assertEquals("KE", leg.carrier());
    assertEquals("SQ", leg.operatingCarrier());
    assertTrue(leg.isCodeShare());
    Traveller t = park.travellers().get(0);
    assertEquals("SEJOON", t.givenNames());
    assertEquals("39G", t.seat());
    assertEquals(List.of("1026000001", "1026000002", "1026000003", "1026000004"), t.bags().tags());
  }

  @Test
  void pnrgov_twoPnrs_sensitiveMealDroppedAndHistoryNotTravellers() {
    Parse p = sample("pnrgov", "gtas_2_pnrs_basic.edi");
    PnrMessage m = p.pnr(0);
    assertEquals(2, m.bookings().size());
    for (Booking b : m.bookings()) {
      assertTrue(b.services().stream().noneMatch(s -> s.code().equals("AVML")));
      assertTrue(b.historyEntries() > 0);
    }
    assertEquals(2, m.bookings().get(1).travellers().size(), "TIFs in the history are not travellers");
    assertTrue(m.warnings().stream().anyMatch(w -> w.code().equals("sensitive-ssr-dropped")));
    assertEquals("GBR", m.bookings().get(0).addresses().get(0).country(), "alpha-2 GB mapped");
    Traveller wayne = m.bookings().get(1).travellers().get(0);
    assertEquals(new PartialDate(1912, 7, 12), wayne.dateOfBirth(),
        "12JUL12 on a 2010 flight is 1912, never the future");
  }

  @Test
  void pnrgov_doco_visaDocument() {
    Traveller t = sample("pnrgov", "gtas_pnrWithDoco.txt").pnr(0).travellers().get(0);
    TravelDocument visa = t.documents().stream().filter(TravelDocument::isVisa).findFirst()
        .orElseThrow();
    assertEquals("8675309", visa.number());
    assertEquals("OTHER PLACE", visa.placeOfIssue());
    assertEquals(LocalDate.of(2006, 12, 22), visa.issued());
  }
}
