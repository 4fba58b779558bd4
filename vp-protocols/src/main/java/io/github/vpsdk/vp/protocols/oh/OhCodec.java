package io.github.vpsdk.vp.protocols.oh;

import io.github.vpsdk.vp.protocols.internal.oh.OhCipher;
import io.github.vpsdk.vp.protocols.internal.oh.OhText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes and decodes the packets of one Osborne-Hoffman session (one TCP connection), both
 * directions: a receiver {@link #decode decodes} what the panel sends and {@link #encode encodes}
 * its {@link OhReply replies}; a panel does the reverse with {@link #encode} and {@link
 * #decodeReply}.
 *
 * <p>Framing: a panel packet is whole 3DES blocks. Decryption goes block by block, and the packet
 * ends with the first block that holds a CR (event frames end with CR) or whose last byte is zero
 * (heartbeats end with a zero byte, and padding is zero bytes). A panel sends one packet and waits
 * for the answer, so packets do not run into each other in practice; this rule also splits them
 * when they do. Neither the CRC field ({@code 0101}) nor the length field is checked: the panels
 * the public sources show write them correctly, their test tools do not, and a 3DES packet
 * damaged in transit does not decrypt to a valid frame anyway.
 *
 * <p>Version 4 packets ({@code #40R...} in clear, AES inside) and the {@code DHR} key request are
 * recognised and refused ({@link OhDecodeResult.Reason#UNSUPPORTED_VERSION}).
 *
 * <p>Not thread-safe: one codec per session, used by one thread at a time.
 */
public final class OhCodec {
  /** The longest panel packet accepted by default, in bytes. */
  public static final int DEFAULT_MAX_PACKET = 1024;

  private static final byte[] V4 = "#40R".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLAIN_ACK = "ACK\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLAIN_NACK = "NACK\r\n".getBytes(StandardCharsets.US_ASCII);

  private final OhCipher cipher;
  private final int maxPacket;

  private OhCodec(OhKey key, int maxPacket) {
    if (maxPacket < 64 || maxPacket > 65_536) {
      throw new IllegalArgumentException("the longest packet must be 64 to 65536 bytes");
    }
    this.cipher = new OhCipher(key.bytes());
    this.maxPacket = maxPacket;
  }

  /**
   * The codec of a session, with the default packet limit.
   *
   * @param key the session key
   * @return the codec
   */
  public static OhCodec of(OhKey key) {
    return new OhCodec(Objects.requireNonNull(key, "key"), DEFAULT_MAX_PACKET);
  }

  /**
   * The codec of a session.
   *
   * @param key the session key
   * @param maxPacket the longest panel packet accepted, 64 to 65536 bytes
   * @return the codec
   */
  public static OhCodec of(OhKey key, int maxPacket) {
    return new OhCodec(Objects.requireNonNull(key, "key"), maxPacket);
  }

  /**
   * The longest panel packet this codec accepts.
   *
   * @return bytes
   */
  public int maxPacket() {
    return maxPacket;
  }

  /**
   * Decodes the next panel packet (receiver side). Consumes the packet, or the bytes a {@link
   * OhDecodeResult.Malformed} counts, or nothing but zero padding blocks ({@link
   * OhDecodeResult.NeedMore}).
   *
   * @param in the bytes received after the handshake
   * @return the result
   */
  public OhDecodeResult decode(ByteBuffer in) {
    int origin = in.position();
    byte[] block = new byte[OhCipher.BLOCK];
    while (in.remaining() >= OhCipher.BLOCK && !startsWith(in, V4) && zeroBlock(in, in.position(), block)) {
      in.position(in.position() + OhCipher.BLOCK); // padding a panel sent as a block of its own
    }
    int n = in.remaining();
    int start = in.position();
    if (startsWith(in, V4)) {
      in.position(in.limit());
      return new OhDecodeResult.Malformed(OhDecodeResult.Reason.UNSUPPORTED_VERSION,
          "version-4 packet (#40R header, AES): not supported", in.position() - origin);
    }
    int blocks = Math.min(n, maxPacket) / OhCipher.BLOCK;
    byte[] cipherText = new byte[blocks * OhCipher.BLOCK];
    in.get(start, cipherText);
    byte[] plain = new byte[cipherText.length];
    for (int off = 0; off < cipherText.length; off += OhCipher.BLOCK) {
      cipher.decryptBlock(cipherText, off, plain, off);
      boolean end = plain[off + OhCipher.BLOCK - 1] == 0;
      for (int i = off; i < off + OhCipher.BLOCK && !end; i++) {
        end = plain[i] == '\r';
      }
      if (end) {
        int length = off + OhCipher.BLOCK;
        boolean zeroFollows = false;
        if (!OhText.endsWithZero(plain, length) && n >= length + OhCipher.BLOCK
            && zeroBlock(in, start + length, block)) {
          zeroFollows = true;
          length += OhCipher.BLOCK;
        }
        in.position(start + length);
        return OhText.parse(plain, off + OhCipher.BLOCK, cipher, zeroFollows, in.position() - origin);
      }
    }
    if (n >= maxPacket) {
      in.position(start + cipherText.length);
      return new OhDecodeResult.Malformed(OhDecodeResult.Reason.TOO_LONG,
          "no end of message in " + cipherText.length + " bytes", in.position() - origin);
    }
    return OhDecodeResult.NEED_MORE;
  }

  private boolean zeroBlock(ByteBuffer in, int at, byte[] block) {
    in.get(at, block);
    cipher.decryptBlock(block, 0, block, 0);
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes the next receiver reply (panel side).
   *
   * @param in the bytes received after the handshake
   * @return the result: an {@link OhReply}, or why not
   */
  public OhDecodeResult decodeReply(ByteBuffer in) {
    int start = in.position();
    if (startsWith(in, PLAIN_ACK)) {
      in.position(start + PLAIN_ACK.length);
      return new OhDecodeResult.Decoded(OhReply.ack(false), false, PLAIN_ACK.length);
    }
    if (startsWith(in, PLAIN_NACK)) {
      in.position(start + PLAIN_NACK.length);
      return new OhDecodeResult.Decoded(OhReply.nack(false), false, PLAIN_NACK.length);
    }
    if (in.remaining() < OhCipher.BLOCK) {
      return OhDecodeResult.NEED_MORE;
    }
    byte[] block = new byte[16];
    in.get(start, block, 0, OhCipher.BLOCK);
    cipher.decryptBlock(block, 0, block, 0);
    String text = new String(block, 0, OhCipher.BLOCK, StandardCharsets.ISO_8859_1);
    if (text.equals("ACK\r\0\0\0\0")) {
      in.position(start + OhCipher.BLOCK);
      return new OhDecodeResult.Decoded(OhReply.ack(true), true, OhCipher.BLOCK);
    }
    if (text.equals("NACK\r\0\0\0")) {
      in.position(start + OhCipher.BLOCK);
      return new OhDecodeResult.Decoded(OhReply.nack(true), true, OhCipher.BLOCK);
    }
    if (text.startsWith("ID")) {
      if (in.remaining() < 16) {
        return OhDecodeResult.NEED_MORE;
      }
      in.get(start + OhCipher.BLOCK, block, OhCipher.BLOCK, OhCipher.BLOCK);
      cipher.decryptBlock(block, OhCipher.BLOCK, block, OhCipher.BLOCK);
      String all = new String(block, StandardCharsets.ISO_8859_1);
      in.position(start + 16);
      if (!OhText.isHex(all, 2, 10) || !all.substring(10).equals("\0\0\0\0\0\0")) {
        return new OhDecodeResult.Malformed(OhDecodeResult.Reason.BAD_REPLY, "ID not followed by 8 hexadecimal digits", 16);
      }
      return new OhDecodeResult.Decoded(OhReply.panelId(Long.parseLong(all.substring(2, 10), 16)), true, 16);
    }
    in.position(start + OhCipher.BLOCK);
    return new OhDecodeResult.Malformed(OhDecodeResult.Reason.BAD_REPLY, "not ACK, NACK or ID", OhCipher.BLOCK);
  }

  /**
   * Encodes a message: a panel's {@link OhEvent} or {@link OhHeartbeat} (zero-terminated, padded
   * with zeros to whole blocks, encrypted), or a receiver's {@link OhReply}.
   *
   * @param message the message
   * @return the bytes to send
   */
  public byte[] encode(OhMessage message) {
    if (message instanceof OhReply) {
      OhReply r = (OhReply) message;
      switch (r.kind()) {
        case ACK:
          return r.encrypted() ? cipher.encryptPadded(ascii("ACK\r")) : PLAIN_ACK.clone();
        case NACK:
          return r.encrypted() ? cipher.encryptPadded(ascii("NACK\r")) : PLAIN_NACK.clone();
        default:
          return cipher.encryptPadded(ascii("ID" + OhText.hex8(Objects.requireNonNull(r.panelId()))));
      }
    }
    return cipher.encryptPadded(OhText.format(message, cipher));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(ByteBuffer in, byte[] prefix) {
    if (in.remaining() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in.get(in.position() + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
