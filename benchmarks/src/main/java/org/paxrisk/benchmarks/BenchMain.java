package org.paxrisk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
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

  public static void main(String[] args) throws RunnerException, IOException {
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

  static String[] flags() throws IOException {
    Properties p = new Properties();
    try (InputStream in = BenchMain.class.getResourceAsStream("/paxrisk-jvm.properties")) {
      if (in == null) {
        throw new IOException("paxrisk-jvm.properties missing from the benchmarks jar");
      }
      p.load(in);
    }
    return p.getProperty("jvm.flags").trim().split("\\s+");
  }
}
