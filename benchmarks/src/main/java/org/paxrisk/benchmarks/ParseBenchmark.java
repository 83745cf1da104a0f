package org.paxrisk.benchmarks;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.EdifactReader;
import org.paxrisk.generate.TrafficGenerator;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;

/**
 * Reading API and PNR messages into the model, per traveller: {@code parse} is the whole path
 * (tokenizer, mapper, model objects); {@code flightsOnly} is a batch's first pass, which maps a
 * PNRGOV message only as far as its flight; {@code tokenize} is our tokenizer alone; {@code
 * staedi} is the StAEDI library's tokenizer on the same PAXLST bytes, the baseline that made us
 * write our own.
 *
 * <p>Every score is per traveller ({@link OperationsPerInvocation}): ns/op is nanoseconds per
 * traveller and, with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per
 * traveller. Throughput in MB/s is the input's bytes per traveller (printed at setup) divided by
 * ns/op, times 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// Three forks: two compilations of the same code can run 18% apart (see SideBySide), so the
// figure of one fork is one draw of the JIT.
@Fork(3)
public class ParseBenchmark {
  /** 40 flights of exactly 250 travellers: one invocation reads 10,000 travellers. */
  static final int FLIGHTS = 40;
  static final int PER_FLIGHT = 250;
  static final int TRAVELLERS = FLIGHTS * PER_FLIGHT;

  @Param({"PAXLST", "PNRGOV"})
  public String kind;

  byte[] input;

  @Setup
  public void generate() throws IOException {
    TrafficGenerator gen = TrafficGenerator.withSeed(20261122).travellersPerFlight(PER_FLIGHT,
        PER_FLIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
    if ("PAXLST".equals(kind)) {
      gen.writePaxlst(out, FLIGHTS);
    } else {
      gen.writePnrgov(out, FLIGHTS);
    }
    input = out.toByteArray();
    int travellers = parse();
    if (travellers != TRAVELLERS) {
      throw new IllegalStateException("expected " + TRAVELLERS + " travellers, read " + travellers);
    }
    System.out.printf("%n%s input: %,d bytes, %,d travellers, %.1f bytes per traveller%n", kind,
        input.length, TRAVELLERS, input.length / (double) TRAVELLERS);
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public int parse() throws IOException {
    int travellers = 0;
    try (MessageReader r = MessageReader.of(new ByteArrayInputStream(input), "bench")) {
      while (r.hasNext()) {
        Outcome o = r.next();
        if (o instanceof ParsedMessage m) {
          travellers += m.travellers().size();
        }
      }
    }
    return travellers;
  }

  /** A batch's first pass: PNRGOV mapped only as far as each message's flight. */
  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public int flightsOnly() throws IOException {
    int flights = 0;
    try (MessageReader r = MessageReader.of(new ByteArrayInputStream(input), "bench")
        .flightsOnly()) {
      while (r.hasNext()) {
        if (r.next() instanceof ParsedMessage m && m.flight() != null) {
          flights++;
        }
      }
    }
    return flights;
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public long tokenize() throws IOException {
    long elements = 0;
    EdifactReader r = EdifactReader.of(input, "bench");
    while (true) {
      try {
        if (!r.next()) {
          return elements;
        }
      } catch (EdifactException e) {
        continue;
      }
      elements += r.segment().elementCount();
    }
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public long staedi() throws Exception {
    if (!"PAXLST".equals(kind)) {
      return 0; // StAEDI rejects the IATA:1 syntax identifier of PNRGOV interchanges
    }
    long elements = 0;
    EDIInputFactory factory = EDIInputFactory.newFactory();
    try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(input))) {
      while (r.hasNext()) {
        if (r.next() == EDIStreamEvent.ELEMENT_DATA) {
          elements += r.getTextLength();
        }
      }
    }
    return elements;
  }
}
