package io.github.vpsdk.vp.core.internal.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Splits a stream into LF-terminated lines of bytes, with a bound on the length kept. */
final class LineReader implements Closeable {
  private final InputStream in;
  private final int maxLine;
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;

  /** The current line, without its LF; only the first {@code maxLine} bytes are kept. */
  byte[] line = new byte[1024];
  /** Bytes of the current line kept in {@link #line}. */
  int length;
  /** Whether the current line ended with an LF. */
  boolean hasLf;
  /** Whether the current line was longer than the limit. */
  boolean oversized;
  /** Bytes the current line took in the file, LF included. */
  long rawLength;

  LineReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** Reads the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    hasLf = false;
    oversized = false;
    rawLength = 0;
    while (true) {
      if (pos == lim && !fill()) {
        return rawLength > 0;
      }
      int i = pos;
      while (i < lim && chunk[i] != '\n') {
        i++;
      }
      keep(pos, i - pos);
      rawLength += i - pos;
      if (i < lim) {
        pos = i + 1;
        rawLength++;
        hasLf = true;
        return true;
      }
      pos = lim;
    }
  }

  /** Skips to the start of the next line without keeping it; false at the end of the stream. */
  boolean skipLine() throws IOException {
    boolean any = false;
    while (true) {
      if (pos == lim && !fill()) {
        return any;
      }
      any = true;
      while (pos < lim) {
        if (chunk[pos++] == '\n') {
          return true;
        }
      }
    }
  }

  /** Whether no byte follows the current line. */
  boolean atEnd() throws IOException {
    return pos == lim && !fill();
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(chunk);
    while (n == 0) {
      n = in.read(chunk);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  private void keep(int from, int count) {
    int room = maxLine - length;
    if (count > room) {
      oversized = true;
      count = Math.max(room, 0);
    }
    if (count == 0) {
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(chunk, from, line, length, count);
    length += count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
