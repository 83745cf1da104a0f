package org.paxrisk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rule pack as loaded from a folder or from the classpath: its DRL files, parameters, lists and
 * scenario files, read into memory so that a later edit cannot change a compiled rule set.
 *
 * <pre>
 * PACK/
 *   *.drl                   rules, in any sub-folder
 *   parameters.properties   numbers the rules read (name = value), in any sub-folder
 *   lists/NAME.txt          named lists the rules read, one value per line, # comments
 *   *.yaml, *.yml           scenarios for {@code rules test}
 * </pre>
 *
 * Folders named {@code target} and hidden folders are skipped: they hold build output and editor
 * state, not rules.
 */
public final class RulePack {
  /** Where the default pack lives on the classpath (the {@code paxrisk-rules} jar). */
  public static final String DEFAULT_PACK = "paxrisk/rules/default";

  /** A file of the pack: its name as the author knows it, its path inside the pack, its text. */
  record File(String display, String relative, String text) {}

  private final String name;
  private final List<File> files;

  private RulePack(String name, List<File> files) {
    this.name = name;
    this.files = List.copyOf(files);
  }

  /** The pack in a folder; fails when the folder does not exist or cannot be read. */
  public static RulePack folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("rules folder does not exist: " + dir);
    }
    return new RulePack(dir.toString(), read(dir, dir.toString()));
  }

  /** The default pack, from the classpath; fails when the {@code paxrisk-rules} jar is absent. */
  public static RulePack defaultPack() {
    return classpath(DEFAULT_PACK);
  }

  /**
   * A pack on the classpath, in a folder or a jar. The folder must hold a
   * {@code parameters.properties} (possibly empty): it is how the pack is found.
   */
  public static RulePack classpath(String resourceFolder) {
    String marker = resourceFolder + "/parameters.properties";
    URL url = RulePack.class.getClassLoader().getResource(marker);
    if (url == null) {
      throw new IllegalStateException("rule pack not on the classpath: " + marker
          + " (is the paxrisk-rules jar there?)");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return fromClasspathRoot(fs.getPath(marker).getParent(), resourceFolder);
        } catch (FileSystemAlreadyExistsException e) {
          return fromClasspathRoot(
              FileSystems.getFileSystem(uri).getPath(marker).getParent(), resourceFolder);
        }
      }
      return fromClasspathRoot(Path.of(uri).getParent(), resourceFolder);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read rule pack " + resourceFolder, e);
    }
  }

  private static RulePack fromClasspathRoot(Path root, String resourceFolder) {
    return new RulePack("classpath:" + resourceFolder, read(root, "classpath:" + resourceFolder));
  }

  /** The folder, or {@code classpath:} and the resource folder. */
  public String name() {
    return name;
  }

  /** The pack's scenario files' names, in the pack's order. */
  public List<String> scenarioFiles() {
    List<String> out = new ArrayList<>();
    for (File f : files) {
      if (isScenario(f.relative())) {
        out.add(f.display());
      }
    }
    return out;
  }

  List<File> files() {
    return files;
  }

  static boolean isDrl(String relative) {
    return relative.endsWith(".drl");
  }

  static boolean isScenario(String relative) {
    return relative.endsWith(".yaml") || relative.endsWith(".yml");
  }

  static boolean isParameters(String relative) {
    return relative.equals("parameters.properties") || relative.endsWith("/parameters.properties");
  }

  static boolean isList(String relative) {
    return (relative.startsWith("lists/") || relative.contains("/lists/"))
        && relative.endsWith(".txt");
  }

  /** The name rules use for a list file: its file name without {@code .txt}. */
  static String listName(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1, relative.length() - 4);
  }

  private static List<File> read(Path root, String displayRoot) {
    List<File> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = walk.filter(Files::isRegularFile)
          .filter(p -> !skipped(root, p))
          .sorted()
          .toList();
      for (Path p : paths) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (isDrl(relative) || isScenario(relative) || isParameters(relative) || isList(relative)) {
          String display = displayRoot.endsWith("/") ? displayRoot + relative
              : displayRoot + '/' + relative;
          out.add(new File(display, relative,
              new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules folder " + displayRoot, e);
    }
    return out;
  }

  private static boolean skipped(Path root, Path file) {
    for (Path part : root.relativize(file.getParent() == null ? file : file.getParent())) {
      String s = part.toString();
      if (s.equals("target") || (s.startsWith(".") && s.length() > 1)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RulePack[" + name + ", " + files.size() + " files]";
  }
}
