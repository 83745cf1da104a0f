package org.paxrisk.rules;

/**
 * A rule compiled but failed while it ran. The message names the rule and the traveller's position
 * in the screened batch, never the traveller's data; the failing exception's type is in the message
 * and, for debugging, its stack trace is the cause's (whose message is dropped, as it may quote data).
 */
public final class RuleRuntimeException extends RuntimeException {
  private final String rule;
  private final int position;

  RuleRuntimeException(String rule, int position, Throwable failure) {
    super("rule '" + rule + "' failed" + (position >= 0 ? " on traveller #" + position : "")
        + ": " + describe(failure), scrubbed(failure));
    this.rule = rule;
    this.position = position;
  }

  /** The rule's name, or "(matching)" when the failure was in a rule's conditions. */
  public String rule() {
    return rule;
  }

  /**
   * The traveller's 0-based position in the list handed to the rules, or -1 when unknown (a
   * failure in a rule's conditions, which Drools evaluates for many facts at once).
   */
  public int position() {
    return position;
  }

  private static String describe(Throwable failure) {
    // Our own parameter errors quote only parameter names: safe, and what the author must fix.
    return failure instanceof RuleParameters.UnknownParameter
        ? failure.getMessage() : failure.getClass().getName();
  }

  private static Throwable scrubbed(Throwable failure) {
    if (failure instanceof RuleParameters.UnknownParameter) {
      return failure;
    }
    Throwable t = new Throwable(failure.getClass().getName() + " (message withheld)");
    t.setStackTrace(failure.getStackTrace());
    return t;
  }
}
