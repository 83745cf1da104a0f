package org.paxrisk.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The country of an airport, from the airport table the project ships (IATA code to ISO 3166
 * alpha-3). Rules use it to ask whether an itinerary touches a country; an airport missing from the
 * table has no country and touches none.
 */
public final class Airports {
  private static final String TABLE = "airports.csv";
  private static final Map<String, String> COUNTRY = load();

  private Airports() {}

  /** The ISO 3166 alpha-3 country of an IATA airport code, or null when unknown. */
  public static String country(String iata) {
    return iata == null ? null : COUNTRY.get(iata);
  }

  private static Map<String, String> load() {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = Airports.class.getResourceAsStream(TABLE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", 3);
        m.put(f[0].trim(), f[1].trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}
