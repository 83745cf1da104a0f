package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Denial-of-service inputs, generated on the fly, each followed by a good message: each ends in a
 * clear error or warning, the good message after it is still read, memory stays bounded (this
 * class runs in the Surefire execution capped at -Xmx256m) and time too (a generous budget that
 * only a hang or a quadratic blow-up would exceed; speed itself is measured by the benchmarks).
 */
@Tag("streaming")
class HostileInputTest {
  static final String HEADER = "UNA:+.? 'UNB+UNOA:4+SENDER+RECEIVER+250101:1200+1'";
  static final String GOOD = "UNH+9+PAXLST:D:02B:UN:IATA'BGM+745'TDT+20+XY101'LOC+125+CDG'"
      + "DTM+189:2502011030:201'LOC+87+JFK'NAD+FL+++DOE:JANE'DOC+P+X1234567'UNT+8+9'";
  static final Duration BUDGET = Duration.ofSeconds(120);

  @Test
  void hundredMegabyteSegment() {
    List<Outcome> out = read(parts(HEADER + "UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'FTX+AAI+++",
        repeat((byte) 'A', 100L << 20), "'UNT+4+1'" + GOOD + "UNZ+2+1'"));
    RejectedMessage bad = (RejectedMessage) out.get(0);
    assertTrue(bad.error().text().contains("maxSegmentLength"), bad.error().toString());
    assertGoodLast(out);
  }

  @Test
  void millionEmptySegments() {
    List<Outcome> out = read(parts(HEADER + "UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'",
        repeat((byte) '\'', 1_000_000), "UNT+4+1'" + GOOD + "UNZ+2+1'"));
    assertEquals(2, out.size(), "one outcome per UNH");
    // An empty segment has no tag: the message is rejected where the first one starts.
    RejectedMessage bad = (RejectedMessage) out.get(0);
    assertEquals("malformed-tag", bad.error().code());
    assertEquals(3, bad.error().location().segment());
    assertGoodLast(out);
  }

  @Test
  void deeplyRepeatedGroups() {
    // 300,000 traveller groups in one message: more segments than any real flight could need.
    String group = "NAD+FL+++DOE:JOHN'ATT+2++M'DOC+P+X1'";
    List<Outcome> out = read(parts(HEADER + "UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'TDT+20+XY101'"
        + "LOC+125+CDG'DTM+189:2502011030:201'LOC+87+JFK'",
        repeatText(group, 300_000), "UNT+900007+1'" + GOOD + "UNZ+2+1'"));
    RejectedMessage bad = (RejectedMessage) out.get(0);
    assertTrue(bad.error().text().contains("maxSegmentsPerMessage"), bad.error().toString());
    assertGoodLast(out);
  }

  @Test
  void binaryGarbage() {
    byte[] noise = new byte[32 << 20];
    new SplittableRandom(7).nextBytes(noise);
    List<Outcome> out = read(parts("", new ByteArrayInputStream(noise), HEADER + GOOD
        + "UNZ+1+1'"));
    assertGoodLast(out);
  }

  @Test
  void twoGigabyteStream() {
    // 2 GiB of good messages, generated as it is read: nothing is kept but counts.
    byte[] message = GOOD.getBytes(StandardCharsets.US_ASCII);
    long count = (2L << 30) / message.length + 1;
    InputStream stream = parts(HEADER, repeatBytes(message, count), "UNZ+" + count + "+1'");
    long[] travellers = {0};
    long[] messages = {0};
    assertTimeoutPreemptively(BUDGET, () -> {
      try (MessageReader r = MessageReader.of(stream, "two-gigabytes")) {
        while (r.hasNext()) {
          Outcome o = r.next();
          messages[0]++;
          if (o instanceof ParsedMessage m) {
            travellers[0] += m.travellers().size();
          }
        }
      }
    });
    assertEquals(count, messages[0]);
    assertEquals(count, travellers[0]);
  }

  private static List<Outcome> read(InputStream in) {
    List<Outcome> out = new ArrayList<>();
    assertTimeoutPreemptively(BUDGET, () -> {
      try (MessageReader r = MessageReader.of(in, "hostile")) {
        r.forEachRemaining(out::add);
      }
    });
    return out;
  }

  private static void assertGoodLast(List<Outcome> out) {
    Outcome last = out.get(out.size() - 1);
    assertTrue(last instanceof ApiMessage, "the good message after the bad input: " + last);
    assertEquals("DOE", ((ApiMessage) last).travellers().get(0).surname());
  }

  private static InputStream parts(String head, InputStream body, String tail) {
    return new SequenceInputStream(Collections.enumeration(List.of(
        new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), body,
        new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII)))));
  }

  private static InputStream repeat(byte b, long n) {
    return repeatBytes(new byte[] {b}, n);
  }

  private static InputStream repeatText(String s, long n) {
    return repeatBytes(s.getBytes(StandardCharsets.US_ASCII), n);
  }

  /** {@code unit} repeated {@code n} times, made as it is read. */
  private static InputStream repeatBytes(byte[] unit, long n) {
    return new InputStream() {
      private final long total = unit.length * n;
      private long pos;

      @Override
      public int read() {
        return pos < total ? unit[(int) (pos++ % unit.length)] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= total) {
          return -1;
        }
        int k = (int) Math.min(len, total - pos);
        for (int i = 0; i < k; i++) {
          b[off + i] = unit[(int) ((pos + i) % unit.length)];
        }
        pos += k;
        return k;
      }
    };
  }
}
