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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.model.Gender;
import org.paxrisk.model.Traveller;

/** Lost and stolen travel document lists. */
class DocumentsImporterTest {
  private final ListImporter documents = Importers.forFormat("documents");

  @Test
  void documents_demoList_everyRowIsOneDocumentEntry() throws IOException {
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = documents.read(
        List.of(SharedData.testdata().resolve("watchlists/lost-stolen.csv")), "lost-stolen",
        got::add);
    assertEquals(List.of(), r.rejected());
    assertEquals(10, r.rowsRead());
    assertEquals(10, r.imported());
    assertEquals(0, r.aliases());
    WatchlistEntry first = got.get(0);
    assertEquals("lost-stolen:CHN:E62758431", first.id());
    assertEquals(WatchlistEntry.LOST_STOLEN_DOCUMENTS, first.category());
    assertEquals(WatchlistEntry.Kind.DOCUMENT, first.kind());
    assertEquals(List.of(), first.names());
    assertNull(first.primaryName());
    assertEquals(Gender.UNKNOWN, first.gender());
    assertEquals(List.of(new ListedDocument("P", "E62758431", "CHN")), first.documents());
    // Alpha-2 codes become alpha-3; an empty type is no type.
    assertTrue(got.stream().anyMatch(e -> e.id().equals("lost-stolen:DEU:LZ5506128")));
    assertTrue(got.stream().anyMatch(
        e -> e.documents().equals(List.of(new ListedDocument(null, "TK9917462", "TUR")))));
  }

  /** testdata/watchlists/README.md: the first row is the passport of a sample traveller. */
  @Test
  void documents_demoList_firstRowIsASampleTravellersPassport() {
    Traveller zhang = CsvImporterTest.traveller(
        SharedData.testdata().resolve("samples/paxlst/passengers_single_leg.edi"), "ZHANG");
    assertEquals("E62758431", zhang.documents().get(0).number());
    assertEquals("CHN", zhang.nationality());
  }

  @Test
  void documents_sltdColumnNames_anyCaseAndOrder_extraColumnsIgnored(@TempDir Path dir)
      throws IOException {
    Path f = write(dir, "Reported,DOCUMENT_TYPE,Country,Document_Number\n"
        + "2025-01-02,Passport,Germany,C01 X9V RT2\n"
        + "2025-01-03,ID card,FR,X4RTBPFW4\n"
        + "2025-01-04,visa,USA,V1\n"
        + "2025-01-05,,GBR,123\n");
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = documents.read(List.of(f), "sltd", got::add);
    assertEquals(List.of(), r.rejected());
    assertEquals(List.of("sltd:DEU:C01X9VRT2", "sltd:FRA:X4RTBPFW4", "sltd:USA:V1",
        "sltd:GBR:123"), got.stream().map(WatchlistEntry::id).toList());
    assertEquals(List.of(new ListedDocument("P", "C01 X9V RT2", "DEU")), got.get(0).documents());
    assertEquals("I", got.get(1).documents().get(0).type());
    assertEquals("V", got.get(2).documents().get(0).type());
    assertNull(got.get(3).documents().get(0).type());
  }

  @Test
  void documents_badRows_rejectedWithLine(@TempDir Path dir) throws IOException {
    Path f = write(dir, "number,issuing_country,type\n"
        + "A1,GBR,P\n"
        + ",GBR,P\n"
        + "A3,,P\n"
        + "A4,Narnia,P\n"
        + "A5,GBR,boarding pass\n"
        + "A6,GBR\n");
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = documents.read(List.of(f), "l", got::add);
    String n = f.toString();
    assertEquals(List.of(
        new ImportReport.Problem(n, 3, "number: missing"),
        new ImportReport.Problem(n, 4, "issuing_country: missing"),
        new ImportReport.Problem(n, 5,
            "issuing_country: not an ISO 3166 code or a country name known to PaxRisk"),
        new ImportReport.Problem(n, 6, "type: not understood; imported without a type")),
        r.rejected());
    assertEquals(6, r.rowsRead());
    assertEquals(List.of("l:GBR:A1", "l:GBR:A5", "l:GBR:A6"),
        got.stream().map(WatchlistEntry::id).toList());
  }

  @Test
  void documents_headerWithoutNumber_fileNotRead(@TempDir Path dir) throws IOException {
    Path f = write(dir, "passport,country\nA1,GBR\n");
    ImportReport r = documents.read(List.of(f), "l", e -> { });
    assertEquals(0, r.imported());
    assertEquals(1, r.rejected().size());
    assertEquals(1, r.rejected().get(0).line());
  }

  @Test
  void documents_missingFile_throwsNamingIt(@TempDir Path dir) {
    Path f = dir.resolve("nope.csv");
    IOException e = assertThrows(IOException.class,
        () -> documents.read(List.of(f), "l", x -> { }));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void type_codesAndWords() {
    assertEquals("P", DocumentsImporter.type("p"));
    assertEquals("AC", DocumentsImporter.type("AC"));
    assertEquals("P", DocumentsImporter.type("Diplomatic passport"));
    assertEquals("I", DocumentsImporter.type("ID"));
    assertEquals("I", DocumentsImporter.type("identity card"));
    assertEquals("V", DocumentsImporter.type("Visa"));
    assertNull(DocumentsImporter.type("boarding pass"));
    assertNull(DocumentsImporter.type(null));
  }

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("docs.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }
}
