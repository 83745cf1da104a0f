package org.paxrisk.screening;

import java.io.IOException;
import org.paxrisk.Assessment;
import org.paxrisk.ingest.RejectedMessage;

/**
 * Where a batch puts its results as it produces them: one call per assessment, flight by flight in
 * input order, all from one thread. An {@link IOException} stops the batch.
 */
public interface AssessmentSink {
  void accept(Assessment assessment) throws IOException;

  /** A message that could not be read; the batch goes on. */
  default void rejected(RejectedMessage message) throws IOException {}

  /** A flight's assessments are all written: a good moment to flush. */
  default void flightDone() throws IOException {}
}
