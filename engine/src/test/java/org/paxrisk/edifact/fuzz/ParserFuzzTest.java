package org.paxrisk.edifact.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole read path (tokenizer, message cursor, both mappers) with
 * Jazzer.
 *
 * <p>Under a plain {@code mvn test} this runs in Jazzer's regression mode: once on the empty input,
 * once per seed in {@code src/test/resources/org/paxrisk/edifact/fuzz/ParserFuzzTestInputs/parse/}
 * and once per finding saved there. To fuzz (mutating, for {@code maxDuration}):
 *
 * <pre>
 * cd engine &amp;&amp; JAZZER_FUZZ=1 mvn -o test -Dtest=ParserFuzzTest
 * </pre>
 *
 * A finding is written to that directory as {@code crash-<sha1>} and then replays in every build;
 * also add it, minimised, as a named test in {@link FuzzRegressionTest} and fix the cause.
 */
@org.junit.jupiter.api.Tag("jazzer")
class ParserFuzzTest {

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "/fuzz/edifact.dict")
  void parse(byte[] input) {
    Harness.check(input);
  }
}
