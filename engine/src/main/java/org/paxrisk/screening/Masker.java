package org.paxrisk.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Depersonalises stored results, as the EU PNR Directive (art. 12) requires six months after
 * transfer: every value that could identify a person (names, dates of birth, documents,
 * nationality, contacts, payment, frequent-flyer data, addresses, remarks, record locators, the
 * reasons a name matched) is replaced by a keyed hash, {@code h:} and 32 hex digits of
 * HMAC-SHA256 over the field name and the value.
 *
 * <p>Whatever is not known to be impersonal is masked (the rule is "keep only what is listed", not
 * "mask what is listed"), so a field added later is masked until someone decides otherwise. Kept:
 * the traveller id (with a PNR record locator in it masked), the flight, scores, bands, the rules
 * that fired and their reasons, list entry ids and scores, and provenance.
 *
 * <p>Re-identification needs the key, which is held apart from the results: whoever holds it
 * computes {@link #token} for a candidate value (a suspect's surname) and searches for it.
 */
public final class Masker {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** JSON fields kept as they are, by name, wherever they appear. */
  private static final Set<String> KEEP = Set.of("flight", "carrier", "number", "origin",
      "destination", "departure", "arrival", "score", "band", "inApi", "inPnr", "hits", "rule",
      "category", "severity", "reason", "entryId", "list", "provenance", "engine", "ruleset",
      "listVersion", "screenedAt", "source", "message", "messageNumber", "role", "type",
      "embarkation", "debarkation", "infant");
  /** CSV columns kept (the {@code screen --format csv} header). */
  private static final Set<String> KEEP_CSV = Set.of("flight", "score", "band", "hits", "reasons",
      "matches", "ruleset", "listVersion", "screenedAt");

  private final SecretKeySpec key;

  private Masker(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** A masker with a secret key of at least 32 bytes (keep it apart from the results). */
  public static Masker withKey(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the masking key must be at least 32 bytes, got "
          + key.length);
    }
    return new Masker(key);
  }

  /** The token that replaces {@code value} in field {@code field}: for re-identification. */
  public String token(String field, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(field.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return "h:" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Masks results: JSON Lines (one object per line, as {@code screen} and {@code parse} write) or
   * CSV with a header row (as {@code screen --format csv} writes), told apart by the first
   * character. Returns the number of records masked.
   */
  public long mask(Reader in, Writer out) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    r.mark(1);
    int first = r.read();
    r.reset();
    return first == '{' ? maskJsonl(r, out) : first < 0 ? 0 : maskCsv(r, out);
  }

  private long maskJsonl(BufferedReader in, Writer out) throws IOException {
    long n = 0;
    int lineNumber = 0;
    for (String line; (line = in.readLine()) != null; ) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        // Never echo the line: it holds personal data.
        throw new IOException("line " + lineNumber + " is not a JSON object");
      }
      out.write(JSON.writeValueAsString(maskNode(null, node)));
      out.write('\n');
      n++;
    }
    out.flush();
    return n;
  }

  private JsonNode maskNode(String field, JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        fields.add(it.next());
      }
      for (Map.Entry<String, JsonNode> e : fields) {
        String name = e.getKey();
        if (name.equals("travellerId") && e.getValue().isTextual()) {
          o.set(name, TextNode.valueOf(maskTravellerId(e.getValue().asText())));
        } else if (KEEP.contains(name) && !(name.equals("number") && "document".equals(field))) {
          o.set(name, keepSubtree(name, e.getValue()));
        } else {
          o.set(name, maskAll(name, e.getValue()));
        }
      }
      return o;
    }
    return node;
  }

  /** Kept fields may hold objects with fields of their own (flight), judged one by one. */
  private JsonNode keepSubtree(String name, JsonNode v) {
    if (v.isObject()) {
      return maskNode(name, v);
    }
    if (v.isArray()) {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, keepSubtree(name, a.get(i)));
      }
    }
    return v;
  }

  private JsonNode maskAll(String field, JsonNode v) {
    if (v.isNull()) {
      return v;
    }
    if (v.isArray()) {
      ArrayNode a = (ArrayNode) v;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, maskAll(field, a.get(i)));
      }
      return a;
    }
    if (v.isObject()) {
      ObjectNode o = (ObjectNode) v;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (n.equals("entryId") || n.equals("list") || n.equals("category")
            || (n.equals("score") && field.equals("matches")) || n.equals("type")) {
          continue; // a match's list entry and score, a document's type: not the traveller
        }
        o.set(n, maskAll(n, o.get(n)));
      }
      return o;
    }
    return TextNode.valueOf(token(field, v.asText()));
  }

  /** {@code ...-R<locator>-<n>} holds a record locator; the other forms hold nothing personal. */
  private String maskTravellerId(String id) {
    int r = id.lastIndexOf("-R");
    int dash = id.lastIndexOf('-');
    if (r < 0 || dash <= r) {
      return id;
    }
    return id.substring(0, r + 2) + token("recordLocator", id.substring(r + 2, dash))
        + id.substring(dash);
  }

  private long maskCsv(BufferedReader in, Writer out) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    long n = 0;
    try (CSVParser p = CSVParser.parse(in, format)) {
      List<String> header = p.getHeaderNames();
      CSVPrinter w = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
          .setHeader(header.toArray(String[]::new)).get().print(out);
      for (CSVRecord rec : p) {
        List<String> row = new ArrayList<>(header.size());
        for (String col : header) {
          String v = rec.isMapped(col) && rec.isSet(col) ? rec.get(col) : "";
          if (col.equals("travellerId")) {
            row.add(maskTravellerId(v));
          } else if (KEEP_CSV.contains(col) || v.isEmpty()) {
            row.add(v);
          } else {
            row.add(token(col, v));
          }
        }
        w.printRecord(row);
        n++;
      }
      w.flush();
    }
    return n;
  }
}
