package io.github.vpsdk.vp.protocols.cid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Contact ID vectors from {@code vectors/contact-id/messages.jsonl}; each line cites its source. */
class ContactIdVectorsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  static List<JsonNode> load(String resource) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(ContactIdVectorsTest.class.getResourceAsStream(resource), resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          assertThat(node.path("source").asString("")).as("source of %s", line).isNotBlank();
          out.add(node);
        }
      }
    }
    return out;
  }

  static Stream<Arguments> vectors() throws IOException {
    return load("/vectors/contact-id/messages.jsonl").stream()
        .map(v -> Arguments.of(Named.of(v.get("name").asString(), v)));
  }

  @Test
  void fileHasBothFormsAndBothOutcomes() throws IOException {
    List<JsonNode> all = load("/vectors/contact-id/messages.jsonl");
    assertThat(all).hasSizeGreaterThanOrEqualTo(15);
    assertThat(all).extracting(v -> v.get("form").asString()).contains("dc09", "dtmf");
    assertThat(all).extracting(v -> v.get("expect").get("result").asString()).contains("ok", "invalid");
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void vector(JsonNode v) {
    String text = v.get("text").asString();
    boolean dtmf = v.get("form").asString().equals("dtmf");
    boolean strict = v.path("mode").asString("lenient").equals("strict");
    JsonNode expect = v.get("expect");
    ParseResult<ContactIdMessage> r =
        dtmf ? ContactIdMessage.parseDtmf(text) : ContactIdMessage.parseDc09Data(text, strict);
    if (expect.get("result").asString().equals("invalid")) {
      assertThat(r).isInstanceOf(ParseResult.Invalid.class);
      return;
    }
    assertThat(r).as("%s", r).isInstanceOf(ParseResult.Ok.class);
    ContactIdMessage m = r.asOptional().orElseThrow();
    JsonNode account = expect.get("account");
    assertThat(m.account()).isEqualTo(account == null || account.isNull() ? null : account.asString());
    assertThat(m.qualifier()).isEqualTo(expect.get("qualifier").asInt());
    assertThat(m.event()).isEqualTo(expect.get("event").asInt());
    assertThat(m.group()).isEqualTo(expect.get("group").asInt());
    assertThat(m.zoneOrUser()).isEqualTo(expect.get("zone").asInt());
    if (dtmf) {
      assertThat(m.toDtmf()).isEqualTo(text);
    } else {
      // re-encoding gives the standard form, which strict mode accepts
      assertThat(ContactIdMessage.parseDc09Data(m.toDc09Data(), m.account() != null).asOptional()).contains(m);
      if (strict) {
        assertThat(m.toDc09Data()).isEqualTo(text);
      }
    }
  }
}
