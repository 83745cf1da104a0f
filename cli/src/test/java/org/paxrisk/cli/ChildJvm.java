package org.paxrisk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM for tests that kill or fence a run. */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java <paxrisk.jvm.flags> <jvmArgs> -cp <this classpath> <main> <args>}. */
  static List<String> command(List<String> jvmArgs, Class<?> main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : System.getProperty("paxrisk.jvm.flags", "").trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        cmd.add(flag);
      }
    }
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(args);
    return cmd;
  }
}
