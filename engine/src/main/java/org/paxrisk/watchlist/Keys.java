package org.paxrisk.watchlist;

import java.util.function.Consumer;

/**
 * The blocking keys that lead from a traveller's name to the list entries worth scoring, without
 * a scan of the list. A key is a prefix letter and a value:
 *
 * <ul>
 *   <li>{@code T} a token, given-name variants folded to their canonical spelling (MUHAMMAD);
 *   <li>{@code S} a consonant skeleton ({@link Skeleton}), of each token and of each run of two or
 *       three adjacent tokens joined (ABD AL RAHMAN and ABDULRAHMAN share S BDLRHMN);
 *   <li>{@code D} a skeleton with one letter deleted, for typos (only skeletons of four or more);
 *   <li>{@code N} a document number with OCR-confusable characters folded (O and 0, I and 1, ...).
 * </ul>
 *
 * <p>The store indexes every key of every listed name; a query looks up T and S keys first and D
 * keys only when those found nothing good (see {@link WatchlistMatcher}).
 */
final class Keys {
  /** The first letter of a document number's key ({@link #documentKey}). */
  static final char DOCUMENT = 'N';

  private Keys() {}

  /** Receives a key and the tokens of the name it came from, as bits (token i is bit i). */
  interface Sink {
    void accept(String key, int tokens);
  }

  /** T and S keys of a name. */
  static void nameKeys(Normalizer.NormalizedName n, Consumer<String> out) {
    nameKeys(n, (key, bits) -> out.accept(key));
  }

  /** T and S keys of a name, each with the tokens it stands for. */
  static void nameKeys(Normalizer.NormalizedName n, Sink out) {
    nameKeys(NameSimilarity.Tokens.of(n, null), n.particle(), out);
  }

  /**
   * T and S keys of a name's tokens, prepared ({@link NameSimilarity.Tokens}: canonical
   * spellings and skeletons, also of adjacent tokens joined), each with the tokens it stands for
   * (token i is bit i): a matcher prepares a traveller's tokens once for its keys and its scoring.
   */
  static void nameKeys(NameSimilarity.Tokens t, boolean[] particle, Sink out) {
    for (int i = 0; i < t.size(); i++) {
      if (particle[i]) {
        continue;
      }
      int bit = i < 31 ? 1 << i : 0;
      out.accept("T" + t.canonical[i], bit);
      out.accept("S" + t.skeleton[i], bit);
      if (!t.bare[i].equals(t.skeleton[i])) {
        out.accept("S" + t.bare[i], bit);
      }
    }
    for (int span = 2; span <= 3; span++) {
      for (int i = 0; i + span <= t.size(); i++) {
        int bits = 0;
        for (int k = i; k < i + span; k++) {
          bits |= k < 31 ? 1 << k : 0;
        }
        out.accept("S" + t.joinedSkeleton(i, span), bits);
      }
    }
  }

  /** D keys of a name: every one-letter deletion of each token's skeleton of four or more. */
  static void deletionKeys(Normalizer.NormalizedName n, Consumer<String> out) {
    String[] t = n.tokens();
    for (int i = 0; i < t.length; i++) {
      if (!n.particle()[i]) {
        deletions(Skeleton.of(t[i]), "D", out);
      }
    }
  }

  /** {@code prefix} + each one-letter deletion of a skeleton of four letters or more. */
  static void deletions(String skeleton, String prefix, Consumer<String> out) {
    if (skeleton.length() < 4) {
      return;
    }
    for (int i = 0; i < skeleton.length(); i++) {
      if (i > 0 && skeleton.charAt(i) == skeleton.charAt(i - 1)) {
        continue; // the same deletion again
      }
      out.accept(prefix + skeleton.substring(0, i) + skeleton.substring(i + 1));
    }
  }

  /** The N key of a document number, or null when it has no letters or digits. */
  static String documentKey(String number) {
    if (number == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(number.length() + 1).append(DOCUMENT);
    for (int i = 0; i < number.length(); i++) {
      char c = Character.toUpperCase(number.charAt(i));
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        sb.append(ocrFold(c));
      }
    }
    return sb.length() == 1 ? null : sb.toString();
  }

  /** Characters an OCR reader (or a tired agent) confuses, folded to one. */
  static char ocrFold(char c) {
    switch (c) {
      case 'O':
      case 'Q':
      case 'D':
        return '0';
      case 'I':
      case 'L':
        return '1';
      case 'Z':
        return '2';
      case 'S':
        return '5';
      case 'G':
        return '6';
      case 'B':
        return '8';
      default:
        return c;
    }
  }
}
