package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.model.Address;
import org.paxrisk.model.Booking;
import org.paxrisk.model.FrequentFlyer;
import org.paxrisk.model.Payment;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.screening.Masker;
import org.paxrisk.watchlist.Importers;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * {@code paxrisk mask}: no personal value of the input survives in the masked results, and what an
 * analyst needs to trace a hit does.
 */
class MaskCommandTest {
  @TempDir Path tmp;

  @Test
  void maskedResultsHoldNoPersonalValueOfTheInput() throws IOException {
    Path samples = SharedData.testdata().resolve("samples");
    Path lists = SharedData.testdata().resolve("watchlists");
    Path store = tmp.resolve("store");
    WatchlistStore.importList(store, Importers.forFormat("csv"),
        List.of(lists.resolve("demo-list.csv")), "demo-list");
    Path key = tmp.resolve("mask.key");
    Files.write(key, "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));

    // Results as they are stored: screen (JSON Lines and CSV) and parse (JSON Lines).
    Path screened = tmp.resolve("screened.jsonl");
    Path csv = tmp.resolve("screened.csv");
    assertEquals(0, ParseCommandTest.run("screen", "--store", store.toString(), "--out",
        screened.toString(), samples.toString()).code());
    assertEquals(0, ParseCommandTest.run("screen", "--store", store.toString(), "--format", "csv",
        "--out", csv.toString(), samples.toString()).code());
    Path parsed = tmp.resolve("parsed.jsonl");
    ParseCommandTest.Run p = ParseCommandTest.run("parse", "--format", "jsonl", samples.toString());
    assertEquals(0, p.code(), p.err());
    Files.writeString(parsed, p.out());
    // And a record with every kind of PNR data the Directive names, as another tool might store.
    Path other = tmp.resolve("other.jsonl");
    Files.writeString(other, "{\"travellerId\":\"XX1-20260101-AAA-RQWERTY-1\","
        + "\"phones\":[\"+44 20 7946 0958\"],\"emails\":[\"jane.roe@example.org\"],"
        + "\"payment\":{\"cardNumber\":\"4111111111111111\",\"payerName\":\"JANE ROE\"},"
        + "\"frequentFlyer\":{\"airline\":\"LH\",\"number\":\"992001234567\"},"
        + "\"remarks\":\"CALL JANE ROE AT HOME\",\"address\":{\"street\":\"221B BAKER STREET\"}}\n");

    List<String> masked = new ArrayList<>();
    for (Path f : List.of(screened, csv, parsed, other)) {
      Path out = tmp.resolve("masked-" + f.getFileName());
      ParseCommandTest.Run r = ParseCommandTest.run("mask", "--key-file", key.toString(),
          "--out", out.toString(), f.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
      masked.add(Files.readString(out));
    }
    String all = String.join("\n", masked);

    Set<String> personal = personalValues(samples);
    personal.addAll(List.of("+44 20 7946 0958", "7946 0958", "jane.roe@example.org",
        "4111111111111111", "JANE ROE", "992001234567", "CALL JANE ROE AT HOME",
        "221B BAKER STREET", "QWERTY"));
    assertTrue(personal.size() > 100, "personal values collected: " + personal.size());
    List<String> found = new ArrayList<>();
    for (String v : personal) {
      if (all.contains(v)) {
        found.add(v);
      }
    }
    assertEquals(List.of(), found, "personal values left in the masked results");
    // Three-letter nationality codes may equal an airport in a flight key (FRA): check the field.
    assertTrue(!all.matches("(?s).*\"nationality\":\"[A-Z]{3}\".*"), "a nationality is unmasked");

    // What is needed to trace a hit survives; re-identification works with the key.
    String screenedMasked = masked.get(0);
    assertTrue(screenedMasked.contains("\"travellerId\":\"LH438-20250314-FRA-A3\""));
    assertTrue(screenedMasked.contains("\"rule\":\"no-fly-match\""));
    assertTrue(screenedMasked.contains("\"entryId\":\"demo-list:D-001\""));
    Masker m = Masker.withKey(Files.readAllBytes(key));
    assertTrue(screenedMasked.contains("\"surname\":\"" + m.token("surname", "ADEYEMI") + "\""));
    ParseCommandTest.Run t = ParseCommandTest.run("mask", "--key-file", key.toString(), "--token",
        "surname=ADEYEMI");
    assertEquals(m.token("surname", "ADEYEMI"), t.out().trim());
  }

  @Test
  void noKey_exit2_withHowTo() {
    ParseCommandTest.Run r = ParseCommandTest.run("mask", tmp.resolve("x.jsonl").toString());
    if (System.getenv("PAXRISK_MASK_KEY_FILE") == null) {
      assertEquals(2, r.code());
      assertTrue(r.err().contains("--key-file"), r.err());
    }
  }

  /**
   * Every personal value the sample messages carry, four characters or longer (short numbers such
   * as a passenger reference "2026" also occur in dates and times, identifying nobody).
   */
  static Set<String> personalValues(Path samples) throws IOException {
    Set<String> v = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(samples)) {
      files = walk.filter(f -> f.toString().endsWith(".edi")).toList();
    }
    for (Path f : files) {
      try (MessageReader r = MessageReader.open(f)) {
        while (r.hasNext()) {
          Outcome o = r.next();
          if (!(o instanceof ParsedMessage m)) {
            continue;
          }
          for (Traveller t : m.travellers()) {
            add(v, t.surname(), t.givenNames(), t.placeOfBirth(), t.recordLocator(),
                t.passengerReference());
            if (t.givenNames() != null) {
              for (String g : t.givenNames().split(" ")) {
                add(v, g);
              }
            }
            if (t.dateOfBirth() != null && t.dateOfBirth().isComplete()) {
              add(v, t.dateOfBirth().toString());
            }
            for (TravelDocument d : t.documents()) {
              add(v, d.number());
            }
            t.phones().forEach(x -> add(v, x));
            t.emails().forEach(x -> add(v, x));
            address(v, t.address());
            for (FrequentFlyer ff : t.frequentFlyers()) {
              add(v, ff.number());
            }
          }
          if (m instanceof PnrMessage pnr) {
            for (Booking b : pnr.bookings()) {
              add(v, b.recordLocator());
              b.phones().forEach(x -> add(v, x));
              b.emails().forEach(x -> add(v, x));
              b.addresses().forEach(a -> address(v, a));
              for (Payment pay : b.payments()) {
                add(v, pay.cardNumber(), pay.payerName());
              }
            }
          }
        }
      }
    }
    return v;
  }

  private static void address(Set<String> v, Address a) {
    if (a != null) {
      add(v, a.street(), a.postcode());
    }
  }

  private static void add(Set<String> v, String... values) {
    for (String s : values) {
      if (s != null && s.strip().length() >= 4
          && !(s.strip().length() < 6 && s.strip().chars().allMatch(Character::isDigit))) {
        v.add(s.strip());
      }
    }
  }
}
