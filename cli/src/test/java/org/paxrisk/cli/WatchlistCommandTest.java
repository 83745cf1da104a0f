package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.SharedData;

/** The {@code watchlist} and {@code names} commands' contract: output fields and exit codes. */
class WatchlistCommandTest {
  private static final Path DEMO = SharedData.testdata().resolve("watchlists/demo-list.csv");

  @Test
  void importThenSearch_jsonl_hasContractFields(@TempDir Path dir) throws IOException {
    Path store = dir.resolve("store");
    ParseCommandTest.Run imp = ParseCommandTest.run("watchlist", "import", "--store",
        store.toString(), "--format", "csv", "--list", "demo", DEMO.toString());
    assertEquals(0, imp.code(), imp.err());
    assertTrue(imp.out().contains("30 entries imported"), imp.out());
    assertTrue(imp.out().contains("version v000001"), imp.out());

    ParseCommandTest.Run s = ParseCommandTest.run("watchlist", "search", "--store",
        store.toString(), "--format", "jsonl", "OLUWASEUN", "ADEYEMI");
    assertEquals(0, s.code(), s.err());
    List<String> lines = s.out().lines().toList();
    assertFalse(lines.isEmpty(), "a match");
    Map<String, Object> m = ParseCommandTest.flat(lines.get(0));
    assertEquals("demo:D-001", m.get("entryId"));
    assertEquals("demo", m.get("list"));
    assertEquals("no-fly", m.get("category"));
    assertTrue(Double.parseDouble((String) m.get("score")) >= 0.9);
    assertTrue(m.containsKey("name"));
    assertTrue(m.containsKey("matchedName"));
    assertTrue(((String) m.get("reasons")).startsWith("name "), m.toString());
  }

  @Test
  void search_text_showsRankedReasons(@TempDir Path dir) throws IOException {
    Path store = dir.resolve("store");
    ParseCommandTest.run("watchlist", "import", "--store", store.toString(), "--format", "csv",
        DEMO.toString());
    ParseCommandTest.Run s = ParseCommandTest.run("watchlist", "search", "--store",
        store.toString(), "--dob", "1976", "ADEYEMI OLUWASEUN");
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().startsWith("1. "), s.out());
    assertTrue(s.out().contains("year of birth equal"), s.out());
  }

  @Test
  void badUsage_exits2_withoutStackTrace(@TempDir Path dir) {
    ParseCommandTest.Run noStore = ParseCommandTest.run("watchlist", "search", "X");
    assertEquals(2, noStore.code());
    assertTrue(noStore.err().contains("--store"), noStore.err());
    ParseCommandTest.Run badFormat = ParseCommandTest.run("watchlist", "import", "--store",
        dir.toString(), "--format", "xlsx", DEMO.toString());
    assertEquals(2, badFormat.code());
    assertTrue(badFormat.err().contains("csv"), "names the valid formats: " + badFormat.err());
    ParseCommandTest.Run badDob = ParseCommandTest.run("watchlist", "search", "--store",
        dir.toString(), "--dob", "31/12/1970", "X");
    assertEquals(2, badDob.code());
    ParseCommandTest.Run noFile = ParseCommandTest.run("watchlist", "import", "--store",
        dir.toString(), "--format", "csv", "/no/such.csv");
    assertEquals(2, noFile.code());
    for (ParseCommandTest.Run r : List.of(noStore, badFormat, badDob, noFile)) {
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void namesScore_reportsAucAndF1(@TempDir Path dir) throws IOException {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, String.join("\n", "name1,name2,is_match",
        "Mohammed Ali,Muhammad Aly,true", "John Smith,Jane Smith,false",
        "Abd al-Rahman Hassan,Abdulrahman Hasan,true", "Peter Brown,Paul Green,false", ""));
    ParseCommandTest.Run r = ParseCommandTest.run("names", "score", "--pairs", pairs.toString(),
        "--details");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("pairs 4 (2 matches, 2 non-matches)"), r.out());
    assertTrue(r.out().contains("AUC 1.0000"), r.out());
    assertTrue(r.out().contains("best F1 1.0000"), r.out());
    assertTrue(r.out().contains("MOHAMMED~MUHAMMAD"), "details explain each pair: " + r.out());
  }

  @Test
  void namesScore_headerWithoutColumn_exits2(@TempDir Path dir) throws IOException {
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(pairs, "a,b,c\nx,y,true\n");
    ParseCommandTest.Run r = ParseCommandTest.run("names", "score", "--pairs", pairs.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("name1"), r.err());
  }
}
