package org.paxrisk.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes EDIFACT with the default service characters {@code :+.? '}, one segment per line, into a
 * fixed buffer that is handed to the stream as it fills: memory stays flat however much is
 * written. Text goes through {@link #text}, which puts the release character before any service
 * character ({@code O'NEILL} becomes {@code O?'NEILL}); the other methods write characters that
 * cannot be special (digits, fixed codes). It counts segments so that UNT is always right.
 *
 * <p>{@link IOException}s from the stream are rethrown unchanged by {@link #flush} and the
 * segment methods.
 */
final class EdiWriter {
  static final String UNA = "UNA:+.? '";
  private static final byte[] MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int segments;

  EdiWriter(OutputStream out) {
    this.out = out;
  }

  /** Starts counting the segments of a message; UNH, written next, is the first. */
  void startMessage() {
    segments = 0;
  }

  /** Segments begun since {@link #startMessage}: in a UNT, that UNT included. */
  int segments() {
    return segments;
  }

  void una() throws IOException {
    raw(UNA);
    put('\n');
  }

  EdiWriter seg(String tag) throws IOException {
    // A segment is far smaller than the buffer: flush between segments, never inside one.
    if (pos > buf.length - 4096) {
      drain();
    }
    segments++;
    return raw(tag);
  }

  void end() {
    put('\'');
    put('\n');
  }

  /** A new data element. */
  EdiWriter e() {
    put('+');
    return this;
  }

  /** A new data element holding {@code s}, escaped. */
  EdiWriter e(String s) {
    put('+');
    return text(s);
  }

  /** A new component. */
  EdiWriter c() {
    put(':');
    return this;
  }

  /** A new component holding {@code s}, escaped. */
  EdiWriter c(String s) {
    put(':');
    return text(s);
  }

  /** Text with service characters released; anything but printable ASCII is refused. */
  EdiWriter text(String s) {
    if (pos + 2 * s.length() > buf.length) {
      throw new IllegalStateException("generated text too long for one segment");
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch > 0x7e) {
        // Never the text itself in the message: it may be a name.
        throw new IllegalArgumentException("character outside printable ASCII in generated text");
      }
      if (ch == ':' || ch == '+' || ch == '?' || ch == '\'') {
        buf[pos++] = '?';
      }
      buf[pos++] = (byte) ch;
    }
    return this;
  }

  /** A code or fixed string known to hold no service character. */
  EdiWriter raw(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
    return this;
  }

  EdiWriter num(long v) {
    if (v < 0) {
      put('-');
      v = -v;
    }
    if (v >= 10) {
      num(v / 10);
    }
    put((char) ('0' + v % 10));
    return this;
  }

  /** {@code v} with leading zeros to {@code width} digits. */
  EdiWriter pad(long v, int width) {
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      put('0');
    }
    return num(v);
  }

  /** An amount in cents as {@code 123.45}. */
  EdiWriter amount(long cents) {
    num(cents / 100);
    put('.');
    return pad(cents % 100, 2);
  }

  // Dates. Days are epoch days; minutes are minutes of the day.

  EdiWriter yymmdd(long day) {
    int ymd = civil(day);
    return pad(ymd / 10000 % 100, 2).pad(ymd / 100 % 100, 2).pad(ymd % 100, 2);
  }

  EdiWriter ddmmyy(long day) {
    int ymd = civil(day);
    return pad(ymd % 100, 2).pad(ymd / 100 % 100, 2).pad(ymd / 10000 % 100, 2);
  }

  /** {@code 12APR81}, the date format of SSR free text. */
  EdiWriter ddmmmyy(long day) {
    int ymd = civil(day);
    pad(ymd % 100, 2);
    int m = ymd / 100 % 100 - 1;
    put((char) MONTHS[3 * m]);
    put((char) MONTHS[3 * m + 1]);
    put((char) MONTHS[3 * m + 2]);
    return pad(ymd / 10000 % 100, 2);
  }

  EdiWriter hhmm(int minuteOfDay) {
    return pad(minuteOfDay / 60, 2).pad(minuteOfDay % 60, 2);
  }

  /** Writes the buffer to the stream and flushes it. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  private void put(char ch) {
    buf[pos++] = (byte) ch;
  }

  /** Epoch day to yyyymmdd, without allocating (H. Hinnant's civil_from_days). */
  static int civil(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return (int) (y * 10000 + m * 100 + d);
  }
}
