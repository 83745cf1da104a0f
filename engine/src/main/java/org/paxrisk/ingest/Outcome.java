package org.paxrisk.ingest;

import java.util.List;
import org.paxrisk.edifact.Issue;
import org.paxrisk.model.Origin;

/** What became of one message of an input: parsed, or rejected with the reason. */
public sealed interface Outcome permits ParsedMessage, RejectedMessage {
  /** The message this is about. */
  Origin origin();

  /** Warnings found while reading it. */
  List<Issue> warnings();
}
