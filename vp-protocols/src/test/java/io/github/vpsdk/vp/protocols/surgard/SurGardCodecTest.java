package io.github.vpsdk.vp.protocols.surgard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SurGardCodecTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<JsonNode> vectors() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(SurGardCodecTest.class.getResourceAsStream("/vectors/surgard/packets.jsonl")), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        all.add(JSON.readTree(line));
      }
    }
    return all.stream();
  }

  private static byte[] packet(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
    p[b.length] = SurGardCodec.DC4;
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(JsonNode v) {
    byte[] bytes = packet(v.get("packet").stringValue());
    SurGardDecodeResult r = SurGardCodec.decode(ByteBuffer.wrap(bytes));
    JsonNode e = v.get("expect");
    String kind = e.get("kind").stringValue();
    if (kind.equals("malformed")) {
      assertThat(r).isInstanceOf(SurGardDecodeResult.Malformed.class);
      return;
    }
    assertThat(r).as(r.toString()).isInstanceOf(SurGardDecodeResult.Decoded.class);
    SurGardMessage m = ((SurGardDecodeResult.Decoded) r).message();
    switch (kind) {
      case "cid": {
        SurGardMessage.ContactId c = (SurGardMessage.ContactId) m;
        assertThat(c.receiver()).isEqualTo(e.get("receiver").stringValue());
        assertThat(c.line()).isEqualTo(e.get("line").stringValue());
        assertThat(c.event()).isEqualTo(new ContactIdMessage(e.get("account").stringValue(), e.get("qualifier").intValue(),
            e.get("event").intValue(), e.get("group").intValue(), e.get("zone").intValue()));
        assertThat(SurGardCodec.encode(m)).as("re-encoding").isEqualTo(bytes);
        break;
      }
      case "heartbeat":
        assertThat(m).isEqualTo(new SurGardMessage.Heartbeat(e.get("receiver").stringValue()));
        assertThat(SurGardCodec.encode(m)).isEqualTo(bytes);
        break;
      case "sia":
        assertThat(m).isEqualTo(new SurGardMessage.Sia(e.get("receiver").stringValue(), e.get("line").stringValue(), e.get("data").stringValue()));
        assertThat(SurGardCodec.encode(m)).isEqualTo(bytes);
        break;
      default:
        assertThat(m).isInstanceOf(SurGardMessage.Unsupported.class);
        assertThat(((SurGardMessage.Unsupported) m).protocol()).isEqualTo(e.get("protocol").stringValue().charAt(0));
    }
  }

  @Test
  void sixGluedRetransmissionsAreSixPackets() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    for (int i = 0; i < 6; i++) {
      s.writeBytes(packet("5011 187037E13001004"));
    }
    s.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer in = ByteBuffer.wrap(s.toByteArray());
    int decoded = 0;
    while (SurGardCodec.decode(in) instanceof SurGardDecodeResult.Decoded) {
      decoded++;
    }
    assertThat(decoded).isEqualTo(6);
  }

  @Test
  void contactIdAndSiaMapToEvents() {
    SurGardMessage cid = ((SurGardDecodeResult.Decoded) SurGardCodec.decode(ByteBuffer.wrap(packet("5011 187037E13001004")))).message();
    PanelEvent e = SurGardCodec.events(cid, Instant.EPOCH, "sg-1", EventCatalogue.defaults()).asOptional().orElseThrow().get(0);
    assertThat(e.account()).isEqualTo(AccountId.of("01", "1", "7037"));
    assertThat(e.category()).isEqualTo(EventCategory.INTRUSION);
    assertThat(e.zone()).isEqualTo(4);
    assertThat(e.transport()).isEqualTo("surgard");
    SurGardMessage sia = new SurGardMessage.Sia("01", "001", "#1234|Nid22/CL/PA31");
    List<PanelEvent> events = SurGardCodec.events(sia, Instant.EPOCH, "sg-2", EventCatalogue.defaults()).asOptional().orElseThrow();
    assertThat(events).extracting(PanelEvent::category).containsExactly(EventCategory.OPENING_CLOSING, EventCategory.PANIC);
    assertThat(SurGardCodec.events(new SurGardMessage.Heartbeat("01"), Instant.EPOCH, "x", EventCatalogue.defaults()).asOptional().orElseThrow()).isEmpty();
  }

  @Test
  void oversizeAndGarbageNeverStopTheStream() {
    long base = Long.getLong("vp.seed", 5L);
    for (int i = 0; i < 3000; i++) {
      long seed = base + i;
      SplittableRandom r = new SplittableRandom(seed);
      byte[] noise = new byte[r.nextInt(600)];
      r.nextBytes(noise);
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      s.writeBytes(noise);
      s.write(SurGardCodec.DC4);
      s.writeBytes(packet("5011 187037E13001004"));
      ByteBuffer in = ByteBuffer.wrap(s.toByteArray());
      SurGardDecodeResult last = null;
      for (int guard = 0; guard < 10_000 && in.hasRemaining(); guard++) {
        int before = in.position();
        last = SurGardCodec.decode(in);
        if (last instanceof SurGardDecodeResult.NeedMore) {
          break;
        }
        assertThat(in.position()).as("seed=%d", seed).isGreaterThan(before);
      }
      assertThat(last).as("seed=%d the packet after the noise decodes", seed).isInstanceOf(SurGardDecodeResult.Decoded.class);
    }
  }
}
