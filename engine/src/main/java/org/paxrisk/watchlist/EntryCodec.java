package org.paxrisk.watchlist;

import java.util.ArrayList;
import java.util.List;
import org.paxrisk.model.Gender;
import org.paxrisk.model.PartialDate;

/**
 * The binary layout of one entry in the store's {@code entries} map (no Java serialization), with
 * each name stored already normalised so that matching never runs ICU on list entries.
 *
 * <pre>
 *   u8 layout (1) | str id | str list | str category | u8 kind | u8 gender
 *   varint names  { u8 type | u8 weak | str name | str surname | str given
 *                   varint tokens { ascii token | ascii skeleton | f32 weight } }
 *   varint dobs   { i32 from (yyyymmdd, 00 = unknown) | i32 to }
 *   varint nationalities { str }
 *   varint documents { str type | str number | str country }
 *   str remarks
 * </pre>
 */
final class EntryCodec {
  static final int LAYOUT = 1;

  private EntryCodec() {}

  static byte[] encode(WatchlistEntry e, List<NameSimilarity.Tokens> names, Bin.Writer w) {
    w.reset().u8(LAYOUT).str(e.id()).str(e.list()).str(e.category()).u8(e.kind().ordinal())
        .u8(e.gender().ordinal());
    w.varint(e.names().size());
    for (int i = 0; i < e.names().size(); i++) {
      ListedName n = e.names().get(i);
      w.u8(n.type().ordinal()).u8(n.weak() ? 1 : 0).str(n.name()).str(n.surname())
          .str(n.givenNames());
      NameSimilarity.Tokens t = names.get(i);
      w.varint(t.size());
      for (int k = 0; k < t.size(); k++) {
        w.str(t.token[k]).str(t.skeleton[k]).f32((float) t.weight[k]);
      }
    }
    w.varint(e.datesOfBirth().size());
    for (DateRange d : e.datesOfBirth()) {
      w.i32(pack(d.from())).i32(pack(d.to()));
    }
    w.varint(e.nationalities().size());
    for (String n : e.nationalities()) {
      w.str(n);
    }
    w.varint(e.documents().size());
    for (ListedDocument d : e.documents()) {
      w.str(d.type()).str(d.number()).str(d.issuingCountry());
    }
    w.str(e.remarks());
    return w.toBytes();
  }

  // values() copies its array on every call: once per decoded entry.
  private static final WatchlistEntry.Kind[] KINDS = WatchlistEntry.Kind.values();
  private static final Gender[] GENDERS = Gender.values();
  private static final ListedName.Type[] NAME_TYPES = ListedName.Type.values();

  /** The entry, without the names' tokens (scoring reads those through {@link #decodeLean}). */
  static WatchlistEntry decode(Bin.Reader r) {
    int layout = r.u8();
    if (layout != LAYOUT) {
      throw new IllegalStateException("watch-list store record layout " + layout
          + " is not " + LAYOUT + ": rebuild the store with this version");
    }
    String id = r.str();
    String list = r.str();
    String category = r.str();
    WatchlistEntry.Kind kind = KINDS[r.u8()];
    Gender gender = GENDERS[r.u8()];
    int n = (int) r.varint();
    List<ListedName> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ListedName.Type type = NAME_TYPES[r.u8()];
      boolean weak = r.u8() == 1;
      names.add(new ListedName(r.str(), r.str(), r.str(), type, weak));
      skipTokens(r);
    }
    int nd = (int) r.varint();
    List<DateRange> dobs = new ArrayList<>(nd);
    for (int i = 0; i < nd; i++) {
      dobs.add(new DateRange(unpack(r.i32()), unpack(r.i32())));
    }
    int nn = (int) r.varint();
    List<String> nat = new ArrayList<>(nn);
    for (int i = 0; i < nn; i++) {
      nat.add(r.str());
    }
    int ndoc = (int) r.varint();
    List<ListedDocument> docs = new ArrayList<>(ndoc);
    for (int i = 0; i < ndoc; i++) {
      docs.add(new ListedDocument(r.str(), r.str(), r.str()));
    }
    String remarks = r.str();
    return new WatchlistEntry(id, list, category, kind, names, dobs, gender, nat, docs, remarks);
  }

  /**
   * What scoring reads of an entry, without the objects a full decode makes: kind, gender, the
   * names' tokens and weak flags, dates of birth, nationalities, document numbers.
   */
  static Lean decodeLean(Bin.Reader r) {
    if (r.u8() != LAYOUT) {
      throw new IllegalStateException("watch-list store record layout is not " + LAYOUT);
    }
    r.skipStr();
    r.skipStr();
    r.skipStr();
    WatchlistEntry.Kind kind = KINDS[r.u8()];
    Gender gender = GENDERS[r.u8()];
    int n = (int) r.varint();
    NameSimilarity.Tokens[] tokens = new NameSimilarity.Tokens[n];
    boolean[] weak = new boolean[n];
    for (int i = 0; i < n; i++) {
      r.u8();
      weak[i] = r.u8() == 1;
      r.skipStr();
      r.skipStr();
      r.skipStr();
      tokens[i] = readTokens(r);
    }
    int nd = (int) r.varint();
    int[] dobs = new int[nd * 2];
    for (int i = 0; i < nd * 2; i++) {
      dobs[i] = r.i32();
    }
    int nn = (int) r.varint();
    String[] nat = new String[nn];
    for (int i = 0; i < nn; i++) {
      nat[i] = r.str();
    }
    int ndoc = (int) r.varint();
    String[] docNumbers = new String[ndoc];
    String[] docCountries = new String[ndoc];
    for (int i = 0; i < ndoc; i++) {
      r.skipStr();
      docNumbers[i] = r.str();
      docCountries[i] = r.str();
    }
    return new Lean(kind, gender, tokens, weak, dobs, nat, docNumbers, docCountries);
  }

  /** The part of an entry that scoring reads. */
  record Lean(WatchlistEntry.Kind kind, Gender gender, NameSimilarity.Tokens[] names,
      boolean[] weak, int[] datesOfBirth, String[] nationalities, String[] documentNumbers,
      String[] documentCountries, int[] tokenIndex) {

    private static final int[] NONE = new int[0];

    Lean(WatchlistEntry.Kind kind, Gender gender, NameSimilarity.Tokens[] names, boolean[] weak,
        int[] datesOfBirth, String[] nationalities, String[] documentNumbers,
        String[] documentCountries) {
      this(kind, gender, names, weak, datesOfBirth, nationalities, documentNumbers,
          documentCountries, index(names));
    }

    /**
     * For an entry with more names than the matcher compares: each name's token count, then per
     * name and token the hashes of its canonical spelling and of its skeleton. One array scanned
     * in order is quicker to find which aliases share a query token outright than a map of
     * strings (see {@link WatchlistMatcher#overlaps}). Empty for other entries.
     */
    private static int[] index(NameSimilarity.Tokens[] names) {
      if (names.length <= WatchlistMatcher.MAX_NAMES_COMPARED) {
        return NONE;
      }
      int tokens = 0;
      for (NameSimilarity.Tokens t : names) {
        tokens += t.size();
      }
      int[] index = new int[names.length + 2 * tokens];
      int p = names.length;
      for (int i = 0; i < names.length; i++) {
        NameSimilarity.Tokens t = names[i];
        index[i] = t.size();
        for (int k = 0; k < t.size(); k++) {
          index[p++] = t.canonical[k].hashCode();
          index[p++] = t.skeleton[k].hashCode();
        }
      }
      return index;
    }
  }

  private static void skipTokens(Bin.Reader r) {
    int k = (int) r.varint();
    for (int j = 0; j < k; j++) {
      r.skipStr();
      r.skipStr();
      r.i32();
    }
  }

  private static NameSimilarity.Tokens readTokens(Bin.Reader r) {
    int k = (int) r.varint();
    String[] tok = new String[k];
    String[] skel = new String[k];
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      tok[j] = r.ascii();
      skel[j] = r.ascii();
      w[j] = r.f32();
    }
    return new NameSimilarity.Tokens(tok, skel, w);
  }

  static int pack(PartialDate d) {
    return d.year() * 10000 + d.month() * 100 + d.day();
  }

  static PartialDate unpack(int v) {
    return new PartialDate(v / 10000, v / 100 % 100, v % 100);
  }
}
