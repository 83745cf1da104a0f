package org.paxrisk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: watches rule folders, recompiles in the background when a file changes, and swaps the
 * new rule set in atomically. A broken edit keeps the previous rules running and is reported to the
 * listener (and logged with every error's file and line). Screening code asks {@link #current()}
 * once per flight, so a flight is always scored by one rule set.
 */
public final class RuleWatcher implements Supplier<RuleSet>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);
  /** Editors write a file in several steps; wait for quiet before compiling. */
  private static final long QUIET_MILLIS = 150;

  /** Hears about reloads; both methods run on the watcher's thread. */
  public interface Listener {
    default void reloaded(RuleSet rules) {}

    default void failed(RuleCompilationException errors) {}
  }

  private final List<Path> folders;
  private final boolean withDefaultPack;
  private final Listener listener;
  private final AtomicReference<RuleSet> current;
  private final WatchService watcher;
  private final Thread thread;

  private RuleWatcher(List<Path> folders, boolean withDefaultPack, Listener listener,
      RuleSet first) throws IOException {
    this.folders = List.copyOf(folders);
    this.withDefaultPack = withDefaultPack;
    this.listener = listener;
    this.current = new AtomicReference<>(first);
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path f : folders) {
      registerTree(f);
    }
    this.thread = new Thread(this::loop, "paxrisk-rule-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Compiles the rules once (failing as {@link RuleSet#compile} does) and starts watching.
   *
   * @param folders rule folders, compiled after the default pack when {@code withDefaultPack}
   */
  public static RuleWatcher watch(List<Path> folders, boolean withDefaultPack, Listener listener)
      throws IOException {
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("no rule folders to watch");
    }
    RuleSet first = compile(folders, withDefaultPack);
    return new RuleWatcher(folders, withDefaultPack, listener, first);
  }

  /** The newest rule set that compiled. */
  public RuleSet current() {
    return current.get();
  }

  @Override
  public RuleSet get() {
    return current();
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread.interrupt();
  }

  private static RuleSet compile(List<Path> folders, boolean withDefaultPack) {
    List<RulePack> packs = new ArrayList<>();
    if (withDefaultPack) {
      packs.add(RulePack.defaultPack());
    }
    for (Path f : folders) {
      packs.add(RulePack.folder(f));
    }
    return RuleSet.compile(packs);
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Collect the burst of events one save makes, then compile once.
        for (WatchKey more; (more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
          drain(more);
        }
        reload();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void drain(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
        Path created = dir.resolve((Path) event.context());
        if (Files.isDirectory(created)) {
          try {
            registerTree(created);
          } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot watch new rules folder {}: {}", created, e.toString());
          }
        }
      }
    }
    key.reset();
  }

  private void reload() {
    try {
      RuleSet next = compile(folders, withDefaultPack);
      RuleSet before = current.getAndSet(next);
      if (!next.hash().equals(before.hash())) {
        LOG.info("rules reloaded: {} rules, ruleset {}", next.ruleNames().size(),
            next.hash().substring(0, 12));
      }
      listener.reloaded(next);
    } catch (RuleCompilationException e) {
      LOG.warn("rules not reloaded; the previous rules keep running. {}", e.getMessage());
      listener.failed(e);
    } catch (RuntimeException e) {
      // A folder deleted or unreadable mid-edit: keep the running rules and say why.
      LOG.warn("rules not reloaded; the previous rules keep running: {}", e.toString());
      listener.failed(new RuleCompilationException(
          List.of(new RuleError(folders.get(0).toString(), 0, 0, e.toString()))));
    }
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }
}
