package org.paxrisk.edifact.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.paxrisk.SharedData;
import org.paxrisk.edifact.Issue;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.RejectedMessage;

/**
 * Seeded random mutation of real inputs, in-process and within a fixed time budget: the guarantee
 * that does not depend on Jazzer's native fuzzing mode (under a plain {@code mvn test} Jazzer only
 * replays its corpus).
 *
 * <p>Seeds: every file of {@code ../shared/samples} when present, the project's {@code testdata/},
 * the Jazzer seed corpus of {@link ParserFuzzTest}, and two inline messages. Each execution applies
 * one mutation (one time in four, two to six) to a seed or a pool entry: bit flips, byte insertion
 * and deletion, separators and release characters, truncation, duplicated ranges and segments,
 * splices of two inputs, dictionary tokens, a UNA with random separators and the body rewritten to
 * them, oversized values. Then it runs {@link Harness#check}.
 * A mutant that still parses and produces a combination of issue codes not seen before joins the
 * pool, a cheap stand-in for coverage guidance.
 *
 * <p>System properties: {@code paxrisk.fuzz.seconds} (budget, default 20) and
 * {@code paxrisk.fuzz.seed} (to replay a run; printed at the start). A finding is minimised,
 * written to {@code target/fuzz-findings/} and reported with the input as a Java string literal,
 * to become a named test in {@link FuzzRegressionTest}.
 */
class MutationFuzzTest {
  private static final int POOL_LIMIT = 4096;
  private static final int MAX_FINDINGS = 5;
  /** Mutants are cut to 16 KB (a large real message) so that executions stay fast. */
  private static final int MAX_MUTANT = 16 * 1024;
  private static final byte[] SEPARATORS = "'+:?*.,\\$-! \n\r\t\u001a".getBytes(ISO_8859_1);
  private static final byte[] SERVICE_CHARS = "'+:?*.,\\$-!|~^#/&@%=;\"".getBytes(ISO_8859_1);

  private static final String INLINE_PAXLST = "UNB+UNOA:4+SND+RCV+240101:1200+1'\n"
      + "UNH+1+PAXLST:D:02B:UN:IATA'\nBGM+745'\nTDT+20+XX123'\nLOC+125+AAA'\n"
      + "DTM+189:2401011200:201'\nNAD+FL+++DOE:JANE'\nDOC+P+X1'\nCNT+42:1'\nUNT+9+1'\nUNZ+1+1'\n";
  private static final String INLINE_PNRGOV = "UNB+UNOA:4+SND+RCV+240101:1200+1'\n"
      + "UNH+1+PNRGOV:11:1:IA'\nMSG+:22'\nTVL+010124:1200+AAA+BBB+XX+123'\nEQN+1'\nSRC'\n"
      + "RCI+XX:ABC123'\nTIF+DOE+JANE:A:1'\nUNT+8+1'\nUNZ+1+1'\n";

  private volatile byte[] current = new byte[0];
  private long parsedRuns;
  private final Map<String, Integer> rejections = new java.util.TreeMap<>();

  @Test
  void mutatedInputs_neverThrow_andKeepEveryReadProperty() throws Exception {
    long seconds = Long.getLong("paxrisk.fuzz.seconds", 20);
    long seed = Long.getLong("paxrisk.fuzz.seed", System.nanoTime());
    List<byte[]> seeds = seeds();
    List<byte[]> tokens = dictionary();
    assertTrue(seeds.size() >= 2, "seeds");
    System.out.printf("MutationFuzzTest: seed=%d (-Dpaxrisk.fuzz.seed=%d replays), budget=%ds,"
        + " %d seeds, %d dictionary tokens%n", seed, seed, seconds, seeds.size(), tokens.size());

    Map<String, Finding> findings = assertTimeoutPreemptively(
        Duration.ofSeconds(seconds + 60),
        () -> fuzz(seed, seconds, seeds, tokens),
        () -> "an input did not finish (hang); seed " + seed + ", input (base64): "
            + Base64.getEncoder().encodeToString(current));

    StringBuilder report = new StringBuilder();
    for (Finding f : findings.values()) {
      Path saved = save(f.minimal);
      report.append("\n\n").append(f.kind).append("\n  minimised input (")
          .append(f.minimal.length).append(" bytes, saved as ").append(saved).append("): ")
          .append(javaLiteral(f.minimal)).append("\n  ").append(stackTrace(f.error));
    }
    assertTrue(findings.isEmpty(), () -> findings.size() + " distinct findings with seed " + seed
        + report);
  }

  private Map<String, Finding> fuzz(long seed, long seconds, List<byte[]> seeds,
      List<byte[]> tokens) {
    Random random = new Random(seed);
    List<byte[]> pool = new ArrayList<>(seeds);
    Set<String> signatures = new HashSet<>();
    Map<String, Finding> findings = new LinkedHashMap<>();
    Mutator mutator = new Mutator(random, tokens);
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long executions = 0;
    parsedRuns = 0;
    for (byte[] s : seeds) {
      executions++;
      run(s, signatures, findings, null);
    }
    while (System.nanoTime() < deadline && findings.size() < MAX_FINDINGS) {
      // Mostly one mutation of a seed or of a pool entry, sometimes a pile of them: most mutants
      // should still parse, so that the mappers run as well as the tokenizer.
      byte[] input = random.nextInt(3) == 0 ? seeds.get(random.nextInt(seeds.size()))
          : pool.get(random.nextInt(pool.size()));
      int n = random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
      for (int i = 0; i < n; i++) {
        input = mutator.mutate(input, pool.get(random.nextInt(pool.size())));
      }
      executions++;
      if (run(input, signatures, findings, pool) && pool.size() > POOL_LIMIT) {
        byte[] fresh = pool.remove(pool.size() - 1);
        pool.set(seeds.size() + random.nextInt(pool.size() - seeds.size()), fresh);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("MutationFuzzTest: %d executions in %.1fs (%.0f/s; each reads the input"
        + " three ways), %.0f%% parsed a message, %d distinct issue-code combinations, pool %d,"
        + " %d findings, seed=%d%n", executions, elapsed, executions / elapsed,
        100.0 * parsedRuns / executions, signatures.size(), pool.size(), findings.size(), seed);
    System.out.println("MutationFuzzTest: rejections by code " + rejections);
    return findings;
  }

  /** Runs one input; true when it showed something new and joined the pool. */
  private boolean run(byte[] input, Set<String> signatures, Map<String, Finding> findings,
      List<byte[]> pool) {
    current = input;
    Harness.Run result;
    try {
      result = Harness.check(input);
    } catch (Throwable t) {
      String kind = kind(t);
      if (!findings.containsKey(kind)) {
        byte[] minimal = t instanceof OutOfMemoryError ? input : minimise(input, kind);
        Throwable shown = failure(minimal);
        findings.put(kind, new Finding(kind, shown != null ? shown : t, minimal));
      }
      return false;
    }
    boolean parsed = result.outcomes().stream().anyMatch(o -> o instanceof ParsedMessage);
    if (parsed) {
      parsedRuns++;
    }
    for (Outcome o : result.outcomes()) {
      if (o instanceof RejectedMessage r) {
        rejections.merge(r.error().code(), 1, Integer::sum);
      }
    }
    // Only mutants that still parse breed: broken ones are made afresh by every mutation anyway.
    if (signatures.add(signature(result)) && parsed && pool != null) {
      pool.add(input);
      return true;
    }
    return false;
  }

  /** The issue codes and outcome kinds an input produced: a rough picture of the path taken. */
  private static String signature(Harness.Run run) {
    Set<String> codes = new TreeSet<>();
    for (Issue i : run.envelope()) {
      codes.add("e:" + i.code());
    }
    for (Outcome o : run.outcomes()) {
      codes.add(o.getClass().getSimpleName());
      if (o instanceof RejectedMessage r) {
        codes.add("r:" + r.error().code());
      }
      for (Issue i : o.warnings()) {
        codes.add("w:" + i.code());
      }
    }
    return codes.toString();
  }

  /** Exception type and the first frame in PaxRisk code: what makes two findings the same bug. */
  static String kind(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("org.paxrisk.") && !e.getClassName().contains(".fuzz.")) {
        return t.getClass().getName() + " at " + e;
      }
    }
    String m = String.valueOf(t.getMessage());
    int eol = m.indexOf('\n');
    return t.getClass().getName() + ": " + (eol < 0 ? m : m.substring(0, eol));
  }

  /** Removes chunks while the same kind of failure remains (ddmin, bounded in time). */
  private static byte[] minimise(byte[] input, String kind) {
    byte[] best = input;
    long deadline = System.nanoTime() + 3_000_000_000L;
    for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && System.nanoTime() < deadline; ) {
      boolean removed = false;
      for (int at = 0; at + chunk <= best.length && System.nanoTime() < deadline; ) {
        byte[] candidate = new byte[best.length - chunk];
        System.arraycopy(best, 0, candidate, 0, at);
        System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
        if (fails(candidate, kind)) {
          best = candidate;
          removed = true;
        } else {
          at += chunk;
        }
      }
      if (!removed) {
        chunk /= 2;
      }
    }
    return best;
  }

  private static boolean fails(byte[] input, String kind) {
    Throwable t = failure(input);
    return t != null && kind.equals(kind(t));
  }

  private static Throwable failure(byte[] input) {
    try {
      Harness.check(input);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  // ------------------------------------------------------------------ seeds

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(INLINE_PAXLST.getBytes(UTF_8));
    seeds.add(INLINE_PNRGOV.getBytes(UTF_8));
    try {
      addFiles(SharedData.sharedOrSkip().resolve("samples"), seeds);
    } catch (TestAbortedException absent) {
      // A fresh clone has no ../shared: the other seeds are enough.
    }
    addFiles(SharedData.testdata(), seeds);
    URL corpus = MutationFuzzTest.class.getResource("ParserFuzzTestInputs/parse");
    if (corpus != null && "file".equals(corpus.getProtocol())) {
      try {
        addFiles(Path.of(corpus.toURI()), seeds);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return seeds;
  }

  private static void addFiles(Path dir, List<byte[]> seeds) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".md") && !name.contains("license")
            && Files.size(f) <= Harness.MAX_INPUT) {
          seeds.add(Files.readAllBytes(f));
        }
      }
    }
  }

  /** The tokens of {@code /fuzz/edifact.dict}, the dictionary ParserFuzzTest gives Jazzer. */
  private static List<byte[]> dictionary() {
    List<byte[]> tokens = new ArrayList<>();
    try (InputStream in = MutationFuzzTest.class.getResourceAsStream("/fuzz/edifact.dict")) {
      if (in == null) {
        return tokens;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int q = line.indexOf('"');
        if (line.startsWith("#") || q < 0 || !line.endsWith("\"")) {
          continue;
        }
        tokens.add(unescape(line.substring(q + 1, line.length() - 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private static byte[] unescape(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        if (n == 'x' && i + 2 < s.length()) {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          out.write(n);
        }
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ reporting

  private static Path save(byte[] input) {
    try {
      Path dir = Path.of("target", "fuzz-findings");
      Files.createDirectories(dir);
      Path f = dir.resolve("finding-" + Integer.toHexString(Arrays.hashCode(input)) + ".edi");
      Files.write(f, input);
      return f;
    } catch (IOException e) {
      return Path.of("(not saved: " + e.getMessage() + ")");
    }
  }

  /** The input as a Java string literal (ISO 8859-1, so that every byte survives). */
  static String javaLiteral(byte[] input) {
    StringBuilder sb = new StringBuilder("\"");
    for (byte b : input) {
      int c = b & 0xff;
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (c < 0x20 || c >= 0x7f) {
            sb.append(String.format("\\u%04x", c));
          } else {
            sb.append((char) c);
          }
      }
    }
    return sb.append("\" (ISO_8859_1)").toString();
  }

  private static String stackTrace(Throwable t) {
    StringBuilder sb = new StringBuilder(t.toString());
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(12, trace.length); i++) {
      sb.append("\n    at ").append(trace[i]);
    }
    return sb.toString();
  }

  private record Finding(String kind, Throwable error, byte[] minimal) {}

  // ------------------------------------------------------------------ mutations

  /** The mutations; each returns a new array and never grows an input past {@link #MAX_MUTANT}. */
  private static final class Mutator {
    private final Random random;
    private final List<byte[]> tokens;

    Mutator(Random random, List<byte[]> tokens) {
      this.random = random;
      this.tokens = tokens;
    }

    byte[] mutate(byte[] in, byte[] other) {
      byte[] out = switch (random.nextInt(14)) {
        case 0 -> flipBit(in);
        case 1 -> insert(in, new byte[] {(byte) random.nextInt(256)});
        case 2 -> delete(in);
        case 3 -> replace(in, SEPARATORS[random.nextInt(SEPARATORS.length)]);
        case 4 -> insert(in, new byte[] {SEPARATORS[random.nextInt(SEPARATORS.length)]});
        case 5 -> in.length == 0 ? in : Arrays.copyOf(in, random.nextInt(in.length));
        case 6 -> duplicateRange(in);
        case 7 -> splice(in, other);
        case 8 -> tokens.isEmpty() ? in : insert(in, tokens.get(random.nextInt(tokens.size())));
        case 9 -> reseparate(in);
        case 10 -> segmentOp(in);
        case 11 -> insert(in, "\u2019".getBytes(UTF_8));
        case 12 -> insert(in, run());
        default -> insert(in, ("UNA" + serviceChars(4 + random.nextInt(4))).getBytes(ISO_8859_1));
      };
      return out.length > MAX_MUTANT ? Arrays.copyOf(out, MAX_MUTANT) : out;
    }

    private byte[] flipBit(byte[] in) {
      if (in.length == 0) {
        return in;
      }
      byte[] out = in.clone();
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      return out;
    }

    private byte[] insert(byte[] in, byte[] what) {
      int at = random.nextInt(in.length + 1);
      byte[] out = new byte[in.length + what.length];
      System.arraycopy(in, 0, out, 0, at);
      System.arraycopy(what, 0, out, at, what.length);
      System.arraycopy(in, at, out, at + what.length, in.length - at);
      return out;
    }

    private byte[] delete(byte[] in) {
      if (in.length == 0) {
        return in;
      }
      int at = random.nextInt(in.length);
      int n = Math.min(in.length - at, 1 + random.nextInt(8));
      byte[] out = new byte[in.length - n];
      System.arraycopy(in, 0, out, 0, at);
      System.arraycopy(in, at + n, out, at, in.length - at - n);
      return out;
    }

    private byte[] replace(byte[] in, byte b) {
      if (in.length == 0) {
        return new byte[] {b};
      }
      byte[] out = in.clone();
      out[random.nextInt(out.length)] = b;
      return out;
    }

    private byte[] duplicateRange(byte[] in) {
      if (in.length == 0) {
        return in;
      }
      int from = random.nextInt(in.length);
      int n = 1 + random.nextInt(Math.min(in.length - from, 256));
      return insert(in, Arrays.copyOfRange(in, from, from + n));
    }

    private byte[] splice(byte[] a, byte[] b) {
      int cutA = random.nextInt(a.length + 1);
      int cutB = random.nextInt(b.length + 1);
      byte[] out = new byte[cutA + b.length - cutB];
      System.arraycopy(a, 0, out, 0, cutA);
      System.arraycopy(b, cutB, out, cutA, b.length - cutB);
      return out;
    }

    /** A UNA with random service characters, the body rewritten to them (or left, sometimes). */
    private byte[] reseparate(byte[] in) {
      byte[] chars = distinctServiceChars();
      byte comp = chars[0];
      byte elem = chars[1];
      byte rel = chars[2];
      byte term = chars[3];
      byte[] body = in;
      int skip = 0;
      if (body.length >= 9 && body[0] == 'U' && body[1] == 'N' && body[2] == 'A') {
        skip = 9;
      }
      byte[] out = new byte[body.length - skip];
      for (int i = skip; i < body.length; i++) {
        byte c = body[i];
        out[i - skip] = c == ':' ? comp : c == '+' ? elem : c == '?' ? rel : c == '\'' ? term : c;
      }
      int kind = random.nextInt(4);
      byte[] una = switch (kind) {
        case 0 -> new byte[] {'U', 'N', 'A', comp, elem, '.', rel, ' ', term};
        case 1 -> new byte[] {'U', 'N', 'A', comp, elem, '.', rel, term}; // five characters
        case 2 -> new byte[] {'U', 'N', 'A', comp, elem, rel, term}; // four: broken
        default -> new byte[] {'U', 'N', 'A', comp, elem, ',', rel, chars[4], term};
      };
      if (random.nextInt(8) == 0) {
        out = in; // a UNA that does not match the body
      }
      byte[] result = new byte[una.length + out.length];
      System.arraycopy(una, 0, result, 0, una.length);
      System.arraycopy(out, 0, result, una.length, out.length);
      return result;
    }

    /** Deletes, duplicates or moves one segment (from just after a terminator to the next one). */
    private byte[] segmentOp(byte[] in) {
      List<Integer> ends = new ArrayList<>();
      for (int i = 0; i < in.length; i++) {
        if (in[i] == '\'') {
          ends.add(i + 1);
        }
      }
      if (ends.size() < 2) {
        return in;
      }
      int k = random.nextInt(ends.size() - 1);
      int from = ends.get(k);
      int to = ends.get(k + 1);
      byte[] seg = Arrays.copyOfRange(in, from, to);
      byte[] without = new byte[in.length - seg.length];
      System.arraycopy(in, 0, without, 0, from);
      System.arraycopy(in, to, without, from, in.length - to);
      switch (random.nextInt(3)) {
        case 0:
          return without;
        case 1: {
          byte[] out = new byte[in.length + seg.length];
          System.arraycopy(in, 0, out, 0, to);
          System.arraycopy(seg, 0, out, to, seg.length);
          System.arraycopy(in, to, out, to + seg.length, in.length - to);
          return out;
        }
        default: {
          int at = ends.get(random.nextInt(ends.size()));
          at = Math.min(at, without.length);
          byte[] out = new byte[in.length];
          System.arraycopy(without, 0, out, 0, at);
          System.arraycopy(seg, 0, out, at, seg.length);
          System.arraycopy(without, at, out, at + seg.length, without.length - at);
          return out;
        }
      }
    }

    /** A long run of one character or of digits: oversized values and numbers. */
    private byte[] run() {
      int n = random.nextBoolean() ? 1 + random.nextInt(40) : 150 + random.nextInt(400);
      byte[] out = new byte[n];
      byte b = random.nextBoolean() ? (byte) ('0' + random.nextInt(10))
          : "A+:'?9 ".getBytes(ISO_8859_1)[random.nextInt(7)];
      Arrays.fill(out, b);
      return out;
    }

    private String serviceChars(int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(128)
            : SERVICE_CHARS[random.nextInt(SERVICE_CHARS.length)]));
      }
      return sb.toString();
    }

    private byte[] distinctServiceChars() {
      List<Byte> all = new ArrayList<>();
      for (byte b : SERVICE_CHARS) {
        all.add(b);
      }
      java.util.Collections.shuffle(all, random);
      byte[] out = new byte[5];
      for (int i = 0; i < 5; i++) {
        out[i] = all.get(i);
      }
      return out;
    }
  }
}
