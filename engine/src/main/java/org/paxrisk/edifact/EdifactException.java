package org.paxrisk.edifact;

/**
 * The one exception the reader and the message mappers throw for bad input. It carries the
 * {@link Location} and a stable code; its message never contains values from the input.
 */
public class EdifactException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Location location;
  private final String code;

  public EdifactException(String code, String reason, Location location) {
    super(reason + " " + location);
    this.code = code;
    this.location = location;
  }

  /** Where the problem is. */
  public Location location() {
    return location;
  }

  /** A stable identifier of the kind of problem, e.g. {@code segment-too-long}. */
  public String code() {
    return code;
  }

  /** The reason without the location. */
  public String reason() {
    String m = getMessage();
    int i = m.lastIndexOf(" [source: ");
    return i < 0 ? m : m.substring(0, i);
  }

  /** This problem as an error {@link Issue}. */
  public Issue toIssue() {
    return Issue.error(code, reason(), location);
  }
}
