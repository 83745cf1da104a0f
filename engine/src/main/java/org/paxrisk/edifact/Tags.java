package org.paxrisk.edifact;

import java.nio.charset.StandardCharsets;

/**
 * Shares one String per segment tag, so reading a tag does not allocate. A direct-mapped cache of
 * immutable entries: a racing writer can only replace an entry, never tear one.
 */
final class Tags {
  private static final int SIZE = 1024;
  private static final Entry[] CACHE = new Entry[SIZE];

  private record Entry(int key, String tag) {}

  private Tags() {}

  static String intern(int key, byte[] b, int off, int len) {
    if (len != 3 || key < 0) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    int slot = (key * 0x9E3779B9) >>> 22;
    Entry e = CACHE[slot];
    if (e != null && e.key == key) {
      return e.tag;
    }
    String t = new String(b, off, len, StandardCharsets.ISO_8859_1).intern();
    CACHE[slot] = new Entry(key, t);
    return t;
  }
}
