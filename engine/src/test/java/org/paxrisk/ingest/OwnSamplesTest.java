package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.paxrisk.SharedData;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Role;
import org.paxrisk.model.Traveller;

/**
 * The project's own samples in {@code testdata/samples}: counts against the table in their README
 * (never skipped), and the features each file was written to show.
 */
class OwnSamplesTest {
  private static final Path SAMPLES = SharedData.testdata().resolve("samples");

  @TestFactory
  Stream<DynamicTest> everySample_matchesReadmeTable() throws IOException {
    List<SharedSamplesConformanceTest.Expected> table =
        SharedSamplesConformanceTest.referenceTable(SAMPLES.resolve("README.md"));
    assertEquals(7, table.size());
    return table.stream().map(e -> DynamicTest.dynamicTest(e.file(),
        () -> SharedSamplesConformanceTest.check(SAMPLES, e)));
  }

  @Test
  void customSeparators_releaseCharacterAndDollarTerminator() {
    Parse p = Parse.file(SAMPLES.resolve("paxlst/custom_separators.edi"));
    assertEquals(3, p.parsed().size());
    assertEquals(List.of(), p.warnings());
    List<String> surnames = p.parsed().stream().flatMap(m -> m.travellers().stream())
        .map(Traveller::surname).toList();
    assertTrue(surnames.contains("O'NEILL"), surnames.toString());
    assertTrue(surnames.contains("O'BRIEN"), surnames.toString());
  }

  @Test
  void crew_inTransitCrewRole() {
    ApiMessage m = Parse.file(SAMPLES.resolve("paxlst/crew.edi")).api(0);
    assertTrue(m.isCrewList());
    assertEquals(1, m.travellers().stream().filter(t -> t.role() == Role.TRANSIT_CREW).count());
    assertTrue(m.travellers().stream().anyMatch(t -> "O'CONNOR".equals(t.surname())));
  }

  @Test
  void progressive_threeLegsAndTransitPassenger() {
    ApiMessage m = Parse.file(SAMPLES.resolve("paxlst/progressive_three_legs.edi")).api(0);
    assertEquals(3, m.flight().legs().size());
    assertEquals("ADD", m.flight().origin());
    assertEquals("EWR", m.flight().destination());
    assertEquals(1, m.travellers().stream()
        .filter(t -> t.role() == Role.TRANSIT_PASSENGER).count());
  }

  @Test
  void twoPnrs_infantCodeShareSplitAndSensitiveCodesDropped() {
    Parse p = Parse.file(SAMPLES.resolve("pnrgov/two_pnrs.edi"));
    PnrMessage m = p.pnr(0);
    Booking first = m.bookings().get(0);
    assertEquals(1, first.travellers().stream().filter(Traveller::infant).count());
    assertTrue(first.itinerary().stream().anyMatch(l -> l.isCodeShare()));
    assertTrue(!first.otherRecordLocators().isEmpty(), "split PNR locator kept");
    for (Booking b : m.bookings()) {
      assertTrue(b.services().stream().noneMatch(s -> s.code().equals("AVML")
          || s.code().equals("WCHR")));
    }
    Booking second = m.bookings().get(1);
    assertTrue(second.isPaidInCash());
    assertTrue(second.isOneWay());
  }

  @Test
  void oneWayCash_bookedTheEveningBefore() {
    Booking b = Parse.file(SAMPLES.resolve("pnrgov/one_way_cash.edi")).pnr(0).bookings().get(0);
    assertTrue(b.isOneWay());
    assertTrue(b.isPaidInCash());
    assertEquals(0, b.daysBookedBeforeDeparture());
    assertTrue(b.hoursBookedBeforeDeparture() < 24 && b.hoursBookedBeforeDeparture() > 0);
  }
}
