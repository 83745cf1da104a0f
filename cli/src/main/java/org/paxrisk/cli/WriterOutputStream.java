package org.paxrisk.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bridges JSON bytes to the command's (test-replaceable) PrintWriter. Output is UTF-8 JSON. */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter out;

  WriterOutputStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    out.write(new String(b, off, len, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
