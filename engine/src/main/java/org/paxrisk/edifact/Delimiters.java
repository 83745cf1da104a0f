package org.paxrisk.edifact;

/**
 * The service characters of an interchange: from its UNA service string advice, or the defaults
 * {@code :+.? '}. The fifth UNA character is reserved: PAXLST and PNRGOV never use a repetition
 * separator, so it is recorded but has no meaning here.
 */
public record Delimiters(
    byte component, byte element, byte decimal, byte release, byte reserved, byte terminator) {

  /** {@code UNA:+.? '}. */
  public static final Delimiters DEFAULTS =
      new Delimiters((byte) ':', (byte) '+', (byte) '.', (byte) '?', (byte) ' ', (byte) '\'');

  /** The six characters as they would stand after {@code UNA}. */
  @Override
  public String toString() {
    return new String(
        new byte[] {component, element, decimal, release, reserved, terminator},
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Whether the three structural characters and the release character are all different. */
  boolean distinct() {
    return component != element && component != terminator && element != terminator
        && release != component && release != element && release != terminator;
  }

  static boolean usable(byte b) {
    // Letters, digits and line breaks cannot be service characters.
    return b > ' ' && b < 0x7f && !Character.isLetterOrDigit(b);
  }
}
