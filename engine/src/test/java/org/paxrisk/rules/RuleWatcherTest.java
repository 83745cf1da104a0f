package org.paxrisk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleWatcherTest {
  @TempDir Path dir;

  @Test
  void goodEditIsPickedUpAndBrokenEditKeepsTheOldRules() throws Exception {
    Files.writeString(dir.resolve("test.drl"), RuleSetTest.GOOD);
    Files.writeString(dir.resolve("parameters.properties"), "bags = 3\n");
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    RuleWatcher.Listener listener = new RuleWatcher.Listener() {
      @Override
      public void reloaded(RuleSet rules) {
        events.add(rules);
      }

      @Override
      public void failed(RuleCompilationException errors) {
        events.add(errors);
      }
    };
    List<Subject> flight = List.of(RuleSetTest.subject("JONES", 4));
    try (RuleWatcher w = RuleWatcher.watch(List.of(dir), false, listener)) {
      RuleSet first = w.current();
      assertEquals(1, first.evaluate(flight).get(0).size(), "4 bags >= 3");

      // A good edit: the threshold moves; the new rules score.
      Files.writeString(dir.resolve("parameters.properties"), "bags = 5\n");
      Object e = events.poll(30, TimeUnit.SECONDS);
      assertTrue(e instanceof RuleSet, String.valueOf(e));
      assertSame(e, w.current());
      assertEquals(0, w.current().evaluate(flight).get(0).size(), "4 bags < 5");

      // A broken edit: reported with its line; the previous rules keep scoring.
      RuleSet good = w.current();
      Files.writeString(dir.resolve("test.drl"), RuleSetTest.GOOD.replace("then", "than"));
      Object f = events.poll(30, TimeUnit.SECONDS);
      while (f instanceof RuleSet) { // an editor may save twice; wait for the compile failure
        f = events.poll(30, TimeUnit.SECONDS);
      }
      assertNotNull(f, "no failure reported");
      RuleCompilationException err = (RuleCompilationException) f;
      assertTrue(err.errors().get(0).file().endsWith("test.drl") && err.errors().get(0).line() > 0,
          err.getMessage());
      assertSame(good, w.current());
      assertEquals(0, w.current().evaluate(flight).get(0).size());
      assertEquals(1, w.current().evaluate(List.of(RuleSetTest.subject("SMITH", 0))).get(0).size());
    }
  }
}
