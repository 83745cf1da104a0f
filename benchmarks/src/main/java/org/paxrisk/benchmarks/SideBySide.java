package org.paxrisk.benchmarks;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

/**
 * {@code java -jar benchmarks.jar sidebyside [--kind PAXLST|PNRGOV] [--rounds N] [--benchmark
 * parse|flightsOnly|tokenize] A.jar B.jar}: one {@link ParseBenchmark} method of two builds, timed
 * in one JVM in alternating rounds, and the ratio B/A per round.
 *
 * <p>Why: on a shared machine whose speed swings by 15 to 30% within minutes, two JMH runs one
 * after the other cannot tell a 5% change from the swings; two builds timed turn by turn in one
 * JVM see the same swings, and their ratio stays. Each jar is loaded by its own class loader, so
 * each build's code is compiled on its own. The same jar given twice measures the method itself:
 * how far apart two compilations of identical code land.
 */
final class SideBySide {
  /** Time per round for each build: long enough to cover a swing's onset, short enough for many. */
  private static final long ROUND_NANOS = 400_000_000L;
  private static final int WARMUP_ROUNDS = 8;

  private SideBySide() {}

  /** Exit status: 0 done, 2 bad usage. */
  static int run(String[] args) throws Exception {
    OptionParser parser = new OptionParser();
    OptionSpec<String> kind = parser.accepts("kind", "PAXLST or PNRGOV").withRequiredArg()
        .defaultsTo("PAXLST");
    OptionSpec<Integer> rounds = parser.accepts("rounds", "timed rounds per build")
        .withRequiredArg().ofType(Integer.class).defaultsTo(30);
    OptionSpec<String> benchmark = parser.accepts("benchmark",
        "parse, flightsOnly or tokenize").withRequiredArg().defaultsTo("parse");
    OptionSpec<File> jars = parser.nonOptions("A.jar B.jar: two builds' benchmarks jars")
        .ofType(File.class);
    List<File> builds;
    String k;
    String method;
    int n;
    try {
      // Values are converted as they are read: a bad number is an OptionException here too.
      OptionSet options = parser.parse(args);
      builds = jars.values(options);
      k = options.valueOf(kind).toUpperCase(Locale.ROOT);
      method = options.valueOf(benchmark);
      n = options.valueOf(rounds);
    } catch (OptionException e) {
      return usage(e.getMessage());
    }
    if (builds.size() != 2) {
      return usage("give two jars, A and B (the same jar twice measures the noise)");
    }
    if (!k.equals("PAXLST") && !k.equals("PNRGOV")) {
      return usage("--kind is PAXLST or PNRGOV, not " + k);
    }
    if (!List.of("parse", "flightsOnly", "tokenize").contains(method)) {
      return usage("--benchmark is parse, flightsOnly or tokenize, not " + method);
    }
    if (n < 4) {
      return usage("--rounds must be at least 4");
    }
    for (File jar : builds) {
      if (!jar.isFile()) {
        return usage("no such jar: " + jar);
      }
    }

    Build[] b = new Build[2];
    for (int i = 0; i < 2; i++) {
      try {
        b[i] = new Build(builds.get(i), k, method);
      } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException e) {
        return usage(builds.get(i) + " is not a PaxRisk benchmarks jar with ParseBenchmark."
            + method + " (" + e + ")");
      }
    }
    for (int w = 0; w < WARMUP_ROUNDS; w++) {
      b[0].time();
      b[1].time();
    }
    double[][] t = new double[2][n];
    for (int r = 0; r < n; r++) {
      // Alternate which build goes first, so that neither always follows the other.
      int first = r % 2;
      t[first][r] = b[first].time();
      t[1 - first][r] = b[1 - first].time();
    }
    double[] ratio = new double[n];
    for (int r = 0; r < n; r++) {
      ratio[r] = t[1][r] / t[0][r];
    }
    for (int i = 0; i < 2; i++) {
      double[] s = t[i].clone();
      Arrays.sort(s);
      System.out.printf(Locale.ROOT, "%s %s %s: min %,.0f, median %,.0f ns per traveller%n",
          "AB".charAt(i), k, builds.get(i), s[0], s[n / 2]);
    }
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "B/A: median %.3f, quartiles %.3f to %.3f, over %d rounds%n",
        ratio[n / 2], ratio[n / 4], ratio[3 * n / 4], n);
    return 0;
  }

  private static int usage(String problem) {
    System.err.println("sidebyside: " + problem);
    System.err.println("usage: sidebyside [--kind PAXLST|PNRGOV] [--rounds N]"
        + " [--benchmark parse|flightsOnly|tokenize] A.jar B.jar");
    return 2;
  }

  /** One build's ParseBenchmark, loaded on its own. */
  private static final class Build {
    private final Object bench;
    private final Method method;

    Build(File jar, String kind, String method) throws Exception {
      // The platform loader as parent: nothing of this jar's own classes is shared.
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass(ParseBenchmark.class.getName());
      bench = c.getDeclaredConstructor().newInstance();
      c.getField("kind").set(bench, kind);
      c.getMethod("generate").invoke(bench);
      this.method = c.getMethod(method);
    }

    /** Nanoseconds per traveller over one round. */
    double time() throws IllegalAccessException, InvocationTargetException {
      long start = System.nanoTime();
      long end = start + ROUND_NANOS;
      long calls = 0;
      long now;
      do {
        method.invoke(bench);
        calls++;
      } while ((now = System.nanoTime()) < end);
      return (now - start) / (double) calls / ParseBenchmark.TRAVELLERS;
    }
  }
}
