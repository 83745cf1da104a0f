package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.ingest.Parse;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Traveller;

/** PaxRisk's own CSV format (docs/watchlist-formats.md) and the demo list written in it. */
class CsvImporterTest {
  private static final Path WATCHLISTS = SharedData.testdata().resolve("watchlists");
  private static final String HEADER = "id,category,kind,surname,given_names,full_name,aliases,"
      + "date_of_birth,gender,nationalities,documents,remarks";

  private final ListImporter csv = Importers.forFormat("csv");

  @Test
  void csv_demoList_importsEveryEntry() throws IOException {
    Map<String, WatchlistEntry> byId = new HashMap<>();
    ImportReport r = csv.read(List.of(WATCHLISTS.resolve("demo-list.csv")), "demo",
        e -> byId.put(e.id(), e));
    assertEquals(List.of(), r.rejected());
    assertEquals(30, r.rowsRead());
    assertEquals(30, r.imported());
    assertEquals(19, r.aliases());
    assertEquals(16, byId.values().stream()
        .filter(e -> e.category().equals(WatchlistEntry.NO_FLY)).count());
    assertEquals(14, byId.values().stream()
        .filter(e -> e.category().equals(WatchlistEntry.SANCTIONS)).count());

    WatchlistEntry adeyemi = byId.get("demo:D-001");
    assertEquals(new ListedName("OLUWASEUN ADEYEMI", "ADEYEMI", "OLUWASEUN",
        ListedName.Type.PRIMARY, false), adeyemi.names().get(0));
    assertEquals("[1976]", adeyemi.datesOfBirth().toString());
    assertEquals(List.of("NGA"), adeyemi.nationalities());
    assertEquals(List.of(new ListedDocument("P", "AO7731294", "NGA")), adeyemi.documents());
    assertEquals(Gender.MALE, adeyemi.gender());

    assertEquals("ALEMAYEHU", byId.get("demo:D-002").names().get(0).surname());
    assertEquals("DEMİR", byId.get("demo:D-003").names().get(0).surname());
    assertEquals("[1993-06]", byId.get("demo:D-003").datesOfBirth().toString());
    assertEquals(List.of("TUR"), byId.get("demo:D-003").nationalities());
    WatchlistEntry garcia = byId.get("demo:D-004");
    assertEquals("[1966..1968]", garcia.datesOfBirth().toString());
    assertEquals(new ListedName("GARCIA, Javier", "GARCIA", "Javier", ListedName.Type.ALIAS,
        false), garcia.names().get(1));
    assertEquals(new ListedName("Javi García", null, null, ListedName.Type.ALIAS, false),
        garcia.names().get(2));
    assertEquals(WatchlistEntry.Kind.VESSEL, byId.get("demo:D-015").kind());
  }

  /** testdata/watchlists/README.md says which sample travellers the demo entries are made from. */
  @Test
  void csv_demoList_plantedTravellersAreInTheSamples() {
    Path samples = SharedData.testdata().resolve("samples");
    Traveller adeyemi = traveller(samples.resolve("paxlst/passengers_single_leg.edi"), "ADEYEMI");
    assertEquals("OLUWASEUN TOLULOPE", adeyemi.givenNames());
    assertEquals("1976-02-28", adeyemi.dateOfBirth().toString());
    assertEquals("NGA", adeyemi.nationality());
    assertEquals("A07731294", adeyemi.documents().get(0).number());

    Traveller bekele = traveller(samples.resolve("paxlst/progressive_three_legs.edi"), "BEKELE");
    assertEquals("ALEMAYEHU GIRMA", bekele.givenNames());
    assertEquals("1971-09-14", bekele.dateOfBirth().toString());
    assertEquals("ETH", bekele.nationality());

    Traveller demir = traveller(samples.resolve("pnrgov/one_way_cash.edi"), "DEMIR");
    assertTrue(demir.givenNames().startsWith("MEHMET"), demir.givenNames());
    assertEquals("1993-06-09", demir.dateOfBirth().toString());
    assertEquals("TUR", demir.nationality());

    Traveller garcia =
        traveller(samples.resolve("paxlst/passengers_single_leg.edi"), "GARCIA LOPEZ");
    assertEquals("JAVIER", garcia.givenNames());
    assertEquals("1967-09-23", garcia.dateOfBirth().toString());
  }

  static Traveller traveller(Path file, String surname) {
    return Parse.file(file).parsed().stream().flatMap(m -> m.travellers().stream())
        .filter(t -> surname.equals(t.surname())).findFirst()
        .orElseThrow(() -> new AssertionError(surname + " is not in " + file));
  }

  /** The example of docs/watchlist-formats.md reads as the page says. */
  @Test
  void csv_documentedExample_readsAsDocumented(@TempDir Path dir) throws IOException {
    String page = Files.readString(SharedData.root().resolve("docs/watchlist-formats.md"));
    int start = page.indexOf("```\n", page.indexOf("### Example")) + 4;
    Path f = write(dir, page.substring(start, page.indexOf("```", start)));
    Map<String, WatchlistEntry> byId = new HashMap<>();
    ImportReport r = csv.read(List.of(f), "nf", e -> byId.put(e.id(), e));
    assertEquals(List.of(), r.rejected());
    assertEquals(4, r.imported());
    WatchlistEntry doe = byId.get("nf:NF-1042");
    assertEquals(List.of(
        new ListedName("John Quincy DOE", "DOE", "John Quincy", ListedName.Type.PRIMARY, false),
        new ListedName("DOE, Johnny", "DOE", "Johnny", ListedName.Type.ALIAS, false),
        new ListedName("J. Q. Doe", null, null, ListedName.Type.ALIAS, false)), doe.names());
    assertEquals("[1960, 1962-03]", doe.datesOfBirth().toString());
    assertEquals(Gender.MALE, doe.gender());
    assertEquals(List.of("GBR", "USA"), doe.nationalities());
    assertEquals(List.of(new ListedDocument("P", "123456789", "GBR"),
        new ListedDocument("I", "X9921", null)), doe.documents());
    assertEquals("case 2025/117", doe.remarks());
    assertEquals(WatchlistEntry.Kind.INDIVIDUAL, byId.get("nf:NF-1043").kind());
    assertEquals("[1975..1977]", byId.get("nf:NF-1043").datesOfBirth().toString());
    assertEquals(3, byId.get("nf:S-7").names().size());
    assertEquals(WatchlistEntry.Kind.DOCUMENT, byId.get("nf:L-55").kind());
  }

  @Test
  void csv_everyColumn_read(@TempDir Path dir) throws IOException {
    Path f = write(dir, "\uFEFF# a comment line\n"
        + "List,ID,Category,Kind,Surname,Given_Names,Full_Name,Aliases,Date_Of_Birth,Gender,"
        + "Nationalities,Documents,Remarks\n"
        + "\n"
        + "t,7,no-fly,INDIVIDUAL,DOE,John Quincy,\"DOE, John Quincy\",\"DOE, Johnny | J. Q. Doe\","
        + "1960|1962-03|1964-05-06|1958..1959,m,gb|USA,P:123 456:GB|I:X9:|:Z8:FR|777,"
        + "\"two\nlines\"\n"
        + "t,8,,entity,,,ACME LTD,,,,,,\n"
        + ",9,sanctions,document,,,,,,,,V:V123:DEU,\n");
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = csv.read(List.of(f), "t", got::add);
    assertEquals(List.of(), r.rejected());
    assertEquals(3, r.rowsRead());
    assertEquals(3, r.imported());
    assertEquals(2, r.aliases());
    assertEquals("csv", r.format());
    assertEquals("t", r.list());

    WatchlistEntry doe = got.get(0);
    assertEquals("t:7", doe.id());
    assertEquals("t", doe.list());
    assertEquals("no-fly", doe.category());
    assertEquals(WatchlistEntry.Kind.INDIVIDUAL, doe.kind());
    assertEquals(List.of(
        new ListedName("DOE, John Quincy", "DOE", "John Quincy", ListedName.Type.PRIMARY, false),
        new ListedName("DOE, Johnny", "DOE", "Johnny", ListedName.Type.ALIAS, false),
        new ListedName("J. Q. Doe", null, null, ListedName.Type.ALIAS, false)), doe.names());
    assertEquals("[1960, 1962-03, 1964-05-06, 1958..1959]", doe.datesOfBirth().toString());
    assertEquals(Gender.MALE, doe.gender());
    assertEquals(List.of("GBR", "USA"), doe.nationalities());
    assertEquals(List.of(new ListedDocument("P", "123 456", "GBR"),
        new ListedDocument("I", "X9", null), new ListedDocument(null, "Z8", "FRA"),
        new ListedDocument(null, "777", null)), doe.documents());
    assertEquals("two\nlines", doe.remarks());

    WatchlistEntry acme = got.get(1);
    assertEquals(CsvImporter.DEFAULT_CATEGORY, acme.category());
    assertEquals(WatchlistEntry.Kind.ENTITY, acme.kind());
    assertEquals(List.of(ListedName.primary("ACME LTD")), acme.names());
    assertEquals(null, acme.remarks());

    WatchlistEntry doc = got.get(2);
    assertEquals(WatchlistEntry.Kind.DOCUMENT, doc.kind());
    assertEquals(List.of(), doc.names());
    assertEquals(List.of(new ListedDocument("V", "V123", "DEU")), doc.documents());
  }

  @Test
  void csv_namesFromSurnameAndGivenNames() throws Exception {
    assertEquals(List.of(new ListedName("Anna MARIA", "MARIA", "Anna", ListedName.Type.PRIMARY,
        false)), one("1,,,MARIA,Anna,,,,,,,").names());
    assertEquals(List.of(new ListedName("MADONNA", "MADONNA", null, ListedName.Type.PRIMARY,
        false)), one("1,,,MADONNA,,,,,,,,").names());
    assertEquals(List.of(new ListedName("Cher", null, "Cher", ListedName.Type.PRIMARY,
        false)), one("1,,,,Cher,,,,,,,").names());
  }

  @TempDir Path tmp;

  private WatchlistEntry one(String row) throws IOException {
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = csv.read(List.of(write(tmp, HEADER + "\n" + row + "\n")), "t", got::add);
    assertEquals(List.of(), r.rejected());
    return got.get(0);
  }

  /**
   * Each reason a row is rejected, with its line. The personal values of the rows (names, dates,
   * numbers, countries) must not appear in the reasons: reports end up in logs and tickets.
   */
  @Test
  void csv_badRows_rejectedWithLineAndReason_withoutPersonalValues(@TempDir Path dir)
      throws IOException {
    String[][] table = {
        // row, reason
        {"G1,,,GOOD,Row,,,,,,,", null},
        {",,,MILLER,Jonathan,,,1960,,,,", "id: missing"},
        {"B2,,robot,MILLER,Jonathan,,,,,,,", "kind: not individual, entity, vessel, aircraft or"
            + " document"},
        {"B3,No Fly!,,MILLER,Jonathan,,,,,,,", "category: not lower-case letters, digits and"
            + " hyphens"},
        {"B4,,,,,,,1960,,,,", "name: missing (give full_name, or surname and/or given_names)"},
        {"B5,,,MILLER,Jonathan,,,1960|1961-13,,,,", "date_of_birth: item 2 is not YYYY, YYYY-MM,"
            + " YYYY-MM-DD or FROM..TO"},
        {"B6,,,MILLER,Jonathan,,,12/03/1960,,,,", "date_of_birth: item 1 is not YYYY, YYYY-MM,"
            + " YYYY-MM-DD or FROM..TO"},
        {"B7,,,MILLER,Jonathan,,,1965..1961,,,,", "date_of_birth: item 1 is a range that ends"
            + " before it starts"},
        {"B8,,,MILLER,Jonathan,,,,male,,,", "gender: not M, F, X or U"},
        {"B9,,,MILLER,Jonathan,,,,,GB|Britannia,,", "nationalities: item 2 is not an ISO 3166"
            + " alpha-2 or alpha-3 code"},
        {"B10,,,MILLER,Jonathan,,,,,,P:K1234567:Narnia,", "documents: item 1 has a country that"
            + " is not an ISO 3166 alpha-2 or alpha-3 code"},
        {"B11,,,MILLER,Jonathan,,,,,,P:K1234567:GBR:2030,", "documents: item 1 has more than"
            + " TYPE:NUMBER:COUNTRY"},
        {"B12,,,MILLER,Jonathan,,,,,,P::GBR,", "documents: item 1 has no number"},
        {"B13,,,MILLER,Jonathan,,,,,,PASSPORT:K1234567:GBR,", "documents: item 1 has a type that"
            + " is not 1 to 3 letters or digits (P, I, V, ...)"},
        {"B14,,document,,,,,,,,,", "documents: missing (kind document lists a document)"},
        {"B15,,,MILLER,Jonathan,,,,", "row has 9 fields, the header has 12"},
        {"G1,,,MILLER,Jonathan,,,,,,,", "id: duplicate of the row at " + dir.resolve("t.csv")
            + ":2"},
        {"G2,,,GOOD,Again,,,,,,,", null},
    };
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (String[] row : table) {
      text.append(row[0]).append('\n');
    }
    Path f = write(dir, text.toString());
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = csv.read(List.of(f), "t", got::add);

    List<ImportReport.Problem> expected = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      if (table[i][1] != null) {
        expected.add(new ImportReport.Problem(f.toString(), i + 2, table[i][1]));
      }
    }
    assertEquals(expected, r.rejected());
    assertEquals(table.length, r.rowsRead());
    assertEquals(List.of("t:G1", "t:G2"), got.stream().map(WatchlistEntry::id).toList());
    for (ImportReport.Problem p : r.rejected()) {
      for (String personal : List.of("MILLER", "Jonathan", "1960", "1961", "12/03", "1965",
          "male", "Britannia", "K1234567", "Narnia", "robot", "No Fly")) {
        String reason = p.reason().replace(f.toString(), "FILE"); // temp paths have digits
        assertFalse(reason.contains(personal), p + " echoes " + personal);
      }
    }
  }

  @Test
  void csv_listColumnForAnotherList_rejected(@TempDir Path dir) throws IOException {
    Path f = write(dir, "list,id,full_name\nt,1,A B\nother,2,C D\n,3,E F\n");
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = csv.read(List.of(f), "t", got::add);
    assertEquals(List.of("t:1", "t:3"), got.stream().map(WatchlistEntry::id).toList());
    assertEquals(List.of(new ImportReport.Problem(f.toString(), 3,
        "list: the row is for list 'other', not for 't' being imported")), r.rejected());
  }

  @Test
  void csv_lineNumbers_countCommentsBlankLinesAndLineBreaksInQuotes(@TempDir Path dir)
      throws IOException {
    Path f = write(dir, "# comment\nid,full_name,remarks\n\n1,A B,\"x\ny\nz\"\n# c\n,C D,\n");
    ImportReport r = csv.read(List.of(f), "t", e -> { });
    assertEquals(List.of(new ImportReport.Problem(f.toString(), 8, "id: missing")),
        r.rejected());
  }

  @Test
  void csv_headerWithoutId_fileNotRead(@TempDir Path dir) throws IOException {
    Path f = write(dir, "\nnumber,full_name\n1,A B\n");
    ImportReport r = csv.read(List.of(f), "t", e -> { });
    assertEquals(0, r.imported());
    assertEquals(List.of(
        new ImportReport.Problem(f.toString(), 2, "header: unknown column 'number' ignored (the"
            + " columns are " + String.join(", ", CsvImporter.COLUMNS) + ")"),
        new ImportReport.Problem(f.toString(), 2, "header: no id column; file not read")),
        r.rejected());
  }

  @Test
  void csv_headerWithoutNames_fileNotRead(@TempDir Path dir) throws IOException {
    Path f = write(dir, "id,gender\n1,M\n");
    ImportReport r = csv.read(List.of(f), "t", e -> { });
    assertEquals(0, r.imported());
    assertEquals(1, r.rejected().size());
    assertTrue(r.rejected().get(0).reason().startsWith("header: no name column"));
  }

  @Test
  void csv_columnTwice_fileNotRead(@TempDir Path dir) throws IOException {
    Path f = write(dir, "id,full_name,ID\n1,A B,2\n");
    ImportReport r = csv.read(List.of(f), "t", e -> { });
    assertEquals(List.of(new ImportReport.Problem(f.toString(), 1,
        "header: column 'id' named twice; file not read")), r.rejected());
  }

  @Test
  void csv_emptyFile_reported(@TempDir Path dir) throws IOException {
    Path f = write(dir, "");
    ImportReport r = csv.read(List.of(f), "t", e -> { });
    assertEquals(List.of(new ImportReport.Problem(f.toString(), 1, "no header row")),
        r.rejected());
  }

  @Test
  void csv_notUtf8_throwsNamingTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "id,full_name\n1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    IOException e = assertThrows(IOException.class, () -> csv.read(List.of(f), "t", x -> { }));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("UTF-8"),
        e.getMessage());
  }

  @Test
  void csv_quoteNeverClosed_throwsNamingTheFile(@TempDir Path dir) throws IOException {
    Path f = write(dir, "id,full_name\n1,\"A B\n2,C D\n");
    IOException e = assertThrows(IOException.class, () -> csv.read(List.of(f), "t", x -> { }));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void csv_idsAreUniqueAcrossFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Files.writeString(a, "id,full_name\n1,A B\n");
    Files.writeString(b, "id,full_name\n1,C D\n2,E F\n");
    ImportReport r = csv.read(List.of(a, b), "t", e -> { });
    assertEquals(2, r.imported());
    assertEquals(List.of(new ImportReport.Problem(b.toString(), 2,
        "id: duplicate of the row at " + a + ":2")), r.rejected());
  }

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }
}
