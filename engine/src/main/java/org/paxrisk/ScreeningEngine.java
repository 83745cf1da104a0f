package org.paxrisk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.io.ByteArrayInputStream;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.model.Booking;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.rules.RulePack;
import org.paxrisk.rules.RuleSet;
import org.paxrisk.rules.RuleWatcher;
import org.paxrisk.rules.Scoring;
import org.paxrisk.rules.Subject;
import org.paxrisk.screening.AssessmentSink;
import org.paxrisk.screening.BatchReport;
import org.paxrisk.screening.IapiResponse;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.MatchSettings;
import org.paxrisk.watchlist.WatchlistMatch;
import org.paxrisk.watchlist.WatchlistMatcher;
import org.paxrisk.watchlist.WatchlistStore;

/**
 * The one entry point: screens travellers against watch lists and risk rules. Build it once with
 * {@link #builder()}, share it between threads, close it when done.
 *
 * <pre>{@code
 * try (ScreeningEngine engine = ScreeningEngine.builder()
 *     .store(Path.of("lists"))            // a store made by `paxrisk watchlist import`
 *     .build()) {                          // the default rule pack
 *   Assessment a = engine.screen(traveller, flight, booking);
 *   if (a.needsReview()) { ... a.hits(), a.matches() ... }
 * }
 * }</pre>
 */
public final class ScreeningEngine implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ScreeningEngine.class);
  private static final String VERSION = version();

  /**
   * One list version and its matcher: an assessment uses one snapshot from start to end. A version
   * replaced by a newer one is closed when the last assessment using it ends.
   */
  private static final class Lists {
    final WatchlistStore store;
    final WatchlistMatcher matcher;
    final boolean owned;
    final AtomicInteger users = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicBoolean retired =
        new java.util.concurrent.atomic.AtomicBoolean();
    final java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();

    Lists(WatchlistStore store, WatchlistMatcher matcher, boolean owned) {
      this.store = store;
      this.matcher = matcher;
      this.owned = owned;
    }

    String version() {
      return store == null ? null : store.version();
    }

    void release() {
      if (users.decrementAndGet() == 0 && retired.get()) {
        close();
      }
    }

    void retire() {
      retired.set(true);
      if (users.get() == 0) {
        close();
      }
    }

    void close() {
      if (owned && store != null && closed.compareAndSet(false, true)) {
        store.close();
      }
    }
  }

  private final AtomicReference<Lists> lists;
  private final boolean ownsStore;
  private final Path storeDir;
  private final MatchSettings matchSettings;
  private final ScheduledExecutorService follower;
  private final Supplier<RuleSet> rules;
  private final RuleWatcher watcher;
  private final Scoring scoring;
  private final int threads;
  private final int pendingFlights;
  private final Clock clock;
  private final IapiResponse.Policy iapiPolicy;
  private final ExecutorService workers;
  private final AuditLog audit;
  private final String caller;

  private ScreeningEngine(Builder b, WatchlistStore store, Supplier<RuleSet> rules,
      RuleWatcher watcher, AuditLog audit) {
    this.ownsStore = b.storeDir != null;
    this.storeDir = b.storeDir;
    this.matchSettings = b.matchSettings;
    this.lists = new AtomicReference<>(new Lists(store,
        store == null ? null : store.matcher(b.matchSettings), ownsStore));
    this.rules = rules;
    this.watcher = watcher;
    this.scoring = b.scoring;
    this.threads = b.threads;
    this.pendingFlights = b.pendingFlights;
    this.clock = b.clock;
    this.iapiPolicy = b.iapiPolicy;
    this.audit = audit;
    this.caller = b.caller;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "paxrisk-screen-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    if (b.followStore && storeDir != null) {
      follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paxrisk-store-follower");
        t.setDaemon(true);
        return t;
      });
      long every = b.followEvery.toMillis();
      follower.scheduleWithFixedDelay(this::followStore, every, every, TimeUnit.MILLISECONDS);
    } else {
      follower = null;
    }
  }

  /** Opens the store's newest version when an import has published one, and swaps it in. */
  private void followStore() {
    try {
      String now = WatchlistStore.currentVersion(storeDir);
      if (now == null || now.equals(lists.get().version())) {
        return;
      }
      WatchlistStore next = WatchlistStore.open(storeDir);
      Lists before = lists.getAndSet(new Lists(next, next.matcher(matchSettings), true));
      LOG.info("watch lists now at {} (were {})", next.version(), before.version());
      // Assessments already under way keep the version they started with.
      before.retire();
    } catch (IOException | RuntimeException e) {
      // An import that is being published, or a version pruned meanwhile: try again next time.
      LOG.warn("could not follow the watch-list store: {}", e.toString());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- interactive ---------------------------------------------------------------------------

  /**
   * Screens one traveller at check-in: synchronously, on the calling thread. The booking, when
   * known, supplies the PNR side (the booking's traveller with the same name is linked).
   *
   * @param traveller the traveller, as the API data (check-in) gives them
   * @param flight the flight (required: rules judge documents and bookings against it)
   * @param booking the traveller's PNR, or null
   */
  public Assessment screen(Traveller traveller, Flight flight, Booking booking) {
    Objects.requireNonNull(traveller, "traveller");
    Objects.requireNonNull(flight, "flight");
    Traveller pnr = booking == null ? null : FlightGroup.sameTraveller(traveller, booking);
    FlightGroup.Person p = new FlightGroup.Person(TravellerIds.apiPassenger(flight, 1), flight,
        traveller, pnr, pnr == null ? null : booking);
    Assessment a = assess(List.of(p), true, booking != null, rules.get()).get(0);
    if (audit != null) {
      audit.write("screen", caller, a.provenance(), g -> AuditLog.assessment(g, a));
    }
    return a;
  }

  /**
   * Answers an interactive API request (a PAXLST with one or more travellers): a decision per
   * traveller and the CUSRES response message to send back.
   */
  public IapiResponse respond(ApiMessage request) {
    return respond(request, null);
  }

  private IapiResponse respond(ApiMessage request, String checksum) {
    FlightGroup g = new FlightGroup(TravellerIds.flightKey(request.flight()));
    g.add(request);
    RuleSet ruleSet = rules.get();
    List<Assessment> assessed = assess(g.people(), true, false, ruleSet);
    IapiResponse response = IapiResponse.of(request, assessed, iapiPolicy, clock.instant());
    if (audit != null) {
      Provenance p = new Provenance(VERSION, ruleSet.hash(), listVersion(), clock.instant());
      audit.write("iapi", caller, p, j -> {
        j.writeStringField("source", request.origin().source());
        j.writeStringField("sha256", checksum);
        j.writeArrayFieldStart("decisions");
        for (IapiResponse.Decision d : response.decisions()) {
          j.writeStartObject();
          j.writeStringField("verdict", d.verdict().name().toLowerCase(java.util.Locale.ROOT));
          AuditLog.assessment(j, d.assessment());
          j.writeEndObject();
        }
        j.writeEndArray();
      });
    }
    return response;
  }

  /**
   * Answers an interactive API request as the airline sent it: the first message of
   * {@code paxlst} must be a PAXLST.
   *
   * @throws IllegalArgumentException when it is not, saying where and why (no personal data)
   */
  public IapiResponse respond(byte[] paxlst, String source) {
    try (MessageReader r = MessageReader.of(new ByteArrayInputStream(paxlst), source)) {
      if (!r.hasNext()) {
        throw new IllegalArgumentException("no message in " + source);
      }
      Outcome o = r.next();
      if (o instanceof RejectedMessage bad) {
        throw new IllegalArgumentException("request rejected: " + bad.error());
      }
      if (!(o instanceof ApiMessage api)) {
        throw new IllegalArgumentException("request is not a PAXLST: " + o.origin().type()
            + " in " + source);
      }
      return respond(api, java.util.HexFormat.of().formatHex(sha256(paxlst)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- batch ---------------------------------------------------------------------------------

  /**
   * Screens files and folders (read recursively, in name order) of API and PNR messages, linking
   * the API and PNR travellers of each flight, in parallel, writing to {@code sink} flight by
   * flight in input order as results are produced. A bad message is reported and skipped; the
   * batch goes on.
   */
  public BatchReport screen(List<Path> inputs, AssessmentSink sink) throws IOException {
    return screen(inputs, sink, Batch.Progress.NONE);
  }

  /** As {@link #screen(List, AssessmentSink)}, telling {@code progress} as flights finish. */
  public BatchReport screen(List<Path> inputs, AssessmentSink sink, Batch.Progress progress)
      throws IOException {
    return new Batch(this, sink, progress).run(expand(inputs));
  }

  /**
   * Screens a stream of messages in one pass. Flights are linked as their messages arrive; memory
   * holds at most the builder's {@code pendingFlights} incomplete flights.
   */
  public BatchReport screen(InputStream in, String source, AssessmentSink sink) throws IOException {
    return new Batch(this, sink, Batch.Progress.NONE).run(in, source);
  }

  // ---- shared --------------------------------------------------------------------------------

  /** Matches, rules and scores for people screened together (one flight). */
  List<Assessment> assess(List<FlightGroup.Person> people, boolean flightHasApi,
      boolean flightHasPnr, RuleSet ruleSet) {
    Lists snapshot = acquireLists();
    try {
      return assess(people, flightHasApi, flightHasPnr, ruleSet, snapshot);
    } finally {
      snapshot.release();
    }
  }

  private Lists acquireLists() {
    while (true) {
      Lists l = lists.get();
      l.users.incrementAndGet();
      if (lists.get() == l || !l.retired.get()) {
        return l;
      }
      l.release(); // swapped out meanwhile: take the new one
    }
  }

  private List<Assessment> assess(List<FlightGroup.Person> people, boolean flightHasApi,
      boolean flightHasPnr, RuleSet ruleSet, Lists snapshot) {
    WatchlistMatcher matcher = snapshot.matcher;
    List<Subject> subjects = new ArrayList<>(people.size());
    for (FlightGroup.Person p : people) {
      List<WatchlistMatch> m = matcher == null ? List.of() : matcher.match(matchable(p));
      subjects.add(new Subject(p.id(), p.flight(), p.api(), p.pnr(), p.booking(), m,
          flightHasApi, flightHasPnr));
    }
    List<List<RiskHit>> hits = ruleSet.evaluate(subjects);
    Provenance provenance = new Provenance(VERSION, ruleSet.hash(), snapshot.version(),
        clock.instant());
    List<Assessment> out = new ArrayList<>(people.size());
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      List<RiskHit> h = new ArrayList<>(hits.get(i));
      h.sort(Comparator.comparingInt(RiskHit::score).reversed().thenComparing(RiskHit::rule));
      int score = scoring.score(h);
      String locator = s.pnr() != null ? s.pnr().recordLocator()
          : s.booking() != null ? s.booking().recordLocator() : null;
      out.add(new Assessment(s.id(), s.flight(), s.traveller(), s.inApi(), s.inPnr(), locator,
          score, scoring.band(score), h, s.matches(), provenance));
    }
    return out;
  }

  /** The API record, with the PNR's documents added when the API has none. */
  private static Traveller matchable(FlightGroup.Person p) {
    Traveller t = p.traveller();
    if (p.api() != null && p.pnr() != null && t.documents().isEmpty()
        && !p.pnr().documents().isEmpty()) {
      Traveller.Builder b = Traveller.builder().surname(t.surname()).givenNames(t.givenNames())
          .dateOfBirth(t.dateOfBirth() != null ? t.dateOfBirth() : p.pnr().dateOfBirth())
          .gender(t.gender()).nationality(t.nationality());
      p.pnr().documents().forEach(b::document);
      return b.build();
    }
    return t;
  }

  RuleSet currentRules() {
    return rules.get();
  }

  ExecutorService workers() {
    return workers;
  }

  int threads() {
    return threads;
  }

  int pendingFlights() {
    return pendingFlights;
  }

  /** The rule set screening uses now (with hot reload, the newest that compiled). */
  public RuleSet rules() {
    return rules.get();
  }

  AuditLog audit() {
    return audit;
  }

  String caller() {
    return caller;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The store's version, or null when screening without lists. */
  public String listVersion() {
    return lists.get().version();
  }

  /** The scoring in use. */
  public Scoring scoring() {
    return scoring;
  }

  /** The engine's version. */
  public static String version() {
    String v = ScreeningEngine.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    if (follower != null) {
      follower.shutdownNow();
    }
    if (watcher != null) {
      watcher.close();
    }
    lists.get().retire();
    if (audit != null) {
      try {
        audit.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (var walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(ScreeningEngine::isMessageFile)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
      }
    }
    return files;
  }

  /** Folders hold notes, results and truth files beside the messages; those are not read. */
  private static boolean isMessageFile(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.endsWith(".md") && !name.endsWith(".jsonl")
        && !name.endsWith(".json") && !name.endsWith(".csv") && !name.endsWith(".txt");
  }

  /** Settings for a {@link ScreeningEngine}; {@link #build()} checks them. */
  public static final class Builder {
    private Path storeDir;
    private WatchlistStore storeInstance;
    private boolean defaultRules = true;
    private final List<Path> ruleFolders = new ArrayList<>();
    private RuleSet ruleSet;
    private boolean watchRules;
    private Scoring scoring = Scoring.DEFAULT;
    private MatchSettings matchSettings = MatchSettings.DEFAULTS;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int pendingFlights = 256;
    private Clock clock = Clock.systemUTC();
    private IapiResponse.Policy iapiPolicy = IapiResponse.Policy.DEFAULT;
    private RuleWatcher.Listener ruleListener = new RuleWatcher.Listener() {};
    private Path auditFile;
    private boolean followStore = true;
    private java.time.Duration followEvery = java.time.Duration.ofSeconds(1);
    private String caller = System.getProperty("user.name", "unknown") + " (pid "
        + ProcessHandle.current().pid() + ")";

    private Builder() {}

    /** A watch-list store folder, opened by the engine and closed with it. */
    public Builder store(Path dir) {
      this.storeDir = dir;
      return this;
    }

    /** An open store the caller keeps and closes. */
    public Builder store(WatchlistStore store) {
      this.storeInstance = store;
      return this;
    }

    /** Whether to compile the default rule pack (from the classpath) first; true by default. */
    public Builder defaultRules(boolean yes) {
      this.defaultRules = yes;
      return this;
    }

    /** Rule pack folders, compiled after the default pack. */
    public Builder rules(Path... folders) {
      ruleFolders.addAll(List.of(folders));
      return this;
    }

    /** A rule set compiled elsewhere, instead of packs (no hot reload). */
    public Builder rules(RuleSet rules) {
      this.ruleSet = rules;
      return this;
    }

    /** Watch the rule folders and reload on change; {@code listener} hears of each reload. */
    public Builder watchRules(boolean yes, RuleWatcher.Listener listener) {
      this.watchRules = yes;
      this.ruleListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder scoring(Scoring scoring) {
      this.scoring = Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    public Builder matchSettings(MatchSettings settings) {
      this.matchSettings = Objects.requireNonNull(settings, "matchSettings");
      return this;
    }

    /** Worker threads for batches; the number of cores by default. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The most incomplete flights a batch holds while waiting for their other messages. */
    public Builder pendingFlights(int flights) {
      this.pendingFlights = flights;
      return this;
    }

    /** The clock for provenance times (tests fix it). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Appends an audit record of every batch and every interactive call to {@code file} (see
     * {@link AuditLog}); {@code caller} says who or what called, e.g. a system's name.
     */
    public Builder auditLog(Path file, String caller) {
      this.auditFile = Objects.requireNonNull(file, "auditLog");
      this.caller = Objects.requireNonNull(caller, "caller");
      return this;
    }

    /**
     * Whether to follow the store folder: when an import publishes a new version, the engine opens
     * it and uses it for assessments that start after (each assessment names the version it used).
     * On by default for a store given as a folder, checked every second.
     */
    public Builder followStore(boolean yes, java.time.Duration every) {
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("followStore: the interval must be positive");
      }
      this.followStore = yes;
      this.followEvery = every;
      return this;
    }

    /** How interactive API decisions follow from assessments. */
    public Builder iapiPolicy(IapiResponse.Policy policy) {
      this.iapiPolicy = Objects.requireNonNull(policy, "iapiPolicy");
      return this;
    }

    /**
     * Checks the settings, opens the store and compiles the rules.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     * @throws org.paxrisk.rules.RuleCompilationException when the rules do not compile
     */
    public ScreeningEngine build() throws IOException {
      if (threads < 1 || threads > 1024) {
        throw new IllegalArgumentException("threads must be 1 to 1024, got " + threads);
      }
      if (pendingFlights < 1) {
        throw new IllegalArgumentException("pendingFlights must be at least 1, got "
            + pendingFlights);
      }
      if (storeDir != null && storeInstance != null) {
        throw new IllegalArgumentException("store: give a folder or an open store, not both");
      }
      if (storeDir != null && !Files.isDirectory(storeDir)) {
        throw new IllegalArgumentException("store: no such folder: " + storeDir);
      }
      for (Path f : ruleFolders) {
        if (!Files.isDirectory(f)) {
          throw new IllegalArgumentException("rules: no such folder: " + f);
        }
      }
      if (ruleSet != null && (!ruleFolders.isEmpty() || watchRules)) {
        throw new IllegalArgumentException(
            "rules: give a compiled rule set or rule folders, not both");
      }
      if (ruleSet == null && !defaultRules && ruleFolders.isEmpty()) {
        throw new IllegalArgumentException("rules: the default pack is off and no folders given");
      }
      if (watchRules && ruleFolders.isEmpty()) {
        throw new IllegalArgumentException("watchRules: there are no rule folders to watch");
      }
      RuleWatcher watcher = null;
      Supplier<RuleSet> rules;
      if (ruleSet != null) {
        RuleSet fixed = ruleSet;
        rules = () -> fixed;
      } else if (watchRules) {
        watcher = RuleWatcher.watch(ruleFolders, defaultRules, ruleListener);
        rules = watcher;
      } else {
        List<RulePack> packs = new ArrayList<>();
        if (defaultRules) {
          packs.add(RulePack.defaultPack());
        }
        ruleFolders.forEach(f -> packs.add(RulePack.folder(f)));
        RuleSet fixed = RuleSet.compile(packs);
        rules = () -> fixed;
      }
      WatchlistStore store = storeInstance;
      AuditLog audit = null;
      try {
        if (storeDir != null) {
          store = WatchlistStore.open(storeDir);
        }
        if (auditFile != null) {
          audit = AuditLog.open(auditFile);
        }
      } catch (IOException | RuntimeException e) {
        if (watcher != null) {
          watcher.close();
        }
        if (store != null && storeDir != null) {
          store.close();
        }
        throw e;
      }
      return new ScreeningEngine(this, store, rules, watcher, audit);
    }
  }
}
