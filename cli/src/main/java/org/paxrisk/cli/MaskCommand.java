package org.paxrisk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.paxrisk.screening.Masker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paxrisk mask}: depersonalise stored results (EU PNR Directive, art. 12). */
@Command(
    name = "mask",
    mixinStandardHelpOptions = true,
    description = {
      "Depersonalise stored results (JSON Lines or CSV from screen or parse): every value that"
          + " could identify a person becomes a keyed hash (h: and 32 hex digits).",
      "Re-identification needs the key, held apart from the results: --token FIELD=VALUE prints"
          + " the hash a value gets, to search for it."
    })
final class MaskCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "secret key, at least 32 bytes (default: $PAXRISK_MASK_KEY_FILE)")
  Path keyFile;

  @Option(names = "--out", paramLabel = "FILE", description = "masked results (default: stdout)")
  Path out;

  @Option(names = "--token", paramLabel = "FIELD=VALUE",
      description = "print the hash of one value instead of masking files")
  String token;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "result files")
  List<Path> files = List.of();

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Path k = keyFile != null ? keyFile
        : System.getenv("PAXRISK_MASK_KEY_FILE") != null
            ? Path.of(System.getenv("PAXRISK_MASK_KEY_FILE")) : null;
    if (k == null) {
      throw new CommandLine.ParameterException(cl,
          "a key is needed: --key-file FILE or PAXRISK_MASK_KEY_FILE (32 random bytes or more,"
              + " e.g. head -c 32 /dev/urandom > mask.key; keep it apart from the results)");
    }
    if (!Files.isRegularFile(k)) {
      throw new CommandLine.ParameterException(cl, "no such key file: " + k);
    }
    Masker masker;
    try {
      masker = Masker.withKey(Files.readAllBytes(k));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    if (token != null) {
      int eq = token.indexOf('=');
      if (eq <= 0 || !files.isEmpty()) {
        throw new CommandLine.ParameterException(cl, "--token takes FIELD=VALUE and no files");
      }
      cl.getOut().println(masker.token(token.substring(0, eq), token.substring(eq + 1)));
      return 0;
    }
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "no result files given");
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new CommandLine.ParameterException(cl, "no such file: " + f);
      }
    }
    long records = 0;
    if (out == null) {
      Writer w = new BufferedWriter(new OutputStreamWriter(
          new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8));
      records = maskAll(masker, w);
      w.flush();
    } else {
      records = OwnerOnlyFile.write(out, os -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        long n = maskAll(masker, w);
        w.flush();
        return n;
      });
    }
    cl.getErr().printf("masked %,d records from %d files%n", records, files.size());
    return 0;
  }

  private long maskAll(Masker masker, Writer w) throws IOException {
    long n = 0;
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        n += masker.mask(r, w);
      } catch (IOException e) {
        throw new IOException(f + ": " + e.getMessage(), e);
      }
    }
    return n;
  }
}
