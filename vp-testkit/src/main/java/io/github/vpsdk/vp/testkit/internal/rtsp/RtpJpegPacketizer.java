package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link JpegFrame} into RTP packets of the JPEG payload format (RFC 2435, static payload
 * type 26). Each packet carries the 12-byte RTP header (RFC 3550), the 8-byte JPEG header (type
 * 0 or 1, Q = 255, size in 8-pixel blocks, fragment offset into the scan) and a slice of the scan.
 * The first packet of a frame also carries the quantization table header with both tables (Q =
 * 255: tables sent in band, on every frame). The last packet of a frame has the marker bit set.
 * Not thread-safe: one per stream, it keeps the sequence number.
 */
public final class RtpJpegPacketizer {
  /** The static RTP payload type of JPEG (RFC 3551). */
  public static final int PAYLOAD_TYPE = 26;
  /** The RTP clock rate of JPEG, in Hz. */
  public static final int CLOCK_RATE = 90_000;
  /** The Q value announcing in-band quantization tables that may change on every frame. */
  public static final int Q_IN_BAND = 255;

  private static final int RTP_HEADER = 12;
  private static final int JPEG_HEADER = 8;
  private static final int QTABLE_HEADER = 4 + 128;

  private final int ssrc;
  private final int maxPacket;
  private int sequence;

  /**
   * Creates a packetizer.
   *
   * @param ssrc the synchronization source of the stream
   * @param firstSequence the sequence number of the first packet (RFC 3550 asks for a random one)
   * @param maxPacket the largest RTP packet, headers included (at least 200 bytes)
   */
  public RtpJpegPacketizer(int ssrc, int firstSequence, int maxPacket) {
    if (maxPacket < 200 || maxPacket > 65_535) {
      throw new IllegalArgumentException("maxPacket out of range: " + maxPacket);
    }
    this.ssrc = ssrc;
    this.sequence = firstSequence & 0xFFFF;
    this.maxPacket = maxPacket;
  }

  /**
   * The sequence number the next packet gets.
   *
   * @return 0..65535
   */
  public int nextSequence() {
    return sequence;
  }

  /**
   * Packetizes one frame.
   *
   * @param frame the frame
   * @param timestamp the RTP timestamp (90 kHz) shared by all its packets
   * @return the packets, in order
   */
  public List<byte[]> packetize(JpegFrame frame, int timestamp) {
    List<byte[]> out = new ArrayList<>();
    int total = frame.scanLength();
    int offset = 0;
    do {
      boolean first = offset == 0;
      int room = maxPacket - RTP_HEADER - JPEG_HEADER - (first ? QTABLE_HEADER : 0);
      int chunk = Math.min(room, total - offset);
      boolean last = offset + chunk >= total;
      byte[] p = new byte[RTP_HEADER + JPEG_HEADER + (first ? QTABLE_HEADER : 0) + chunk];
      p[0] = (byte) 0x80; // version 2, no padding, no extension, no CSRC
      p[1] = (byte) ((last ? 0x80 : 0) | PAYLOAD_TYPE);
      put16(p, 2, sequence);
      put32(p, 4, timestamp);
      put32(p, 8, ssrc);
      sequence = (sequence + 1) & 0xFFFF;
      int j = RTP_HEADER;
      p[j] = 0; // type-specific
      p[j + 1] = (byte) (offset >>> 16);
      p[j + 2] = (byte) (offset >>> 8);
      p[j + 3] = (byte) offset;
      p[j + 4] = (byte) frame.type();
      p[j + 5] = (byte) Q_IN_BAND;
      p[j + 6] = (byte) ((frame.width() + 7) / 8);
      p[j + 7] = (byte) ((frame.height() + 7) / 8);
      j += JPEG_HEADER;
      if (first) {
        p[j] = 0; // MBZ
        p[j + 1] = 0; // precision: both tables 8-bit
        put16(p, j + 2, 128);
        frame.copyTables(p, j + 4);
        j += QTABLE_HEADER;
      }
      frame.copyScan(offset, p, j, chunk);
      out.add(p);
      offset += chunk;
    } while (offset < total);
    return out;
  }

  private static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void put32(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
