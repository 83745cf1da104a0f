package org.paxrisk.edifact.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paxrisk.edifact.Issue;
import org.paxrisk.edifact.Location;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.RejectedMessage;

/**
 * Inputs the fuzz tests found, minimised, each with the behaviour it broke. Every one also runs
 * through {@link Harness#check}, so it keeps guarding all the fuzz properties. Inputs are
 * ISO 8859-1 string literals so that every byte is visible.
 */
class FuzzRegressionTest {

  /**
   * A BGM among a traveller's segments changes the list type, and with it how CNT's totals are
   * read: a first pass skipped it there and declared 3 travellers where a full read declared 1.
   */
  @Test
  void regression_bgmInATravellersGroup_firstPassReadsTheTotalsAlike() {
    Harness.Run run = Harness.check(
        bytes("UNH++PAXLST'BGM+250'RFX'TDT'CNT+41:3'LOC'NAD+FL'BGM'CNT+42:1'UNT"));
    assertEquals(1, ((ApiMessage) run.outcomes().get(0)).declaredCount());
  }

  /** "UNH:" has a malformed tag; the reader counted it as a message MessageReader never saw. */
  @Test
  void regression_malformedUnhTag_isNoMessage() {
    Harness.Run run = Harness.check(bytes("UNH:"));
    assertEquals(0, run.messages());
    assertEquals("no-message", ((RejectedMessage) run.outcomes().get(0)).error().code());
    Issue malformed = run.envelope().stream().filter(i -> i.code().equals("malformed-tag"))
        .findFirst().orElseThrow();
    assertEquals(new Location("fuzz.edi", 0, 1, null, 0, 0, 0), malformed.location());
  }

  /**
   * A malformed "UNH-" before a real UNH: the real message was numbered 2 (origin and locations)
   * although it is the input's first message.
   */
  @Test
  void regression_malformedUnhTagBeforeUnh_messageNumbersFollowRealMessages() {
    Harness.Run run = Harness.check(bytes("UNA-',%*UNB'*UNH-*UNH"));
    assertEquals(1, run.messages());
    RejectedMessage only = (RejectedMessage) run.outcomes().get(0);
    assertEquals(1, only.origin().message());
    assertEquals(List.of(1), List.of(only.error().location().message()));
  }

  /**
   * The UNA makes the digit 7 the release character, and a segment tag starts with it: read in
   * place, the tag was taken as it stood; read across a buffer boundary, the 7 released the 4.
   * Both ways now release it (a stray release, then a malformed tag).
   */
  @Test
  void regression_releaseCharacterInTag_sameWhereverTheReadsSplit() {
    Harness.Run run = Harness.check(bytes("UNA#~.7&UNB~23&745&\n12"));
    assertEquals(List.of("una-inferred", "stray-release", "malformed-tag", "unterminated-segment"),
        run.envelope().stream().map(Issue::code).toList());
  }

  private static byte[] bytes(String isoLatin1) {
    return isoLatin1.getBytes(ISO_8859_1);
  }
}
