package org.paxrisk.edifact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A view of the segment the {@link EdifactReader} is on. It is reused: it is valid until the next
 * call to {@link EdifactReader#next()}. Release characters are already removed and line breaks
 * dropped; values are decoded to strings only when asked for.
 *
 * <p>Elements and components are numbered from 1, as in the implementation guides: in
 * {@code NAD+FL+++SMITH:JOHN}, {@code text(1, 1)} is {@code FL}, {@code text(4, 1)} is {@code SMITH}
 * and {@code text(4, 2)} is {@code JOHN}. Absent and empty values read as {@code null}; values are
 * trimmed of blanks.
 */
public final class Segment {
  /*
   * Implementation note: data[] holds the segment's bytes without the release characters and line
   * breaks; component k spans data[start[k], end[k]) and began at byte srcOffset + srcRel[k] of the
   * source. firstComp[e] is the index of element e's first component; element 0 is the tag.
   */
  /** The bytes the offsets point into: the reader's buffer (fast path) or {@link #own}. */
  byte[] data;
  /** Storage for segments that had to be copied (line breaks, release characters, refills). */
  byte[] own = new byte[512];
  int length;
  int[] start = new int[64];
  int[] end = new int[64];
  int[] srcRel = new int[64];
  int components;
  int[] firstComp = new int[32];
  int elements;
  long srcOffset;
  int number;
  int message;
  String source;
  Charset charset = Charset.AUTO;
  boolean ascii;
  int tagKey = -1;
  String tag;

  /** How values are decoded; set from the UNB syntax identifier. */
  enum Charset {
    /** ASCII, else UTF-8 when valid, else ISO 8859-1. */
    AUTO,
    UTF8,
    LATIN1
  }

  Segment() {}

  void reset() {
    length = 0;
    components = 0;
    elements = 0;
    tag = null;
    tagKey = -1;
  }

  /** Called once the segment is complete: fixes the tag key. */
  void complete() {
    int s0 = start[0];
    tagKey = end[0] - s0 == 3
        ? (data[s0] & 0xff) << 16 | (data[s0 + 1] & 0xff) << 8 | (data[s0 + 2] & 0xff) : -1;
  }

  void beginElement(int rel) {
    if (elements == firstComp.length) {
      firstComp = Arrays.copyOf(firstComp, elements * 2);
    }
    firstComp[elements++] = components;
    beginComponent(rel);
  }

  void beginComponent(int rel) {
    if (components > 0) {
      end[components - 1] = length;
    }
    if (components == start.length) {
      int n = components * 2;
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      srcRel = Arrays.copyOf(srcRel, n);
    }
    start[components] = length;
    end[components] = length;
    srcRel[components++] = rel;
  }

  /** The three-letter tag, e.g. {@code NAD}. */
  public String tag() {
    String t = tag;
    if (t == null) {
      t = tag = Tags.intern(tagKey, data, start[0], end[0] - start[0]);
    }
    return t;
  }

  /**
   * The tag as three ASCII bytes in an int ({@code 'N' << 16 | 'A' << 8 | 'D'} for NAD), for
   * switch statements over tags without comparing strings; -1 for a malformed tag.
   */
  public int tagKey() {
    return tagKey;
  }

  /** Whether the {@link #tagKey()} is one of {@code tagKeys}. */
  public boolean tagIn(int[] tagKeys) {
    return contains(tagKeys, tagKey);
  }

  static boolean contains(int[] tagKeys, int tagKey) {
    for (int k : tagKeys) {
      if (k == tagKey) {
        return true;
      }
    }
    return false;
  }

  /** Whether the tag starts with UN: a service segment (UNA, UNB, UNG, UNH, UNT, UNE, UNZ). */
  boolean isService() {
    return (tagKey >>> 8) == ('U' << 8 | 'N');
  }

  /** Whether this is a segment with the given tag, without allocating. */
  public boolean is(String t) {
    int k = tagKey;
    // Most tags differ in the first letter: test it first.
    return (k >>> 16) == t.charAt(0) && t.length() == 3 && ((k >>> 8) & 0xff) == t.charAt(1)
        && (k & 0xff) == t.charAt(2);
  }

  /** Number of data elements after the tag (trailing empty ones included as sent). */
  public int elementCount() {
    return elements - 1;
  }

  /** Number of components of element {@code e}, 0 when the element is absent. */
  public int componentCount(int e) {
    if (e < 1 || e >= elements) {
      return 0;
    }
    int next = e + 1 < elements ? firstComp[e + 1] : components;
    return next - firstComp[e];
  }

  /**
   * The bounds of element {@code e}, component {@code c} in {@link #data} with blanks trimmed,
   * packed as {@code start << 32 | end}; -1 when absent.
   */
  private long trimmed(int e, int c) {
    int k = index(e, c);
    if (k < 0) {
      return -1;
    }
    int s = start[k];
    int t = end[k];
    byte[] d = data;
    while (s < t && d[s] == ' ') {
      s++;
    }
    while (t > s && d[t - 1] == ' ') {
      t--;
    }
    return (long) s << 32 | t;
  }

  /** Whether element {@code e}, component {@code c} holds a non-blank value. */
  public boolean has(int e, int c) {
    int k = index(e, c);
    if (k < 0) {
      return false;
    }
    for (int i = start[k]; i < end[k]; i++) {
      if (data[i] != ' ') {
        return true;
      }
    }
    return false;
  }

  /** The first component of element {@code e}. */
  public String text(int e) {
    return text(e, 1);
  }

  /** Element {@code e}, component {@code c}, trimmed; {@code null} when absent or blank. */
  public String text(int e, int c) {
    long b = trimmed(e, c);
    int s = (int) (b >>> 32);
    int t = (int) b;
    return b < 0 || s == t ? null : decode(s, t - s);
  }

  /**
   * Like {@link #text(int, int)} for short codes (airports, countries, document types): values of
   * up to four ASCII characters come from a shared cache instead of a new String each time.
   */
  public String code(int e, int c) {
    long b = trimmed(e, c);
    int s = (int) (b >>> 32);
    int t = (int) b;
    if (b < 0 || s == t) {
      return null;
    }
    return t - s <= 4 && ascii ? Codes.of(data, s, t - s) : decode(s, t - s);
  }

  /**
   * Element {@code e}, component {@code c}, trimmed, as a view over this segment's bytes (ASCII
   * only), or null when absent, blank or not ASCII. The view is reused: it is valid until the next
   * call to this method or to {@link EdifactReader#next()}. For values parsed on the spot (dates,
   * numbers) without making a String.
   */
  public CharSequence view(int e, int c) {
    if (!ascii) {
      return text(e, c);
    }
    long b = trimmed(e, c);
    int s = (int) (b >>> 32);
    int t = (int) b;
    return b < 0 || s == t ? null : view.wrap(data, s, t - s);
  }

  private final AsciiView view = new AsciiView();

  /** A reusable CharSequence over ASCII bytes (after Agrona's AsciiSequenceView). */
  static final class AsciiView implements CharSequence {
    private byte[] bytes;
    private int offset;
    private int length;

    AsciiView wrap(byte[] b, int off, int len) {
      bytes = b;
      offset = off;
      length = len;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int i) {
      if (i < 0 || i >= length) {
        throw new IndexOutOfBoundsException(i);
      }
      return (char) bytes[offset + i];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().substring(from, to);
    }

    @Override
    public String toString() {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Element {@code e}, component {@code c} (trimmed) packed into an int when it is one to three
   * ASCII characters, the same way as {@link #tagKey()}: {@code '1' << 16 | '7' << 8 | '8'} for
   * {@code 178}, {@code '9' << 8 | '1'} for {@code 91}, {@code 'M'} for {@code M}. -1 when absent,
   * blank or longer. For switch statements over qualifiers and codes, without allocating.
   */
  public int key(int e, int c) {
    long b = trimmed(e, c);
    if (b < 0) {
      return -1;
    }
    int s = (int) (b >>> 32);
    int t = (int) b;
    byte[] d = data;
    int n = t - s;
    if (n == 0 || n > 3) {
      return -1;
    }
    int key = 0;
    for (int i = s; i < t; i++) {
      byte x = d[i];
      if (x < 0) {
        return -1;
      }
      key = key << 8 | x;
    }
    return key;
  }

  /** Whether element {@code e}, component {@code c} is exactly {@code value}, without allocating. */
  public boolean textEquals(int e, int c, String value) {
    long b = trimmed(e, c);
    if (b < 0) {
      return value == null || value.isEmpty();
    }
    int s = (int) (b >>> 32);
    int t = (int) b;
    if (t - s != value.length()) {
      return false;
    }
    for (int i = 0; i < t - s; i++) {
      if (data[s + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Element {@code e}, component {@code c} as a non-negative integer, or {@code dflt}. */
  public int intValue(int e, int c, int dflt) {
    int k = index(e, c);
    if (k < 0) {
      return dflt;
    }
    long v = 0;
    boolean any = false;
    for (int i = start[k]; i < end[k]; i++) {
      byte b = data[i];
      if (b >= '0' && b <= '9') {
        v = v * 10 + (b - '0');
        any = true;
        if (v > Integer.MAX_VALUE) {
          return dflt;
        }
      } else if (b != ' ') {
        return dflt;
      }
    }
    return any ? (int) v : dflt;
  }

  /** Position of this segment within its message (1 = UNH). */
  public int number() {
    return number;
  }

  /** Absolute byte offset of the segment's first byte in the source. */
  public long byteOffset() {
    return srcOffset;
  }

  /** Where this segment is. */
  public Location location() {
    return new Location(source, message, number, tag(), 0, 0, srcOffset);
  }

  /** Where element {@code e}, component {@code c} of this segment is (or would be). */
  public Location location(int e, int c) {
    int k = index(e, c);
    long off = srcOffset;
    if (k >= 0) {
      off += srcRel[k];
    } else if (e > 0 && e < elements) {
      off += srcRel[firstComp[e]];
    } else if (components > 0) {
      off += srcRel[components - 1];
    }
    return new Location(source, message, number, tag(), e, c, off);
  }

  /** Length in bytes, release characters and line breaks excluded. */
  public int length() {
    return length;
  }

  private int index(int e, int c) {
    if (e < 0 || e >= elements || c < 1) {
      return -1;
    }
    int first = firstComp[e];
    int next = e + 1 < elements ? firstComp[e + 1] : components;
    int k = first + c - 1;
    return k < next ? k : -1;
  }

  private String decode(int s, int n) {
    if (ascii || charset == Charset.LATIN1) {
      // Compact strings make this a plain copy.
      return new String(data, s, n, StandardCharsets.ISO_8859_1);
    }
    if (charset == Charset.UTF8 || Utf8.valid(data, s, n)) {
      return new String(data, s, n, StandardCharsets.UTF_8);
    }
    return new String(data, s, n, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    // Structure only: values may be personal data.
    return "Segment[" + tag() + ", " + elementCount() + " elements, " + length + " bytes, at "
        + srcOffset + "]";
  }
}
