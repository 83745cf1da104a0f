package org.paxrisk.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a store version holds: its name, when it was built, the normaliser it was built with, and
 * per list the category, format, counts and the checksums of the files imported. Kept as
 * {@code manifest.properties} in the version's folder.
 */
public record Manifest(
    String version, Instant created, int normalizer, int entries, long names, long keys,
    List<ListInfo> lists) {

  static final String FILE = "manifest.properties";

  public Manifest {
    lists = List.copyOf(lists);
  }

  /** One list of the store. */
  public record ListInfo(
      String name, String category, String format, long entries, long aliases,
      List<String> sources) {
    public ListInfo {
      sources = List.copyOf(sources);
    }
  }

  /** The list of that name, or null. */
  public ListInfo list(String name) {
    return lists.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
  }

  void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("version", version == null ? "" : version);
    p.setProperty("created", created.toString());
    p.setProperty("normalizer", Integer.toString(normalizer));
    p.setProperty("layout", Integer.toString(EntryCodec.LAYOUT));
    p.setProperty("entries", Integer.toString(entries));
    p.setProperty("names", Long.toString(names));
    p.setProperty("keys", Long.toString(keys));
    List<String> listNames = new ArrayList<>();
    for (ListInfo l : lists) {
      listNames.add(l.name());
      String k = "list." + l.name() + ".";
      p.setProperty(k + "category", l.category());
      p.setProperty(k + "format", l.format());
      p.setProperty(k + "entries", Long.toString(l.entries()));
      p.setProperty(k + "aliases", Long.toString(l.aliases()));
      p.setProperty(k + "sources", String.join("|", l.sources()));
    }
    p.setProperty("lists", String.join(",", listNames));
    try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
      p.store(out, "PaxRisk watch-list store version");
    }
  }

  static Manifest read(Path dir, String version) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(FILE))) {
      p.load(in);
    }
    List<ListInfo> lists = new ArrayList<>();
    String names = p.getProperty("lists", "");
    for (String n : names.isEmpty() ? new String[0] : names.split(",")) {
      String k = "list." + n + ".";
      String sources = p.getProperty(k + "sources", "");
      lists.add(new ListInfo(n, p.getProperty(k + "category"), p.getProperty(k + "format"),
          Long.parseLong(p.getProperty(k + "entries", "0")),
          Long.parseLong(p.getProperty(k + "aliases", "0")),
          sources.isEmpty() ? List.of() : List.of(sources.split("\\|"))));
    }
    return new Manifest(version, Instant.parse(p.getProperty("created")),
        Integer.parseInt(p.getProperty("normalizer")), Integer.parseInt(p.getProperty("entries")),
        Long.parseLong(p.getProperty("names")), Long.parseLong(p.getProperty("keys", "0")), lists);
  }
}
