package org.paxrisk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.screening.TravellerIds;
import org.paxrisk.watchlist.WatchlistMatch;

/**
 * The audit trail the law asks for: one JSON line per event, appended, never rewritten. Events:
 * {@code batch-start} (who, the inputs with their SHA-256, rule set, list version),
 * {@code hit} (each traveller a batch put in review or high: the id, score, band, rules and list
 * entries), {@code batch-end} (the counts), {@code screen} (one interactive call) and {@code iapi}
 * (one interactive API request). Records hold ids, never names, dates of birth or documents.
 *
 * <p>Thread-safe; each record is one write to a file opened for appending, created readable by its
 * owner only.
 */
public final class AuditLog implements Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final FileChannel channel;

  private AuditLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates, owner-only) an audit log for appending. */
  public static AuditLog open(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (!Files.exists(file)) {
      try {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // Another process made it first: fine, we append.
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }
    return new AuditLog(file, FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  public Path file() {
    return file;
  }

  /** Writes one record built by {@code body} after the common fields. */
  void write(String event, String caller, Provenance p, Body body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (JsonGenerator g = JSON.createGenerator(bytes)) {
        g.writeStartObject();
        g.writeStringField("time", Instant.now().toString());
        g.writeStringField("event", event);
        g.writeStringField("caller", caller);
        g.writeStringField("engine", p.engine());
        g.writeStringField("ruleset", p.ruleset());
        g.writeStringField("listVersion", p.listVersion());
        body.write(g);
        g.writeEndObject();
      }
      bytes.write('\n');
      ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
      synchronized (this) {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      }
    } catch (IOException e) {
      // An audit record that cannot be written stops the work that needed it.
      throw new UncheckedIOException("cannot write the audit log " + file, e);
    }
  }

  /** Forces what was written to the disk. */
  void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The traceable part of an assessment: id, flight, score, band, rules, list entries. */
  static void assessment(JsonGenerator g, Assessment a) throws IOException {
    g.writeStringField("travellerId", a.travellerId());
    g.writeStringField("flight", TravellerIds.flightKey(a.flight()));
    g.writeNumberField("score", a.score());
    g.writeStringField("band", a.band().name().toLowerCase(Locale.ROOT));
    g.writeArrayFieldStart("rules");
    for (RiskHit h : a.hits()) {
      g.writeString(h.rule());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("entries");
    for (WatchlistMatch m : a.matches()) {
      g.writeString(m.entryId());
    }
    g.writeEndArray();
  }

  /** The inputs of a batch with their checksums. */
  record Input(String source, String sha256, long bytes) {}

  static void inputs(JsonGenerator g, List<Input> inputs) throws IOException {
    g.writeArrayFieldStart("inputs");
    for (Input i : inputs) {
      g.writeStartObject();
      g.writeStringField("source", i.source());
      g.writeStringField("sha256", i.sha256());
      g.writeNumberField("bytes", i.bytes());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
