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
    double x = Math.abs(value) * 100;
    double fraction = x - Math.floor(x);
    long hundredths;
    if (x < 1e15 && Math.abs(fraction - 0.5) > 1e-6) {
      // Clear of a half: the double and its shortest decimal text round alike.
      hundredths = (long) Math.rint(x);
    } else {
      // At a half, like the formatter, round the shortest decimal text of the double (0.145,
      // not the 0.14499... it is stored as), half up.
      hundredths = java.math.BigDecimal.valueOf(Math.abs(value))
          .setScale(2, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }
    if (Double.doubleToRawLongBits(value) < 0) { // -0.001 prints as -0.00, as formatted
      sb.append('-');
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
