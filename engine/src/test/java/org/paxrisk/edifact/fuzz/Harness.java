package org.paxrisk.edifact.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paxrisk.edifact.Issue;
import org.paxrisk.edifact.Location;
import org.paxrisk.edifact.ReadConstraints;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.ingest.MessageReader;
import org.paxrisk.ingest.Outcome;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.ingest.PnrMessage;
import org.paxrisk.ingest.RejectedMessage;
import org.paxrisk.ingest.SensitiveData;

/**
 * The property every fuzz test checks: {@link MessageReader} reads any bytes to the end without
 * throwing (its own {@code EdifactException}s become outcomes and issues), gives one outcome per
 * UNH (or one {@code no-message} rejection), reports locations inside the input, names no input
 * words in issue texts (they may be personal data), and gives the same result however the input
 * stream splits its reads. Any {@link Throwable} out of {@link #check} is
 * a finding.
 */
final class Harness {
  /** Inputs are cut to this size, so that no single input can take long. */
  static final int MAX_INPUT = 64 * 1024;

  /** Small limits, so that the limit paths run as often as the ordinary ones. */
  static final ReadConstraints TIGHT = new ReadConstraints(200, 12, 40, 30, 4096, 3);

  private static final String SOURCE = "fuzz.edi";

  /** Capitalised words that issue texts may contain; any other would be input echoed back. */
  private static final Set<String> STRUCTURAL_WORDS =
      Set.of("PAXLST", "PNRGOV", "DOCS", "DOCO", "DOCA", "DDMMYY");
  private static final Pattern WORD = Pattern.compile("[A-Z][A-Z0-9]{3,}");

  private Harness() {}

  /** What one read of an input produced. */
  record Run(List<Outcome> outcomes, List<Issue> envelope, int messages) {}

  /**
   * Reads {@code data} with the default limits in one go and in small reads, then with tight
   * limits, and checks the properties; returns the first read.
   */
  static Run check(byte[] data) {
    byte[] input = data.length > MAX_INPUT ? Arrays.copyOf(data, MAX_INPUT) : data;
    Run whole = read(new ByteArrayInputStream(input), ReadConstraints.DEFAULTS);
    verify(input, whole);
    Run trickled = read(new Trickle(input, Arrays.hashCode(input)), ReadConstraints.DEFAULTS);
    if (!whole.equals(trickled)) {
      throw new AssertionError("the result depends on how the input stream splits its reads:\n"
          + whole + "\n" + trickled);
    }
    verify(input, read(new ByteArrayInputStream(input), TIGHT));
    sameFlights(whole, read(new ByteArrayInputStream(input), ReadConstraints.DEFAULTS, true));
    return whole;
  }

  static Run read(InputStream in, ReadConstraints limits) {
    return read(in, limits, false);
  }

  private static Run read(InputStream in, ReadConstraints limits, boolean flightsOnly) {
    List<Outcome> outcomes = new ArrayList<>();
    try (MessageReader r = new MessageReader(in, SOURCE, limits, SensitiveData.defaults())) {
      if (flightsOnly) {
        r.flightsOnly();
      }
      while (r.hasNext()) {
        outcomes.add(r.next());
        if (outcomes.size() > MAX_INPUT) {
          throw new AssertionError("more outcomes than input bytes: the reader is not advancing");
        }
      }
      return new Run(outcomes, r.envelopeIssues(), r.messageCount());
    } catch (IOException e) {
      throw new AssertionError("in-memory input cannot fail to read", e);
    }
  }

  /**
   * A batch's first pass reads with {@link MessageReader#flightsOnly}: it must reject the same
   * messages, with the same error, and give every other message the same flight as a full read.
   */
  private static void sameFlights(Run whole, Run flights) {
    require(flights.outcomes().size() == whole.outcomes().size()
        && flights.envelope().equals(whole.envelope()), "flights-only: the same outcomes",
        flights, whole);
    for (int i = 0; i < whole.outcomes().size(); i++) {
      Outcome a = whole.outcomes().get(i);
      Outcome b = flights.outcomes().get(i);
      if (a instanceof RejectedMessage ra) {
        require(b instanceof RejectedMessage rb && rb.error().equals(ra.error()),
            "flights-only: rejected alike", b, whole);
      } else if (a instanceof PnrMessage pa) {
        require(b instanceof PnrMessage pb && java.util.Objects.equals(pb.flight(), pa.flight()),
            "flights-only: the same flight", b, whole);
      } else if (a instanceof ApiMessage aa) {
        require(b instanceof ApiMessage ab && java.util.Objects.equals(ab.flight(), aa.flight())
            && java.util.Objects.equals(ab.declaredCount(), aa.declaredCount())
            && ab.travellers().isEmpty(), "flights-only: the same flight and totals", b, whole);
      } else {
        require(b.equals(a), "flights-only: the same outcome", b, whole);
      }
    }
  }

  private static void verify(byte[] input, Run run) {
    List<Outcome> outcomes = run.outcomes();
    if (run.messages() == 0) {
      require(outcomes.size() == 1 && outcomes.get(0) instanceof RejectedMessage r
          && r.error().code().equals("no-message"), "no UNH: one no-message rejection", run);
    } else {
      require(outcomes.size() == run.messages(), "one outcome per UNH", run);
      for (int i = 0; i < outcomes.size(); i++) {
        require(outcomes.get(i).origin().message() == i + 1, "outcomes in message order", run);
      }
    }
    for (Issue i : run.envelope()) {
      verify(input, i, run);
    }
    for (Outcome o : outcomes) {
      require(o.origin().byteOffset() >= 0 && o.origin().byteOffset() <= input.length,
          "message offset inside the input", run);
      for (Issue w : o.warnings()) {
        verify(input, w, run);
      }
      if (o instanceof RejectedMessage r) {
        verify(input, r.error(), run);
        require(r.error().severity() == Issue.Severity.ERROR, "a rejection is an error", run);
      } else {
        ParsedMessage m = (ParsedMessage) o;
        for (Object t : m.travellers()) {
          require(t != null, "no null traveller", run);
        }
        for (Issue w : o.warnings()) {
          require(w.severity() == Issue.Severity.WARNING, "a parsed message has only warnings",
              run);
        }
      }
    }
  }

  private static void verify(byte[] input, Issue issue, Run run) {
    require(issue.severity() != null && issue.code() != null && !issue.code().isEmpty()
        && issue.text() != null && issue.location() != null, "complete issue", issue, run);
    Location l = issue.location();
    require(SOURCE.equals(l.source()), "source named", issue, run);
    require(l.byteOffset() >= 0 && l.byteOffset() <= input.length, "offset inside the input",
        input.length + " bytes: " + issue, run);
    require(l.message() >= 0 && l.message() <= run.messages(), "message number in range", issue,
        run);
    require(l.segment() >= 0 && l.element() >= 0 && l.component() >= 0, "non-negative numbers",
        issue, run);
    require(l.message() == 0 || l.segment() >= 1, "a segment in a message is 1 or more", issue,
        run);
    require(l.component() == 0 || l.element() > 0, "a component belongs to an element", issue, run);
    Matcher words = WORD.matcher(issue.text());
    while (words.find()) {
      require(STRUCTURAL_WORDS.contains(words.group()), "issue text echoes no input", issue, run);
    }
  }

  private static void require(boolean ok, String property, Run run) {
    require(ok, property, "", run);
  }

  /** The first line of the error names the property only, so that findings can be told apart. */
  private static void require(boolean ok, String property, Object detail, Run run) {
    if (!ok) {
      throw new AssertionError("property broken: " + property + "\n" + detail + "\nin " + run);
    }
  }

  /** An input stream that hands out a few bytes per read, as a socket or a pipe may. */
  static final class Trickle extends InputStream {
    private final byte[] data;
    private final Random random;
    private final int max;
    private int pos;

    Trickle(byte[] data, long seed) {
      this.data = data;
      this.random = new Random(seed);
      this.max = new int[] {1, 2, 3, 7, 17, 64}[random.nextInt(6)];
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(max));
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
