package org.paxrisk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.Properties;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [JMH options]}: JMH's own command line, plus
 * the JVM flags of the parent POM's {@code paxrisk.jvm.flags} appended to every fork (Chronicle Map
 * needs them, and they switch off its analytics).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("endtoend")) {
      System.exit(endToEnd(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("sidebyside")) {
      System.exit(SideBySide.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    CommandLineOptions cmd;
    try {
      cmd = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("Error parsing command line: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams()
        || cmd.shouldListProfilers() || cmd.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    ChainedOptionsBuilder opts = new OptionsBuilder().parent(cmd);
    if (!cmd.getJvmArgs().hasValue()) {
      // Keep what the user appended (-jvmArgsAppend -Xmx6g) and add the project's flags.
      java.util.List<String> append = new java.util.ArrayList<>(
          cmd.getJvmArgsAppend().orElse(java.util.List.of()));
      append.addAll(java.util.List.of(flags()));
      opts.jvmArgsAppend(append.toArray(new String[0]));
    }
    new Runner(opts.build()).run();
  }

  /**
   * Runs {@link EndToEnd} in its own JVM: the project's flags, the batch collector and JIT flags
   * the launcher uses, and a 1 GB heap cap.
   */
  private static int endToEnd(String[] args) throws IOException, InterruptedException {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(java.util.List.of(flags()));
    cmd.add(property("batch.gc"));
    cmd.addAll(java.util.List.of(property("batch.jit").split("\\s+")));
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EndToEnd.class.getName());
    cmd.addAll(java.util.List.of(args));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  static String[] flags() throws IOException {
    return property("jvm.flags").split("\\s+");
  }

  /** A property of the parent POM's, as the build wrote it into the jar. */
  private static String property(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BenchMain.class.getResourceAsStream("/paxrisk-jvm.properties")) {
      if (in == null) {
        throw new IOException("paxrisk-jvm.properties missing from the benchmarks jar");
      }
      p.load(in);
    }
    return p.getProperty(name).trim();
  }
}
