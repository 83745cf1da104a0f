package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code parse} command's contract: output fields, exit codes, errors on stderr. */
class ParseCommandTest {
  static final String PAXLST = String.join("\n",
      "UNA:+.? '",
      "UNB+UNOA:4+AIRLINE+CUSTOMS+240101:0900+1'",
      "UNH+1+PAXLST:D:05B:UN:IATA'",
      "BGM+745'",
      "TDT+20+XY101+++XY'",
      "LOC+125+CDG'",
      "DTM+189:2402011030:201'",
      "LOC+87+JFK'",
      "DTM+232:2402011330:201'",
      "NAD+FL+++O?'BRIEN:ANNE MARIE'",
      "ATT+2++F'",
      "DTM+329:850315'",
      "NAT+2+IRL'",
      "RFF+AVF:ABC123'",
      "DOC+P:110:111+PA1234567'",
      "DTM+36:300101'",
      "LOC+91+IRL'",
      "CNT+42:1'",
      "UNT+17+1'",
      "UNZ+1+1'");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void parse_jsonl_oneObjectPerTravellerWithContractFields(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("api.edi");
    Files.writeString(f, PAXLST, StandardCharsets.UTF_8);
    Run r = run("parse", "--format", "jsonl", f.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size());
    Map<String, Object> o = flat(lines.get(0));
    assertEquals(f.toString(), o.get("source"));
    assertEquals("PAXLST", o.get("message"));
    assertEquals("XY", o.get("flight.carrier"));
    assertEquals("101", o.get("flight.number"));
    assertEquals("CDG", o.get("flight.origin"));
    assertEquals("JFK", o.get("flight.destination"));
    assertEquals("2024-02-01T10:30", o.get("flight.departure"));
    assertEquals("PASSENGER", o.get("role"));
    assertEquals("O'BRIEN", o.get("surname"));
    assertEquals("ANNE MARIE", o.get("givenNames"));
    assertEquals("1985-03-15", o.get("dateOfBirth"));
    assertEquals("F", o.get("gender"));
    assertEquals("IRL", o.get("nationality"));
    assertEquals("P", o.get("documents.type"));
    assertEquals("PA1234567", o.get("documents.number"));
    assertEquals("IRL", o.get("documents.issuingCountry"));
    assertEquals("2030-01-01", o.get("documents.expiry"));
    assertEquals("ABC123", o.get("recordLocator"));
  }

  @Test
  void parse_summary_countsPerFileAndTotal(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.edi"), PAXLST);
    Files.writeString(dir.resolve("b.edi"), PAXLST + "\n" + PAXLST);
    Run r = run("parse", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("travellers"), r.out());
    String total = r.out().lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
    assertEquals(List.of("total", "(2", "files)", "3", "3", "3", "0", "0", "0"),
        List.of(total.trim().split("\\s+")));
  }

  @Test
  void parse_rejectedMessage_exits3_locationOnStderr_noPersonalData(@TempDir Path dir)
      throws IOException {
    String broken = PAXLST.replace("UNT+17+1'\n", ""); // message runs into UNZ without UNT
    Path f = dir.resolve("broken.edi");
    Files.writeString(f, broken + "\n" + PAXLST);
    Run r = run("parse", "--format", "jsonl", f.toString());
    assertEquals(3, r.code());
    assertEquals(1, r.out().lines().count(), "the good message is still read");
    assertTrue(r.err().contains("missing-unt"), r.err());
    assertTrue(r.err().contains("rejected: message 1 (PAXLST) of " + f), r.err());
    assertTrue(r.err().contains("segment: 2 (UNZ)"), r.err());
    assertTrue(r.err().contains("byte: "), r.err());
    assertFalse(r.err().contains("BRIEN"), "stderr must not echo personal data");
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void parse_noPath_exits2WithUsageHint() {
    Run r = run("parse");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("PATH"), r.err());
    assertTrue(r.err().contains("--help"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void parse_missingFile_exits2() {
    Run r = run("parse", "/no/such/file.edi");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file or folder: /no/such/file.edi"), r.err());
  }

  @Test
  void parse_unknownFormat_exits2() {
    Run r = run("parse", "--format", "xml", "x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("xml"), r.err());
  }

  @Test
  void unknownCommand_exits2() {
    Run r = run("frobnicate");
    assertEquals(2, r.code());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void noCommand_exits2() {
    assertEquals(2, run().code());
  }

  /** A JSON object flattened to dotted keys; arrays contribute their first element. */
  static Map<String, Object> flat(String json) throws IOException {
    Map<String, Object> m = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      StringBuilder path = new StringBuilder();
      java.util.ArrayDeque<Integer> marks = new java.util.ArrayDeque<>();
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> field = p.currentName();
          case START_OBJECT -> {
            marks.push(path.length());
            if (field != null) {
              path.append(field).append('.');
            }
            field = null;
          }
          case END_OBJECT -> path.setLength(marks.pop());
          case START_ARRAY, END_ARRAY -> { }
          default -> {
            String key = path + (field == null ? "" : field);
            m.putIfAbsent(key, t == JsonToken.VALUE_NULL ? null : p.getText());
          }
        }
      }
    }
    return m;
  }
}
