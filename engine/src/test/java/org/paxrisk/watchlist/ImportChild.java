package org.paxrisk.watchlist;

import java.nio.file.Path;
import java.util.List;
import org.paxrisk.generate.ListGenerator;

/** A separate process for {@link ImportCrashTest}: imports a large generated list, to be killed. */
public final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) throws Exception {
    Path store = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    WatchlistStore.importList(store, ListGenerator.withSeed(99).importer(count, "no-fly"),
        List.of(), "big");
    System.out.println("import finished");
  }
}
