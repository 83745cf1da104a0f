package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.model.Booking;

/** Sensitive special service requests never reach the model (EU PNR Directive art. 13). */
class SensitiveDataTest {
  static final String PNR = String.join("\n",
      "UNA:+.? '",
      "UNB+IATA:1+XY+GOV+240101:0900+1'",
      "UNH+1+PNRGOV:13:1:IA+1'",
      "MSG+:22'",
      "ORG+XY:FRA'",
      "TVL+010224:1030:010224:1330+FRA+JFK+XY+101'",
      "EQN+1'",
      "SRC'",
      "RCI+XY:ABC123::200124:1200'",
      "SSR+MOML:HK:1:XY'",
      "SSR+UMNR:HK:1:XY:::::UNACCOMPANIED MINOR AGE 9'",
      "TIF+DOE+JANE:A:1'",
      "SSR+DOCS:HK:1:XY:::::/P/DEU/C01X00T47/DEU/12AUG85/F/12AUG30/DOE/JANE'",
      "SSR+WCHR:HK:1:XY'",
      "SSR+OTHS:HK:1:XY:::::PAX NEEDS DIALYSIS'",
      "IFT+4:28::XY+PAX PRAYS FIVE TIMES DAILY'",
      "TVL+010224:1030:010224:1330+FRA+JFK+XY+101:Y'",
      "SSR+KSML:HK:1:XY:::FRA:JFK+::1'",
      "SSR+MEDA:HK:1:XY:::FRA:JFK:OXYGEN NEEDED+::1'",
      "UNT+19+1'",
      "UNZ+1+1'");

  private static PnrMessage read(SensitiveData list) throws Exception {
    try (MessageReader r = new MessageReader(
        new ByteArrayInputStream(PNR.getBytes(StandardCharsets.UTF_8)), "t.edi",
        ReadConstraints.DEFAULTS, list)) {
      return (PnrMessage) r.next();
    }
  }

  @Test
  void defaults_dropMealMedicalAndFreeTextCodes_keepOthers() throws Exception {
    PnrMessage m = read(SensitiveData.defaults());
    Booking b = m.bookings().get(0);
    assertEquals(List.of("UMNR"), b.services().stream().map(s -> s.code()).toList());
    assertEquals(1, b.travellers().size());
    assertEquals("C01X00T47", b.travellers().get(0).documents().get(0).number());
    List<String> strings = new ArrayList<>();
    collectStrings(m, strings);
    for (String forbidden : List.of("MOML", "KSML", "WCHR", "MEDA", "OTHS", "DIALYSIS", "OXYGEN",
        "PRAYS")) {
      assertFalse(strings.stream().anyMatch(s -> s.contains(forbidden)),
          forbidden + " reached the model");
    }
    assertTrue(m.warnings().stream().anyMatch(w -> w.code().equals("sensitive-ssr-dropped")
        && w.text().startsWith("5 ")), m.warnings().toString());
  }

  @Test
  void customList_replacesDefaults() throws Exception {
    PnrMessage m = read(SensitiveData.of(Set.of("umnr")));
    List<String> codes = m.bookings().get(0).services().stream().map(s -> s.code()).toList();
    assertFalse(codes.contains("UMNR"));
    assertTrue(codes.contains("MOML"), "a centre's own list is used as given");
  }

  @Test
  void defaultList_isDocumentedResource() {
    Set<String> codes = SensitiveData.defaults().codes();
    assertTrue(codes.containsAll(Set.of("MOML", "KSML", "HNML", "VGML", "WCHR", "MEDA", "BLND",
        "DEAF", "OXYG", "OTHS")), codes.toString());
    assertFalse(codes.contains("DOCS"));
    assertFalse(codes.contains("UMNR"));
  }

  /** Every String reachable from a model value (records, collections). */
  static void collectStrings(Object o, List<String> out) throws Exception {
    if (o == null) {
      return;
    }
    if (o instanceof String s) {
      out.add(s);
    } else if (o instanceof Collection<?> c) {
      for (Object e : c) {
        collectStrings(e, out);
      }
    } else if (o.getClass().isRecord()) {
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        collectStrings(rc.getAccessor().invoke(o), out);
      }
    }
  }
}
