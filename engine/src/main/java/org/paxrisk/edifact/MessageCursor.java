package org.paxrisk.edifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of one message, from the segment after UNH to the one before UNT, for a message
 * mapper. It checks what every message must satisfy (UNT present, its segment count and reference,
 * the size limits) so that mappers only deal with their own segment groups.
 *
 * <p>A missing UNT is an {@link EdifactException} at the segment where the message ended; a wrong
 * UNT count or reference is a warning.
 */
public final class MessageCursor {
  private final EdifactReader reader;
  private final String reference;
  private final Location header;
  private final List<Issue> warnings = new ArrayList<>();
  private int suppressed;
  private int segments = 1;
  private boolean ended;
  private final long start;
  private final int maxSegments;
  private final long maxBytes;

  /** Starts a message at the UNH segment the reader is on. */
  public MessageCursor(EdifactReader reader) {
    this.reader = reader;
    Segment unh = reader.segment();
    if (!unh.is("UNH")) {
      throw new IllegalStateException("reader is not on a UNH segment");
    }
    this.reference = unh.text(1, 1);
    this.header = unh.location();
    this.start = unh.byteOffset();
    this.maxSegments = reader.constraints().maxSegmentsPerMessage();
    this.maxBytes = reader.constraints().maxMessageBytes();
    collectReaderIssues();
  }

  /**
   * Moves to the next segment of the message body.
   *
   * @return false once UNT has been read
   * @throws EdifactException when the message ends without UNT or breaks a limit
   */
  public boolean next() throws IOException {
    if (ended) {
      return false;
    }
    boolean more;
    try {
      more = reader.next();
    } catch (EdifactException e) {
      // The reader skipped a segment of this message it could not read (a limit, a bad tag): it
      // still counts towards the total UNT declares.
      Location at = e.location();
      if (at != null && at.message() == header.message()) {
        segments = Math.max(segments, at.segment());
      }
      throw e;
    } finally {
      collectReaderIssues();
    }
    Segment s = reader.segment();
    if (!more) {
      ended = true;
      throw new EdifactException("missing-unt",
          "message ends at the end of the input without UNT", endLocation());
    }
    boolean service = s.isService();
    if (service && (s.is("UNH") || s.is("UNZ") || s.is("UNE") || s.is("UNB"))) {
      ended = true;
      reader.pushBack();
      throw new EdifactException("missing-unt",
          "message ends without UNT: " + s.tag() + " follows", s.location());
    }
    segments++;
    if (segments > maxSegments) {
      throw new EdifactException("limit-exceeded",
          "message has more segments than ReadConstraints.maxSegmentsPerMessage ("
              + maxSegments + "); raise it if this input is genuine",
          s.location());
    }
    if (s.byteOffset() - start > maxBytes) {
      throw new EdifactException("limit-exceeded",
          "message is larger than ReadConstraints.maxMessageBytes (" + maxBytes
              + " bytes); raise it if this input is genuine",
          s.location());
    }
    if (service && s.is("UNT")) {
      ended = true;
      checkTrailer(s);
      return false;
    }
    return true;
  }

  /** The current segment. */
  public Segment segment() {
    return reader.segment();
  }

  /** Records a warning about the current message; past the limit they are only counted. */
  public void warn(String code, String text, Location location) {
    if (warnings.size() < reader.constraints().maxIssuesPerMessage()) {
      warnings.add(Issue.warning(code, text, location));
    } else {
      suppressed++;
    }
  }

  /**
   * Reads to the UNT as calls of {@link #next} would, with the same checks, errors, warnings and
   * numbering, but passes over plain segments without reading them ({@link EdifactReader#pass}).
   * For a first pass that needs only a message's header.
   *
   * @throws EdifactException as {@link #next} does
   */
  public void passBody() throws IOException {
    do {
      pass(NO_TAGS);
    } while (next());
  }

  private static final int[] NO_TAGS = {};

  /**
   * Passes over the plain segments that come next ({@link EdifactReader#pass}) up to one whose
   * {@link Segment#tagKey()} is in {@code stopAt}: the next call of {@link #next} goes on from
   * there as it would have after reading them, with the same numbering and limits.
   */
  public void pass(int[] stopAt) {
    if (!ended) {
      segments += reader.pass(maxSegments - segments, start + maxBytes, stopAt);
    }
  }

  /** Reads to the end of the message (after an error), without mapping. */
  public void skipToEnd() throws IOException {
    while (!ended) {
      try {
        if (!next()) {
          return;
        }
      } catch (EdifactException e) {
        if ("missing-unt".equals(e.code())) {
          return;
        }
        // A bad segment inside a rejected message: keep skipping.
      }
    }
  }

  /** Warnings so far; when more were found than kept, the last one says how many were dropped. */
  public List<Issue> warnings() {
    if (suppressed == 0) {
      return List.copyOf(warnings);
    }
    List<Issue> all = new ArrayList<>(warnings);
    all.add(Issue.warning("warnings-suppressed", suppressed
        + " further warnings in this message were counted but not kept", header));
    return List.copyOf(all);
  }

  /** The UNH message reference number. */
  public String reference() {
    return reference;
  }

  /** Where the UNH is. */
  public Location header() {
    return header;
  }


  private void checkTrailer(Segment unt) {
    int declared = unt.intValue(1, 1, -1);
    if (declared != segments) {
      warn("unt-count-mismatch", "UNT says " + (declared < 0 ? "nothing readable" : declared)
          + " segments, the message has " + segments, unt.location(1, 1));
    }
    String ref = unt.text(2, 1);
    if (ref != null && reference != null && !ref.equals(reference)) {
      warn("unt-reference-mismatch", "UNT message reference differs from UNH's",
          unt.location(2, 1));
    }
  }

  private Location endLocation() {
    return new Location(reader.source(), header.message(), segments + 1, null, 0, 0,
        reader.position());
  }

  private void collectReaderIssues() {
    if (reader.hasIssues()) {
      List<Issue> fresh = new ArrayList<>(2);
      reader.drainIssues(fresh);
      for (Issue i : fresh) {
        warn(i.code(), i.text(), i.location());
      }
    }
  }
}
