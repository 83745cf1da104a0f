package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.model.Gender;

/** OFAC's SDN CSV: the real 2021-07 snapshot in ../shared (skipped when absent), and small files. */
class OfacImporterTest {
  private final ListImporter ofac = Importers.forFormat("ofac");

  private static Path snapshot() {
    return SharedData.sharedOrSkip().resolve("watchlists/ofac-sdn-2021-07");
  }

  private static List<Path> files(Path dir, String... names) {
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      out.add(dir.resolve(n));
    }
    return out;
  }

  @Test
  void ofac_sharedSnapshot_countsMatchSources() throws IOException {
    Map<WatchlistEntry.Kind, Integer> kinds = new EnumMap<>(WatchlistEntry.Kind.class);
    ImportReport r = ofac.read(files(snapshot(), "sdn.csv", "alt.csv", "add.csv"), "ofac",
        e -> kinds.merge(e.kind(), 1, Integer::sum));
    assertEquals(8_976, r.rowsRead());
    assertEquals(8_976, r.imported());
    assertEquals(11_910, r.aliases());
    assertEquals(List.of(), r.rejected());
    assertEquals("ofac", r.format());
    assertEquals(4_620, kinds.get(WatchlistEntry.Kind.INDIVIDUAL));
    assertEquals(406, kinds.get(WatchlistEntry.Kind.VESSEL));
    assertEquals(277, kinds.get(WatchlistEntry.Kind.AIRCRAFT));
    assertEquals(8_976 - 4_620 - 406 - 277, kinds.get(WatchlistEntry.Kind.ENTITY));
  }

  @Test
  void ofac_sharedSnapshot_filesInAnyOrder_sameEntries() throws IOException {
    Path dir = snapshot();
    Map<String, WatchlistEntry> first = new HashMap<>();
    ofac.read(files(dir, "sdn.csv", "alt.csv", "add.csv"), "ofac", e -> first.put(e.id(), e));
    Map<String, WatchlistEntry> second = new HashMap<>();
    ImportReport r = ofac.read(files(dir, "add.csv", "alt.csv", "sdn.csv"), "ofac",
        e -> second.put(e.id(), e));
    assertEquals(first, second);
    assertEquals(11_910, r.aliases());
  }

  @Test
  void ofac_sharedSnapshot_withoutAlt_noAliases() throws IOException {
    ImportReport r = ofac.read(files(snapshot(), "sdn.csv"), "ofac", e -> { });
    assertEquals(8_976, r.imported());
    assertEquals(0, r.aliases());
  }

  /** Three real individuals whose remarks carry a date of birth, nationality and passport. */
  @Test
  void ofac_sharedSnapshot_spotChecks() throws IOException {
    Map<String, WatchlistEntry> byId = new HashMap<>();
    ofac.read(files(snapshot(), "sdn.csv", "alt.csv", "add.csv"), "ofac-sdn", e -> {
      if (e.id().equals("ofac-sdn:10114") || e.id().equals("ofac-sdn:17290")
          || e.id().equals("ofac-sdn:31532") || e.id().equals("ofac-sdn:9340")
          || e.id().equals("ofac-sdn:306")) {
        byId.put(e.id(), e);
      }
    });

    WatchlistEntry ghabra = byId.get("ofac-sdn:10114");
    assertEquals("ofac-sdn", ghabra.list());
    assertEquals(WatchlistEntry.SANCTIONS, ghabra.category());
    assertEquals(WatchlistEntry.Kind.INDIVIDUAL, ghabra.kind());
    assertEquals(new ListedName("AL GHABRA, Mohammed", "AL GHABRA", "Mohammed",
        ListedName.Type.PRIMARY, false), ghabra.names().get(0));
    assertEquals("[1980-06-01]", ghabra.datesOfBirth().toString());
    assertEquals(List.of("GBR"), ghabra.nationalities());
    assertEquals(List.of(new ListedDocument("P", "094629366", "GBR")), ghabra.documents());
    assertEquals("[SDGT]", ghabra.remarks());

    WatchlistEntry bakr = byId.get("ofac-sdn:17290");
    assertEquals(6, bakr.names().size());
    assertEquals(new ListedName("ALBAKER, Ibrahim Issa Hijji Mohd", "ALBAKER",
        "Ibrahim Issa Hijji Mohd", ListedName.Type.ALIAS, false), bakr.names().get(3));
    assertEquals("[1977-07-12]", bakr.datesOfBirth().toString());
    assertEquals(List.of("QAT"), bakr.nationalities());
    assertEquals(List.of(new ListedDocument("P", "01016646", "QAT")), bakr.documents());

    WatchlistEntry ortega = byId.get("ofac-sdn:31532");
    assertEquals("ORTEGA MURILLO", ortega.names().get(0).surname());
    assertEquals("Camila Antonia", ortega.names().get(0).givenNames());
    assertEquals("[1987-11-04]", ortega.datesOfBirth().toString());
    assertEquals(Gender.FEMALE, ortega.gender());
    assertEquals(List.of("NIC"), ortega.nationalities());
    assertEquals(List.of(new ListedDocument("P", "A00000114", "NIC"),
        new ListedDocument("I", "0010411870001B", "NIC")), ortega.documents());

    // Six dates of birth, two citizenships, a check digit in brackets, a BN(O) passport.
    WatchlistEntry wong = byId.get("ofac-sdn:9340");
    assertEquals(6, wong.datesOfBirth().size());
    assertEquals(List.of("CHN", "KHM"), wong.nationalities());
    assertTrue(wong.documents().contains(new ListedDocument("I", "D489833(9)", "HKG")));
    assertTrue(wong.documents().contains(new ListedDocument("P", "750200421", "GBR")));
    assertEquals(4, wong.documents().size());

    // An entity: no surname split at its comma, no personal data read from its remarks.
    WatchlistEntry bank = byId.get("ofac-sdn:306");
    assertEquals(WatchlistEntry.Kind.ENTITY, bank.kind());
    assertNull(bank.names().get(0).surname());
    assertEquals("NATIONAL BANK OF CUBA", bank.names().get(1).name());
    assertEquals(List.of(), bank.documents());
    assertEquals("[CUBA]", bank.remarks());
  }

  /** CRLF, -0-, the 0x1A end byte, and each kind of bad row with its line. */
  @Test
  void ofac_smallFiles_badRowsRejectedWithLine_restImported(@TempDir Path dir)
      throws IOException {
    write(dir.resolve("sdn.csv"),
        "1,\"DOE, John Q\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "\"DOB 1960; nationality Iraq; Passport A1 (Iraq); DOB 32 Jan 1960.\"\r\n"
            + "2,\"ACME TRADING, LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "3,\"TOO SHORT\",-0- \r\n"
            + "4,\"ODD\",\"spaceship\",\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "5,-0- ,\"individual\",\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "6,\"SEA BREEZE\",\"vessel\",\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            + "\u001a");
    write(dir.resolve("alt.csv"),
        "1,10,\"aka\",\"DOE, Johnny\",-0- \r\n"
            + "1,11,\"weak aka\",\"JD\",-0- \r\n"
            + "2,12,\"fka\",\"ACME\",-0- \r\n"
            + "99,13,\"aka\",\"NOBODY\",-0- \r\n"
            + "\u001a");
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = ofac.read(List.of(dir.resolve("alt.csv"), dir.resolve("sdn.csv")), "t",
        got::add);
    assertEquals(6, r.rowsRead());
    assertEquals(3, r.imported());
    assertEquals(3, r.aliases());
    assertEquals(List.of("t:1", "t:2", "t:6"), got.stream().map(WatchlistEntry::id).toList());
    String sdn = dir.resolve("sdn.csv").toString();
    String alt = dir.resolve("alt.csv").toString();
    assertEquals(List.of(
        new ImportReport.Problem(sdn, 1, "1 date(s) of birth in Remarks not understood: dropped"),
        new ImportReport.Problem(sdn, 3, "row has 3 fields, expected 12"),
        new ImportReport.Problem(sdn, 4, "SDN_Type is not individual, vessel, aircraft or empty"),
        new ImportReport.Problem(sdn, 5, "no SDN_Name"),
        new ImportReport.Problem(alt, 4, "alias of ent_num 99, which is not in sdn.csv: dropped")),
        r.rejected());

    WatchlistEntry doe = got.get(0);
    assertEquals(List.of(
        new ListedName("DOE, John Q", "DOE", "John Q", ListedName.Type.PRIMARY, false),
        new ListedName("DOE, Johnny", "DOE", "Johnny", ListedName.Type.ALIAS, false),
        new ListedName("JD", null, null, ListedName.Type.ALIAS, true)), doe.names());
    assertEquals("[1960]", doe.datesOfBirth().toString());
    assertEquals(List.of("IRQ"), doe.nationalities());
    assertEquals(List.of(new ListedDocument("P", "A1", "IRQ")), doe.documents());
    assertEquals(ListedName.Type.FORMER, got.get(1).names().get(1).type());
    assertEquals(WatchlistEntry.Kind.ENTITY, got.get(1).kind());
    assertEquals(WatchlistEntry.Kind.VESSEL, got.get(2).kind());
  }

  @Test
  void ofac_noSdnFile_throwsNamingIt(@TempDir Path dir) throws IOException {
    write(dir.resolve("alt.csv"), "");
    IOException e = assertThrows(IOException.class,
        () -> ofac.read(List.of(dir.resolve("alt.csv")), "t", x -> { }));
    assertTrue(e.getMessage().contains("sdn.csv is missing"), e.getMessage());
  }

  @Test
  void ofac_fileNamedNeitherSdnAltNorAdd_throws(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class,
        () -> ofac.read(List.of(dir.resolve("sdn.csv"), dir.resolve("names.csv")), "t",
            x -> { }));
    assertTrue(e.getMessage().contains("names.csv"), e.getMessage());
  }

  @Test
  void ofac_twoSdnFiles_throws(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class,
        () -> ofac.read(List.of(dir.resolve("sdn.csv"), dir.resolve("a/sdn.csv")), "t",
            x -> { }));
    assertTrue(e.getMessage().contains("two sdn files"), e.getMessage());
  }

  @Test
  void ofac_missingFile_throwsNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("sdn.csv");
    IOException e = assertThrows(IOException.class,
        () -> ofac.read(List.of(missing), "t", x -> { }));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void role_byFileName() throws IOException {
    assertEquals("sdn", OfacImporter.role(Path.of("x/SDN.CSV")));
    assertEquals("alt", OfacImporter.role(Path.of("alt.csv")));
    assertEquals("add", OfacImporter.role(Path.of("add.csv")));
    assertEquals("alt", OfacImporter.role(Path.of("sdn_alt.csv")));
    assertEquals("sdn", OfacImporter.role(Path.of("cons_prim.csv")));
    assertEquals("add", OfacImporter.role(Path.of("cons_add.csv")));
  }

  /** The brief: OFAC and UN together well under two seconds. Timed here, asserted loosely. */
  @Test
  void ofacAndUn_sharedSnapshots_importQuickly() throws IOException {
    Path shared = SharedData.sharedOrSkip().resolve("watchlists");
    long[] n = new long[1];
    long t0 = System.nanoTime();
    ofac.read(files(shared.resolve("ofac-sdn-2021-07"), "sdn.csv", "alt.csv", "add.csv"), "o",
        e -> n[0]++);
    long t1 = System.nanoTime();
    Importers.forFormat("un").read(List.of(shared.resolve("un-consolidated-2026-02-27.xml")),
        "u", e -> n[0]++);
    long t2 = System.nanoTime();
    System.out.printf("import times: ofac %d ms, un %d ms (%d entries)%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, n[0]);
    assertEquals(8_976 + 1_003, n[0]);
    // Loose: a cold JVM on a busy two-core machine. Typical figures are in the report.
    assertTrue(t2 - t0 < 10_000_000_000L, "OFAC + UN took " + (t2 - t0) / 1_000_000 + " ms");
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
