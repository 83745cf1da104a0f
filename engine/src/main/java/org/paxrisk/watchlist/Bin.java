package org.paxrisk.watchlist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte codec of the store's records: a growable writer and a cursor reader over a byte[].
 * Integers are unsigned LEB128 varints, strings UTF-8 behind their byte length.
 */
final class Bin {
  private Bin() {}

  /** Appends to a growable array. */
  static final class Writer {
    private byte[] buf = new byte[256];
    private int len;

    Writer reset() {
      len = 0;
      return this;
    }

    Writer u8(int v) {
      ensure(1);
      buf[len++] = (byte) v;
      return this;
    }

    Writer varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[len++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[len++] = (byte) v;
      return this;
    }

    Writer i32(int v) {
      ensure(4);
      buf[len++] = (byte) (v >>> 24);
      buf[len++] = (byte) (v >>> 16);
      buf[len++] = (byte) (v >>> 8);
      buf[len++] = (byte) v;
      return this;
    }

    Writer f32(float v) {
      return i32(Float.floatToRawIntBits(v));
    }

    /** A string, null written as length 0 with a flag. */
    Writer str(String s) {
      if (s == null) {
        return varint(0);
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length + 1L);
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
      return this;
    }

    byte[] toBytes() {
      return Arrays.copyOf(buf, len);
    }

    int length() {
      return len;
    }

    private void ensure(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }
  }

  /** Reads what a {@link Writer} wrote; re-pointable at another record. */
  static final class Reader {
    byte[] buf;
    int pos;
    int end;

    Reader wrap(byte[] b, int off, int length) {
      buf = b;
      pos = off;
      end = off + length;
      return this;
    }

    int u8() {
      check(1);
      return buf[pos++] & 0xFF;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalStateException("corrupt varint in watch-list store record");
    }

    int i32() {
      check(4);
      int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
          | (buf[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    float f32() {
      return Float.intBitsToFloat(i32());
    }

    String str() {
      int n = (int) varint();
      if (n == 0) {
        return null;
      }
      n--;
      check(n);
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /** An ASCII string (tokens, skeletons), without UTF-8 decoding. */
    String ascii() {
      int n = (int) varint();
      if (n == 0) {
        return null;
      }
      n--;
      check(n);
      String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
      pos += n;
      return s;
    }

    void skipStr() {
      int n = (int) varint();
      if (n > 0) {
        check(n - 1);
        pos += n - 1;
      }
    }

    private void check(int n) {
      if (pos + n > end) {
        throw new IllegalStateException("truncated watch-list store record");
      }
    }
  }
}
