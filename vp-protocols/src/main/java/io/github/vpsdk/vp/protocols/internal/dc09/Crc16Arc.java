package io.github.vpsdk.vp.protocols.internal.dc09;

/**
 * CRC-16/ARC (poly 0x8005 reflected, init 0, no final xor), the CRC of SIA DC-07 that DC-09
 * frames carry. Check value of "123456789": 0xBB3D.
 */
public final class Crc16Arc {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16Arc() {}

  /**
   * The CRC of a byte range.
   *
   * @param bytes the bytes
   * @param offset the first byte
   * @param length how many bytes
   * @return the CRC, 0 to 0xFFFF
   */
  public static int of(byte[] bytes, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
    }
    return crc;
  }
}
