package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.util.Arrays;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * A baseline JPEG reduced to what RTP/JPEG (RFC 2435) sends: the type (0 for 4:2:2, 1 for 4:2:0),
 * the size in 8-pixel blocks, the luminance and chrominance quantization tables (zigzag order, as
 * in the DQT segment) and the entropy-coded scan without its EOI. Everything else of the JFIF file
 * (APPn, the Huffman tables, which must be the standard ones, and the headers) is rebuilt by the
 * receiver from these fields.
 */
public final class JpegFrame {
  /** Largest side RTP/JPEG can describe: 255 blocks of 8 pixels. */
  public static final int MAX_SIDE = 2040;

  private final int type;
  private final int width;
  private final int height;
  private final byte[] lumaTable;
  private final byte[] chromaTable;
  private final byte[] scan;

  private JpegFrame(int type, int width, int height, byte[] lumaTable, byte[] chromaTable, byte[] scan) {
    this.type = type;
    this.width = width;
    this.height = height;
    this.lumaTable = lumaTable;
    this.chromaTable = chromaTable;
    this.scan = scan;
  }

  /**
   * The RTP/JPEG type: 0 (Y sampled 2x1, 4:2:2) or 1 (Y sampled 2x2, 4:2:0).
   *
   * @return the type
   */
  public int type() {
    return type;
  }

  /**
   * The width in pixels, as in the frame header.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * The height in pixels, as in the frame header.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * The luminance quantization table, 64 bytes in zigzag order.
   *
   * @return a copy
   */
  public byte[] lumaTable() {
    return lumaTable.clone();
  }

  /**
   * The chrominance quantization table, 64 bytes in zigzag order.
   *
   * @return a copy
   */
  public byte[] chromaTable() {
    return chromaTable.clone();
  }

  /**
   * The entropy-coded scan, without the trailing EOI.
   *
   * @return a copy
   */
  public byte[] scan() {
    return scan.clone();
  }

  int scanLength() {
    return scan.length;
  }

  void copyScan(int from, byte[] dst, int at, int len) {
    System.arraycopy(scan, from, dst, at, len);
  }

  void copyTables(byte[] dst, int at) {
    System.arraycopy(lumaTable, 0, dst, at, 64);
    System.arraycopy(chromaTable, 0, dst, at + 64, 64);
  }

  /**
   * Parses a JPEG file (JFIF or bare) down to the fields RTP/JPEG sends.
   *
   * @param jpeg the file
   * @return the frame
   * @throws MalformedJpegException when the file is malformed or outside the RFC 2435 subset
   */
  public static JpegFrame parse(byte[] jpeg) {
    int n = jpeg.length;
    if (n < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      throw new MalformedJpegException("no SOI", 0);
    }
    byte[][] qtables = new byte[4][];
    int type = -1;
    int width = 0;
    int height = 0;
    int lumaQ = -1;
    int chromaQ = -1;
    int i = 2;
    while (true) {
      if (i >= n) {
        throw new MalformedJpegException("no SOS", i);
      }
      if ((jpeg[i] & 0xFF) != 0xFF) {
        throw new MalformedJpegException("marker expected", i);
      }
      while (i < n && (jpeg[i] & 0xFF) == 0xFF) {
        i++; // fill bytes
      }
      if (i >= n) {
        throw new MalformedJpegException("truncated marker", i);
      }
      int marker = jpeg[i++] & 0xFF;
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // standalone
      }
      if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
        throw new MalformedJpegException("unexpected marker " + Integer.toHexString(marker), i - 1);
      }
      if (i + 2 > n) {
        throw new MalformedJpegException("truncated segment length", i);
      }
      int len = u16(jpeg, i);
      if (len < 2 || i + len > n) {
        throw new MalformedJpegException("bad segment length " + len, i);
      }
      int seg = i + 2;
      int end = i + len;
      switch (marker) {
        case 0xDB:
          dqt(jpeg, seg, end, qtables);
          break;
        case 0xC0:
          {
            if (len != 2 + 6 + 3 * 3 || (jpeg[seg] & 0xFF) != 8 || (jpeg[seg + 5] & 0xFF) != 3) {
              throw new MalformedJpegException("need an 8-bit frame of three components", seg);
            }
            height = u16(jpeg, seg + 1);
            width = u16(jpeg, seg + 3);
            if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
              throw new MalformedJpegException("size " + width + "x" + height + " outside 1.." + MAX_SIDE, seg + 1);
            }
            int c = seg + 6;
            int ySampling = jpeg[c + 1] & 0xFF;
            if (ySampling == 0x21) {
              type = 0;
            } else if (ySampling == 0x22) {
              type = 1;
            } else {
              throw new MalformedJpegException("luma sampling must be 2x1 or 2x2", c + 1);
            }
            if ((jpeg[c + 4] & 0xFF) != 0x11 || (jpeg[c + 7] & 0xFF) != 0x11) {
              throw new MalformedJpegException("chroma sampling must be 1x1", c + 4);
            }
            lumaQ = jpeg[c + 2] & 0xFF;
            chromaQ = jpeg[c + 5] & 0xFF;
            if (lumaQ > 3 || chromaQ > 3 || (jpeg[c + 8] & 0xFF) != chromaQ) {
              throw new MalformedJpegException("both chroma components must share one table", c + 5);
            }
            break;
          }
        case 0xC4:
          dht(jpeg, seg, end);
          break;
        case 0xDD:
          if (len != 4) {
            throw new MalformedJpegException("bad DRI", seg);
          }
          if (u16(jpeg, seg) != 0) {
            throw new MalformedJpegException("restart intervals are not supported", seg);
          }
          break;
        case 0xDA:
          {
            if (type < 0) {
              throw new MalformedJpegException("SOS before SOF0", i);
            }
            sos(jpeg, seg, end);
            byte[] luma = qtables[lumaQ];
            byte[] chroma = qtables[chromaQ];
            if (luma == null || chroma == null) {
              throw new MalformedJpegException("missing quantization table", i);
            }
            int scanEnd = n;
            if (n - end >= 2 && (jpeg[n - 2] & 0xFF) == 0xFF && (jpeg[n - 1] & 0xFF) == 0xD9) {
              scanEnd = n - 2;
            }
            return new JpegFrame(type, width, height, luma, chroma, Arrays.copyOfRange(jpeg, end, scanEnd));
          }
        default:
          if ((marker >= 0xC1 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) || marker == 0xCC) {
            throw new MalformedJpegException("only baseline Huffman JPEG (SOF0) is supported", i - 1);
          }
          break; // APPn, COM and the like
      }
      i = end;
    }
  }

  private static void dqt(byte[] b, int at, int end, byte[][] qtables) {
    int i = at;
    while (i < end) {
      int pq = (b[i] & 0xFF) >> 4;
      int tq = b[i] & 0x0F;
      if (pq != 0) {
        throw new MalformedJpegException("16-bit quantization tables are not supported", i);
      }
      if (tq > 3 || i + 65 > end) {
        throw new MalformedJpegException("bad DQT", i);
      }
      qtables[tq] = Arrays.copyOfRange(b, i + 1, i + 65);
      i += 65;
    }
  }

  private static void dht(byte[] b, int at, int end) {
    int i = at;
    while (i < end) {
      int tc = (b[i] & 0xFF) >> 4;
      int th = b[i] & 0x0F;
      if (tc > 1 || th > 1 || i + 17 > end) {
        throw new MalformedJpegException("bad DHT or non-standard table slot", i);
      }
      JPEGHuffmanTable std = standard(tc, th);
      short[] lengths = std.getLengths();
      short[] values = std.getValues();
      int count = 0;
      for (int k = 0; k < 16; k++) {
        int l = b[i + 1 + k] & 0xFF;
        if (l != lengths[k]) {
          throw new MalformedJpegException("Huffman tables must be the standard ones (RFC 2435)", i + 1 + k);
        }
        count += l;
      }
      if (i + 17 + count > end) {
        throw new MalformedJpegException("bad DHT length", i);
      }
      for (int k = 0; k < count; k++) {
        if ((b[i + 17 + k] & 0xFF) != values[k]) {
          throw new MalformedJpegException("Huffman tables must be the standard ones (RFC 2435)", i + 17 + k);
        }
      }
      i += 17 + count;
    }
  }

  /**
   * The standard Huffman table of ITU T.81 Annex K.3 for a class and slot.
   *
   * @param tableClass 0 for DC, 1 for AC
   * @param slot 0 for luminance, 1 for chrominance
   * @return the table
   */
  static JPEGHuffmanTable standard(int tableClass, int slot) {
    if (tableClass == 0) {
      return slot == 0 ? JPEGHuffmanTable.StdDCLuminance : JPEGHuffmanTable.StdDCChrominance;
    }
    return slot == 0 ? JPEGHuffmanTable.StdACLuminance : JPEGHuffmanTable.StdACChrominance;
  }

  private static void sos(byte[] b, int at, int end) {
    if (end - at != 1 + 3 * 2 + 3 || (b[at] & 0xFF) != 3) {
      throw new MalformedJpegException("need one interleaved scan of three components", at);
    }
    if ((b[at + 2] & 0xFF) != 0x00 || (b[at + 4] & 0xFF) != 0x11 || (b[at + 6] & 0xFF) != 0x11) {
      throw new MalformedJpegException("scan must use tables 0 for luma and 1 for chroma", at + 2);
    }
    if ((b[at + 7] & 0xFF) != 0 || (b[at + 8] & 0xFF) != 63 || (b[at + 9] & 0xFF) != 0) {
      throw new MalformedJpegException("not a baseline scan", at + 7);
    }
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
