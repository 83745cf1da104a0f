package org.paxrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Expands the PATH arguments of a command into message files, in a stable order. */
final class Inputs {
  private Inputs() {}

  /**
   * Files as given, and the files below each folder (sorted, hidden files and Markdown notes
   * skipped). A path that does not exist is bad usage.
   */
  static List<Path> expand(CommandLine cl, List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(Inputs::isMessageFile).sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new CommandLine.ParameterException(cl, "cannot list folder " + p + ": " + e);
        }
      } else {
        throw new CommandLine.ParameterException(cl, "no such file or folder: " + p);
      }
    }
    return files;
  }

  private static boolean isMessageFile(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.endsWith(".md") && !name.endsWith(".jsonl")
        && !name.endsWith(".json") && !name.endsWith(".csv");
  }
}
