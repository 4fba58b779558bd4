package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.io.ByteArrayOutputStream;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * The receiver side of RFC 2435, written for the tests from the RFC (section 3.1 and appendices A
 * and B): collects the packets of one frame and rebuilds a JFIF-less JPEG from the RTP/JPEG
 * header, the in-band quantization tables and the standard Huffman tables.
 */
final class RtpJpegDepacketizer {
  private final ByteArrayOutputStream scan = new ByteArrayOutputStream();
  private byte[] tables;
  private int type = -1;
  private int width;
  private int height;
  private long timestamp = -1;
  private int expectedOffset;
  int packets;
  /** The RTP timestamp of the last frame rebuilt. */
  long frameTimestamp;

  /**
   * Adds one RTP packet.
   *
   * @return the rebuilt JPEG once the marker packet completes a frame, else null
   */
  byte[] add(byte[] p) {
    if ((p[0] & 0xC0) != 0x80 || (p[1] & 0x7F) != 26) {
      throw new AssertionError("not RTP/JPEG");
    }
    boolean marker = (p[1] & 0x80) != 0;
    long ts = u32(p, 4);
    int j = 12 + 4 * (p[0] & 0x0F);
    int offset = ((p[j + 1] & 0xFF) << 16) | ((p[j + 2] & 0xFF) << 8) | (p[j + 3] & 0xFF);
    int t = p[j + 4] & 0xFF;
    int q = p[j + 5] & 0xFF;
    int w = (p[j + 6] & 0xFF) * 8;
    int h = (p[j + 7] & 0xFF) * 8;
    j += 8;
    if (offset == 0) {
      scan.reset();
      timestamp = ts;
      type = t;
      width = w;
      height = h;
      packets = 0;
      expectedOffset = 0;
      if (q >= 128) {
        int length = ((p[j + 2] & 0xFF) << 8) | (p[j + 3] & 0xFF);
        if (p[j + 1] != 0 || length != 128) {
          throw new AssertionError("expected two 8-bit tables, got precision " + p[j + 1] + " length " + length);
        }
        tables = java.util.Arrays.copyOfRange(p, j + 4, j + 4 + 128);
        j += 4 + 128;
      } else {
        throw new AssertionError("expected in-band tables, Q=" + q);
      }
    } else if (ts != timestamp || offset != expectedOffset) {
      timestamp = -1; // lost a packet: wait for the next frame
      return null;
    }
    if (timestamp < 0) {
      return null;
    }
    scan.write(p, j, p.length - j);
    expectedOffset += p.length - j;
    packets++;
    if (marker) {
      frameTimestamp = timestamp;
      return jpeg();
    }
    return null;
  }

  int type() {
    return type;
  }

  private byte[] jpeg() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(0xFF);
    o.write(0xD8);
    for (int k = 0; k < 2; k++) { // DQT
      marker(o, 0xDB, 2 + 65);
      o.write(k);
      o.write(tables, 64 * k, 64);
    }
    marker(o, 0xC0, 2 + 6 + 9); // SOF0
    o.write(8);
    o.write(height >> 8);
    o.write(height);
    o.write(width >> 8);
    o.write(width);
    o.write(3);
    o.write(0);
    o.write(type == 0 ? 0x21 : 0x22);
    o.write(0);
    o.write(1);
    o.write(0x11);
    o.write(1);
    o.write(2);
    o.write(0x11);
    o.write(1);
    for (int tc = 0; tc < 2; tc++) {
      for (int th = 0; th < 2; th++) {
        JPEGHuffmanTable std = JpegFrame.standard(tc, th);
        short[] lengths = std.getLengths();
        short[] values = std.getValues();
        marker(o, 0xC4, 2 + 1 + 16 + values.length);
        o.write((tc << 4) | th);
        for (short l : lengths) {
          o.write(l);
        }
        for (short v : values) {
          o.write(v);
        }
      }
    }
    marker(o, 0xDA, 2 + 1 + 6 + 3); // SOS
    o.write(3);
    o.write(0);
    o.write(0x00);
    o.write(1);
    o.write(0x11);
    o.write(2);
    o.write(0x11);
    o.write(0);
    o.write(63);
    o.write(0);
    byte[] s = scan.toByteArray();
    o.write(s, 0, s.length);
    o.write(0xFF);
    o.write(0xD9);
    timestamp = -1;
    return o.toByteArray();
  }

  private static void marker(ByteArrayOutputStream o, int m, int len) {
    o.write(0xFF);
    o.write(m);
    o.write(len >> 8);
    o.write(len);
  }

  private static long u32(byte[] b, int at) {
    return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
  }
}
