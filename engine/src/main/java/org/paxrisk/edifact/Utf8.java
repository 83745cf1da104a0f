package org.paxrisk.edifact;

/** Strict UTF-8 well-formedness check, to choose between UTF-8 and ISO 8859-1 decoding. */
final class Utf8 {
  private Utf8() {}

  static boolean valid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i] & 0xff;
      int n;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
      } else {
        return false;
      }
      if (i + n >= end) {
        return false;
      }
      for (int k = 1; k <= n; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}
