package org.paxrisk.rules;

import java.util.List;

/** A rule pack did not compile; {@link #errors()} lists every error, not just the first. */
public final class RuleCompilationException extends RuntimeException {
  private final transient List<RuleError> errors;

  RuleCompilationException(List<RuleError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }

  private static String describe(List<RuleError> errors) {
    StringBuilder b = new StringBuilder();
    b.append(errors.size()).append(errors.size() == 1 ? " rule error" : " rule errors");
    for (RuleError e : errors) {
      b.append(System.lineSeparator()).append(e);
    }
    return b.toString();
  }
}
