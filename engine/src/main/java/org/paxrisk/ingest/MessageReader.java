package org.paxrisk.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.paxrisk.edifact.Dates;
import org.paxrisk.edifact.EdifactException;
import org.paxrisk.edifact.EdifactReader;
import org.paxrisk.edifact.Issue;
import org.paxrisk.edifact.Location;
import org.paxrisk.edifact.MessageCursor;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.edifact.Segment;
import org.paxrisk.model.MessageType;
import org.paxrisk.model.Origin;
import org.paxrisk.paxlst.PaxlstMapper;
import org.paxrisk.pnrgov.PnrgovMapper;

/**
 * Reads every message of one input, PAXLST and PNRGOV alike, and hands out one {@link Outcome} per
 * message: parsed into the model, or rejected with where and why. It streams: only the message
 * being mapped is in memory.
 *
 * <pre>{@code
 * try (MessageReader messages = MessageReader.open(Path.of("flight.edi"))) {
 *   while (messages.hasNext()) {
 *     Outcome o = messages.next();
 *     if (o instanceof ParsedMessage m) { ... m.travellers() ... }
 *     else { report(((RejectedMessage) o).error()); } // where and why, no personal data
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing is lost silently: each UNH yields exactly one outcome; an input without any message
 * yields one {@link RejectedMessage}; problems outside messages (junk after UNZ, a wrong UNZ count)
 * are in {@link #envelopeIssues()}. {@link IOException}s surface as {@link UncheckedIOException}.
 * Not thread-safe.
 */
public final class MessageReader implements Iterator<Outcome>, Closeable {
  private static final int MAX_ENVELOPE_ISSUES = 100;

  private final EdifactReader reader;
  private final String source;
  private final SensitiveData sensitive;
  private final List<Issue> envelope = new ArrayList<>();
  private int envelopeSuppressed;

  private Outcome next;
  private boolean done;
  private int messages;
  private int messagesInInterchange;
  private LocalDate interchangeDate;
  private boolean junkRun;
  private boolean flightsOnly;

  public MessageReader(
      InputStream in, String source, ReadConstraints constraints, SensitiveData sensitive) {
    this.reader = new EdifactReader(in, source, constraints);
    this.source = source;
    this.sensitive = sensitive;
  }

  /** A reader with the default limits and sensitive-data list. */
  public static MessageReader of(InputStream in, String source) {
    return new MessageReader(in, source, ReadConstraints.DEFAULTS, SensitiveData.defaults());
  }

  /** Opens a file; the source name in every location is the path as given. */
  public static MessageReader open(Path file) throws IOException {
    return open(file, ReadConstraints.DEFAULTS, SensitiveData.defaults());
  }

  public static MessageReader open(Path file, ReadConstraints constraints, SensitiveData sensitive)
      throws IOException {
    // The EDIFACT reader buffers its input itself.
    return new MessageReader(Files.newInputStream(file), file.toString(), constraints, sensitive);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        advance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public Outcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Outcome o = next;
    next = null;
    return o;
  }

  /**
   * From now on, maps messages only as far as their flight: PNRGOV as far as the flight it was
   * pushed for ({@link PnrgovMapper#mapFlight}), PAXLST as far as its legs and CNT ({@link
   * PaxlstMapper#mapFlight}). They are rejected as always (what is not mapped is passed over
   * with the same checks: {@link MessageCursor#pass}), but come without bookings or travellers.
   * For a first pass that only groups messages by flight, at less than the tokenizer's cost.
   *
   * @return this reader
   */
  public MessageReader flightsOnly() {
    flightsOnly = true;
    return this;
  }

  /** Problems found outside any message: the envelope, junk between or after interchanges. */
  public List<Issue> envelopeIssues() {
    if (envelopeSuppressed == 0) {
      return List.copyOf(envelope);
    }
    List<Issue> all = new ArrayList<>(envelope);
    all.add(Issue.warning("warnings-suppressed", envelopeSuppressed
        + " further warnings outside messages were counted but not kept", Location.ofSource(source)));
    return all;
  }

  /** Number of messages (UNH segments) read so far. */
  public int messageCount() {
    return messages;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void advance() throws IOException {
    while (true) {
      boolean more;
      try {
        more = reader.next();
      } catch (EdifactException e) {
        drainReader();
        junk(e.toIssue());
        continue;
      }
      drainReader();
      if (!more) {
        done = true;
        if (messages == 0) {
          next = new RejectedMessage(new Origin(source, 0, null, null, 0),
              Issue.error("no-message", "input holds no UNH message", Location.ofSource(source)),
              envelopeIssues());
        }
        return;
      }
      Segment s = reader.segment();
      if (s.is("UNH")) {
        junkRun = false;
        messages++;
        messagesInInterchange++;
        next = readMessage();
        return;
      }
      if (s.is("UNB")) {
        junkRun = false;
        messagesInInterchange = 0;
        interchangeDate = Dates.interchangeDate(s.text(4, 1));
      } else if (s.is("UNZ")) {
        junkRun = false;
        int declared = s.intValue(1, 1, -1);
        if (declared >= 0 && declared != messagesInInterchange) {
          envelope(Issue.warning("unz-count-mismatch", "UNZ says " + declared
              + " messages, the interchange has " + messagesInInterchange, s.location(1, 1)));
        }
      } else if (s.is("UNG") || s.is("UNE")) {
        junkRun = false;
      } else {
        junk(Issue.warning("outside-message", "segment outside any message skipped",
            s.location()));
      }
    }
  }

  private Outcome readMessage() throws IOException {
    Segment unh = reader.segment();
    MessageType type = null;
    if (unh.textEquals(2, 1, "PAXLST")) {
      type = MessageType.PAXLST;
    } else if (unh.textEquals(2, 1, "PNRGOV")) {
      type = MessageType.PNRGOV;
    }
    Location header = unh.location(2, 1);
    MessageCursor cursor = new MessageCursor(reader);
    Origin origin = new Origin(source, reader.messageCount(), type, cursor.reference(),
        unh.byteOffset());
    try {
      if (type == MessageType.PAXLST) {
        return flightsOnly ? PaxlstMapper.mapFlight(cursor, origin, interchangeDate)
            : PaxlstMapper.map(cursor, origin, interchangeDate);
      }
      if (type == MessageType.PNRGOV) {
        return flightsOnly ? PnrgovMapper.mapFlight(cursor, origin, interchangeDate)
            : PnrgovMapper.map(cursor, origin, interchangeDate, sensitive);
      }
      cursor.skipToEnd();
      return new RejectedMessage(origin,
          Issue.error("unsupported-message", "message type is not PAXLST or PNRGOV", header),
          cursor.warnings());
    } catch (EdifactException e) {
      cursor.skipToEnd();
      return new RejectedMessage(origin, e.toIssue(), cursor.warnings());
    }
  }

  private void junk(Issue issue) {
    // One warning per run of junk, not one per segment of it.
    if (!junkRun) {
      envelope(issue);
    }
    junkRun = true;
  }

  private void envelope(Issue issue) {
    if (envelope.size() < MAX_ENVELOPE_ISSUES) {
      envelope.add(issue);
    } else {
      envelopeSuppressed++;
    }
  }

  private void drainReader() {
    if (reader.hasIssues()) {
      List<Issue> fresh = new ArrayList<>(2);
      reader.drainIssues(fresh);
      fresh.forEach(this::envelope);
    }
  }
}
