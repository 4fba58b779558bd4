package io.github.vpsdk.vp.protocols.oh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.internal.oh.OhCipher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OH codec against the vectors of {@code vectors/osborne-hoffman}, and its framing rules. */
class OhCodecTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HexFormat HEX = HexFormat.of().withUpperCase();
  static final byte[] TEST_KEY = HexFormat.of().parseHex("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");

  static List<JsonNode> load(String file) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(OhCodecTest.class.getResourceAsStream("/vectors/osborne-hoffman/" + file)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          all.add(JSON.readTree(line));
        }
      }
    }
    return all;
  }

  static Stream<JsonNode> packets() throws Exception {
    return load("packets.jsonl").stream();
  }

  static Stream<JsonNode> replies() throws Exception {
    return load("replies.jsonl").stream();
  }

  /** The vector's clear text as this session's panel would encrypt it. */
  static byte[] ciphertext(JsonNode v, OhCipher cipher) {
    String plain = v.get("plain").asString();
    if (v.has("sessionPanelId")) {
      int close = plain.lastIndexOf(']');
      byte[] id = cipher.encryptPadded(String.format("%08X", v.get("sessionPanelId").asLong()).getBytes(StandardCharsets.US_ASCII));
      plain = plain.substring(0, close + 1) + HEX.formatHex(id) + plain.substring(close + 17);
    }
    return cipher.encryptPadded(plain.getBytes(StandardCharsets.ISO_8859_1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void packetVectorsDecode(JsonNode v) {
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY));
    byte[] wire = ciphertext(v, new OhCipher(TEST_KEY));
    ByteBuffer in = ByteBuffer.wrap(wire);
    OhDecodeResult r = codec.decode(in);
    JsonNode e = v.get("expect");
    String kind = e.get("kind").asString();
    if (kind.equals("malformed")) {
      assertThat(r).isInstanceOf(OhDecodeResult.Malformed.class);
      assertThat(((OhDecodeResult.Malformed) r).reason().name()).isEqualTo(e.get("reason").asString());
      assertThat(in.hasRemaining()).isFalse();
      return;
    }
    assertThat(r).as(r.toString()).isInstanceOf(OhDecodeResult.Decoded.class);
    OhDecodeResult.Decoded d = (OhDecodeResult.Decoded) r;
    assertThat(d.length()).isEqualTo(wire.length);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(d.encryptedAnswer()).isEqualTo(e.get("encryptedAnswer").asBoolean());
    if (kind.equals("heartbeat")) {
      OhHeartbeat h = (OhHeartbeat) d.message();
      assertThat(h.receiver()).isEqualTo(e.get("receiver").asString());
      assertThat(h.line()).isEqualTo(e.get("line").asString());
      assertThat(h.systemAccount()).isEqualTo(e.get("systemAccount").asString());
      assertThat(h.version()).isEqualTo(e.get("version").asInt());
      assertThat(h.panelId()).isEqualTo(e.has("panelId") ? e.get("panelId").asLong() : null);
      assertThat(h.timestamp()).isEqualTo(e.has("timestamp") ? Instant.parse(e.get("timestamp").asString()) : null);
    } else {
      OhEvent m = (OhEvent) d.message();
      assertThat(m.token()).isEqualTo(e.get("token").asString());
      assertThat(m.sequence()).isEqualTo(e.get("sequence").asString());
      assertThat(m.receiver()).isEqualTo(e.get("receiver").asString());
      assertThat(m.line()).isEqualTo(e.get("line").asString());
      assertThat(m.account()).isEqualTo(e.get("account").asString());
      assertThat(m.data()).isEqualTo(e.get("data").asString());
      assertThat(m.text()).isEqualTo(e.has("text") ? e.get("text").asString() : null);
      assertThat(m.panelId()).isEqualTo(e.has("panelId") ? e.get("panelId").asLong() : null);
      assertThat(m.systemAccount()).isEqualTo(e.has("systemAccount") ? e.get("systemAccount").asString() : null);
      assertThat(m.timestamp()).isEqualTo(e.has("timestamp") ? Instant.parse(e.get("timestamp").asString()) : null);
      ParseResult<List<PanelEvent>> events = OhEvents.of(m, Instant.EPOCH, "v", EventCatalogue.defaults(), false);
      assertThat(events).isInstanceOf(ParseResult.Ok.class);
      PanelEvent first = ((ParseResult.Ok<List<PanelEvent>>) events).value().get(0);
      if (e.has("code")) {
        assertThat(first.code().text()).isEqualTo(e.get("code").asString());
      }
      if (e.has("cid")) {
        assertThat(first.code().text()).contains(String.valueOf(e.get("cid").asInt()));
      }
      if (e.has("partition")) {
        assertThat(first.partition()).isEqualTo(e.get("partition").asInt());
      }
      if (e.has("zone")) {
        assertThat(first.zone()).isEqualTo(e.get("zone").asInt());
      }
      if (e.has("eventText")) {
        assertThat(first.text()).isEqualTo(e.get("eventText").asString());
      }
      assertThat(first.account().account()).isEqualTo(m.account());
      assertThat(first.transport()).isEqualTo("OH/" + m.token());
    }
    // what the codec writes decodes to the same message
    OhDecodeResult again = codec.decode(ByteBuffer.wrap(codec.encode(d.message())));
    assertThat(again).isInstanceOf(OhDecodeResult.Decoded.class);
    assertThat(((OhDecodeResult.Decoded) again).message()).isEqualTo(d.message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void replyVectorsDecodeAndEncode(JsonNode v) {
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY));
    byte[] wire = v.has("wire") ? HexFormat.of().parseHex(v.get("wire").asString())
        : new OhCipher(TEST_KEY).encryptPadded(v.get("plain").asString().getBytes(StandardCharsets.ISO_8859_1));
    OhDecodeResult r = codec.decodeReply(ByteBuffer.wrap(wire));
    assertThat(r).isInstanceOf(OhDecodeResult.Decoded.class);
    OhReply reply = (OhReply) ((OhDecodeResult.Decoded) r).message();
    JsonNode e = v.get("expect");
    assertThat(reply.kind().name()).isEqualTo(e.get("kind").asString());
    assertThat(reply.encrypted()).isEqualTo(e.get("encrypted").asBoolean());
    assertThat(reply.panelId()).isEqualTo(e.has("panelId") ? e.get("panelId").asLong() : null);
    assertThat(codec.encode(reply)).isEqualTo(wire);
  }

  @Test
  void handshakeIsTheKeyXoredWithTheFixedMask() {
    // a zero key shows the mask itself (python-osbornehoffman _KEY_XOR_MASK)
    assertThat(HEX.formatHex(OhKey.of(new byte[24]).scrambled()))
        .isEqualTo("552D6A05234939A84529D3E994C2B58845A3508A44AA6954");
    OhKey key = OhKey.random(new java.security.SecureRandom());
    assertThat(OhKey.fromHandshake(key.scrambled())).isEqualTo(key);
    assertThat(key.toString()).doesNotContain(HEX.formatHex(key.bytes()));
    for (byte b : key.bytes()) {
      assertThat(Integer.bitCount(b & 0xFF) % 2).as("odd parity").isEqualTo(1);
    }
  }

  @Test
  void cipherIsStandardTripleDesEde() {
    // NIST SP 800-67 example, also checked with: openssl enc -des-ede3 -nopad
    byte[] c = new OhCipher(TEST_KEY).encryptPadded("The qufck brown fox jump".getBytes(StandardCharsets.US_ASCII));
    assertThat(HEX.formatHex(c)).isEqualTo("A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900");
  }

  @Test
  void packetsSplitAnywhereOrBackToBackDecodeTheSame() {
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY));
    OhEvent a = OhEvent.sia(1, 0x6666, 0x1234, "001234", "Nri01/BA001", "Hall").withTrailer(0xDEADL, "001234", null);
    OhHeartbeat b = OhHeartbeat.of(0x6666, 0x1234, 0x1234, 7L);
    byte[] one = codec.encode(a);
    byte[] two = codec.encode(b);
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    ByteBuffer buf = ByteBuffer.allocate(both.length);
    List<OhMessage> got = new ArrayList<>();
    for (byte x : both) {
      buf.put(x).flip();
      OhDecodeResult r;
      while (!((r = codec.decode(buf)) instanceof OhDecodeResult.NeedMore)) {
        got.add(((OhDecodeResult.Decoded) r).message());
      }
      buf.compact();
    }
    assertThat(got).containsExactly(a, b);
  }

  @Test
  void versionFourAndOverlongInputAreRefused() {
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY), 64);
    ByteBuffer v4 = ByteBuffer.wrap("#40RDEADL1234AF0000DS0040".getBytes(StandardCharsets.US_ASCII));
    OhDecodeResult r = codec.decode(v4);
    assertThat(((OhDecodeResult.Malformed) r).reason()).isEqualTo(OhDecodeResult.Reason.UNSUPPORTED_VERSION);
    byte[] noEnd = new OhCipher(TEST_KEY).encryptPadded("x".repeat(80).getBytes(StandardCharsets.US_ASCII));
    ByteBuffer in = ByteBuffer.wrap(noEnd);
    r = codec.decode(in);
    assertThat(((OhDecodeResult.Malformed) r).reason()).isEqualTo(OhDecodeResult.Reason.TOO_LONG);
    assertThat(in.position()).isEqualTo(64);
  }

  @Test
  void aPacketWithoutZeroPaddingGetsAPlainAnswerAndTrailingZeroBlocksAreSkipped() {
    OhCipher cipher = new OhCipher(TEST_KEY);
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY));
    // 48 bytes ending with CR, no zero: python-osbornehoffman answers such a packet in clear
    String frame = "\n0101002F\"SIA-DCS\"0001R6666L1234[#123456|NBA01]\r";
    assertThat(frame.length() % 8).isZero();
    OhDecodeResult r = codec.decode(ByteBuffer.wrap(cipher.encryptPadded(frame.getBytes(StandardCharsets.ISO_8859_1))));
    assertThat(((OhDecodeResult.Decoded) r).encryptedAnswer()).isFalse();
    // the same followed by a block of zeros (the real panel's habit): encrypted answer, block consumed
    byte[] withZeros = cipher.encryptPadded((frame + "\0".repeat(8)).getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer in = ByteBuffer.wrap(withZeros);
    r = codec.decode(in);
    assertThat(((OhDecodeResult.Decoded) r).encryptedAnswer()).isTrue();
    assertThat(in.hasRemaining()).isFalse();
    // a zero block on its own (arrived late) is padding, not a message
    ByteBuffer late = ByteBuffer.wrap(cipher.encryptPadded(new byte[8]));
    assertThat(codec.decode(late)).isInstanceOf(OhDecodeResult.NeedMore.class);
    assertThat(late.hasRemaining()).isFalse();
  }

  @Test
  void anEncryptedPanelIdOfAnotherSessionIsReported() {
    OhCodec codec = OhCodec.of(OhKey.of(TEST_KEY));
    OhCodec other = OhCodec.of(OhKey.random(new java.security.SecureRandom()));
    byte[] wire = other.encode(OhEvent.sia(1, 1, 1, "1234", "NBA01", null).withTrailer(5L, "1234", null));
    // decrypting with the wrong key gives garbage: refused whatever part fails first
    assertThat(codec.decode(ByteBuffer.wrap(wire))).isInstanceOfAny(OhDecodeResult.Malformed.class, OhDecodeResult.NeedMore.class);
  }
}
