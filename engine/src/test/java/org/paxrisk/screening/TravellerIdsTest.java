package org.paxrisk.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paxrisk.model.Flight;

class TravellerIdsTest {
  @Test
  void theFlightKeyPrintsTheDateAsBasicIsoDate() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(rnd.nextLong(LocalDate.of(1, 1, 1).toEpochDay(),
          LocalDate.of(9999, 12, 31).toEpochDay() + 1));
      Flight f = new Flight("LH", "400", "FRA", "JFK", d.atTime(10, 15), null, List.of());
      assertEquals(f.flightNumber() + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(d) + "-FRA",
          TravellerIds.flightKey(f));
    }
    assertEquals("LH400-20260301-FRA", TravellerIds.flightKey(new Flight("LH", "400", "FRA",
        "JFK", LocalDateTime.of(2026, 3, 1, 10, 15), null, List.of())));
    assertEquals("LH400-00000000-XXX", TravellerIds.flightKey(new Flight("LH", "400", null,
        "JFK", null, null, List.of())));
  }
}
