package org.paxrisk;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the test data lives: {@code ../shared} beside the project (public real-world data that a
 * fresh clone does not have, so tests that need it skip) and the project's own {@code testdata/}.
 */
public final class SharedData {
  private SharedData() {}

  /** The project's root folder. */
  public static Path root() {
    String p = System.getProperty("paxrisk.root");
    if (p != null) {
      return Path.of(p);
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("testdata")) ? here : here.getParent();
  }

  /** {@code ../shared}, or skips the calling test when it is absent. */
  public static Path sharedOrSkip() {
    String p = System.getProperty("paxrisk.shared");
    Path shared = p != null ? Path.of(p) : root().resolve("../shared");
    assumeTrue(Files.isDirectory(shared.resolve("samples")),
        "../shared is absent: skipping a test that reads the shared public data");
    return shared.normalize();
  }

  /** The project's own {@code testdata/} folder. */
  public static Path testdata() {
    return root().resolve("testdata");
  }
}
