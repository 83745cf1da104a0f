package org.paxrisk.edifact;

import java.nio.charset.StandardCharsets;

/**
 * Shares one String per short code (airport, country, qualifier: one to four ASCII bytes), so the
 * values that repeat in every message are not allocated again. A direct-mapped cache of immutable
 * entries: a racing writer can only replace an entry, never tear one.
 */
final class Codes {
  private static final int SIZE = 1 << 13;
  private static final Entry[] CACHE = new Entry[SIZE];

  private record Entry(int key, int len, String code) {}

  private Codes() {}

  /** Bytes {@code b[off, off+len)}, 1 to 4 ASCII bytes, as a shared String. */
  static String of(byte[] b, int off, int len) {
    int key = 0;
    for (int i = 0; i < len; i++) {
      key = key << 8 | (b[off + i] & 0xff);
    }
    int slot = ((key ^ len) * 0x9E3779B9) >>> 19;
    Entry e = CACHE[slot];
    if (e != null && e.key == key && e.len == len) {
      return e.code;
    }
    String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
    CACHE[slot] = new Entry(key, len, s);
    return s;
  }
}
