package org.paxrisk.watchlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * Which posting keys a store version has: a Bloom filter, kept in {@code keys.bin} beside the maps
 * and held on the heap (2 bytes a key). Most keys of a traveller that miss the cache of posting
 * pages are keys no list has: nearly every document number, and the skeletons of adjacent tokens
 * joined (JOHNSMITH). The filter answers those from one word, where Chronicle Map takes a segment
 * lock and a hash lookup (about 400 ns each, more than half of a search's reads of the map).
 * A key it lets through may still be absent (about 0.5% of absent keys); a key the version has
 * always gets through.
 */
final class KeyFilter {
  static final String FILE = "keys.bin";
  /** "PXK" and the layout's version: a file of another layout is not read. */
  private static final int MAGIC = 0x50584B01;
  /** Ints before the words: magic, keys, words. */
  private static final int HEADER = 3;
  /** Up to four bits of one 64-bit word a key, 16 bits a key: 0.5% of absent keys get through. */
  private static final int BITS_PER_KEY = 16;

  private final long[] words;
  private final int keys;

  private KeyFilter(long[] words, int keys) {
    this.words = words;
    this.keys = keys;
  }

  /** A filter of {@code keys}. */
  static KeyFilter of(Collection<String> keys) {
    long bits = Math.max(64, (long) keys.size() * BITS_PER_KEY);
    KeyFilter f = new KeyFilter(new long[(int) Math.min(Integer.MAX_VALUE - 8, bits / 64)],
        keys.size());
    for (String k : keys) {
      long h = mix(k);
      f.words[f.word(h)] |= mask(h);
    }
    return f;
  }

  /** False only for a key the version does not have. */
  boolean mayHave(String key) {
    long h = mix(key);
    long m = mask(h);
    return (words[word(h)] & m) == m;
  }

  /** The word of a hash: its high half scaled to the words (no modulo, no power of two). */
  private int word(long h) {
    return (int) ((h >>> 32) * words.length >>> 32);
  }

  /** Up to four bits of a word (two may coincide), from the hash's low bits. */
  private static long mask(long h) {
    return 1L << (h & 63) | 1L << (h >>> 6 & 63) | 1L << (h >>> 12 & 63)
        | 1L << (h >>> 18 & 63);
  }

  /**
   * The key's {@link String#hashCode} (the same in every JVM, and cached in the string, which the
   * page cache hashes anyway), spread over 64 bits.
   */
  private static long mix(String key) {
    long z = key.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L; // SplitMix64's finaliser
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  void write(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(HEADER * 4 + words.length * 8L))
        .order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putInt(keys).putInt(words.length);
    b.asLongBuffer().put(words);
    Files.write(file, b.array());
  }

  /**
   * The filter in {@code file} for a version of {@code keys} keys, or null when the file is
   * missing, of another layout or of another number of keys: then every key is looked up in the
   * map. (A version's files are built together in a folder of their own and published whole.)
   */
  static KeyFilter read(Path file, long keys) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER * 4 || size > Integer.MAX_VALUE) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // fill
      }
      b.flip();
      int n = b.getInt(4);
      int count = b.getInt(8);
      if (b.getInt(0) != MAGIC || n != keys || count <= 0
          || size != HEADER * 4 + count * 8L) {
        return null;
      }
      long[] words = new long[count];
      b.position(HEADER * 4);
      b.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
      return new KeyFilter(words, n);
    }
  }
}
