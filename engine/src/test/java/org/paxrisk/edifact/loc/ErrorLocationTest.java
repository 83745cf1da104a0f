package org.paxrisk.edifact.loc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.EdifactReader;
import org.paxrisk.edifact.Issue;
import org.paxrisk.edifact.Location;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.Parse;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.ingest.SensitiveData;

/**
 * Where each kind of malformed input is reported: a table of small inputs, each with the one issue
 * it must produce (code, severity, message, segment, tag, element, component and exact byte
 * offset), the number of messages that must still parse, and the complete set of issue codes (so
 * that a repair does not bring spurious warnings with it). After Jackson's
 * {@code LocationOfError1173Test}.
 *
 * <p>The inputs are built from fixed lines, one segment per line, whose offsets are written beside
 * them; {@link #templates_haveTheLengthsTheTableCountsOn()} checks that arithmetic. The byte
 * offsets in the rows are counted by hand from those lines.
 */
class ErrorLocationTest {

  // ------------------------------------------------------------------ building blocks

  /** Personal data used in the inputs; no issue text or location may ever contain it. */
  private static final List<String> PERSONAL_DATA =
      List.of("ZANZIBARIS", "ZANZI", "ELVIRAH", "X9988776", "X99", "ABC123", "JOSEFINA");

  private static final String UNB = "UNB+UNOA:4+SND+RCV+240101:1200+1'\n"; //   0, 34 bytes

  /** UNB to DTM of a PAXLST message: the next segment is segment 6 and starts at byte 122. */
  private static final String PAX_HEAD = UNB
      + "UNH+1+PAXLST:D:02B:UN:IATA'\n" //  34, 28 bytes, segment 1
      + "BGM+745'\n" //                     62,  9 bytes, segment 2
      + "TDT+20+XX123'\n" //                71, 14 bytes, segment 3
      + "LOC+125+AAA'\n" //                 85, 13 bytes, segment 4
      + "DTM+189:2401011200:201'\n"; //     98, 24 bytes, segment 5

  private static final String NAD = "NAD+FL+++ZANZIBARIS:ELVIRAH'\n"; // 122, 29 bytes, segment 6
  private static final String DOC = "DOC+P+X9988776'\n"; //               151, 16 bytes, segment 7
  private static final String CNT = "CNT+42:1'\n"; //                     167, 10 bytes, segment 8
  private static final String UNT = "UNT+9+1'\n"; //                      177,  9 bytes, segment 9
  private static final String UNZ = "UNZ+1+1'\n"; //                      186,  9 bytes; end 195

  /** A clean PAXLST interchange with one passenger. */
  private static final String PAX = PAX_HEAD + NAD + DOC + CNT + UNT + UNZ;

  /** A clean PNRGOV interchange with one PNR of one traveller. */
  private static final String PNR = UNB
      + "UNH+1+PNRGOV:11:1:IA'\n" //              34, 22 bytes, segment 1
      + "MSG+:22'\n" //                           56,  9 bytes, segment 2
      + "TVL+010124:1200+AAA+BBB+XX+123'\n" //    65, 32 bytes, segment 3
      + "EQN+1'\n" //                             97,  7 bytes, segment 4
      + "SRC'\n" //                              104,  5 bytes, segment 5
      + "RCI+XX:ABC123'\n" //                    109, 15 bytes, segment 6
      + "TIF+ZANZIBARIS+ELVIRAH:A:1'\n" //       124, 28 bytes, segment 7
      + "UNT+8+1'\n" //                          152,  9 bytes, segment 8
      + UNZ; //                                  161; end 170

  private static final String SOURCE = "test.edi";

  // ------------------------------------------------------------------ the table

  static Stream<Case> cases() {
    return Stream.of(
        row("truncatedMidSegment_rejectedAtEndOfInput", PAX_HEAD + "NAD+FL+++ZANZIB")
            .rejected("missing-unt").at(1, 7, null, 137)
            .codes("missing-unt", "unterminated-segment"),
        row("truncatedMidSegment_warnsAtSegmentStart", PAX_HEAD + "NAD+FL+++ZANZIB")
            .warning("unterminated-segment").at(1, 6, null, 122)
            .codes("missing-unt", "unterminated-segment"),
        row("truncatedAfterSegment_missingUntAtEndOfInput", PAX_HEAD + NAD + DOC + CNT)
            .rejected("missing-unt").at(1, 9, null, 177)
            .codes("missing-unt"),
        row("missingUnt_nextUnhFollows", PAX_HEAD + NAD
                + "CNT+42:1'\n" //                    151, 10 bytes
                + "UNH+2+PAXLST:D:02B:UN:IATA'\n" //  161
                + "BGM+745'\nTDT+20+XX123'\nLOC+125+AAA'\nDTM+189:2401011200:201'\n"
                + "CNT+42:0'\nUNT+7+2'\nUNZ+2+1'\n")
            .rejected("missing-unt").at(2, 1, "UNH", 161)
            .parsed(1).codes("missing-unt"),
        row("missingUnt_unzFollows_unzIsOutsideTheMessage", PAX_HEAD + NAD + DOC + CNT
                + "UNZ+5+1'\n") //                     177; count at 181
            .envelopeWarning("unz-count-mismatch").at(0, 2, "UNZ", 181).element(1, 1)
            .codes("missing-unt", "unz-count-mismatch"),
        row("badUna_garbage_readsOnWithDefaults", "UNAxyzxyz\n" + PAX)
            .envelopeError("bad-una").at(0, 1, "UNA", 0)
            .parsed(1).codes("bad-una"),
        row("una_fiveCharacters_inferredFromTheBody", "UNA:+.?'" + PAX)
            .envelopeWarning("una-inferred").at(0, 1, "UNA", 0)
            .parsed(1).codes("una-inferred"),
        row("strayRelease_beforeLetter_warnsAtTheReleaseCharacter", PAX_HEAD
                + "NAD+FL+++ZANZI?BARIS:ELVIRAH'\n" // 122; '?' at 136
                + DOC + CNT + UNT + UNZ)
            .warning("stray-release").at(1, 6, null, 136)
            .parsed(1).codes("stray-release"),
        row("danglingRelease_atEndOfInput_warnsAtTheReleaseCharacter", PAX_HEAD
                + "NAD+FL+++ZANZIBARIS?") //           122; '?' at 141
            .warning("dangling-release").at(1, 6, null, 141)
            .codes("dangling-release", "missing-unt", "unterminated-segment"),
        row("unknownSegment_inMessage_skippedWithWarning", PAX_HEAD
                + "XYZ+1'\n" //                        122, 7 bytes, segment 6
                + NAD + DOC + CNT + "UNT+10+1'\n" + UNZ)
            .warning("unexpected-segment").at(1, 6, "XYZ", 122)
            .parsed(1).codes("unexpected-segment"),
        row("segmentOverMaxSegmentLength_rejected", PAX_HEAD
                + "NAD+FL+++ZANZIBARIS:ELVIRAH:MARIA:JOSEFINA'\n" // 122, 35 data bytes
                + DOC + CNT + UNT + UNZ)
            .limits(ReadConstraints.DEFAULTS.withMaxSegmentLength(28))
            .rejected("limit-exceeded").at(1, 6, null, 122)
            .codes("limit-exceeded"),
        row("segmentOverMaxSegmentLength_laterSegmentsKeepTheirNumbers", PAX_HEAD
                + "NAD+FL+++ZANZIBARIS:ELVIRAH:MARIA:JOSEFINA'\n" // 122, 44 bytes
                + "DOC+P+X99?88776'\n" //                           166; '?' at 175
                + CNT + "UNT+9+1'\n" + UNZ)
            .limits(ReadConstraints.DEFAULTS.withMaxSegmentLength(28))
            .warning("stray-release").at(1, 7, null, 175)
            .codes("limit-exceeded", "stray-release"),
        row("segmentOverMaxElementsPerSegment_rejected", PAX_HEAD
                + "NAD+FL+++ZANZIBARIS:ELVIRAH+1 MAIN ST+TOWN+RG+12345+GBR'\n" // 122
                + DOC + CNT + UNT + UNZ)
            .limits(new ReadConstraints(64 * 1024, 6, 4096, 200_000, 1 << 26, 100))
            .rejected("limit-exceeded").at(1, 6, null, 122)
            .codes("limit-exceeded"),
        row("messageOverMaxSegmentsPerMessage_rejectedAtFirstSegmentTooMany", PAX)
            .limits(ReadConstraints.DEFAULTS.withMaxSegmentsPerMessage(5))
            .rejected("limit-exceeded").at(1, 6, "NAD", 122)
            .codes("limit-exceeded"),
        row("untCountWrong_warnsAtTheCount", PAX_HEAD + NAD + DOC + CNT
                + "UNT+8+1'\n" + UNZ) //               177; count at 181
            .warning("unt-count-mismatch").at(1, 9, "UNT", 181).element(1, 1)
            .parsed(1).codes("unt-count-mismatch"),
        row("untReferenceWrong_warnsAtTheReference", PAX_HEAD + NAD + DOC + CNT
                + "UNT+9+7'\n" + UNZ) //               177; reference at 183
            .warning("unt-reference-mismatch").at(1, 9, "UNT", 183).element(2, 1)
            .parsed(1).codes("unt-reference-mismatch"),
        row("paxlstCntWrong_warnsAtTheTotal", PAX_HEAD + NAD + DOC
                + "CNT+42:3'\n" + UNT + UNZ) //        167; total at 174
            .warning("cnt-mismatch").at(1, 8, "CNT", 174).element(1, 2)
            .parsed(1).codes("cnt-mismatch"),
        row("pnrgovEqnWrong_warnsAtTheMessageHeader", PNR.replace("EQN+1'", "EQN+2'"))
            .warning("eqn-mismatch").at(1, 1, "UNH", 34)
            .parsed(1).codes("eqn-mismatch"),
        row("unzCountWrong_envelopeWarningAtTheCount", PAX_HEAD + NAD + DOC + CNT + UNT
                + "UNZ+2+1'\n") //                     186; count at 190
            .envelopeWarning("unz-count-mismatch").at(0, 2, "UNZ", 190).element(1, 1)
            .parsed(1).codes("unz-count-mismatch"),
        row("binaryGarbage_oneRejectedNoMessage", new byte[] {
                0, 1, (byte) 0xff, (byte) 0xfe, '+', 0x7f, '\'', (byte) 0x80, 0x13, 0x37})
            .rejected("no-message").at(0, 0, null, 0)
            .codes("malformed-tag", "no-message", "unterminated-segment"),
        row("malformedTag_lowercase_rejected", PAX_HEAD
                + "nad+FL+++ZANZIBARIS:ELVIRAH'\n" //  122, segment 6
                + DOC + CNT + UNT + UNZ)
            .rejected("malformed-tag").at(1, 6, null, 122)
            .codes("malformed-tag"),
        row("malformedTag_twoLetters_rejected", PAX_HEAD
                + "NA+FL+++ZANZIBARIS:ELVIRAH'\n" //   122, segment 6
                + DOC + CNT + UNT + UNZ)
            .rejected("malformed-tag").at(1, 6, null, 122)
            .codes("malformed-tag"),
        row("malformedUnhTag_isNoMessage", UNB
                + "UNH:1+PAXLST:D:02B:UN:IATA'\n" //  34, envelope segment 2
                + "UNZ+0+1'\n")
            .envelopeError("malformed-tag").at(0, 2, null, 34)
            .codes("malformed-tag", "no-message"),
        row("paxlstTravellerBeforeTdt_rejectedAtTheNad", UNB
                + "UNH+1+PAXLST:D:02B:UN:IATA'\n" //   34
                + "BGM+745'\n" //                      62
                + NAD //                               71, segment 3
                + DOC + CNT + "UNT+6+1'\n" + UNZ)
            .rejected("no-flight").at(1, 3, "NAD", 71)
            .codes("no-flight"),
        row("pnrgovWithoutHeaderTvl_rejectedAtTheHeader",
                PNR.replace("TVL+010124:1200+AAA+BBB+XX+123'\n", "").replace("UNT+8+", "UNT+7+"))
            .rejected("no-flight").at(1, 1, "UNH", 34)
            .codes("no-flight"),
        row("unsupportedMessageType_rejectedAtTheType", UNB
                + "UNH+1+INVOIC:D:96A:UN'\n" //        34; type at 40
                + "BGM+380+X1'\n" + "UNT+3+1'\n" + UNZ)
            .rejected("unsupported-message").at(1, 1, "UNH", 40).element(2, 1)
            .codes("unsupported-message"),
        row("typographicApostropheAsTerminator_warnsAtIt", PAX_HEAD
                + "NAD+FL+++ZANZIBARIS:ELVIRAH\u2019\n" // 122; U+2019 at 149 (3 bytes)
                + DOC + CNT + UNT + UNZ)
            .warning("typographic-terminator").at(1, 6, null, 149)
            .parsed(1).codes("typographic-terminator"),
        row("junkAfterUnz_envelopeWarning", PAX
                + "XXX+JUNK'\n") //                    195, envelope segment 3
            .envelopeWarning("outside-message").at(0, 3, "XXX", 195)
            .parsed(1).codes("outside-message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_malformedInput_reportsCodeAndExactLocation(Case c) {
    Parse p = parse(c);
    Issue issue = theIssue(c, p);
    assertEquals(c.kind.severity, issue.severity(), "severity");
    assertEquals(new Location(SOURCE, c.message, c.segment, c.tag, c.element, c.component,
        c.byteOffset), issue.location(), "location of " + issue);
    assertEquals(c.parsed, p.parsed().size(), "messages parsed despite the problem");
    assertEquals(c.codes, codes(p), "every issue code the input produces");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_malformedInput_issuesNeverEchoPersonalData(Case c) {
    Parse p = parse(c);
    for (Issue i : allIssues(p)) {
      assertNoPersonalData(i.toString());
      assertNoPersonalData(i.text());
      assertNoPersonalData(i.location().toString());
    }
  }

  /** The tokenizer alone: only EdifactException escapes, and its message names no data. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void read_malformedInput_exceptionsNeverEchoPersonalData(Case c) throws IOException {
    EdifactReader r = new EdifactReader(new ByteArrayInputStream(c.input), SOURCE, c.limits);
    List<Issue> warnings = new ArrayList<>();
    int exceptions = 0;
    for (int guard = 0; guard < 1000; guard++) {
      try {
        if (!r.next()) {
          r.drainIssues(warnings);
          for (Issue w : warnings) {
            assertNoPersonalData(w.toString());
          }
          return;
        }
        assertNoPersonalData(r.segment().toString());
        assertNoPersonalData(r.segment().location().toString());
      } catch (EdifactException e) {
        exceptions++;
        assertNotNull(e.location(), "location of " + e.code());
        assertNoPersonalData(e.getMessage());
        assertNoPersonalData(e.toIssue().toString());
      }
    }
    fail("reader did not reach the end of a " + c.input.length + "-byte input (" + exceptions
        + " exceptions)");
  }

  /** The building blocks parse without any issue, so every code in the table comes from its row. */
  @Test
  void templates_parseWithoutIssues() {
    for (String clean : List.of(PAX, PNR)) {
      Parse p = Parse.text(clean);
      assertEquals(List.of(), allIssues(p));
      assertEquals(1, p.parsed().size());
      assertEquals(1, p.parsed().get(0).travellers().size());
    }
  }

  @Test
  void templates_haveTheLengthsTheTableCountsOn() {
    assertEquals(34, UNB.length());
    assertEquals(122, PAX_HEAD.length());
    assertEquals(151, (PAX_HEAD + NAD).length());
    assertEquals(167, (PAX_HEAD + NAD + DOC).length());
    assertEquals(177, (PAX_HEAD + NAD + DOC + CNT).length());
    assertEquals(186, (PAX_HEAD + NAD + DOC + CNT + UNT).length());
    assertEquals(195, PAX.length());
    assertEquals(65, PNR.indexOf("TVL"));
    assertEquals(97, PNR.indexOf("EQN"));
    assertEquals(152, PNR.indexOf("UNT"));
    assertEquals(170, PNR.length());
    assertEquals(PAX.length(), PAX.getBytes(UTF_8).length, "ASCII: characters are bytes");
  }

  @Test
  void table_coversEnoughCases() {
    assertTrue(cases().count() >= 18);
  }

  // ------------------------------------------------------------------ helpers

  private static Parse parse(Case c) {
    List<Outcome> all = new ArrayList<>();
    try (MessageReader r = new MessageReader(new ByteArrayInputStream(c.input), SOURCE, c.limits,
        SensitiveData.defaults())) {
      r.forEachRemaining(all::add);
      return new Parse(all, r.envelopeIssues());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Issue theIssue(Case c, Parse p) {
    List<Issue> found = new ArrayList<>();
    switch (c.kind) {
      case REJECTED:
        for (RejectedMessage m : p.rejected()) {
          if (m.error().code().equals(c.code)) {
            found.add(m.error());
          }
        }
        break;
      case WARNING:
        for (Outcome o : p.outcomes()) {
          o.warnings().stream().filter(i -> i.code().equals(c.code)).forEach(found::add);
        }
        break;
      default:
        p.envelope().stream().filter(i -> i.code().equals(c.code)).forEach(found::add);
    }
    assertEquals(1, found.size(), () -> "exactly one " + c.kind + " " + c.code + " in " + p);
    return found.get(0);
  }

  private static List<Issue> allIssues(Parse p) {
    List<Issue> all = new ArrayList<>(p.envelope());
    for (Outcome o : p.outcomes()) {
      all.addAll(o.warnings());
      if (o instanceof RejectedMessage r) {
        all.add(r.error());
      }
    }
    return all;
  }

  private static Set<String> codes(Parse p) {
    Set<String> codes = new TreeSet<>();
    allIssues(p).forEach(i -> codes.add(i.code()));
    return codes;
  }

  private static void assertNoPersonalData(String text) {
    for (String value : PERSONAL_DATA) {
      assertFalse(text.contains(value), () -> "personal data echoed: " + text);
    }
  }

  private static Case row(String name, String input) {
    return new Case(name, input.getBytes(UTF_8));
  }

  private static Case row(String name, byte[] input) {
    return new Case(name, input);
  }

  /** Where the expected issue is kept. */
  enum Kind {
    REJECTED(Issue.Severity.ERROR),
    WARNING(Issue.Severity.WARNING),
    ENVELOPE_WARNING(Issue.Severity.WARNING),
    ENVELOPE_ERROR(Issue.Severity.ERROR);

    final Issue.Severity severity;

    Kind(Issue.Severity severity) {
      this.severity = severity;
    }
  }

  /** One row: an input and the issue it must produce. */
  static final class Case {
    final String name;
    final byte[] input;
    ReadConstraints limits = ReadConstraints.DEFAULTS;
    Kind kind;
    String code;
    int message;
    int segment;
    String tag;
    int element;
    int component;
    long byteOffset;
    int parsed;
    Set<String> codes = Set.of();

    Case(String name, byte[] input) {
      this.name = name;
      this.input = input;
    }

    Case limits(ReadConstraints l) {
      limits = l;
      return this;
    }

    Case rejected(String c) {
      return expect(Kind.REJECTED, c);
    }

    Case warning(String c) {
      return expect(Kind.WARNING, c);
    }

    Case envelopeWarning(String c) {
      return expect(Kind.ENVELOPE_WARNING, c);
    }

    Case envelopeError(String c) {
      return expect(Kind.ENVELOPE_ERROR, c);
    }

    private Case expect(Kind k, String c) {
      kind = k;
      code = c;
      return this;
    }

    Case at(int message, int segment, String tag, long byteOffset) {
      this.message = message;
      this.segment = segment;
      this.tag = tag;
      this.byteOffset = byteOffset;
      return this;
    }

    Case element(int element, int component) {
      this.element = element;
      this.component = component;
      return this;
    }

    Case parsed(int n) {
      parsed = n;
      return this;
    }

    Case codes(String... all) {
      codes = new TreeSet<>(List.of(all));
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
