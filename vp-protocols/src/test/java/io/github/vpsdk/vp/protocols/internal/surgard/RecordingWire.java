package io.github.vpsdk.vp.protocols.internal.surgard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A connection that records what is written to it. */
public final class RecordingWire implements Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final String peer;
  public volatile boolean reading = true;
  public volatile boolean closed;

  public RecordingWire(String peer) {
    this.peer = peer;
  }

  @Override
  public synchronized void write(byte[] bytes) {
    out.writeBytes(bytes);
  }

  @Override
  public void reading(boolean on) {
    reading = on;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String peer() {
    return peer;
  }

  /** Everything written so far, then forgets it. */
  public synchronized byte[] take() {
    byte[] b = out.toByteArray();
    out.reset();
    return b;
  }

  /** Everything written so far as ISO-8859-1 text with DC4 as '|', ACK as 'A' and NAK as 'N', then forgets it. */
  public String takeText() {
    String s = new String(take(), StandardCharsets.ISO_8859_1);
    return s.replace('\u0014', '|').replace('\u0006', 'A').replace('\u0015', 'N');
  }
}
