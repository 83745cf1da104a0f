package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paxrisk.SharedData;

/** {@code paxrisk demo} reads every bundled sample and shows each flight. */
class DemoCommandTest {
  @Test
  void demo_readsBundledSamples_exit0() {
    String before = System.getProperty("paxrisk.home");
    System.setProperty("paxrisk.home", SharedData.root().toString());
    try {
      ParseCommandTest.Run r = ParseCommandTest.run("demo");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("ADD-LFW-DKR-EWR"),
          r.out());
      assertTrue(r.out().contains("7 files, 29 travellers read, 0 messages rejected."), r.out());
    } finally {
      if (before == null) {
        System.clearProperty("paxrisk.home");
      } else {
        System.setProperty("paxrisk.home", before);
      }
    }
  }
}
