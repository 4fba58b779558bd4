package io.github.vpsdk.vp.protocols.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.ExtendedField;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs every frame of {@code vectors/dc09/frames.jsonl} (each line names its source). */
class Dc09VectorsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<JsonNode> vectors() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(Dc09VectorsTest.class.getResourceAsStream("/vectors/dc09/frames.jsonl")), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          all.add(JSON.readTree(line));
        }
      }
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(25);
    return all.stream();
  }

  static Dc09Codec codec(JsonNode v) {
    Dc09Keys keys = v.has("key") ? Dc09Keys.of(Map.of(), Dc09Key.parse(v.get("key").stringValue())) : Dc09Keys.none();
    return new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(keys).strict(v.get("mode").stringValue().equals("strict"))
        .padRandom(new SplittableRandom(7))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(JsonNode v) {
    byte[] frame = Escapes.unescape(v.get("frame").stringValue());
    Dc09Codec codec = codec(v);
    ByteBuffer in = ByteBuffer.wrap(frame);
    Dc09DecodeResult result = codec.decode(in);
    JsonNode expect = v.get("expect");
    String wanted = expect.get("result").stringValue();
    if (!wanted.equals("decoded")) {
      assertThat(result).as(v.get("name").stringValue()).isInstanceOf(Dc09DecodeResult.Malformed.class);
      assertThat(((Dc09DecodeResult.Malformed) result).reason().name()).isEqualTo(wanted);
      assertThat(in.hasRemaining()).as("a malformed frame is consumed").isFalse();
      return;
    }
    assertThat(result).as(v.get("name").stringValue() + ": " + result).isInstanceOf(Dc09DecodeResult.Decoded.class);
    Dc09DecodeResult.Decoded d = (Dc09DecodeResult.Decoded) result;
    assertThat(d.frameLength()).isEqualTo(frame.length);
    Dc09Message m = d.message();
    checkText(expect, "token", m.token());
    checkText(expect, "sequence", m.sequence());
    checkText(expect, "receiver", m.receiver());
    checkText(expect, "prefix", m.prefix());
    checkText(expect, "account", m.account());
    checkText(expect, "data", m.data());
    if (expect.has("encrypted")) {
      assertThat(m.encrypted()).isEqualTo(expect.get("encrypted").booleanValue());
    }
    if (expect.has("timestamp")) {
      JsonNode t = expect.get("timestamp");
      assertThat(m.timestamp()).isEqualTo(t.isNull() ? null : Instant.parse(t.stringValue()));
    }
    if (expect.has("binaryCrc")) {
      assertThat(d.dialect().binaryCrc()).isEqualTo(expect.get("binaryCrc").booleanValue());
    }
    if (expect.has("crcIncludesCr")) {
      assertThat(d.dialect().crcIncludesCr()).isEqualTo(expect.get("crcIncludesCr").booleanValue());
    }
    if (expect.has("leadingLf")) {
      assertThat(d.dialect().leadingLf()).isEqualTo(expect.get("leadingLf").booleanValue());
    }
    if (expect.has("extended")) {
      List<ExtendedField> fields = new ArrayList<>();
      expect.get("extended").forEach(pair -> fields.add(new ExtendedField(pair.get(0).stringValue(), pair.get(1).stringValue())));
      assertThat(m.extended()).isEqualTo(fields);
    }
    // the answer is written the way the sender reads: re-encoding a plain frame gives its bytes back
    if (!m.encrypted() && !(v.has("reencode") && !v.get("reencode").booleanValue())) {
      assertThat(codec.encode(m, d.dialect())).as("byte-exact re-encoding").isEqualTo(frame);
    }
    // and whatever was decoded survives an encode/decode round trip (new pad when encrypted)
    Dc09DecodeResult again = codec.decode(ByteBuffer.wrap(codec.encode(m, d.dialect())));
    assertThat(again).isInstanceOf(Dc09DecodeResult.Decoded.class);
    assertThat(((Dc09DecodeResult.Decoded) again).message()).isEqualTo(m);
  }

  private static void checkText(JsonNode expect, String field, String actual) {
    if (expect.has(field)) {
      JsonNode e = expect.get(field);
      assertThat(actual).as(field).isEqualTo(e.isNull() ? null : e.stringValue());
    }
  }
}
