package org.paxrisk.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values rules read that change more often than the rules: thresholds and named lists (countries
 * of concern, agencies of interest). A pack keeps them in {@code parameters.properties} and
 * {@code lists/NAME.txt}; DRL reads them through the global {@code params}, for example
 * {@code params.number("late-booking-hours")} or {@code params.list("countries-of-concern")}.
 * A later pack's values replace an earlier pack's of the same name.
 */
public final class RuleParameters {
  private final Map<String, Double> numbers;
  private final Map<String, Set<String>> lists;

  RuleParameters(Map<String, Double> numbers, Map<String, Set<String>> lists) {
    this.numbers = Map.copyOf(numbers);
    this.lists = Map.copyOf(lists);
  }

  /** A number from {@code parameters.properties}; an unknown name fails the rule that asks. */
  public double number(String name) {
    Double v = numbers.get(name);
    if (v == null) {
      throw new UnknownParameter("unknown rule parameter '" + name + "'; known: "
          + new TreeSet<>(numbers.keySet()));
    }
    return v;
  }

  /** A list from {@code lists/NAME.txt}; an unknown name fails the rule that asks. */
  public Set<String> list(String name) {
    Set<String> v = lists.get(name);
    if (v == null) {
      throw new UnknownParameter("unknown rule list '" + name + "'; known: "
          + new TreeSet<>(lists.keySet()));
    }
    return v;
  }

  /** Whether {@code value} is on the named list; false for a null value. */
  public boolean contains(String list, String value) {
    return value != null && list(list).contains(value);
  }

  /** A rule asked for a parameter the packs do not define. */
  static final class UnknownParameter extends IllegalArgumentException {
    UnknownParameter(String message) {
      super(message);
    }
  }

  /** Every number, by name, sorted. */
  public Map<String, Double> numbers() {
    return new TreeMap<>(numbers);
  }

  /** Every list's name and size, sorted. */
  public Map<String, Integer> listSizes() {
    Map<String, Integer> m = new TreeMap<>();
    lists.forEach((k, v) -> m.put(k, v.size()));
    return m;
  }
}
