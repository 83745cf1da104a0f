package org.paxrisk.screening;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.paxrisk.Assessment;
import org.paxrisk.Provenance;
import org.paxrisk.model.Flight;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;
import org.paxrisk.rules.RiskHit;
import org.paxrisk.watchlist.WatchlistMatch;

/**
 * Writes assessments as JSON Lines (one object per traveller) or CSV (one row per traveller), a
 * whole flight at a time: lines are flushed when a flight is done, so a reader never sees half a
 * flight unless the process dies. Field names are a stable contract (see the README).
 */
public abstract class AssessmentWriter implements AssessmentSink, java.io.Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  AssessmentWriter() {}

  // A flight's assessments come together and share one flight and one provenance: their text is
  // made once.
  private Flight lastFlight;
  private String lastFlightKey;
  private Provenance lastProvenance;
  private String lastScreenedAt;

  /** {@link TravellerIds#flightKey}, made once a flight. */
  final String flightKey(Flight f) {
    if (f != lastFlight) {
      lastFlight = f;
      lastFlightKey = TravellerIds.flightKey(f);
    }
    return lastFlightKey;
  }

  /** When the assessment was made, as ISO-8601 text, made once a flight. */
  final String screenedAt(Provenance p) {
    if (p != lastProvenance) {
      lastProvenance = p;
      lastScreenedAt = p.screenedAt().toString();
    }
    return lastScreenedAt;
  }

  /** JSON Lines to {@code out}, which the writer closes. */
  public static AssessmentWriter jsonl(OutputStream out) throws IOException {
    return new Jsonl(out);
  }

  /** CSV with a header row to {@code out}, which the writer closes. */
  public static AssessmentWriter csv(OutputStream out) throws IOException {
    return new Csv(out);
  }

  /** By name: {@code jsonl} or {@code csv}. */
  public static AssessmentWriter of(String format, OutputStream out) throws IOException {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "jsonl" -> jsonl(out);
      case "csv" -> csv(out);
      default -> throw new IllegalArgumentException("format must be jsonl or csv, not " + format);
    };
  }

  private static final class Jsonl extends AssessmentWriter {
    private final OutputStream out;
    private final JsonGenerator g;

    Jsonl(OutputStream out) throws IOException {
      this.out = out;
      this.g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void accept(Assessment a) throws IOException {
      Traveller t = a.traveller();
      g.writeStartObject();
      g.writeStringField("travellerId", a.travellerId());
      g.writeStringField("flight", flightKey(a.flight()));
      g.writeStringField("surname", t.surname());
      g.writeStringField("givenNames", t.givenNames());
      g.writeStringField("dateOfBirth", t.dateOfBirth() == null ? null
          : t.dateOfBirth().toString());
      g.writeStringField("nationality", t.nationality());
      TravelDocument d = t.primaryDocument();
      if (d != null) {
        g.writeObjectFieldStart("document");
        g.writeStringField("type", d.type());
        g.writeStringField("number", d.number());
        g.writeStringField("issuingCountry", d.issuingCountry());
        g.writeEndObject();
      }
      g.writeBooleanField("inApi", a.inApi());
      g.writeBooleanField("inPnr", a.inPnr());
      g.writeStringField("recordLocator", a.recordLocator());
      g.writeNumberField("score", a.score());
      g.writeStringField("band", a.band().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("hits");
      for (RiskHit h : a.hits()) {
        g.writeStartObject();
        g.writeStringField("rule", h.rule());
        g.writeStringField("category", h.category());
        g.writeStringField("severity", h.severity().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("score", h.score());
        g.writeStringField("reason", h.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("matches");
      for (WatchlistMatch m : a.matches()) {
        g.writeStartObject();
        g.writeStringField("entryId", m.entryId());
        g.writeStringField("list", m.list());
        g.writeStringField("category", m.category());
        g.writeNumberField("score", Math.round(m.score() * 1000) / 1000.0);
        g.writeStringField("name", m.name());
        g.writeArrayFieldStart("reasons");
        for (String r : m.reasons()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("provenance");
      g.writeStringField("engine", a.provenance().engine());
      g.writeStringField("ruleset", a.provenance().ruleset());
      g.writeStringField("listVersion", a.provenance().listVersion());
      g.writeStringField("screenedAt", screenedAt(a.provenance()));
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }

    @Override
    public void flightDone() throws IOException {
      g.flush();
    }

    @Override
    public void close() throws IOException {
      g.close();
      out.close();
    }
  }

  private static final class Csv extends AssessmentWriter {
    private final CSVPrinter p;

    Csv(OutputStream out) throws IOException {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      this.p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
          .setHeader("travellerId", "flight", "surname", "givenNames", "dateOfBirth",
              "nationality", "score", "band", "hits", "reasons", "matches", "ruleset",
              "listVersion", "screenedAt")
          .get().print(w);
    }

    @Override
    public void accept(Assessment a) throws IOException {
      Traveller t = a.traveller();
      List<String> rules = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (RiskHit h : a.hits()) {
        rules.add(h.rule());
        reasons.add(h.reason());
      }
      List<String> matches = new ArrayList<>();
      for (WatchlistMatch m : a.matches()) {
        matches.add(m.entryId() + String.format(Locale.ROOT, "@%.3f", m.score()));
      }
      p.printRecord(a.travellerId(), flightKey(a.flight()), t.surname(),
          t.givenNames(), t.dateOfBirth(), t.nationality(), a.score(),
          a.band().name().toLowerCase(Locale.ROOT), String.join(";", rules),
          String.join(" | ", reasons), String.join(";", matches), a.provenance().ruleset(),
          a.provenance().listVersion(), screenedAt(a.provenance()));
    }

    @Override
    public void flightDone() throws IOException {
      p.flush();
    }

    @Override
    public void close() throws IOException {
      p.close();
    }
  }
}
