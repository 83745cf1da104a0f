package org.paxrisk;

import java.io.IOException;
import java.nio.file.Files;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.paxrisk.edifact.Issue;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.ingest.SensitiveData;
import org.paxrisk.rules.Band;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.screening.AssessmentSink;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.screening.FlightSummary;
import org.paxrisk.screening.TravellerIds;

/**
 * One batch run. Files are read twice: a first pass notes which flights each message belongs to
 * (a PNRGOV message is mapped only as far as its flight) and reports bad messages; the second
 * pass reads the files in an order that keeps each flight's files together and screens a flight
 * the moment its last message has been read. So an API list and its PNR push are linked whatever
 * their file names, and memory holds only the flights being read and screened. Reading, linking,
 * matching and rules run on the engine's workers; the calling thread groups messages into flights
 * and writes the results, in input order, through bounded queues.
 */
public final class Batch {
  /** Hears how a batch is going, for progress bars. Called from the batch's calling thread. */
  public interface Progress {
    Progress NONE = new Progress() {};

    /**
     * The first pass is done: about how many travellers the batch will assess (the totals its API
     * lists declare).
     */
    default void started(long travellers) {}

    /** A flight's travellers are written. */
    default void screened(int travellers) {}
  }

  private static final int MAX_PROBLEMS = 1000;
  private static final int TOP_FLIGHTS = 50;

  private final ScreeningEngine engine;
  private final AssessmentSink sink;
  private final Progress progress;

  // The report, kept by the writing thread.
  private long messages;
  private long rejected;
  private final List<Issue> problems = new ArrayList<>();
  private long flights;
  private long travellers;
  private final long[] bands = new long[Band.values().length];
  private final Map<String, Long> ruleFires = new HashMap<>();
  private final PriorityQueue<FlightSummary> top = new PriorityQueue<>(
      Comparator.comparingInt((FlightSummary f) -> f.high() + f.review())
          .thenComparingInt(FlightSummary::high));
  private long splitFlights;
  private final String run = java.util.UUID.randomUUID().toString();
  private AuditLog.Input streamInput;

  Batch(ScreeningEngine engine, AssessmentSink sink, Progress progress) {
    this.engine = engine;
    this.sink = sink;
    this.progress = progress;
  }

  BatchReport run(List<Path> files) throws IOException {
    // Pass 1, on the workers: which flights each file holds, how many messages each flight has.
    List<Future<Scan>> scans = new ArrayList<>(files.size());
    boolean audited = engine.audit() != null;
    for (Path f : files) {
      scans.add(engine.workers().submit(() -> scan(f, audited)));
    }
    Map<String, Integer> expected = new HashMap<>();
    Map<String, List<Integer>> filesOfFlight = new HashMap<>();
    List<Set<String>> flightsOfFile = new ArrayList<>();
    long travellerCount = 0;
    List<AuditLog.Input> inputs = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      Scan scan = await(scans.get(i));
      messages += scan.messages;
      rejected += scan.rejections.size();
      for (RejectedMessage bad : scan.rejections) {
        problem(bad.error());
        sink.rejected(bad);
      }
      scan.problems.forEach(this::problem);
      for (Map.Entry<String, Integer> e : scan.flights.entrySet()) {
        expected.merge(e.getKey(), e.getValue(), Integer::sum);
        filesOfFlight.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(i);
      }
      flightsOfFile.add(scan.flights.keySet());
      travellerCount += scan.apiTravellers;
      if (scan.input != null) {
        inputs.add(scan.input);
      }
    }
    scans.clear();
    progress.started(travellerCount);
    auditStart(inputs);

    // Pass 2, in an order that keeps the files of a flight together. Files are read on the workers
    // a few ahead of this thread, which groups their messages into flights in order; a very large
    // file is read here, streaming, so that memory holds only a few files' messages.
    Pipeline pipeline = new Pipeline();
    Map<String, FlightGroup> pending = new LinkedHashMap<>();
    ArrayDeque<Future<List<ParsedMessage>>> ahead = new ArrayDeque<>();
    List<Integer> order = order(files.size(), flightsOfFile, filesOfFlight);
    int next = 0;
    while (next < order.size() || !ahead.isEmpty()) {
      while (next < order.size() && ahead.size() < engine.threads() * 2) {
        Path f = files.get(order.get(next));
        if (Files.size(f) > READ_AHEAD_MAX_BYTES) {
          break;
        }
        ahead.add(engine.workers().submit(() -> messagesOf(f)));
        next++;
      }
      if (!ahead.isEmpty()) {
        for (ParsedMessage m : await(ahead.poll())) {
          collect(m, pending, expected, pipeline);
        }
      } else {
        try (MessageReader r = MessageReader.open(files.get(order.get(next++)))) {
          while (r.hasNext()) {
            if (r.next() instanceof ParsedMessage m && m.flight() != null) {
              collect(m, pending, expected, pipeline);
            }
          }
        }
      }
    }
    return finish(pending, pipeline, files.size());
  }

  /** Files up to this size are read ahead on the workers, whole. */
  private static final long READ_AHEAD_MAX_BYTES = 32L << 20;

  /** What the first pass learns of one file. */
  private static final class Scan {
    long messages;
    final List<RejectedMessage> rejections = new ArrayList<>();
    final List<Issue> problems = new ArrayList<>();
    final Map<String, Integer> flights = new LinkedHashMap<>();
    long apiTravellers;
    AuditLog.Input input; // null unless audited
  }

  /**
   * {@code audited}: the batch is audited, so each file's checksum is taken here, on the way.
   * Without an audit log nothing records it, and a batch's first pass is the faster for not
   * hashing every byte (SHA-256, on a cold JIT, took a tenth to a fifth of it).
   */
  private static Scan scan(Path file, boolean audited) throws IOException {
    Scan scan = new Scan();
    InputStream raw = Files.newInputStream(file);
    InputStream in = audited ? new Checksummed(raw) : raw;
    // Messages are mapped only as far as their flight: the second pass maps them whole.
    // The reader buffers: another buffer would only cost its allocation, for every file.
    try (MessageReader r = new MessageReader(in, file.toString(), ReadConstraints.DEFAULTS,
        SensitiveData.defaults()).flightsOnly()) {
      while (r.hasNext()) {
        Outcome o = r.next();
        scan.messages++;
        if (o instanceof RejectedMessage bad) {
          scan.rejections.add(bad);
        } else if (o instanceof ParsedMessage m) {
          if (m.flight() == null) {
            // The mappers reject travellers without a flight: this message is empty.
            scan.problems.addAll(warnings(m));
            continue;
          }
          scan.flights.merge(TravellerIds.flightKey(m.flight()), 1, Integer::sum);
          if (m instanceof ApiMessage a && a.declaredCount() != null) {
            scan.apiTravellers += a.declaredCount(); // what the lists declare: about right
          }
        }
      }
      scan.problems.addAll(r.envelopeIssues());
      if (in instanceof Checksummed c) {
        scan.input = c.finish(file.toString());
      }
    }
    return scan;
  }

  private static List<ParsedMessage> messagesOf(Path file) throws IOException {
    List<ParsedMessage> out = new ArrayList<>();
    try (MessageReader r = MessageReader.open(file)) {
      while (r.hasNext()) {
        if (r.next() instanceof ParsedMessage m && m.flight() != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }

  private static List<Issue> warnings(ParsedMessage m) {
    return m instanceof ApiMessage a ? a.warnings() : ((PnrMessage) m).warnings();
  }

  BatchReport run(InputStream stream, String source) throws IOException {
    Pipeline pipeline = new Pipeline();
    Map<String, FlightGroup> pending = new LinkedHashMap<>();
    Checksummed in = new Checksummed(stream);
    // A stream's checksum is known at its end: batch-end carries it.
    auditStart(List.of());
    try (MessageReader r = MessageReader.of(in, source)) {
      while (r.hasNext()) {
        Outcome o = r.next();
        messages++;
        if (o instanceof RejectedMessage bad) {
          rejected++;
          problem(bad.error());
          sink.rejected(bad);
        } else if (o instanceof ParsedMessage m && screenable(m)) {
          // Without a first pass, a flight is complete once it has both an API list and a PNR.
          collect(m, pending, null, pipeline);
        }
      }
      r.envelopeIssues().forEach(this::problem);
      streamInput = in.finish(source);
    }
    return finish(pending, pipeline, 1);
  }

  private void collect(ParsedMessage m, Map<String, FlightGroup> pending,
      Map<String, Integer> expected, Pipeline pipeline) throws IOException {
    String key = TravellerIds.flightKey(m.flight());
    FlightGroup g = pending.computeIfAbsent(key, FlightGroup::new);
    if (m instanceof ApiMessage a) {
      g.add(a);
    } else {
      g.add((PnrMessage) m);
    }
    boolean complete = expected != null
        ? g.messages() >= expected.getOrDefault(key, 0)
        : g.hasApi() && g.hasPnr();
    if (complete) {
      pending.remove(key);
      if (expected != null) {
        expected.remove(key);
      }
      pipeline.submit(g);
    } else if (pending.size() > engine.pendingFlights()) {
      // Memory bound: screen the oldest incomplete flight with what it has.
      Iterator<FlightGroup> oldest = pending.values().iterator();
      FlightGroup old = oldest.next();
      oldest.remove();
      if (expected != null) {
        expected.merge(old.key(), -old.messages(), Integer::sum);
      }
      splitFlights++;
      pipeline.submit(old);
    }
  }

  private BatchReport finish(Map<String, FlightGroup> pending, Pipeline pipeline, int files)
      throws IOException {
    for (FlightGroup g : pending.values()) {
      pipeline.submit(g);
    }
    pending.clear();
    pipeline.drain();
    List<FlightSummary> topFlights = new ArrayList<>(top);
    topFlights.sort(top.comparator().reversed());
    Map<String, Long> fires = new LinkedHashMap<>();
    ruleFires.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> fires.put(e.getKey(), e.getValue()));
    BatchReport report = new BatchReport(files, messages, rejected, problems, flights,
        travellers, bands[Band.CLEAR.ordinal()], bands[Band.REVIEW.ordinal()],
        bands[Band.HIGH.ordinal()], fires, topFlights, splitFlights, engine.rules().hash(),
        engine.listVersion());
    AuditLog audit = engine.audit();
    if (audit != null) {
      audit.write("batch-end", engine.caller(), provenance(), g -> {
        g.writeStringField("run", run);
        if (streamInput != null) {
          AuditLog.inputs(g, List.of(streamInput));
        }
        g.writeNumberField("messages", report.messages());
        g.writeNumberField("rejected", report.rejected());
        g.writeNumberField("flights", report.flights());
        g.writeNumberField("travellers", report.travellers());
        g.writeNumberField("clear", report.clear());
        g.writeNumberField("review", report.review());
        g.writeNumberField("high", report.high());
      });
      audit.sync();
    }
    return report;
  }

  /**
   * Whether a message names a flight. The mappers reject travellers without one, so a message
   * without is empty (a PAXLST with no TDT and no NAD): it is reported, with its warnings.
   */
  private boolean screenable(ParsedMessage m) {
    if (m.flight() != null) {
      return true;
    }
    warnings(m).forEach(this::problem);
    return false;
  }

  private void auditStart(List<AuditLog.Input> inputs) {
    AuditLog audit = engine.audit();
    if (audit != null) {
      audit.write("batch-start", engine.caller(), provenance(), g -> {
        g.writeStringField("run", run);
        AuditLog.inputs(g, inputs);
      });
    }
  }

  private Provenance provenance() {
    return new Provenance(ScreeningEngine.version(), engine.rules().hash(), engine.listVersion(),
        java.time.Instant.now());
  }

  /** Counts and hashes the bytes read through it; what the reader leaves unread is drained. */
  private static final class Checksummed extends java.io.FilterInputStream {
    private final java.security.MessageDigest digest;
    private long bytes;

    Checksummed(InputStream in) {
      super(in);
      try {
        digest = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
        bytes += n;
      }
      return n;
    }

    AuditLog.Input finish(String source) throws IOException {
      byte[] rest = new byte[8192];
      while (read(rest, 0, rest.length) >= 0) {
        // drain: the checksum covers the whole input
      }
      return new AuditLog.Input(source, java.util.HexFormat.of().formatHex(digest.digest()),
          bytes);
    }
  }

  private void problem(Issue issue) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(issue);
    }
  }

  /** Files in input order, each followed at once by the other files that share its flights. */
  private static List<Integer> order(int n, List<Set<String>> flightsOfFile,
      Map<String, List<Integer>> filesOfFlight) {
    boolean[] seen = new boolean[n];
    List<Integer> out = new ArrayList<>(n);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < n; start++) {
      if (seen[start]) {
        continue;
      }
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int f = queue.poll();
        out.add(f);
        for (String key : flightsOfFile.get(f)) {
          for (int g : filesOfFlight.get(key)) {
            if (!seen[g]) {
              seen[g] = true;
              queue.add(g);
            }
          }
        }
      }
    }
    return out;
  }

  /** Flights screened on the workers, written here in submission order. */
  private final class Pipeline {
    private final BlockingQueue<Future<List<Assessment>>> inFlight =
        new ArrayBlockingQueue<>(engine.threads() * 4);

    void submit(FlightGroup g) throws IOException {
      // The rules of the moment, fixed for the whole flight (hot reload swaps between flights).
      var rules = engine.currentRules();
      boolean api = g.hasApi();
      boolean pnr = g.hasPnr();
      while (inFlight.remainingCapacity() == 0) {
        writeOne();
      }
      // Linking, matching and rules all run on the worker; this thread only reads and writes.
      inFlight.add(engine.workers().submit(() -> engine.assess(g.people(), api, pnr, rules)));
    }

    void drain() throws IOException {
      while (!inFlight.isEmpty()) {
        writeOne();
      }
    }

    private void writeOne() throws IOException {
      List<Assessment> done = await(inFlight.remove());
      if (done.isEmpty()) {
        return;
      }
      Map<String, Integer> flightRules = new HashMap<>();
      int review = 0;
      int high = 0;
      AuditLog audit = engine.audit();
      for (Assessment a : done) {
        sink.accept(a);
        if (audit != null && a.band() != Band.CLEAR) {
          audit.write("hit", engine.caller(), a.provenance(), g -> {
            g.writeStringField("run", run);
            AuditLog.assessment(g, a);
          });
        }
        bands[a.band().ordinal()]++;
        review += a.band() == Band.REVIEW ? 1 : 0;
        high += a.band() == Band.HIGH ? 1 : 0;
        Set<String> once = new LinkedHashSet<>();
        for (RiskHit h : a.hits()) {
          once.add(h.rule());
        }
        for (String r : once) {
          ruleFires.merge(r, 1L, Long::sum);
          flightRules.merge(r, 1, Integer::sum);
        }
      }
      sink.flightDone();
      flights++;
      travellers += done.size();
      List<String> topHits = flightRules.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(3).map(Map.Entry::getKey).toList();
      top.add(new FlightSummary(TravellerIds.flightKey(done.get(0).flight()), done.size(), review,
          high, topHits));
      if (top.size() > TOP_FLIGHTS) {
        top.poll();
      }
      progress.screened(done.size());
    }
  }
}
