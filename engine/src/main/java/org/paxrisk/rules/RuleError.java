package org.paxrisk.rules;

/**
 * One problem in a rule pack, where an editor can jump to it.
 *
 * @param file the file as the author named it (folder-relative path, or classpath resource)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong
 */
public record RuleError(String file, int line, int column, String message) {
  /** {@code file:line:column: message}, the form compilers and editors use. */
  @Override
  public String toString() {
    return file + ':' + line + ':' + column + ": " + message;
  }
}
