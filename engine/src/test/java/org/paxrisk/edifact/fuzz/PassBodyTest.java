package org.paxrisk.edifact.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.EdifactReader;
import org.paxrisk.edifact.MessageCursor;
import org.paxrisk.edifact.ReadConstraints;
import org.opentest4j.TestAbortedException;
import org.paxrisk.SharedData;

/**
 * {@link MessageCursor#passBody} must read a message exactly as calls of {@code next()} to its
 * UNT do: the same errors at the same segments and bytes, the same warnings (the UNT count check
 * among them, so the same numbering), and the reader left at the same byte. Checked on the samples,
 * on inputs larger than the reader's buffer, and on thousands of mutations of them, with the
 * default limits and with tight ones (the message's size alone among them), read whole and in small
 * reads.
 */
class PassBodyTest {
  private static final byte[][] TOKENS = {
      "'".getBytes(UTF_8), "+".getBytes(UTF_8), ":".getBytes(UTF_8), "?".getBytes(UTF_8),
      "\r\n".getBytes(UTF_8), "\n".getBytes(UTF_8), " ".getBytes(UTF_8), "UNT+".getBytes(UTF_8),
      "UNH+".getBytes(UTF_8), "'UNZ+1'".getBytes(UTF_8), "\u2019".getBytes(UTF_8),
      "+++++++++++++".getBytes(UTF_8), ":::::::::::::::::".getBytes(UTF_8), "ab".getBytes(UTF_8),
      {0x1a}, {(byte) 0xe2}};

  @Test
  void passesPlainSegmentsAndNumbersThemAsNextWould() throws IOException {
    byte[] pnr = Files.readAllBytes(SharedData.testdata().resolve("samples/pnrgov/two_pnrs.edi"));
    EdifactReader r = toMessage(pnr);
    // MSG to the first IFT: the second IFT has a release character, which next() reads.
    assertEquals(10, r.pass(Integer.MAX_VALUE, Long.MAX_VALUE, new int[0]));
    assertTrue(r.next());
    assertEquals("IFT", r.segment().tag());
    assertEquals(12, r.segment().location().segment()); // UNH is 1
    // Up to a tag asked for: TIF is segment 13.
    assertEquals(0, r.pass(Integer.MAX_VALUE, Long.MAX_VALUE, new int[] {key("TIF")}));
    // TIF and FTI; the IFT after them has a release character.
    assertEquals(2, r.pass(Integer.MAX_VALUE, Long.MAX_VALUE, new int[] {key("SSR")}));
    assertTrue(r.next());
    assertEquals("IFT", r.segment().tag());
    assertEquals(15, r.segment().location().segment());

    MessageCursor c = new MessageCursor(toMessage(pnr));
    c.passBody();
    // Every segment counted, as UNT declares them: no count warning.
    assertEquals(List.of(), c.warnings());
  }

  private static EdifactReader toMessage(byte[] input) throws IOException {
    EdifactReader r = EdifactReader.of(input, "t");
    while (r.next() && !r.segment().tag().equals("UNH")) {
      // to the message
    }
    return r;
  }

  @Test
  void readsEveryInputAsNextDoes() throws IOException {
    List<byte[]> seeds = seeds();
    assertTrue(seeds.size() >= 4, "seeds");
    Random random = new Random(20261123);
    List<byte[]> inputs = new ArrayList<>(seeds);
    // Larger than the reader's 64 KB buffer, so that segments straddle its refills.
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    while (big.size() < 200_000) {
      big.writeBytes(seeds.get(random.nextInt(seeds.size())));
    }
    inputs.add(big.toByteArray());
    for (int i = 0; i < 3000; i++) {
      byte[] in = seeds.get(random.nextInt(seeds.size()));
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        in = mutate(in, random);
      }
      inputs.add(in);
    }
    int messages = 0;
    for (byte[] in : inputs) {
      for (ReadConstraints limits : List.of(ReadConstraints.DEFAULTS, Harness.TIGHT,
          ReadConstraints.DEFAULTS.withMaxMessageBytes(1000))) {
        List<String> next = trace(new ByteArrayInputStream(in), limits, Reading.NEXT);
        for (Reading how : List.of(Reading.PASS_BODY, Reading.PASS_TO_TAGS)) {
          assertEquals(next, trace(new ByteArrayInputStream(in), limits, how), () -> how
              + ", input " + new String(in, 0, Math.min(in.length, 400), UTF_8));
          assertEquals(next, trace(new Harness.Trickle(in, in.length), limits, how));
        }
        messages += next.size();
      }
    }
    assertTrue(messages > 5000, "messages " + messages);
  }

  /** How a message is read to its UNT: all by next(), or passing over plain segments. */
  private enum Reading { NEXT, PASS_BODY, PASS_TO_TAGS }

  /** What PAXLST's first pass stops at inside a traveller's group (NAD, TDT, CNT). */
  private static final int[] TRAVELLER_ENDS = {key("NAD"), key("TDT"), key("CNT")};

  private static int key(String tag) {
    return tag.charAt(0) << 16 | tag.charAt(1) << 8 | tag.charAt(2);
  }

  /** Per message: how it ended (an error's code and location, or its warnings), and where. */
  private static List<String> trace(InputStream in, ReadConstraints limits, Reading how)
      throws IOException {
    EdifactReader r = new EdifactReader(in, "t", limits);
    List<String> out = new ArrayList<>();
    while (true) {
      try {
        if (!r.next()) {
          return out;
        }
      } catch (EdifactException e) {
        continue; // outside a message: the same for both
      }
      if (!r.segment().tag().equals("UNH")) {
        continue;
      }
      MessageCursor c = new MessageCursor(r);
      try {
        switch (how) {
          case NEXT -> {
            while (c.next()) {
              // to the UNT
            }
          }
          case PASS_BODY -> c.passBody();
          case PASS_TO_TAGS -> {
            do {
              c.pass(TRAVELLER_ENDS);
            } while (c.next());
          }
          default -> throw new AssertionError(how);
        }
        out.add("read " + c.warnings() + " at " + r.position());
      } catch (EdifactException e) {
        out.add(e.code() + " " + e.location() + " " + c.warnings() + " at " + r.position());
        c.skipToEnd();
      }
    }
  }

  private static byte[] mutate(byte[] in, Random random) {
    int at = in.length == 0 ? 0 : random.nextInt(in.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
    switch (random.nextInt(5)) {
      case 0 -> { // replace a byte with a separator-like token
        out.write(in, 0, at);
        out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
        out.write(in, Math.min(in.length, at + 1), in.length - Math.min(in.length, at + 1));
      }
      case 1 -> { // insert a token
        out.write(in, 0, at);
        out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
        out.write(in, at, in.length - at);
      }
      case 2 -> { // delete a run
        int n = Math.min(in.length - at, 1 + random.nextInt(8));
        out.write(in, 0, at);
        out.write(in, at + n, in.length - at - n);
      }
      case 3 -> { // a random byte
        out.writeBytes(in);
        byte[] b = out.toByteArray();
        if (b.length > 0) {
          b[at] = (byte) random.nextInt(256);
        }
        return b;
      }
      default -> { // repeat a stretch (a segment twice, a long element)
        int n = Math.min(in.length - at, 1 + random.nextInt(300));
        out.write(in, 0, at + n);
        out.write(in, at, in.length - at);
      }
    }
    return out.toByteArray();
  }

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    List<Path> dirs = new ArrayList<>(List.of(SharedData.testdata().resolve("samples")));
    try {
      dirs.add(SharedData.sharedOrSkip().resolve("samples"));
    } catch (TestAbortedException absent) {
      // A fresh clone has no ../shared: the project's samples are enough.
    }
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".edi")
            || p.toString().endsWith(".txt")).sorted().toList()) {
          byte[] b = Files.readAllBytes(f);
          if (b.length <= Harness.MAX_INPUT) {
            seeds.add(b);
          }
        }
      }
    }
    return seeds;
  }
}
