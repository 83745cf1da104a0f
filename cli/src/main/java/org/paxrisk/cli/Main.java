package org.paxrisk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paxrisk}: the command-line face of the PaxRisk engine. */
@Command(
    name = "paxrisk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Risk-targeting engine for API (PAXLST) and PNR (PNRGOV) passenger screening.",
    subcommands = {DemoCommand.class, ParseCommand.class, WatchlistCommand.class,
        NamesCommand.class, RulesCommand.class, ScreenCommand.class, GenerateCommand.class,
        MaskCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 all good; 1 the run failed; 2 bad usage;"
        + " 3 the run finished but some inputs were rejected."})
public final class Main implements Runnable {
  /** Exit code: the run finished but some inputs were rejected. */
  public static final int EXIT_REJECTED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // A failure of the run: one line, no stack trace (set PAXRISK_DEBUG=1 for one).
      commandLine.getErr().println("paxrisk: error: " + describe(ex));
      if (System.getenv("PAXRISK_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    cl.setParameterExceptionHandler((ex, args2) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("paxrisk: " + ex.getMessage());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
      c.getErr().flush();
      return CommandLine.ExitCode.USAGE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof java.io.UncheckedIOException)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return (m == null ? t.getClass().getSimpleName() : m);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"paxrisk " + (v == null ? "development build" : v)};
    }
  }
}
