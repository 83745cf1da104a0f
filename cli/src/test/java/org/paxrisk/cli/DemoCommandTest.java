package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paxrisk.SharedData;

/** {@code paxrisk demo} screens the bundled samples against the bundled lists and explains hits. */
class DemoCommandTest {
  @Test
  void demo_readsBundledSamples_exit0() {
    String before = System.getProperty("paxrisk.home");
    System.setProperty("paxrisk.home", SharedData.root().toString());
    try {
      ParseCommandTest.Run r = ParseCommandTest.run("demo");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("Screened 29 travellers on 8 flights"), r.out());
      assertTrue(r.out().contains("0 of 9 messages rejected"), r.out());
      // The planted demo entries are found and explained.
      assertTrue(r.out().contains("no-fly entry demo-list:D-001"), r.out());
      assertTrue(r.out().contains("lost/stolen document entry lost-stolen-demo:CHN:E62758431"),
          r.out());
      assertTrue(r.out().contains("Rules fired (travellers):"), r.out());
    } finally {
      if (before == null) {
        System.clearProperty("paxrisk.home");
      } else {
        System.setProperty("paxrisk.home", before);
      }
    }
  }
}
