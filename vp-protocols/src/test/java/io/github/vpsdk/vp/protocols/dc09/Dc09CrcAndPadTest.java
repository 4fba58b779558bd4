package io.github.vpsdk.vp.protocols.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.internal.dc09.Crc16Arc;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CRC-16/ARC check values, and encrypted frames built here with the JCE (independently of the
 * codec's encoder) whose pad holds LF, CR, {@code |} and other binary bytes, as some panels send.
 */
class Dc09CrcAndPadTest {

  private static final String KEY_HEX = "000102030405060708090A0B0C0D0E0F";

  @Test
  void crc16ArcCheckValues() {
    // the catalogue check value of CRC-16/ARC (poly 0x8005 reflected, init 0, no xorout)
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(Crc16Arc.of(check, 0, check.length)).isEqualTo(0xBB3D);
    assertThat(Crc16Arc.of(new byte[0], 0, 0)).isZero();
    // the frame pyronix-ack of vectors/dc09/frames.jsonl: CRC 5989 over "ACK"0000L0#1409[]
    byte[] body = "\"ACK\"0000L0#1409[]".getBytes(StandardCharsets.US_ASCII);
    assertThat(Crc16Arc.of(body, 0, body.length)).isEqualTo(0x5989);
    assertThat(body.length).isEqualTo(0x12);
    // offset and length are honoured
    byte[] padded = ("xx" + "123456789" + "yy").getBytes(StandardCharsets.US_ASCII);
    assertThat(Crc16Arc.of(padded, 2, 9)).isEqualTo(0xBB3D);
  }

  private static String encryptedFrame(byte[] pad, String account, String data, String time) throws Exception {
    byte[] rest = ("|" + data + "]_" + time).getBytes(StandardCharsets.ISO_8859_1);
    assertThat((pad.length + rest.length) % 16).as("pad length").isZero();
    byte[] plain = new byte[pad.length + rest.length];
    System.arraycopy(pad, 0, plain, 0, pad.length);
    System.arraycopy(rest, 0, plain, pad.length, rest.length);
    Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "AES"),
        new IvParameterSpec(new byte[16]));
    String body = "\"*SIA-DCS\"0042R1L0#" + account + "["
        + HexFormat.of().withUpperCase().formatHex(aes.doFinal(plain));
    byte[] b = body.getBytes(StandardCharsets.US_ASCII);
    return "\n" + String.format(Locale.ROOT, "%04X0%03X", Crc16Arc.of(b, 0, b.length), b.length) + body + "\r";
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "|", "\r\n", "\0", "\u00ff", "|]["})
  void padBytesMayBeAnything(String special) throws Exception {
    String data = "#1234|Nri1/BA01";
    String time = "12:30:00,11-23-2026";
    int fixed = ("|" + data + "]_" + time).length();
    int padLength = 16 - fixed % 16;
    if (padLength < special.length()) {
      padLength += 16;
    }
    byte[] pad = new byte[padLength];
    for (int i = 0; i < padLength; i++) {
      pad[i] = (byte) special.charAt(i % special.length());
    }
    String frame = encryptedFrame(pad, "1234", data, time);
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(
        b -> b.keys(Dc09Keys.of(Map.of("1234", Dc09Key.fromHex(KEY_HEX)), null))));
    Dc09DecodeResult r = codec.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(r).as("%s", r).isInstanceOf(Dc09DecodeResult.Decoded.class);
    Dc09Message m = ((Dc09DecodeResult.Decoded) r).message();
    assertThat(m.encrypted()).isTrue();
    assertThat(m.account()).isEqualTo("1234");
    assertThat(m.data()).isEqualTo(data);
    assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-11-23T12:30:00Z"));
  }
}
