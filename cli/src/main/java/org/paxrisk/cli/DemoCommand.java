package org.paxrisk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code paxrisk demo}: the main job on the bundled sample flights in {@code testdata/}. Until the
 * screening engine lands it parses them and prints what it read.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Read the bundled sample flights (testdata/samples) and summarise them.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getProperty("paxrisk.home", "."));
    Path samples = home.resolve("testdata").resolve("samples");
    if (!Files.isDirectory(samples)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "bundled samples not found at " + samples + " (run ./paxrisk from the project folder)");
    }
    spec.commandLine().getOut().println("PaxRisk demo: reading the bundled sample messages in "
        + home.relativize(samples.toAbsolutePath().normalize().startsWith(home.toAbsolutePath()
            .normalize()) ? samples : samples));
    ParseCommand parse = new ParseCommand();
    parse.spec = spec;
    parse.format = ParseCommand.Format.summary;
    parse.paths = java.util.List.of(samples);
    return parse.call();
  }
}
