package org.paxrisk.edifact;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pull tokenizer for UN/EDIFACT interchanges: {@link #next()} moves to the next segment and
 * {@link #segment()} is a view of it. It reads bytes through a fixed buffer, so memory does not grow
 * with the input, and it never holds more than one segment.
 *
 * <p>What it accepts, because real API and PNR files do all of it: a UNA service string advice with
 * any separators and release character (or the defaults {@code :+.? '} without one), a new UNA
 * before each interchange, line breaks and blanks between segments, line breaks inside a segment
 * (hard wraps, dropped), several messages and interchanges in one input, a last segment without a
 * terminator, a UNA with five characters whose meaning the body makes plain, and a typographic
 * apostrophe (U+2019) standing for the terminator. Each repair is a warning {@link Issue}.
 *
 * <p>What it rejects, with an {@link EdifactException}: a segment over a {@link ReadConstraints}
 * limit, a tag that is not three letters or digits, a UNA it cannot make sense of. After such an
 * exception the reader is still usable: the next {@link #next()} resumes after the bad segment.
 *
 * <p>Not thread-safe: one reader per input.
 */
public final class EdifactReader implements Closeable {
  /*
   * Implementation note: the scan loop copies each byte of a segment into Segment.data, skipping
   * line breaks and release characters and recording component boundaries as it goes, so a
   * segment that spans a buffer refill needs no special case. Segments and messages are numbered
   * here so that every Location is exact without a second pass.
   */
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final InputStream in;
  private final String source;
  private final ReadConstraints limits;
  private final Segment seg = new Segment();
  private final List<Issue> issues = new ArrayList<>(4);

  private byte[] buf = new byte[BUFFER_SIZE];
  private int pos;
  private int limit;
  private long base;
  private boolean eof;

  private Delimiters delimiters = Delimiters.DEFAULTS;
  private byte comp = ':';
  private byte elem = '+';
  private byte rel = '?';
  private byte term = '\'';
  /** The class of each byte value for {@link #readInPlace()}: one table load instead of seven tests. */
  private final byte[] classes = new byte[256];

  private boolean resync;
  private boolean pushedBack;
  private int message;
  private int segmentInMessage;
  private boolean inMessage;
  private int envelopeSegments;
  private boolean warnedTypographic;

  public EdifactReader(InputStream in, String source, ReadConstraints limits) {
    this.in = Objects.requireNonNull(in, "in");
    this.source = Objects.requireNonNull(source, "source");
    this.limits = Objects.requireNonNull(limits, "limits");
    seg.source = source;
    use(Delimiters.DEFAULTS);
  }

  public EdifactReader(InputStream in, String source) {
    this(in, source, ReadConstraints.DEFAULTS);
  }

  /** A reader over bytes already in memory. */
  public static EdifactReader of(byte[] bytes, String source) {
    return new EdifactReader(new ByteArrayInputStream(bytes), source, ReadConstraints.DEFAULTS);
  }

  /**
   * Moves to the next segment.
   *
   * @return false at the end of the input
   * @throws EdifactException for a segment that cannot be read; the next call resumes after it
   * @throws IOException when the underlying stream fails
   */
  public boolean next() throws IOException {
    if (pushedBack) {
      pushedBack = false;
      return true;
    }
    if (resync) {
      resync = false;
      skipPastTerminator();
    }
    while (true) {
      if (!skipBlanks()) {
        return false;
      }
      if (ensure(3) && buf[pos] == 'U' && buf[pos + 1] == 'N' && buf[pos + 2] == 'A') {
        readServiceStringAdvice();
        continue;
      }
      return readSegment();
    }
  }

  /**
   * Passes over the plain segments that come next without reading them, numbering them as {@link
   * #next()} would: at most {@code max}, none that begins past byte {@code maxOffset}, and none
   * whose {@link Segment#tagKey()} is in {@code stopAt}. A plain segment is one {@link #next()}
   * would read in place and accept: not a service segment, wholly in the buffer, within the
   * limits, with no release character or line break. Anything else stops it before that segment,
   * so that {@link #next()} reads it with all its checks and errors. For a first pass that needs
   * only some segments of a message: it reads about twice as fast.
   *
   * @return how many segments were passed
   */
  public int pass(int max, long maxOffset, int[] stopAt) {
    if (pushedBack || resync || !inMessage) {
      return 0;
    }
    final byte[] b = buf;
    final byte[] cls = classes;
    final int lim = limit;
    final int maxElements = limits.maxElementsPerSegment();
    final int maxComponents = limits.maxComponentsPerSegment();
    final int maxLength = limits.maxSegmentLength();
    int p = pos;
    int n = 0;
    segments:
    while (n < max) {
      while (p < lim && (isBlank(b[p]) || b[p] == 0x1a)) { // what skipBlanks skips
        p++;
      }
      if (lim - p < 4 || base + p > maxOffset) {
        break;
      }
      // The tag test of readInPlace, written out again there: it is the hot path.
      byte c0 = b[p];
      byte c1 = b[p + 1];
      byte c2 = b[p + 2];
      byte c3 = b[p + 3];
      if (!isTagChar(c0) || !isTagChar(c1) || !isTagChar(c2) || (c3 != elem && c3 != term)
          || (cls[c0 & 0xff] | cls[c1 & 0xff] | cls[c2 & 0xff]) != DATA
          || (c0 == 'U' && c1 == 'N') || Segment.contains(stopAt, c0 << 16 | c1 << 8 | c2)) {
        break;
      }
      int end = Math.min(lim, p + maxLength);
      int elements = 1;
      int components = 1;
      for (int q = p + 3; q < end; q++) {
        byte k = cls[b[q] & 0xff];
        if (k == DATA) {
          continue;
        }
        if (k == TERM) {
          p = q + 1;
          n++;
          continue segments;
        }
        if (k == ELEM) {
          if (elements == maxElements || components == maxComponents) {
            break segments;
          }
          elements++;
          components++;
        } else if (k == COMP) {
          if (components == maxComponents) {
            break segments;
          }
          components++;
        } else {
          break segments; // SLOW
        }
      }
      break; // no terminator in the buffer or within the length limit
    }
    pos = p;
    segmentInMessage += n;
    return n;
  }

  /** The current segment; valid until the next call to {@link #next()}. */
  public Segment segment() {
    return seg;
  }

  /**
   * Makes the next {@link #next()} return the current segment again, for a consumer that read one
   * segment too far (for example the UNH of the next message where a UNT was missing).
   */
  public void pushBack() {
    pushedBack = true;
  }

  /** The service characters in force. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /** The source name given at construction, used in every {@link Location}. */
  public String source() {
    return source;
  }

  /** The limits in force. */
  public ReadConstraints constraints() {
    return limits;
  }

  /** Bytes consumed so far. */
  public long position() {
    return base + pos;
  }

  /** Number of UNH segments seen so far. */
  public int messageCount() {
    return message;
  }

  /** Whether warnings are waiting to be drained. */
  public boolean hasIssues() {
    return !issues.isEmpty();
  }

  /** Moves the warnings found since the last call into {@code sink}. */
  public void drainIssues(List<Issue> sink) {
    sink.addAll(issues);
    issues.clear();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ---------------------------------------------------------------- segments

  private boolean readSegment() throws IOException {
    if (readInPlace()) {
      return true;
    }
    final Segment s = seg;
    s.reset();
    s.data = s.own;
    final long segStart = base + pos;
    s.srcOffset = segStart;
    s.beginElement(0);
    final byte comp = this.comp;
    final byte elem = this.elem;
    final byte rel = this.rel;
    final byte term = this.term;
    final byte reserved = delimiters.reserved();
    final int maxLen = limits.maxSegmentLength();
    byte[] d = s.own;
    int cap = Math.min(d.length, maxLen);
    int len = 0;
    int bits = 0;
    boolean terminated = false;
    boolean strayRelease = false;
    scan:
    while (true) {
      if (pos == limit && !fill()) {
        break;
      }
      final byte[] b = buf;
      int p = pos;
      final int lim = limit;
      while (p < lim) {
        byte c = b[p++];
        if (c == term) {
          pos = p;
          terminated = true;
          break scan;
        } else if (c == elem || c == comp) {
          s.length = len;
          pos = p;
          int rel0 = (int) (base + p - segStart);
          if (c == elem) {
            if (s.elements >= limits.maxElementsPerSegment()) {
              throwLimit("maxElementsPerSegment", limits.maxElementsPerSegment(), "elements");
            }
            s.beginElement(rel0);
          } else {
            s.beginComponent(rel0);
          }
          if (s.components > limits.maxComponentsPerSegment()) {
            throwLimit("maxComponentsPerSegment", limits.maxComponentsPerSegment(), "components");
          }
        } else if (c == CR || c == LF) {
          // Hard wrap or line break before the terminator: not data.
        } else {
          boolean reload = false;
          if (c == rel) {
            pos = p;
            if (!ensure(1)) {
              warn("dangling-release", "release character at the end of the input",
                  base + pos - 1);
              break scan;
            }
            p = pos;
            c = buf[p++];
            reload = true;
            if (c != term && c != elem && c != comp && c != rel && c != reserved && !strayRelease) {
              strayRelease = true;
              warn("stray-release",
                  "release character before a character that is not a separator; kept the character",
                  base + p - 2);
            }
          } else if (c == (byte) 0xE2 && term == '\'') {
            pos = p;
            if (typographicTerminator()) {
              terminated = true;
              break scan;
            }
            p = pos;
            reload = true;
          }
          if (len >= cap) {
            if (len >= maxLen) {
              pos = p;
              throwLimit("maxSegmentLength", maxLen, "bytes");
            }
            d = s.own = s.data = java.util.Arrays.copyOf(d, Math.min(maxLen, len * 2));
            cap = d.length;
          }
          d[len++] = c;
          bits |= c;
          if (reload) {
            // ensure() may have moved the buffer's contents: re-read pos and limit.
            pos = p;
            continue scan;
          }
        }
      }
      pos = p;
    }
    s.length = len;
    s.ascii = bits >= 0;
    s.end[s.components - 1] = len;
    if (!terminated) {
      if (len == 0 && s.components == 1) {
        return false;
      }
      warn("unterminated-segment", "last segment has no terminator", segStart);
    }
    trimTag(s);
    s.complete();
    boolean tagOk = tagOk(s);
    // A segment with a malformed tag is numbered (it takes its place) but never opens or closes a
    // message: "UNH:" is not a UNH.
    number(s, tagOk);
    if (!tagOk) {
      throw new EdifactException("malformed-tag",
          "segment tag is not three capital letters or digits",
          new Location(source, s.message, s.number, null, 0, 0, s.srcOffset));
    }
    return true;
  }

  /**
   * The fast path for the common segment: wholly inside the buffer, a clean three-character tag, no
   * release character, line break or possible U+2019. The segment is then read in place, with no
   * copy. Anything else returns false before moving {@code pos}, and the copying path takes over.
   */
  private boolean readInPlace() {
    final byte[] b = buf;
    final int start = pos;
    final int lim = limit;
    if (lim - start < 4) {
      return false;
    }
    final byte c0 = b[start];
    final byte c1 = b[start + 1];
    final byte c2 = b[start + 2];
    final byte c3 = b[start + 3];
    if (!isTagChar(c0) || !isTagChar(c1) || !isTagChar(c2) || (c3 != elem && c3 != term)) {
      return false;
    }
    final byte[] cls = classes;
    // A tag letter or digit may be the release character (UNA#~.7&): the copying path says so.
    if ((cls[c0 & 0xff] | cls[c1 & 0xff] | cls[c2 & 0xff]) != DATA) {
      return false;
    }
    final Segment s = seg;
    final int[] st = s.start;
    final int[] en = s.end;
    final int[] sr = s.srcRel;
    final int[] fc = s.firstComp;
    final int maxElements = Math.min(limits.maxElementsPerSegment(), fc.length);
    final int maxComponents = Math.min(limits.maxComponentsPerSegment(), st.length);
    final int end = Math.min(lim, start + limits.maxSegmentLength());
    st[0] = start;
    sr[0] = 0;
    fc[0] = 0;
    int elements = 1;
    int components = 1;
    int bits = 0;
    int q = start + 3;
    while (q < end) {
      byte c = b[q];
      byte k = cls[c & 0xff];
      if (k == DATA) {
        bits |= c;
      } else if (k == TERM) {
        en[components - 1] = q;
        s.data = b;
        s.length = q - start;
        s.srcOffset = base + start;
        s.elements = elements;
        s.components = components;
        s.ascii = bits >= 0;
        s.tag = null;
        s.tagKey = c0 << 16 | c1 << 8 | c2;
        pos = q + 1;
        number(s, true);
        return true;
      } else if (k == ELEM) {
        if (elements == maxElements || components == maxComponents) {
          return false; // the copying path grows the arrays or reports the limit
        }
        en[components - 1] = q;
        fc[elements++] = components;
        st[components] = q + 1;
        sr[components++] = q + 1 - start;
      } else if (k == COMP) {
        if (components == maxComponents) {
          return false;
        }
        en[components - 1] = q;
        st[components] = q + 1;
        sr[components++] = q + 1 - start;
      } else {
        return false; // SLOW: line break, release character, possible U+2019
      }
      q++;
    }
    return false; // runs past the buffer (or the length limit): the copying path handles it
  }

  // Byte classes of readInPlace's table.
  private static final byte DATA = 0;
  private static final byte TERM = 1;
  private static final byte ELEM = 2;
  private static final byte COMP = 3;
  private static final byte SLOW = 4;

  private static final int UNB = 'U' << 16 | 'N' << 8 | 'B';
  private static final int UNE = 'U' << 16 | 'N' << 8 | 'E';
  private static final int UNH = 'U' << 16 | 'N' << 8 | 'H';
  private static final int UNT = 'U' << 16 | 'N' << 8 | 'T';
  private static final int UNZ = 'U' << 16 | 'N' << 8 | 'Z';

  private void number(Segment s, boolean tagOk) {
    if (tagOk && s.isService()) {
      numberService(s);
      return;
    }
    if (inMessage) {
      s.message = message;
      s.number = ++segmentInMessage;
    } else {
      s.message = 0;
      s.number = ++envelopeSegments;
    }
  }

  private void numberService(Segment s) {
    int k = s.tagKey;
    if (k == UNH) {
      message++;
      segmentInMessage = 0;
      inMessage = true;
    } else if (inMessage && (k == UNZ || k == UNE || k == UNB)) {
      inMessage = false; // the message ended without UNT: this is the envelope again
    }
    if (inMessage) {
      s.message = message;
      s.number = ++segmentInMessage;
      if (k == UNT) {
        inMessage = false;
      }
    } else {
      s.message = 0;
      s.number = ++envelopeSegments;
      if (k == UNB) {
        s.charset = charsetOf(s);
      }
    }
  }

  private static Segment.Charset charsetOf(Segment unb) {
    String syntax = unb.text(1, 1);
    if (syntax == null) {
      return Segment.Charset.AUTO;
    }
    switch (syntax) {
      case "UNOW":
      case "UNOY":
        return Segment.Charset.UTF8;
      case "UNOC":
        return Segment.Charset.LATIN1;
      default:
        return Segment.Charset.AUTO;
    }
  }

  /** "UNG *PAXLST": blanks around a tag are harmless. */
  private static void trimTag(Segment s) {
    while (s.end[0] > s.start[0] && s.data[s.end[0] - 1] == ' ') {
      s.end[0]--;
    }
    while (s.end[0] > s.start[0] && s.data[s.start[0]] == ' ') {
      s.start[0]++;
    }
  }

  private static boolean tagOk(Segment s) {
    int n = s.end[0] - s.start[0];
    boolean ok = n == 3 && s.firstComp.length > 0 && (s.elements == 1 ? s.components == 1
        : s.firstComp[1] == 1);
    for (int i = 0; ok && i < 3; i++) {
      byte c = s.data[s.start[0] + i];
      ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return ok;
  }

  /** After 0xE2 with a {@code '} terminator: is this U+2019 standing for the terminator? */
  private boolean typographicTerminator() throws IOException {
    if (!ensure(2) || buf[pos] != (byte) 0x80 || buf[pos + 1] != (byte) 0x99) {
      return false;
    }
    // Only when a segment tag follows; an apostrophe inside a name (O’BRIEN) is data.
    int need = 2;
    int look = 2;
    while (ensure(look + 1) && isBlank(buf[pos + look]) && look < 64) {
      look++;
    }
    boolean follows;
    if (!ensure(look + 4)) {
      follows = !ensure(look + 1); // end of input right after it
    } else {
      follows = isTagChar(buf[pos + look]) && isTagChar(buf[pos + look + 1])
          && isTagChar(buf[pos + look + 2])
          && (buf[pos + look + 3] == elem || buf[pos + look + 3] == term);
    }
    if (!follows) {
      return false;
    }
    pos += need;
    if (!warnedTypographic) {
      warnedTypographic = true;
      warn("typographic-terminator",
          "U+2019 (typographic apostrophe) read as the segment terminator", base + pos - 3);
    }
    return true;
  }

  private static boolean isTagChar(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == CR || c == LF || c == '\t';
  }

  private void throwLimit(String setting, long value, String what) {
    resync = true;
    Segment s = seg;
    // The segment is skipped but still takes its place: count it, so that the segments after it
    // keep their numbers.
    int n = inMessage ? ++segmentInMessage : ++envelopeSegments;
    throw new EdifactException("limit-exceeded",
        "segment has more " + what + " than ReadConstraints." + setting + " (" + value
            + "); raise it if this input is genuine",
        new Location(source, inMessage ? message : 0, n, null, 0, 0, s.srcOffset));
  }

  // ---------------------------------------------------------------- UNA

  private void readServiceStringAdvice() throws IOException {
    long at = base + pos;
    ensure(3 + 6 + 8);
    int avail = Math.min(limit - pos - 3, 14);
    byte[] c = new byte[Math.max(avail, 0)];
    System.arraycopy(buf, pos + 3, c, 0, c.length);
    Location loc = new Location(source, 0, envelopeSegments + 1, "UNA", 0, 0, at);
    if (c.length >= 6 && validAdvice(c)) {
      pos += 9;
      use(new Delimiters(c[0], c[1], c[2], c[3], c[4], c[5]));
      return;
    }
    Delimiters inferred = c.length >= 5 ? inferFromFive(c) : null;
    if (inferred != null) {
      pos += 8;
      use(inferred);
      issues.add(Issue.warning("una-inferred",
          "UNA has five service characters; read them as " + inferred
              + " (decimal mark assumed) because the next segment confirms the separators",
          loc));
      return;
    }
    // Cannot make sense of it: skip the advice, read on with the defaults.
    pos += 3 + Math.min(6, Math.max(c.length, 0));
    use(Delimiters.DEFAULTS);
    throw new EdifactException("bad-una",
        "UNA service string advice is malformed and the separators cannot be inferred;"
            + " reading on with the defaults :+.? '",
        loc);
  }

  private static boolean validAdvice(byte[] c) {
    Delimiters d = new Delimiters(c[0], c[1], c[2], c[3], c[4], c[5]);
    return Delimiters.usable(c[0]) && Delimiters.usable(c[1]) && Delimiters.usable(c[3])
        && Delimiters.usable(c[5]) && (c[4] == ' ' || Delimiters.usable(c[4]))
        && (c[2] == ' ' || Delimiters.usable(c[2])) && d.distinct() && followsAdvice(c, 6, d);
  }

  /** A five-character advice: separators first and terminator last are plain; the middle is not. */
  private static Delimiters inferFromFive(byte[] c) {
    if (!Delimiters.usable(c[0]) || !Delimiters.usable(c[1]) || !Delimiters.usable(c[4])) {
      return null;
    }
    byte a = c[2];
    byte b = c[3];
    Delimiters d;
    if (a == '.' || a == ',') {
      d = new Delimiters(c[0], c[1], a, b, (byte) ' ', c[4]);
    } else {
      d = new Delimiters(c[0], c[1], (byte) '.', a, b, c[4]);
    }
    return d.distinct() && followsAdvice(c, 5, d) ? d : null;
  }

  /** Whether what follows the advice at {@code from} is blanks then UNB/UNG/UNH and a separator. */
  private static boolean followsAdvice(byte[] c, int from, Delimiters d) {
    int i = from;
    while (i < c.length && isBlank(c[i])) {
      i++;
    }
    if (i == c.length) {
      return true; // nothing more to check against (short input)
    }
    if (i + 4 > c.length) {
      return false;
    }
    return c[i] == 'U' && c[i + 1] == 'N' && (c[i + 2] == 'B' || c[i + 2] == 'G' || c[i + 2] == 'H')
        && c[i + 3] == d.element();
  }

  private void use(Delimiters d) {
    delimiters = d;
    comp = d.component();
    elem = d.element();
    rel = d.release();
    term = d.terminator();
    if (rel == ' ' || rel == comp || rel == elem || rel == term) {
      rel = term; // no usable release character: make the release test never match separately
    }
    // The same precedence as the tests of readSegment: terminator, element, component, the rest.
    java.util.Arrays.fill(classes, DATA);
    classes[CR] = SLOW;
    classes[LF] = SLOW;
    classes[rel & 0xff] = SLOW;
    if (term == '\'') {
      classes[0xE2] = SLOW; // may start U+2019 standing for the terminator
    }
    classes[comp & 0xff] = COMP;
    classes[elem & 0xff] = ELEM;
    classes[term & 0xff] = TERM;
  }

  // ---------------------------------------------------------------- buffer

  private boolean skipBlanks() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        return false;
      }
      byte c = buf[pos];
      if (isBlank(c) || c == 0x1a) { // 0x1A: DOS end-of-file mark
        pos++;
      } else {
        return true;
      }
    }
  }

  private void skipPastTerminator() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        return;
      }
      byte c = buf[pos++];
      if (c == term) {
        return;
      }
      if (c == rel && rel != term) {
        if (pos == limit && !fill()) {
          return;
        }
        pos++;
      }
    }
  }

  /** Refills an exhausted buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    base += limit;
    pos = 0;
    limit = 0;
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      if (n < 0) {
        eof = true;
      }
      return n == 0 ? fill() : false;
    }
    limit = n;
    return true;
  }

  /** Makes at least {@code n} unread bytes available if the input has them. */
  private boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    int rest = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, rest);
      base += pos;
      pos = 0;
      limit = rest;
    }
    while (limit < n) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
        return false;
      }
      limit += r;
    }
    return true;
  }

  private void warn(String code, String text, long offset) {
    int m = inMessage ? message : 0;
    int n = inMessage ? segmentInMessage + 1 : envelopeSegments + 1;
    issues.add(Issue.warning(code, text, new Location(source, m, n, null, 0, 0, offset)));
  }
}
