package org.paxrisk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code sidebyside} exits 2 with a one-line reason and the usage, no stack trace. */
class SideBySideTest {
  @TempDir
  Path dir;

  @Test
  void badUsageExitsTwoAndSaysWhy() throws Exception {
    Path jar = dir.resolve("a.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("README.txt")); // a jar, but not a benchmarks jar
      zip.write("nothing to run".getBytes(StandardCharsets.US_ASCII));
    }
    String a = jar.toString();
    assertUsage("give two jars", a);
    assertUsage("give two jars", a, a, a);
    assertUsage("--kind is PAXLST or PNRGOV", "--kind", "EDIFACT", a, a);
    assertUsage("Cannot parse argument 'many'", "--rounds", "many", a, a);
    assertUsage("--rounds must be at least 4", "--rounds", "3", a, a);
    assertUsage("--benchmark is parse, flightsOnly or tokenize", "--benchmark", "staedi", a, a);
    assertUsage("not a recognized option", "--fork", "2", a, a);
    assertUsage("no such jar: " + dir.resolve("missing.jar"), a,
        dir.resolve("missing.jar").toString());
    assertUsage("is not a PaxRisk benchmarks jar", a, a);
  }

  private static void assertUsage(String reason, String... args) throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      status = SideBySide.run(args);
    } finally {
      System.setErr(stderr);
    }
    String err = captured.toString(StandardCharsets.UTF_8);
    assertEquals(2, status, err);
    assertTrue(err.startsWith("sidebyside: ") && err.contains(reason), err);
    assertTrue(err.contains("usage: sidebyside"), err);
    assertTrue(!err.contains("Exception in thread") && !err.contains("\tat "), err);
  }
}
