package org.paxrisk.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tables the generator draws from: countries, airports, carriers and name tables,
 * read once from CSV resources beside this class. Lists keep file order, so draws by index are
 * the same on every JVM (no hash iteration order leaks into the output).
 */
final class Tables {

  private static final class Holder {
    static final Tables INSTANCE = load();
  }

  static Tables get() {
    return Holder.INSTANCE;
  }

  final List<Country> countries = new ArrayList<>();
  final List<Airport> airports = new ArrayList<>();
  final List<Carrier> carriers = new ArrayList<>();
  final List<Culture> cultures = new ArrayList<>();
  private final Map<String, Country> countryByIso3 = new HashMap<>();
  private final Map<String, Airport> airportByCode = new HashMap<>();
  private final Map<String, Culture> cultureByName = new LinkedHashMap<>();

  private Tables() {}

  Country country(String iso3) {
    Country c = countryByIso3.get(iso3);
    if (c == null) {
      throw new IllegalStateException("unknown country in generator tables: " + iso3);
    }
    return c;
  }

  /** The country of the tables with this alpha-3 code, or null. */
  Country countryOrNull(String iso3) {
    return countryByIso3.get(iso3);
  }

  Airport airport(String code) {
    Airport a = airportByCode.get(code);
    if (a == null) {
      throw new IllegalStateException("unknown airport in generator tables: " + code);
    }
    return a;
  }

  // ---------------------------------------------------------------- records of the tables

  static final class Country {
    final String iso3;
    final String iso2;
    final String callingCode;
    final String currency;
    final double perUsd;
    final String passportPattern;
    final boolean visaExempt;
    final String[] cultureNames;
    Culture[] cultures;
    final List<Airport> airports = new ArrayList<>();

    Country(String[] f) {
      iso3 = f[0];
      iso2 = f[1];
      callingCode = f[2];
      currency = f[3];
      perUsd = Double.parseDouble(f[4]);
      cultureNames = f[5].split(";");
      passportPattern = f[6];
      visaExempt = "Y".equals(f[7]);
    }
  }

  static final class Airport {
    final String code;
    final Country country;
    final String city;
    final double lat;
    final double lon;
    final int utcOffset;

    Airport(String[] f, Country country) {
      code = f[0];
      this.country = country;
      city = f[2];
      lat = Double.parseDouble(f[3]);
      lon = Double.parseDouble(f[4]);
      utcOffset = Integer.parseInt(f[5]);
    }
  }

  static final class Carrier {
    final String code;
    final String numeric;
    final Country country;
    final Airport[] hubs;
    final String alliance;
    final List<Carrier> partners = new ArrayList<>();

    Carrier(String[] f, Country country, Airport[] hubs) {
      code = f[0];
      numeric = f[1];
      this.country = country;
      this.hubs = hubs;
      alliance = f[4];
    }
  }

  static final class Culture {
    final String name;
    final List<String> female = new ArrayList<>();
    final List<String> male = new ArrayList<>();
    final List<String> surnames = new ArrayList<>();
    /** Countries whose main culture this is: where its people most often hold a passport. */
    final List<Country> homes = new ArrayList<>();
    final boolean middleNames;
    final boolean feminineSurnames;
    final boolean doubleSurnames;

    Culture(String name) {
      this.name = name;
      // Western naming customs carry second given names, and Arabic ones the father's name;
      // Russian and Polish surnames change with gender; Spanish speakers often carry both
      // parents' surnames.
      middleNames = switch (name) {
        case "english", "german", "french", "dutch", "italian", "portuguese", "nordic", "polish",
            "spanish", "arabic" -> true;
        default -> false;
      };
      feminineSurnames = name.equals("russian") || name.equals("polish");
      doubleSurnames = name.equals("spanish");
    }
  }

  // ---------------------------------------------------------------- loading

  private static Tables load() {
    Tables t = new Tables();
    for (String[] f : rows("names.csv", 4)) {
      Culture c = t.cultureByName.computeIfAbsent(f[0], Culture::new);
      String name = f[2];
      checkName(name, "names.csv");
      switch (f[1]) {
        case "given" -> {
          if ("F".equals(f[3])) {
            c.female.add(name);
          } else if ("M".equals(f[3])) {
            c.male.add(name);
          } else {
            throw new IllegalStateException("names.csv: given name without gender F or M");
          }
        }
        case "surname" -> c.surnames.add(name);
        default -> throw new IllegalStateException("names.csv: unknown kind " + f[1]);
      }
    }
    t.cultures.addAll(t.cultureByName.values());
    for (Culture c : t.cultures) {
      if (c.female.isEmpty() || c.male.isEmpty() || c.surnames.isEmpty()) {
        throw new IllegalStateException("names.csv: incomplete culture " + c.name);
      }
    }
    for (String[] f : rows("countries.csv", 8)) {
      Country c = new Country(f);
      c.cultures = new Culture[c.cultureNames.length];
      for (int i = 0; i < c.cultureNames.length; i++) {
        Culture k = t.cultureByName.get(c.cultureNames[i]);
        if (k == null) {
          throw new IllegalStateException("countries.csv: unknown culture " + c.cultureNames[i]);
        }
        c.cultures[i] = k;
      }
      c.cultures[0].homes.add(c);
      t.countries.add(c);
      t.countryByIso3.put(c.iso3, c);
    }
    for (String[] f : rows("airports.csv", 6)) {
      Airport a = new Airport(f, t.country(f[1]));
      a.country.airports.add(a);
      t.airports.add(a);
      t.airportByCode.put(a.code, a);
    }
    for (Culture c : t.cultures) {
      if (c.homes.isEmpty()) {
        throw new IllegalStateException("countries.csv: no country has main culture " + c.name);
      }
    }
    for (String[] f : rows("carriers.csv", 5)) {
      String[] hubCodes = f[3].split(";");
      Airport[] hubs = new Airport[hubCodes.length];
      for (int i = 0; i < hubs.length; i++) {
        hubs[i] = t.airport(hubCodes[i]);
      }
      t.carriers.add(new Carrier(f, t.country(f[2]), hubs));
    }
    for (Carrier a : t.carriers) {
      for (Carrier b : t.carriers) {
        if (a != b && !a.alliance.equals("NONE") && a.alliance.equals(b.alliance)) {
          a.partners.add(b);
        }
      }
    }
    return t;
  }

  /** Names are upper-case ASCII letters with blanks, hyphens and apostrophes, as in passports. */
  private static void checkName(String name, String file) {
    if (name.isEmpty()) {
      throw new IllegalStateException(file + ": empty name");
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (!((ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '-' || ch == '\'')) {
        throw new IllegalStateException(file + ": unexpected character in a name");
      }
    }
  }

  private static List<String[]> rows(String resource, int columns) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Tables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing generator resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != columns) {
          throw new IllegalStateException(resource + " line " + n + ": expected " + columns
              + " columns, found " + f.length);
        }
        out.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
