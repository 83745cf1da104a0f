package org.paxrisk.watchlist;

/**
 * Scores printed with two decimals, as {@code String.format("%.2f")} prints them, without its
 * cost: every match's reasons carry a few, and a batch builds millions of them. Public for rule
 * consequences, which print scores in their reasons ({@code Decimals.two($m.score())}).
 */
public final class Decimals {
  private Decimals() {}

  /** {@code 0.95}, {@code 1.00}, {@code -0.15}: rounded half up, as the formatter rounds. */
  static StringBuilder appendTwo(StringBuilder sb, double value) {
    // Like the formatter, round the shortest decimal text of the double (0.145, not the
    // 0.14499... it is stored as), so the text is the same as before.
    long hundredths = java.math.BigDecimal.valueOf(value)
        .setScale(2, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
    if (Double.doubleToRawLongBits(value) < 0) { // -0.001 prints as -0.00, as formatted
      sb.append('-');
      hundredths = -hundredths;
    }
    sb.append(hundredths / 100).append('.');
    long cents = hundredths % 100;
    if (cents < 10) {
      sb.append('0');
    }
    return sb.append(cents);
  }

  /** {@code value} with two decimals, as {@code String.format("%.2f", value)} gives it. */
  public static String two(double value) {
    return appendTwo(new StringBuilder(5), value).toString();
  }
}
