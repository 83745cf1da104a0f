package org.paxrisk.edifact;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** Shares one String per segment tag, so reading a tag does not allocate. */
final class Tags {
  private static final ConcurrentHashMap<Integer, String> TAGS = new ConcurrentHashMap<>();
  private static final int MAX = 4096;

  private Tags() {}

  static String intern(byte[] b, int off, int len) {
    if (len != 3) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    int key = (b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff);
    String t = TAGS.get(key);
    if (t == null) {
      t = new String(b, off, len, StandardCharsets.ISO_8859_1);
      if (TAGS.size() < MAX) {
        TAGS.putIfAbsent(key, t);
      }
    }
    return t;
  }
}
