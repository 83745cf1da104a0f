package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;
import org.paxrisk.model.Gender;

/** The UN Security Council consolidated list XML: the real 2026-02-27 file and small files. */
class UnImporterTest {
  private final ListImporter un = Importers.forFormat("un");

  private static Path snapshot() {
    return SharedData.sharedOrSkip().resolve("watchlists/un-consolidated-2026-02-27.xml");
  }

  @Test
  void un_sharedSnapshot_countsMatchSources() throws IOException {
    int[] individuals = new int[1];
    int[] entities = new int[1];
    long[] individualAliases = new long[1];
    ImportReport r = un.read(List.of(snapshot()), "un", e -> {
      if (e.kind() == WatchlistEntry.Kind.INDIVIDUAL) {
        individuals[0]++;
        individualAliases[0] += e.names().stream()
            .filter(n -> n.type() == ListedName.Type.ALIAS).count();
      } else if (e.kind() == WatchlistEntry.Kind.ENTITY) {
        entities[0]++;
      }
    });
    assertEquals(730, individuals[0]);
    assertEquals(273, entities[0]);
    assertEquals(1_003, r.rowsRead());
    assertEquals(1_003, r.imported());
    // SOURCES.md counts 2,308 INDIVIDUAL_ALIAS elements; 169 of them are empty placeholders
    // (<QUALITY/><ALIAS_NAME/>) and give no name, so 2,139 alias names.
    assertEquals(2_308, occurrences(snapshot(), "<INDIVIDUAL_ALIAS>"));
    assertEquals(169, emptyIndividualAliases(snapshot()));
    assertEquals(2_139, individualAliases[0]);
    // The report counts the entities' 613 named aliases (a.k.a. and f.k.a.) too.
    assertEquals(2_139 + 613, r.aliases());
    // Two dates of birth are written only as notes no reader could date: "30-35 years old"
    // and a Hijri date. They are reported, and the records still imported.
    assertEquals(2, r.rejected().size());
    for (ImportReport.Problem p : r.rejected()) {
      assertEquals("date of birth not understood: dropped", p.reason());
    }
  }

  @Test
  void un_sharedSnapshot_spotChecks() throws IOException {
    Map<String, WatchlistEntry> byId = new HashMap<>();
    un.read(List.of(snapshot()), "un-sc", e -> byId.put(e.id(), e));

    // APPROXIMATELY 1960 and EXACT 1966; original script; a Low-quality alias; a passport.
    WatchlistEntry akhtar = byId.get("un-sc:111090");
    assertEquals("un-sc", akhtar.list());
    assertEquals(WatchlistEntry.SANCTIONS, akhtar.category());
    assertEquals(ListedName.primary("AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED"),
        akhtar.names().get(0));
    assertEquals(ListedName.Type.ORIGINAL_SCRIPT, akhtar.names().get(1).type());
    assertEquals("اختر محمد منصور شاه محمد", akhtar.names().get(1).name());
    assertTrue(akhtar.names().contains(
        new ListedName("Naib Imam", null, null, ListedName.Type.ALIAS, true)));
    assertEquals("[1959..1961, 1966]", akhtar.datesOfBirth().toString());
    assertEquals(List.of("AFG"), akhtar.nationalities());
    assertEquals(List.of(new ListedDocument("P", "SE-011697", "AFG")), akhtar.documents());
    assertEquals("Taliban TAi.011", akhtar.remarks());

    // Two nationalities, a passport and a national identification number.
    WatchlistEntry udin = byId.get("un-sc:6908720");
    assertEquals(List.of("MYS", "IDN"), udin.nationalities());
    assertEquals(List.of(new ListedDocument("P", "A31142734", "MYS"),
        new ListedDocument("I", "660603-05-5267", "MYS")), udin.documents());
    assertEquals("[1966-06-03]", udin.datesOfBirth().toString());

    // An individual with GENDER and an empty alias element.
    WatchlistEntry badege = byId.get("un-sc:6907993");
    assertEquals(Gender.MALE, badege.gender());
    assertEquals(List.of(ListedName.primary("ERIC BADEGE")), badege.names());
    assertEquals(List.of("COD"), badege.nationalities());
    assertEquals("[1971]", badege.datesOfBirth().toString());
  }

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">\n<INDIVIDUALS>\n";

  private static String individual(String id, String inner) {
    return "<INDIVIDUAL><DATAID>" + id + "</DATAID><FIRST_NAME>JOHN</FIRST_NAME>"
        + "<SECOND_NAME>DOE</SECOND_NAME>" + inner + "</INDIVIDUAL>\n";
  }

  private static String dob(String inner) {
    return "<INDIVIDUAL_DATE_OF_BIRTH>" + inner + "</INDIVIDUAL_DATE_OF_BIRTH>";
  }

  /** Every form of INDIVIDUAL_DATE_OF_BIRTH the UN writes. */
  @Test
  void un_dateOfBirthForms(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("un.xml");
    Files.writeString(f, HEAD + individual("1",
        dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1961-01-31</DATE>")
            + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1962</YEAR>")
            + dob("<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1970</YEAR>")
            + dob("<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1973</FROM_YEAR>"
                + "<TO_YEAR>1974</TO_YEAR><NOTE>Approximately</NOTE>")
            + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1975 </NOTE>")
            + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Between Aug. and Sep. 1977</NOTE>")
            + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1962</YEAR>") // repeated: kept once
            + dob("<TYPE_OF_DATE/>") // empty: nothing stated, nothing reported
            + dob("<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><NOTE>30-35 years old</NOTE>")
            + dob("<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1980</FROM_YEAR>"
                + "<TO_YEAR>1979</TO_YEAR>")
            + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>J. Doe</ALIAS_NAME>"
            + "<DATE_OF_BIRTH>1958-02-22</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>")
        + "</INDIVIDUALS></CONSOLIDATED_LIST>\n", StandardCharsets.UTF_8);
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = un.read(List.of(f), "un", got::add);
    assertEquals("[1961-01-31, 1962, 1969..1971, 1973..1974, 1975-11, 1977-08..1977-09,"
        + " 1958-02-22]", got.get(0).datesOfBirth().toString());
    assertEquals(List.of(
        new ImportReport.Problem(f.toString(), 4, "date of birth not understood: dropped"),
        new ImportReport.Problem(f.toString(), 4, "date of birth not understood: dropped")),
        r.rejected());
  }

  @Test
  void un_namesAliasesNationalitiesDocuments(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("un.xml");
    Files.writeString(f, HEAD
        + "<INDIVIDUAL><DATAID>42</DATAID><FIRST_NAME>ABD</FIRST_NAME><SECOND_NAME>AL</SECOND_NAME>"
        + "<THIRD_NAME>RAHMAN</THIRD_NAME><FOURTH_NAME>ZAID</FOURTH_NAME>"
        + "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>"
        + "<GENDER>Female</GENDER><NAME_ORIGINAL_SCRIPT>عبد</NAME_ORIGINAL_SCRIPT>"
        + "<COMMENTS1>Free text <b>with</b> markup.</COMMENTS1>"
        + "<NATIONALITY><VALUE>Iran (Islamic Republic of)</VALUE><VALUE>Viet Nam</VALUE>"
        + "<VALUE>na</VALUE></NATIONALITY>"
        + "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>"
        + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Zaid</ALIAS_NAME>"
        + "</INDIVIDUAL_ALIAS>"
        + "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Zaidi</ALIAS_NAME>"
        + "</INDIVIDUAL_ALIAS>"
        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
        + "<NUMBER>A123456 </NUMBER><ISSUING_COUNTRY>Syrian Arab Republic</ISSUING_COUNTRY>"
        + "<COUNTRY_OF_ISSUE>Italy</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>"
        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification\n   Number"
        + "</TYPE_OF_DOCUMENT><NUMBER>98765</NUMBER>"
        + "<COUNTRY_OF_ISSUE>Russian Federation</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>"
        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
        + "<NUMBER>Libya 428720</NUMBER></INDIVIDUAL_DOCUMENT>"
        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
        + "<NUMBER>CAR diplomatic passport no. D00000898</NUMBER></INDIVIDUAL_DOCUMENT>"
        + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT2>Birth certificate</TYPE_OF_DOCUMENT2>"
        + "<NUMBER>B-77</NUMBER></INDIVIDUAL_DOCUMENT>"
        + "<INDIVIDUAL_DOCUMENT/>"
        + "</INDIVIDUAL>\n</INDIVIDUALS>\n<ENTITIES>\n"
        + "<ENTITY><DATAID>43</DATAID><FIRST_NAME>ACME FRONT</FIRST_NAME>"
        + "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>AF</ALIAS_NAME></ENTITY_ALIAS>"
        + "<ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>OLD FRONT</ALIAS_NAME>"
        + "</ENTITY_ALIAS></ENTITY>\n"
        + "<ENTITY><DATAID>44</DATAID><FIRST_NAME> </FIRST_NAME></ENTITY>\n"
        + "<ENTITY><FIRST_NAME>NO ID</FIRST_NAME></ENTITY>\n"
        + "</ENTITIES></CONSOLIDATED_LIST>\n", StandardCharsets.UTF_8);
    List<WatchlistEntry> got = new ArrayList<>();
    ImportReport r = un.read(List.of(f), "un", got::add);
    assertEquals(4, r.rowsRead());
    assertEquals(2, r.imported());
    assertEquals(4, r.aliases());
    assertEquals(List.of(new ImportReport.Problem(f.toString(), 9,
            "no name (FIRST_NAME to FOURTH_NAME are empty)"),
        new ImportReport.Problem(f.toString(), 10, "no DATAID")), r.rejected());

    WatchlistEntry p = got.get(0);
    assertEquals("un:42", p.id());
    assertEquals(List.of(ListedName.primary("ABD AL RAHMAN ZAID"),
        new ListedName("عبد", null, null, ListedName.Type.ORIGINAL_SCRIPT, false),
        new ListedName("Abu Zaid", null, null, ListedName.Type.ALIAS, false),
        new ListedName("Zaidi", null, null, ListedName.Type.ALIAS, true)), p.names());
    assertEquals(Gender.FEMALE, p.gender());
    assertEquals(List.of("IRN", "VNM"), p.nationalities());
    assertEquals(List.of(new ListedDocument("P", "A123456", "SYR"),
        new ListedDocument("I", "98765", "RUS"),
        new ListedDocument("P", "428720", "LBY"),
        new ListedDocument("P", "D00000898", null),
        new ListedDocument(null, "B-77", null)), p.documents());
    assertEquals("Al-Qaida QDi.999", p.remarks());

    WatchlistEntry e = got.get(1);
    assertEquals(WatchlistEntry.Kind.ENTITY, e.kind());
    assertEquals(List.of(ListedName.primary("ACME FRONT"),
        new ListedName("AF", null, null, ListedName.Type.ALIAS, false),
        new ListedName("OLD FRONT", null, null, ListedName.Type.FORMER, false)), e.names());
  }

  @Test
  void un_notXml_throwsNamingTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("un.xml");
    Files.writeString(f, HEAD + "<INDIVIDUAL><DATAID>1</DATAID>", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> un.read(List.of(f), "un", x -> { }));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void un_externalEntity_notResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET", StandardCharsets.UTF_8);
    Path f = dir.resolve("un.xml");
    Files.writeString(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM \""
        + secret.toUri() + "\">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1"
        + "</DATAID><FIRST_NAME>&s;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
        + "</CONSOLIDATED_LIST>", StandardCharsets.UTF_8);
    List<WatchlistEntry> got = new ArrayList<>();
    try {
      un.read(List.of(f), "un", got::add);
    } catch (IOException expected) {
      return; // refusing the DTD outright is fine too
    }
    assertTrue(got.stream().noneMatch(e -> String.valueOf(e.primaryName()).contains("SECRET")));
  }

  private static long occurrences(Path file, String text) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    long n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
      n++;
    }
    return n;
  }

  private static long emptyIndividualAliases(Path file) throws IOException {
    Matcher m = Pattern.compile("<INDIVIDUAL_ALIAS>\\s*<QUALITY/>\\s*<ALIAS_NAME/>")
        .matcher(Files.readString(file, StandardCharsets.UTF_8));
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
