package org.paxrisk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.TrafficGenerator;

/**
 * Memory stays flat however large the input: a generated file of over 200,000 travellers is read
 * in a JVM whose heap is capped at 256 MB (the {@code streaming} Surefire execution), and the heap
 * in use after collections stays far below the file's size.
 */
@Tag("streaming")
class StreamingTest {
  private static final int FLIGHTS = 800;

  @Test
  void parse_200kTravellers_withHeapCappedAt256MB(@TempDir Path dir) throws IOException {
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertTrue(maxHeap <= 300L << 20, "run with -Xmx256m (streaming execution), max=" + maxHeap);
    Path paxlst = dir.resolve("api.edi");
    Path pnrgov = dir.resolve("pnr.edi");
    TrafficGenerator gen = TrafficGenerator.withSeed(42).travellersPerFlight(250, 260);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(paxlst))) {
      gen.writePaxlst(out, FLIGHTS);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pnrgov))) {
      gen.writePnrgov(out, FLIGHTS);
    }
    long bytes = Files.size(paxlst) + Files.size(pnrgov);

    Counts api = read(paxlst);
    Counts pnr = read(pnrgov);
    assertEquals(FLIGHTS, api.messages);
    assertEquals(FLIGHTS, pnr.messages);
    assertEquals(0, api.rejected + pnr.rejected);
    assertTrue(api.travellers >= 200_000, "API travellers: " + api.travellers);
    assertTrue(pnr.travellers >= 200_000, "PNR travellers: " + pnr.travellers);
    long peak = Math.max(api.peakAfterGc, pnr.peakAfterGc);
    System.out.printf("streamed %,d bytes, %,d + %,d travellers; old gen after GC peaked at %,d"
        + " bytes%n", bytes, api.travellers, pnr.travellers, peak);
    assertTrue(peak < bytes / 4,
        "heap retained after GC (" + peak + ") should not grow with the input (" + bytes + ")");
  }

  private static final class Counts {
    int messages;
    int rejected;
    long travellers;
    long peakAfterGc;
  }

  private static Counts read(Path file) throws IOException {
    Counts c = new Counts();
    try (MessageReader r = MessageReader.open(file)) {
      while (r.hasNext()) {
        Outcome o = r.next();
        c.messages++;
        if (o instanceof ParsedMessage m) {
          c.travellers += m.travellers().size();
        } else {
          c.rejected++;
        }
        if (c.messages % 100 == 0) {
          c.peakAfterGc = Math.max(c.peakAfterGc, heapAfterLastGc());
        }
      }
    }
    return c;
  }

  /** Heap in use right after the last collection: what the reader really retains. */
  private static long heapAfterLastGc() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used;
  }
}
