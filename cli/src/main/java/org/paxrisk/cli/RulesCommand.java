package org.paxrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paxrisk.rules.RuleCompilationException;
import org.paxrisk.rules.RuleError;
import org.paxrisk.rules.RulePack;
import org.paxrisk.rules.RuleSet;
import org.paxrisk.rules.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paxrisk rules}: the rule author's loop. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Check rule packs and run their scenarios (see docs/rules.md).",
    subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is needed: check or test");
  }

  /** Options both subcommands share. */
  static class PackOptions {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--with-default",
        description = "compile the default pack first, for folders that extend it")
    boolean withDefault;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "rule pack folders")
    List<Path> dirs;

    List<RulePack> packs() {
      List<RulePack> packs = new ArrayList<>();
      if (withDefault) {
        packs.add(RulePack.defaultPack());
      }
      for (Path d : dirs) {
        if (!Files.isDirectory(d)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "not a folder: " + d);
        }
        packs.add(RulePack.folder(d));
      }
      return packs;
    }

    /** Compiles, printing every error; null when there were errors. */
    RuleSet compile(List<RulePack> packs, PrintWriter out, PrintWriter err) {
      try {
        return RuleSet.compile(packs);
      } catch (RuleCompilationException e) {
        for (RuleError r : e.errors()) {
          out.println(r);
        }
        err.println("paxrisk: " + e.errors().size()
            + (e.errors().size() == 1 ? " error" : " errors"));
        return null;
      }
    }
  }

  /** {@code paxrisk rules check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Compile rule packs and print every error as file:line:column: message.",
        "Exit 0 when they compile (with the number of rules per package), 1 on errors."
      })
  static final class Check extends PackOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RuleSet rules = compile(packs(), out, spec.commandLine().getErr());
      if (rules == null) {
        return 1;
      }
      for (Map.Entry<String, Integer> e : rules.rulesByPackage().entrySet()) {
        out.printf("%-28s %3d %s%n", e.getKey(), e.getValue(),
            e.getValue() == 1 ? "rule" : "rules");
      }
      out.printf("ok: %d rules, ruleset %s%n", rules.ruleNames().size(),
          rules.hash().substring(0, 12));
      return 0;
    }
  }

  /** {@code paxrisk rules test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Compile rule packs and run the scenario files (*.yaml) kept beside the rules.",
        "Prints PASS or FAIL per scenario; exit 1 on any failure or compile error."
      })
  static final class Test extends PackOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<RulePack> packs = packs();
      RuleSet rules = compile(packs, out, spec.commandLine().getErr());
      if (rules == null) {
        return 1;
      }
      // The default pack's own scenarios run only when asked for by folder, not with --with-default.
      List<Scenarios.Result> results = Scenarios.run(rules,
          withDefault ? packs.subList(1, packs.size()) : packs);
      int failed = 0;
      for (Scenarios.Result r : results) {
        out.println(r);
        failed += r.passed() ? 0 : 1;
      }
      out.printf("%d scenarios: %d passed, %d failed%n", results.size(),
          results.size() - failed, failed);
      if (results.isEmpty()) {
        spec.commandLine().getErr().println("paxrisk: no scenario files (*.yaml) found");
        return 1;
      }
      return failed == 0 ? 0 : 1;
    }
  }
}
