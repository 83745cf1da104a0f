package org.paxrisk.watchlist;

import java.util.List;
import java.util.Objects;
import org.paxrisk.model.Gender;

/**
 * One person (or entity, vessel, aircraft, travel document) on a watch list, as imported. Every
 * name, date of birth, nationality and document the source gives is kept; matching decides which
 * of them a traveller agrees with.
 *
 * @param id unique within a store: the list name, a colon and the source's own id ({@code
 *     ofac:306}, {@code un:6907993})
 * @param list the list it belongs to ({@code ofac-sdn}, {@code un-sc}, a centre's own list)
 * @param category what kind of list: {@link #SANCTIONS}, {@link #NO_FLY}, {@link
 *     #LOST_STOLEN_DOCUMENTS} or a centre's own word; rules see it
 * @param kind individual, entity, vessel, aircraft or document
 * @param names the primary name first, then aliases, original-script spellings
 * @param datesOfBirth exact dates, years, or ranges; empty when unknown
 * @param gender as listed, {@link Gender#UNKNOWN} when not
 * @param nationalities ISO 3166 alpha-3 where the source's country could be mapped, else as given
 * @param documents passports, identity cards and other document numbers
 * @param remarks free text of the source that is not personal data of the traveller (programme,
 *     listing reason); may be null
 */
public record WatchlistEntry(
    String id,
    String list,
    String category,
    Kind kind,
    List<ListedName> names,
    List<DateRange> datesOfBirth,
    Gender gender,
    List<String> nationalities,
    List<ListedDocument> documents,
    String remarks) {

  public static final String SANCTIONS = "sanctions";
  public static final String NO_FLY = "no-fly";
  public static final String LOST_STOLEN_DOCUMENTS = "lost-stolen-documents";

  /** What is listed. */
  public enum Kind {
    INDIVIDUAL,
    ENTITY,
    VESSEL,
    AIRCRAFT,
    /** A travel document on its own (lost/stolen lists): no person is named. */
    DOCUMENT
  }

  public WatchlistEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(kind, "kind");
    names = List.copyOf(names);
    datesOfBirth = List.copyOf(datesOfBirth);
    gender = gender == null ? Gender.UNKNOWN : gender;
    nationalities = List.copyOf(nationalities);
    documents = List.copyOf(documents);
  }

  /** The primary name, or null for a document-only entry. */
  public String primaryName() {
    return names.isEmpty() ? null : names.get(0).name();
  }

  @Override
  public String toString() {
    // A person's id is the list's public reference; a document entry's id holds the document
    // number, which stays out of logs like names do.
    return "WatchlistEntry[" + (kind == Kind.DOCUMENT ? list + ":(document)" : id) + ", "
        + category + ", " + kind + ", " + names.size() + " names]";
  }
}
