package org.paxrisk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.paxrisk.ingest.ParsedMessage;
import org.paxrisk.model.Bags;
import org.paxrisk.model.Flight;
import org.paxrisk.model.TravelDocument;
import org.paxrisk.model.Traveller;

/** Writes travellers as JSON Lines: one object per traveller per message. */
final class TravellerJson implements Closeable {
  private final JsonGenerator g;

  TravellerJson(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  void write(ParsedMessage m) throws IOException {
    for (Traveller t : m.travellers()) {
      write(m, t);
    }
    g.flush();
  }

  private void write(ParsedMessage m, Traveller t) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", m.origin().source());
    g.writeStringField("message", m.origin().type().name());
    g.writeNumberField("messageNumber", m.origin().message());
    writeFlight(m.flight());
    g.writeStringField("role", t.role() == null ? null : t.role().name());
    g.writeStringField("surname", t.surname());
    g.writeStringField("givenNames", t.givenNames());
    g.writeStringField("dateOfBirth", t.dateOfBirth() == null ? null : t.dateOfBirth().toString());
    g.writeStringField("gender", t.gender().code());
    g.writeStringField("nationality", t.nationality());
    g.writeStringField("residence", t.residence());
    g.writeStringField("embarkation", t.embarkation());
    g.writeStringField("debarkation", t.debarkation());
    g.writeArrayFieldStart("documents");
    for (TravelDocument d : t.documents()) {
      g.writeStartObject();
      g.writeStringField("type", d.type());
      g.writeStringField("number", d.number());
      g.writeStringField("issuingCountry", d.issuingCountry());
      g.writeStringField("expiry", d.expiry() == null ? null : d.expiry().toString());
      if (d.issued() != null) {
        g.writeStringField("issued", d.issued().toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("recordLocator", t.recordLocator());
    g.writeStringField("passengerReference", t.passengerReference());
    g.writeStringField("seat", t.seat());
    Bags b = t.bags();
    if (!b.isUnknown()) {
      g.writeObjectFieldStart("bags");
      if (b.count() != null) {
        g.writeNumberField("count", b.count());
      }
      if (b.weightKg() != null) {
        g.writeNumberField("weightKg", b.weightKg());
      }
      g.writeArrayFieldStart("tags");
      for (String tag : b.tags()) {
        g.writeString(tag);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    if (t.infant()) {
      g.writeBooleanField("infant", true);
    }
    g.writeEndObject();
  }

  private void writeFlight(Flight f) throws IOException {
    if (f == null) {
      g.writeNullField("flight");
      return;
    }
    g.writeObjectFieldStart("flight");
    g.writeStringField("carrier", f.carrier());
    g.writeStringField("number", f.number());
    g.writeStringField("origin", f.origin());
    g.writeStringField("destination", f.destination());
    g.writeStringField("departure", f.departure() == null ? null : f.departure().toString());
    g.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
