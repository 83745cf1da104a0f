package org.paxrisk.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The special service request codes that are dropped at ingest because they can reveal religion,
 * health or other data the EU PNR Directive (art. 13) forbids processing. The default list is the
 * documented resource {@code org/paxrisk/ingest/sensitive-ssr-codes.txt}; a centre can replace it.
 */
public final class SensitiveData {
  private static final String RESOURCE = "sensitive-ssr-codes.txt";
  private static final SensitiveData DEFAULTS = load();

  private final Set<String> codes;

  private SensitiveData(Set<String> codes) {
    this.codes = Set.copyOf(codes);
  }

  /** The documented default list. */
  public static SensitiveData defaults() {
    return DEFAULTS;
  }

  /** A list of the given SSR codes. */
  public static SensitiveData of(Set<String> codes) {
    Set<String> upper = new TreeSet<>();
    for (String c : codes) {
      upper.add(c.trim().toUpperCase(Locale.ROOT));
    }
    return new SensitiveData(upper);
  }

  /** Reads a list in the resource's format: one code per line, {@code #} starts a comment. */
  public static SensitiveData read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new SensitiveData(parse(in));
    }
  }

  /** Whether an SSR with this code must be dropped. */
  public boolean isSensitive(String ssrCode) {
    return ssrCode != null && codes.contains(ssrCode);
  }

  /** The codes, sorted. */
  public Set<String> codes() {
    return new TreeSet<>(codes);
  }

  private static SensitiveData load() {
    try (InputStream in = SensitiveData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new SensitiveData(parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> parse(InputStream in) throws IOException {
    Set<String> codes = new TreeSet<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      int hash = line.indexOf('#');
      String code = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (!code.isEmpty()) {
        codes.add(code.toUpperCase(Locale.ROOT));
      }
    }
    return codes;
  }
}
