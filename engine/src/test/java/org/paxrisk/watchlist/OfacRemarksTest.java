package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.paxrisk.model.Gender;

/**
 * The Remarks column of OFAC's SDN CSV, one table per kind of clause. Most inputs are real
 * remarks from the 2021-07 snapshot (a public US government list), some trimmed to the clause
 * under test.
 */
class OfacRemarksTest {

  static Stream<Arguments> datesOfBirth() {
    return Stream.of(
        Arguments.of("DOB 12 Jan 1960", "1960-01-12"),
        Arguments.of("DOB 1960", "1960"),
        Arguments.of("DOB Jan 1960", "1960-01"),
        Arguments.of("DOB Sep 1938", "1938-09"),
        Arguments.of("DOB circa 1960", "1959..1961"),
        Arguments.of("DOB circa 07 Jul 1966", "1965..1967"),
        Arguments.of("DOB circa 1979-1982", "1978..1983"),
        Arguments.of("DOB 1958 to 1962", "1958..1962"),
        Arguments.of("DOB 01 Jan 1961 to 31 Dec 1962", "1961..1962"),
        Arguments.of("DOB Mar 1962 to Feb 1963", "1962-03..1963-02"),
        Arguments.of("DOB 1969; alt. DOB 1963; alt. DOB 11 Feb 1964; POB Al-Medinah, Saudi Arabia",
            "1969, 1963, 1964-02-11"),
        Arguments.of("DOB 18 Mar 1961; alt. DOB 21 Apr 1945; alt. DOB 18 Mar 1961",
            "1961-03-18, 1945-04-21"), // a repeated date is kept once
        Arguments.of("POB Baghdad, Iraq", ""),
        Arguments.of("DOB 31 Feb 1960", ""), // no such date: dropped and counted
        Arguments.of("DOB 1962 to 1958", ""),
        Arguments.of("-0-", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void datesOfBirth(String remarks, String expected) {
    assertEquals(expected, join(OfacRemarks.parse(remarks).datesOfBirth()));
  }

  @Test
  void parse_dateNotUnderstood_isCounted() {
    assertEquals(2, OfacRemarks.parse("DOB 31 Feb 1960; alt. DOB sometime in 1960; DOB 1961")
        .datesNotUnderstood());
  }

  static Stream<Arguments> nationalities() {
    return Stream.of(
        Arguments.of("nationality Iraq", "IRQ"),
        Arguments.of("citizen Iraq", "IRQ"),
        Arguments.of("nationality Iran; citizen Iran", "IRN"),
        Arguments.of("nationality Syria", "SYR"),
        Arguments.of("nationality Russia", "RUS"),
        Arguments.of("nationality Korea, North", "PRK"),
        Arguments.of("nationality Burma", "MMR"),
        Arguments.of("nationality Congo, Democratic Republic of the", "COD"),
        Arguments.of("nationality Palestinian", "PSE"),
        Arguments.of("nationality possibly Palestinian", "PSE"),
        Arguments.of("nationality Kosovo", "XKX"),
        Arguments.of("nationality The Gambia", "GMB"),
        Arguments.of("nationality Cabo Verde", "CPV"),
        Arguments.of("nationality Macedonia, The Former Yugoslav Republic of", "MKD"),
        Arguments.of("nationality Hong Kong", "HKG"),
        Arguments.of("nationality Saint Kitts and Nevis", "KNA"),
        Arguments.of("nationality China; citizen China; alt. citizen Cambodia", "CHN, KHM"),
        Arguments.of("nationality Atlantis", "Atlantis")); // unknown: kept as written
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void nationalities(String remarks, String expected) {
    assertEquals(expected, String.join(", ", OfacRemarks.parse(remarks).nationalities()));
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("Passport A1234567 (Iraq)", "P A1234567 IRQ"),
        Arguments.of("Passport 284158 (Iraq) expires 21 Aug 2005", "P 284158 IRQ"),
        Arguments.of("Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992",
            "P E590976 TUN"),
        Arguments.of("alt. Passport 19820215", "P 19820215 null"),
        Arguments.of("Passport K754050 issued 26 May 1999 expires 25 May 2004", "P K754050 null"),
        Arguments.of("Passport B 960789", "P B 960789 null"),
        Arguments.of("Passport #H0044232 (Iraq)", "P H0044232 IRQ"),
        Arguments.of("Passport AF465508 Colombia", "P AF465508 COL"),
        Arguments.of("Passport D000000483, Diplomatic (Syria)", "P D000000483 null"),
        Arguments.of("Passport No.: 0310857, Eritrea, Issue Date 21 August 2006, Expire Date 20"
            + " August 2008)", "P 0310857 null"),
        Arguments.of("alt. Passport Booklet: A5199819 (Pakistan)", "P A5199819 PAK"),
        Arguments.of("Passport C 1415363 - 16/2/1421H issued 21 May 2000", "P C 1415363 null"),
        Arguments.of("Passport I066302 (Cabo Verde.  Previously Cape Verde.)", "P I066302 CPV"),
        Arguments.of("Diplomatic Passport 008827 (Iran) issued 1999", "P 008827 IRN"),
        Arguments.of("Diplomatic Passport Laissez-Passer 02154", "P 02154 null"),
        Arguments.of("British National Overseas Passport 750200421 (United Kingdom)",
            "P 750200421 GBR"),
        Arguments.of("Passport OR801168 and Kuwaiti National ID No. 281020505755 issued under the"
            + " name Said Jan 'Abd al-Salam", "P OR801168 null"),
        Arguments.of("National ID No. 12345 (Iraq)", "I 12345 IRQ"),
        Arguments.of("National ID No. D489833(9) (Hong Kong)", "I D489833(9) HKG"),
        Arguments.of("National ID No. 660000 73767 (Belgium)", "I 660000 73767 BEL"),
        Arguments.of("National ID No. 13/Ta Ta Na (Naing)019077 (Burma)",
            "I 13/Ta Ta Na (Naing)019077 MMR"),
        Arguments.of("National ID No. CNIC: 35202-5400413-9 (Pakistan)", "I 35202-5400413-9 PAK"),
        Arguments.of("Cedula No. 16247821 (Colombia)", "I 16247821 COL"),
        Arguments.of("Identification Number AO 2879097 (Italy) expires 30 Oct 2012",
            "null AO 2879097 ITA"),
        Arguments.of("Identification Number 2.194.575 (Paraguay)", "null 2.194.575 PRY"),
        Arguments.of("VisaNumberID 87810564 (United States)", "V 87810564 USA"),
        Arguments.of("U.S.A. Passport issued 21 Jun 1992 in Amman, Jordan", ""),
        Arguments.of("Passport issued in Sarajevo, Bosnia-Herzegovina", ""),
        Arguments.of("Tax ID No. 02681293-E (Spain)", ""),
        Arguments.of("Driver's License No. 180839 (Mexico)", ""),
        Arguments.of("Passport 1084010 (Egypt); alt. Passport 1084010 (Egypt)", "P 1084010 EGY"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void documents(String remarks, String expected) {
    assertEquals(expected, OfacRemarks.parse(remarks).documents().stream()
        .map(d -> d.type() + " " + d.number() + " " + d.issuingCountry())
        .collect(Collectors.joining(", ")));
  }

  @Test
  void parse_gender() {
    assertEquals(Gender.MALE, OfacRemarks.parse("DOB 1960; Gender Male.").gender());
    assertEquals(Gender.FEMALE, OfacRemarks.parse("Gender Female").gender());
    assertEquals(Gender.UNKNOWN, OfacRemarks.parse("DOB 1960").gender());
  }

  /** The whole remarks of ent_num 31532 (ORTEGA MURILLO, Camila Antonia). */
  @Test
  void parse_wholeRealRemarks() {
    OfacRemarks.Parsed p = OfacRemarks.parse("DOB 04 Nov 1987; POB Managua, Nicaragua;"
        + " nationality Nicaragua; Gender Female; Passport A00000114 (Nicaragua) issued 28 Jun"
        + " 2012 expires 28 Jun 2022; National ID No. 0010411870001B (Nicaragua).");
    assertEquals("1987-11-04", join(p.datesOfBirth()));
    assertEquals(List.of("NIC"), p.nationalities());
    assertEquals(Gender.FEMALE, p.gender());
    assertEquals(List.of(new ListedDocument("P", "A00000114", "NIC"),
        new ListedDocument("I", "0010411870001B", "NIC")), p.documents());
    assertEquals(0, p.datesNotUnderstood());
  }

  @Test
  void parse_nullOrEmpty_givesNothing() {
    OfacRemarks.Parsed p = OfacRemarks.parse(null);
    assertEquals(List.of(), p.datesOfBirth());
    assertEquals(List.of(), p.documents());
    assertEquals(Gender.UNKNOWN, OfacRemarks.parse("").gender());
  }

  @Test
  void date_formsAndNonsense() {
    assertEquals("1973-11", OfacRemarks.date("Nov. 1973").toString());
    assertEquals("1961-08", OfacRemarks.date("August 1961").toString());
    assertEquals("1960-09-05", OfacRemarks.date("5 Sept 1960").toString());
    assertNull(OfacRemarks.date("Augustus 1961"));
    assertNull(OfacRemarks.date("0 Jan 1960"));
    assertNull(OfacRemarks.date("196"));
    assertNull(OfacRemarks.date(""));
  }

  static Stream<Arguments> countryNames() {
    return Stream.of(
        Arguments.of("Iran (Islamic Republic of)", "IRN"),
        Arguments.of("Syrian Arab Republic", "SYR"),
        Arguments.of("Russian Federation", "RUS"),
        Arguments.of("Viet Nam", "VNM"),
        Arguments.of("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        Arguments.of("Democratic Republic of the Congo", "COD"),
        Arguments.of("Congo", "COG"),
        Arguments.of("Democratic People's Republic of Korea", "PRK"),
        Arguments.of("United Republic of Tanzania", "TZA"),
        Arguments.of("State of Palestine", "PSE"),
        Arguments.of("Türkiye", "TUR"),
        Arguments.of("Côte d’Ivoire", "CIV"),
        Arguments.of("St. Kitts & Nevis", "KNA"),
        Arguments.of("united states of america", "USA"),
        Arguments.of("GB", "GBR"),
        Arguments.of("deu", "DEU"),
        Arguments.of("UK", "GBR"),
        Arguments.of("former Soviet Union", "former Soviet Union"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void countryNames(String name, String expected) {
    assertEquals(expected, CountryNames.alpha3(name));
  }

  private static String join(List<DateRange> dates) {
    return dates.stream().map(DateRange::toString).collect(Collectors.joining(", "));
  }
}
