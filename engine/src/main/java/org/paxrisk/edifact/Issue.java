package org.paxrisk.edifact;

/**
 * A problem found while reading: a warning (the input was read, something was skipped or repaired)
 * or an error (the message was rejected). The text names the rule that was broken, never the data.
 *
 * @param severity whether the message survived
 * @param code a stable, machine-readable identifier such as {@code unt-count-mismatch}
 * @param text what is wrong, for a person
 * @param location where
 */
public record Issue(Severity severity, String code, String text, Location location) {

  /** Whether the input was kept. */
  public enum Severity {
    WARNING,
    ERROR
  }

  public static Issue warning(String code, String text, Location location) {
    return new Issue(Severity.WARNING, code, text, location);
  }

  public static Issue error(String code, String text, Location location) {
    return new Issue(Severity.ERROR, code, text, location);
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + code + ": " + text + " " + location;
  }
}
