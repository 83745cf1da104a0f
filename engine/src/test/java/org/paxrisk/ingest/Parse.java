package org.paxrisk.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paxrisk.edifact.Issue;

/** Test helper: every outcome of an input, plus its envelope issues. */
public record Parse(List<Outcome> outcomes, List<Issue> envelope) {

  public static Parse file(Path file) {
    try (MessageReader r = MessageReader.open(file)) {
      return drain(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Parse text(String edifact) {
    return bytes(edifact.getBytes(StandardCharsets.UTF_8));
  }

  public static Parse bytes(byte[] bytes) {
    try (MessageReader r = MessageReader.of(new ByteArrayInputStream(bytes), "test.edi")) {
      return drain(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Parse drain(MessageReader r) {
    List<Outcome> all = new ArrayList<>();
    r.forEachRemaining(all::add);
    return new Parse(all, r.envelopeIssues());
  }

  public List<ParsedMessage> parsed() {
    return outcomes.stream().filter(o -> o instanceof ParsedMessage).map(o -> (ParsedMessage) o)
        .toList();
  }

  public List<RejectedMessage> rejected() {
    return outcomes.stream().filter(o -> o instanceof RejectedMessage)
        .map(o -> (RejectedMessage) o).toList();
  }

  public ApiMessage api(int i) {
    return (ApiMessage) parsed().get(i);
  }

  public PnrMessage pnr(int i) {
    return (PnrMessage) parsed().get(i);
  }

  /** All warnings: the messages' and the envelope's. */
  public List<Issue> warnings() {
    List<Issue> all = new ArrayList<>(envelope);
    outcomes.forEach(o -> all.addAll(o.warnings()));
    return all;
  }
}
