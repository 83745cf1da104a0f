package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paxrisk.generate.ListGenerator;
import org.paxrisk.generate.NameVariants;
import org.paxrisk.model.PartialDate;

/**
 * The name a match reports ({@link WatchlistMatch#matchedName}) is the listed name its reason
 * explains: every listed token of the reason's pairs is in it, and "matched an alias" is said
 * exactly when it is not the entry's first name. Generated entries carry aliases with typos
 * (MOHAMMCD beside MOHAMMED), so a report that took another alias than the one scored shows.
 */
class MatchedNameTest {
  /** A pair of the name reason: {@code QUERY=LISTED} or {@code QUERY~LISTED 0.94}. */
  private static final Pattern PAIR = Pattern.compile("([A-Z]+)[=~]([A-Z]+)");

  @Test
  void theMatchedNameIsTheOneTheReasonExplains(@TempDir Path dir) throws IOException {
    WatchlistStore.importList(dir, ListGenerator.withSeed(23).importer(20_000, "sanctions"),
        List.of(), "generated");
    List<WatchlistEntry> listed = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(29);
    int checked = 0;
    int aliases = 0;
    try (WatchlistStore store = WatchlistStore.open(dir)) {
      store.forEach(listed::add);
      WatchlistMatcher matcher = store.matcher();
      for (int k = 0; k < 4_000; k++) {
        WatchlistEntry e = listed.get(rnd.nextInt(listed.size()));
        String name = e.names().get(rnd.nextInt(e.names().size())).name();
        if (k % 2 == 0) {
          name = NameVariants.vary(name, rnd);
        }
        PartialDate dob = e.datesOfBirth().isEmpty() ? null : e.datesOfBirth().get(0).from();
        for (WatchlistMatch m : matcher.match(new WatchlistMatcher.Query(name, dob, null, null,
            List.of()))) {
          if (m.entry().kind() == WatchlistEntry.Kind.DOCUMENT) {
            continue;
          }
          assertNotNull(m.matchedName(), m.entryId());
          String reason = m.reasons().get(0);
          String tokens = String.join("", Normalizer.tokens(m.matchedName()));
          Matcher pair = PAIR.matcher(reason.substring(0, reason.indexOf(';') < 0
              ? reason.length() : reason.indexOf(';')));
          while (pair.find()) {
            // A joined token (ABDULRAHMAN for ABDUL RAHMAN) is two tokens of the name run
            // together: the name's tokens run together hold it.
            assertTrue(tokens.contains(pair.group(2)), "entry " + m.entryId() + ": reason "
                + reason + " explains a name other than " + m.matchedName());
          }
          boolean alias = !m.matchedName().equals(m.entry().names().get(0).name());
          assertEquals(alias, reason.contains("matched an alias"), m.entryId() + " " + reason);
          aliases += alias ? 1 : 0;
          checked++;
        }
      }
    }
    assertTrue(checked > 2_000, "too few matches to tell: " + checked);
    assertTrue(aliases > 200, "too few matches on an alias to tell: " + aliases);
  }
}
