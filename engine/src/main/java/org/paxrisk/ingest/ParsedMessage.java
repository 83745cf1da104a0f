package org.paxrisk.ingest;

import java.util.List;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Traveller;

/** A message read into the model: an API passenger/crew list or a PNR push. */
public sealed interface ParsedMessage extends Outcome permits ApiMessage, PnrMessage {
  /** The flight the message reports. */
  Flight flight();

  /** Every traveller of the message, in message order. */
  List<Traveller> travellers();
}
