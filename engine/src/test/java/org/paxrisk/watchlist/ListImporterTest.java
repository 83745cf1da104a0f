package org.paxrisk.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point {@link Importers} and what every importer promises. */
class ListImporterTest {

  @Test
  void formats_inCommandLineOrder() {
    assertEquals(List.of("csv", "ofac", "un", "documents"), List.copyOf(Importers.formats()));
    assertThrows(UnsupportedOperationException.class, () -> Importers.formats().add("x"));
  }

  @Test
  void forFormat_eachFormat_nameAndDefaultCategory() {
    for (String f : Importers.formats()) {
      assertEquals(f, Importers.forFormat(f).format());
    }
    assertEquals(CsvImporter.DEFAULT_CATEGORY, Importers.forFormat("csv").defaultCategory());
    assertEquals(WatchlistEntry.SANCTIONS, Importers.forFormat("ofac").defaultCategory());
    assertEquals(WatchlistEntry.SANCTIONS, Importers.forFormat("un").defaultCategory());
    assertEquals(WatchlistEntry.LOST_STOLEN_DOCUMENTS,
        Importers.forFormat("documents").defaultCategory());
  }

  @Test
  void forFormat_anyCaseAndSpaces_sameImporter() {
    assertSame(Importers.forFormat("ofac"), Importers.forFormat(" OFAC "));
  }

  @Test
  void forFormat_unknown_namesTheValidFormats() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Importers.forFormat("xml"));
    assertEquals("unknown watch-list format 'xml': the formats are csv, ofac, un, documents",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Importers.forFormat(null));
    assertThrows(IllegalArgumentException.class, () -> Importers.forFormat(""));
  }

  @Test
  void everyImporter_missingFile_throwsIoExceptionNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("sdn.csv");
    for (String f : Importers.formats()) {
      IOException e = assertThrows(IOException.class,
          () -> Importers.forFormat(f).read(List.of(missing), "l", x -> { }), f);
      assertTrue(e.getMessage().contains(missing.toString()), f + ": " + e.getMessage());
    }
  }

  @Test
  void everyImporter_directory_throwsIoException(@TempDir Path dir) {
    Path sub = dir.resolve("sdn");
    assertTrue(sub.toFile().mkdir());
    for (String f : Importers.formats()) {
      IOException e = assertThrows(IOException.class,
          () -> Importers.forFormat(f).read(List.of(sub), "l", x -> { }), f);
      assertTrue(e.getMessage().contains("not a regular file"), f + ": " + e.getMessage());
    }
  }
}
