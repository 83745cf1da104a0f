package org.paxrisk.screening;

import java.util.List;
import java.util.Map;
import org.paxrisk.edifact.Issue;

/**
 * What a batch did, accounting for every input: messages read and rejected (with where and why),
 * travellers assessed by band, how often each rule fired, and the flights that most need review.
 *
 * @param files inputs read
 * @param messages messages found (read and rejected)
 * @param rejected messages rejected
 * @param problems the first rejections and envelope problems, with their locations (at most 1,000)
 * @param flights flights screened
 * @param travellers travellers assessed
 * @param clear travellers in the clear band
 * @param review travellers in the review band
 * @param high travellers in the high band
 * @param ruleFires how many travellers each rule fired for, by rule name, most first
 * @param topFlights flights with the most travellers to review, most first (at most 50)
 * @param splitFlights flights whose messages were too far apart in the input to be linked in one
 *     group within the memory bound; their travellers were assessed in parts
 * @param ruleset the rule set hash
 * @param listVersion the watch-list store version
 */
public record BatchReport(
    int files,
    long messages,
    long rejected,
    List<Issue> problems,
    long flights,
    long travellers,
    long clear,
    long review,
    long high,
    Map<String, Long> ruleFires,
    List<FlightSummary> topFlights,
    long splitFlights,
    String ruleset,
    String listVersion) {

  public BatchReport {
    problems = List.copyOf(problems);
    topFlights = List.copyOf(topFlights);
  }
}
