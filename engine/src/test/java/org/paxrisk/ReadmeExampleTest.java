package org.paxrisk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedding example in the README is the code {@link ScreeningEngineTest} runs: this test
 * fails when the two drift apart.
 */
class ReadmeExampleTest {
  @Test
  void readmeShowsTheCodeTheTestRuns() throws IOException {
    Path root = SharedData.root();
    List<String> source = Files.readAllLines(
        root.resolve("engine/src/test/java/org/paxrisk/ScreeningEngineTest.java"));
    List<String> example = new ArrayList<>();
    boolean in = false;
    for (String line : source) {
      if (line.contains("--- README example end")) {
        break;
      }
      if (in) {
        example.add(line.strip());
      }
      in |= line.contains("--- README example start");
    }
    assertTrue(example.size() > 5, "example markers not found");
    List<String> readme = Files.readAllLines(root.resolve("README.md")).stream()
        .map(String::strip).toList();
    int at = readme.indexOf(example.get(0));
    assertTrue(at >= 0, "README lacks: " + example.get(0));
    assertTrue(readme.subList(at, at + example.size()).equals(example),
        "README example differs from ScreeningEngineTest:\n" + String.join("\n", example));
  }
}
