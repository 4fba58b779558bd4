package io.github.vpsdk.vp.protocols.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.VpException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Dc09CodecTest {
  private static final Instant T = Instant.parse("2026-11-23T10:15:30Z");
  private static final Dc09Key K128 = Dc09Key.fromHex("000102030405060708090A0B0C0D0E0F");
  private final Dc09Codec codec =
      new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of("1234", K128), null)).padRandom(new SplittableRandom(1))));

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private Dc09Message decodeOne(byte[] frame) {
    Dc09DecodeResult r = codec.decode(ByteBuffer.wrap(frame));
    assertThat(r).isInstanceOf(Dc09DecodeResult.Decoded.class);
    return ((Dc09DecodeResult.Decoded) r).message();
  }

  @Test
  void responsesHaveTheStandardShapes() {
    Dc09Message request = Dc09Message.event(Dc09Message.SIA_DCS, 42, "1a", "0", "1234", "#1234|NRP", T);
    assertThat(text(codec.encode(Dc09Message.ack(request, T)))).endsWith("\"ACK\"0042R1aL0#1234[]\r");
    assertThat(text(codec.encode(Dc09Message.nak(T)))).endsWith("\"NAK\"0000R0L0A0[]_10:15:30,11-23-2026\r");
    assertThat(text(codec.encode(Dc09Message.duh(request)))).endsWith("\"DUH\"0042R1aL0#1234[]\r");
    Dc09Message encrypted = request.withEncrypted(true);
    byte[] ack = codec.encode(Dc09Message.ack(encrypted, T));
    assertThat(text(ack)).contains("\"*ACK\"0042R1aL0#1234[").doesNotContain("]");
    Dc09Message back = decodeOne(ack);
    assertThat(back.token()).isEqualTo("ACK");
    assertThat(back.encrypted()).isTrue();
    assertThat(back.timestamp()).isEqualTo(T);
  }

  @Test
  void everyKeySizeRoundTrips() {
    for (String hex : new String[] {"00112233445566778899AABBCCDDEEFF", "000102030405060708090A0B0C0D0E0F1011121314151617",
        "603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4"}) {
      Dc09Codec c = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), Dc09Key.fromHex(hex)))));
      Dc09Message m = Dc09Message.event(Dc09Message.ADM_CID, 7, null, "1", "ABCD", "#ABCD|1130 01 003", T).withEncrypted(true)
          .withExtended(List.of(new ExtendedField("V", "https://127.0.0.1/v.jpg")));
      Dc09DecodeResult r = c.decode(ByteBuffer.wrap(c.encode(m)));
      assertThat(((Dc09DecodeResult.Decoded) r).message()).isEqualTo(m);
    }
    assertThat(Dc09Key.fromAscii("abcdefghijklmnop").bits()).isEqualTo(128);
    assertThatThrownBy(() -> Dc09Key.fromHex("0011")).isInstanceOf(VpException.class);
    assertThatThrownBy(() -> Dc09Key.parse("base64:xyz")).isInstanceOf(VpException.class);
  }

  /** LF, CRC, length, body, CR: a standard frame around body bytes. */
  private static byte[] frame(byte[] body) {
    String head = String.format("%04X0%03X", io.github.vpsdk.vp.protocols.internal.dc09.Crc16Arc.of(body, 0, body.length), body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('\n');
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.write('\r');
    return out.toByteArray();
  }

  @Test
  void windows1252ExtendedDataKeepsItsLetters() {
    // DC-09 lets some x-data fields be Windows-1252 (ioBroker.sia#63); 0x8A, 0x9E, 0x80 and 0x99 are
    // letters and signs there (Czech, Lithuanian names), not the C1 controls ISO-8859-1 would give
    byte[] location = {'L', (byte) 0x8A, 'a', 't', 'n', (byte) 0xED, 'k', ' ', (byte) 0x9E, (byte) 0x80, (byte) 0x99, (byte) 0x81};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("\"SIA-DCS\"0007L0#1234[#1234|NBA1][".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(location);
    body.write(']');
    for (boolean strict : new boolean[] {false, true}) {
      Dc09Codec c = new Dc09Codec(Dc09CodecConfig.create(b -> b.strict(strict)));
      Dc09DecodeResult r = c.decode(ByteBuffer.wrap(frame(body.toByteArray())));
      assertThat(r).as("strict %s", strict).isInstanceOf(Dc09DecodeResult.Decoded.class);
      String value = ((Dc09DecodeResult.Decoded) r).message().extended().get(0).value();
      // the undefined byte 0x81 keeps its value; the others read as the JDK's windows-1252 reads them
      assertThat(value).isEqualTo("\u0160atn\u00EDk \u017E\u20AC\u2122\u0081");
      assertThat(value.substring(0, value.length() - 1))
          .isEqualTo(new String(location, 1, location.length - 2, java.nio.charset.Charset.forName("windows-1252")));
    }
    // valid UTF-8 is still read as UTF-8
    byte[] utf8 = "\"SIA-DCS\"0008L0#1234[#1234|NBA1][L\u0160atn\u00EDk]".getBytes(StandardCharsets.UTF_8);
    assertThat(decodeOne(frame(utf8)).extended().get(0).value()).isEqualTo("\u0160atn\u00EDk");
  }

  @Test
  void nonAsciiDataIsKeptByteForByteAndRefusedWhenStrict() {
    // DC-03 and Contact ID data are ASCII; text with accents in the data block is a departure
    byte[] body = "\"SIA-DCS\"0010L0#1234[#1234|Nri1/BA01^K\u00FCche^]".getBytes(StandardCharsets.UTF_8);
    byte[] f = frame(body);
    Dc09Message m = decodeOne(f);
    assertThat(m.data()).isEqualTo("#1234|Nri1/BA01^K\u00C3\u00BCche^");
    assertThat(codec.encode(m)).isEqualTo(f);
    Dc09DecodeResult strict = new Dc09Codec(Dc09CodecConfig.create(b -> b.strict(true))).decode(ByteBuffer.wrap(f));
    assertThat(strict).isInstanceOf(Dc09DecodeResult.Malformed.class);
    assertThat(((Dc09DecodeResult.Malformed) strict).reason()).isEqualTo(Dc09DecodeResult.Reason.NON_STANDARD);
  }

  @Test
  void keysNeverShowInText() {
    Dc09Key key = Dc09Key.fromAscii("SecretSecretSecr");
    assertThat(key.toString()).doesNotContain("Secret").contains("AES-128");
    assertThat(Dc09Keys.of(Map.of("1", key), key).toString()).doesNotContain("Secret");
  }

  @Test
  void encryptionNeedsATimestampAndAKey() {
    Dc09Message m = Dc09Message.event(Dc09Message.SIA_DCS, 1, null, "0", "1234", "#1234|NRP", null).withEncrypted(true);
    assertThatThrownBy(() -> codec.encode(m)).isInstanceOf(VpException.class).hasMessageContaining("timestamp");
    Dc09Message other = Dc09Message.event(Dc09Message.SIA_DCS, 1, null, "0", "9999", "#9999|NRP", T).withEncrypted(true);
    assertThatThrownBy(() -> codec.encode(other)).isInstanceOf(VpException.class).hasMessageContaining("no key");
  }

  @Test
  void streamOfGluedFramesSplitAnywhere() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<Dc09Message> sent = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Dc09Message m = Dc09Message.event(Dc09Message.SIA_DCS, i, null, "0", "1234", "#1234|Nri1/BA" + i, T).withEncrypted(i % 2 == 0);
      sent.add(m);
      stream.writeBytes(codec.encode(m));
      if (i % 5 == 0) {
        stream.writeBytes("\r\n\0".getBytes(StandardCharsets.ISO_8859_1)); // noise seen between frames
      }
    }
    byte[] all = stream.toByteArray();
    SplittableRandom random = new SplittableRandom(20261123);
    for (int run = 0; run < 50; run++) {
      List<Dc09Message> got = new ArrayList<>();
      ByteBuffer buffer = ByteBuffer.allocate(all.length);
      int at = 0;
      while (at < all.length) {
        int chunk = Math.min(all.length - at, 1 + random.nextInt(40));
        buffer.put(all, at, chunk);
        at += chunk;
        buffer.flip();
        while (true) {
          Dc09DecodeResult r = codec.decode(buffer);
          if (r instanceof Dc09DecodeResult.Decoded) {
            got.add(((Dc09DecodeResult.Decoded) r).message());
          } else if (r instanceof Dc09DecodeResult.NeedMore) {
            break;
          }
        }
        buffer.compact();
      }
      assertThat(got).as("run %d", run).isEqualTo(sent);
    }
  }

  @Test
  void garbageIsSkippedAndTheNextFrameStillDecodes() {
    byte[] good = codec.encode(Dc09Message.nullPoll(0, null, "0", "1234", null));
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
    s.writeBytes("\nZZZZ0013\"NULL\"junk\r".getBytes(StandardCharsets.ISO_8859_1));
    s.writeBytes(good);
    ByteBuffer in = ByteBuffer.wrap(s.toByteArray());
    List<Dc09DecodeResult> results = new ArrayList<>();
    for (int i = 0; i < 10 && in.hasRemaining(); i++) {
      results.add(codec.decode(in));
    }
    assertThat(results.get(results.size() - 1)).isInstanceOf(Dc09DecodeResult.Decoded.class);
    assertThat(results.subList(0, results.size() - 1)).allMatch(r -> r instanceof Dc09DecodeResult.Malformed);
  }

  @Test
  void oversizeInputIsRefusedWithoutBufferingBeyondTheLimit() {
    Dc09Codec small = new Dc09Codec(Dc09CodecConfig.create(b -> b.maxFrameLength(64)));
    byte[] big = codec.encode(Dc09Message.event(Dc09Message.SIA_DCS, 1, null, "0", "1234", "#1234|N" + "BA1/".repeat(20) + "BA1", null));
    ByteBuffer in = ByteBuffer.wrap(big);
    Dc09DecodeResult r = small.decode(in);
    assertThat(r).isInstanceOf(Dc09DecodeResult.Malformed.class);
    assertThat(((Dc09DecodeResult.Malformed) r).reason()).isEqualTo(Dc09DecodeResult.Reason.TOO_LONG);
    // a header announcing a long frame is refused as soon as its length is read, not after waiting for it
    ByteBuffer header = ByteBuffer.wrap("\n12340FFF\"SIA-DCS\"0001".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(small.decode(header)).isInstanceOf(Dc09DecodeResult.Malformed.class);
  }

  @Test
  void incompleteInputWaitsWithoutConsuming() {
    byte[] f = codec.encode(Dc09Message.nullPoll(0, null, "0", "1234", T));
    for (int cut = 0; cut < f.length; cut++) {
      ByteBuffer in = ByteBuffer.wrap(f, 0, cut);
      assertThat(codec.decode(in)).as("cut %d", cut).isInstanceOf(Dc09DecodeResult.NeedMore.class);
      assertThat(in.position()).isZero();
    }
  }

  /** Property: random valid messages survive encode then decode, plain and encrypted, in every dialect. */
  @Test
  void randomMessagesRoundTrip() {
    long base = Long.getLong("vp.seed", 20261123L);
    for (int i = 0; i < 2000; i++) {
      long seed = base + i;
      SplittableRandom r = new SplittableRandom(seed);
      Dc09Message m = Dc09Gen.message(r);
      boolean binary = r.nextInt(4) == 0;
      Dc09Dialect dialect = new Dc09Dialect(binary, binary || r.nextInt(4) != 0, r.nextInt(4) == 0);
      Dc09Codec c = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), Dc09Gen.key(r))).padRandom(r)));
      byte[] frame = c.encode(m, dialect);
      Dc09DecodeResult result = c.decode(ByteBuffer.wrap(frame));
      assertThat(result).as("seed=%d frame=%s", seed, text(frame)).isInstanceOf(Dc09DecodeResult.Decoded.class);
      Dc09DecodeResult.Decoded d = (Dc09DecodeResult.Decoded) result;
      assertThat(d.message()).as("seed=%d", seed).isEqualTo(m);
      assertThat(d.dialect()).as("seed=%d", seed).isEqualTo(dialect);
    }
  }

  /** Property: mutated frames and random bytes give results, never exceptions, and always make progress. */
  @Test
  void mutatedFramesNeverThrow() {
    long base = Long.getLong("vp.seed", 7L);
    for (int i = 0; i < 5000; i++) {
      long seed = base + i;
      SplittableRandom r = new SplittableRandom(seed);
      Dc09Codec c = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), Dc09Gen.key(r))).strict(r.nextBoolean())));
      byte[] input = r.nextInt(5) == 0 ? Dc09Gen.bytes(r, 200) : Dc09Gen.mutate(c.encode(Dc09Gen.message(r)), r);
      ByteBuffer in = ByteBuffer.wrap(input);
      try {
        for (int guard = 0; guard <= input.length + 1; guard++) {
          int before = in.position();
          Dc09DecodeResult res = c.decode(in);
          if (res instanceof Dc09DecodeResult.NeedMore) {
            break;
          }
          assertThat(in.position()).as("seed=%d progress", seed).isGreaterThan(before);
        }
      } catch (RuntimeException e) {
        throw new AssertionError("seed=" + seed + " input=" + text(input), e);
      }
    }
  }
}
