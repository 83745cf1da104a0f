package org.paxrisk.screening;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.paxrisk.Assessment;
import org.paxrisk.ingest.ApiMessage;
import org.paxrisk.model.Flight;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.Band;
import org.paxrisk.rules.RiskHit;

/**
 * The answer to an interactive API request: a decision per traveller and the UN/EDIFACT CUSRES
 * message that carries it back to the airline ({@code BGM+962}; per traveller {@code ERP},
 * {@code RFF}, {@code ERC}).
 *
 * @param request the request
 * @param decisions one per traveller of the request, in its order
 * @param cusres the response message, ready to send
 */
public record IapiResponse(ApiMessage request, List<Decision> decisions, String cusres) {

  public IapiResponse {
    decisions = List.copyOf(decisions);
  }

  /** What the airline is told for one traveller, with the ERC code that says it. */
  public enum Verdict {
    /** {@code ERC+0Z}: OK to board. */
    BOARD("0Z"),
    /** {@code ERC+1Z}: do not board. */
    NO_BOARD("1Z"),
    /** {@code ERC+2Z}: contact the authority before boarding. */
    CONTACT_AUTHORITY("2Z");

    private final String code;

    Verdict(String code) {
      this.code = code;
    }

    /** The ERC response code. */
    public String code() {
      return code;
    }
  }

  /**
   * One traveller's decision.
   *
   * @param reference the traveller's reference from the request (RFF), else their position
   * @param verdict board, no board, or contact the authority
   * @param assessment the assessment behind it, for the officer who reviews it
   */
  public record Decision(String reference, Verdict verdict, Assessment assessment) {}

  /**
   * How verdicts follow from assessments. A hit of one of {@code noBoardRules} (a strong no-fly
   * match, a lost or stolen document: grounds the law itself names) means no board; any other
   * assessment that is not clear means "contact the authority", so that a person decides; clear
   * means board. Automation alone never refuses boarding on a score.
   *
   * @param noBoardRules rule names whose hit means no board
   */
  public record Policy(Set<String> noBoardRules) {
    public static final Policy DEFAULT = new Policy(Set.of("no-fly-match", "lost-stolen-document"));

    public Policy {
      noBoardRules = Set.copyOf(noBoardRules);
    }

    Verdict verdict(Assessment a) {
      for (RiskHit h : a.hits()) {
        if (noBoardRules.contains(h.rule())) {
          return Verdict.NO_BOARD;
        }
      }
      return a.band() == Band.CLEAR ? Verdict.BOARD : Verdict.CONTACT_AUTHORITY;
    }
  }

  /** Decides for each assessed traveller of {@code request} and renders the CUSRES. */
  public static IapiResponse of(ApiMessage request, List<Assessment> assessed, Policy policy,
      Instant now) {
    Objects.requireNonNull(request, "request");
    List<Decision> decisions = new ArrayList<>(assessed.size());
    List<Traveller> travellers = request.travellers();
    for (int i = 0; i < assessed.size(); i++) {
      Assessment a = assessed.get(i);
      Traveller t = i < travellers.size() ? travellers.get(i) : a.traveller();
      String ref = t.passengerReference() != null ? t.passengerReference() : String.valueOf(i + 1);
      decisions.add(new Decision(ref, policy.verdict(a), a));
    }
    return new IapiResponse(request, decisions, render(request, decisions, now));
  }

  private static final DateTimeFormatter UNB_TIME =
      DateTimeFormatter.ofPattern("yyMMdd:HHmm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DTM_TIME = DateTimeFormatter.ofPattern("yyMMddHHmm");

  private static String render(ApiMessage request, List<Decision> decisions, Instant now) {
    Flight f = request.flight();
    String ref = String.format("%014d", Math.abs(now.toEpochMilli()) % 100_000_000_000_000L);
    String sender = "PAXRISK";
    String recipient = request.reportingParty() == null ? "AIRLINE"
        : request.reportingParty().replaceAll("[^A-Za-z0-9 ]", "").trim();
    if (recipient.isEmpty()) {
      recipient = "AIRLINE";
    }
    List<String> body = new ArrayList<>();
    body.add("UNH+1+CUSRES:D:05B:UN:IATA");
    body.add("BGM+962");
    body.add("RFF+TN:" + esc(request.origin().reference() == null ? "1"
        : request.origin().reference()));
    body.add("TDT+20+" + esc(f.flightNumber()));
    body.add("LOC+125+" + esc(nz(f.origin())));
    if (f.departure() != null) {
      body.add("DTM+189:" + DTM_TIME.format(f.departure()) + ":201");
    }
    body.add("LOC+87+" + esc(nz(f.destination())));
    if (f.arrival() != null) {
      body.add("DTM+232:" + DTM_TIME.format(f.arrival()) + ":201");
    }
    for (Decision d : decisions) {
      body.add("ERP+2");
      body.add("RFF+AVF:" + esc(d.reference()));
      body.add("ERC+" + d.verdict().code());
    }
    StringBuilder b = new StringBuilder();
    b.append("UNA:+.? '");
    b.append("UNB+UNOA:4+").append(sender).append('+').append(esc(recipient)).append('+')
        .append(UNB_TIME.format(now)).append('+').append(ref).append('\'');
    for (String s : body) {
      b.append(s).append('\'');
    }
    b.append("UNT+").append(body.size() + 1).append("+1'");
    b.append("UNZ+1+").append(ref).append('\'');
    return b.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Escapes EDIFACT service characters with the release character. */
  private static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '?' || c == '+' || c == ':' || c == '\'') {
        b.append('?');
      }
      b.append(c);
    }
    return b.toString();
  }
}
