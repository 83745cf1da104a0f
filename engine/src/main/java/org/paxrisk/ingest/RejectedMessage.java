package org.paxrisk.ingest;

import java.util.List;
import org.paxrisk.edifact.Issue;
import org.paxrisk.model.Origin;

/**
 * A message that could not be read into the model, or input that held no message at all. The error
 * says where and why; no traveller of it reaches screening.
 */
public record RejectedMessage(Origin origin, Issue error, List<Issue> warnings) implements Outcome {
  public RejectedMessage {
    warnings = List.copyOf(warnings);
  }
}
