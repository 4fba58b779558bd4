package io.github.vpsdk.vp.protocols.sia;

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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIA DC-03 data-block vectors from {@code vectors/sia-dc03/blocks.jsonl}; each line cites its
 * source. An event's expected fields are checked when present in the vector.
 */
class SiaDataVectorsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String FILE = "/vectors/sia-dc03/blocks.jsonl";

  static List<JsonNode> load() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(SiaDataVectorsTest.class.getResourceAsStream(FILE), FILE);
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
    return load().stream().map(v -> Arguments.of(Named.of(v.get("name").asString(), v)));
  }

  @Test
  void fileIsNotEmpty() throws IOException {
    assertThat(load()).hasSizeGreaterThanOrEqualTo(15);
  }

  private static @Nullable String str(JsonNode n) {
    return n.isNull() ? null : n.asString();
  }

  private static @Nullable Integer num(JsonNode n) {
    return n.isNull() ? null : n.asInt();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void vector(JsonNode v) {
    String data = v.get("data").asString();
    JsonNode expect = v.get("expect");
    ParseResult<SiaData> r = SiaData.parse(data);
    if (expect.get("result").asString().equals("invalid")) {
      assertThat(r).isInstanceOf(ParseResult.Invalid.class);
      return;
    }
    assertThat(r).as("%s", r).isInstanceOf(ParseResult.Ok.class);
    SiaData d = r.asOptional().orElseThrow();
    if (expect.has("account")) {
      assertThat(d.account()).isEqualTo(str(expect.get("account")));
    }
    if (expect.has("texts")) {
      List<String> texts = new ArrayList<>();
      expect.get("texts").forEach(t -> texts.add(t.asString()));
      assertThat(d.texts()).isEqualTo(texts);
    }
    JsonNode events = expect.get("events");
    assertThat(d.events()).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      SiaEvent got = d.events().get(i);
      if (e.has("old")) {
        assertThat(got.old()).as("old #%d", i).isEqualTo(e.get("old").asBoolean());
      }
      assertThat(got.code()).as("code #%d", i).isEqualTo(e.get("code").asString());
      if (e.has("address")) {
        assertThat(got.address()).as("address #%d", i).isEqualTo(str(e.get("address")));
      }
      if (e.has("area")) {
        assertThat(got.area()).as("area #%d", i).isEqualTo(num(e.get("area")));
      }
      if (e.has("user")) {
        assertThat(got.user()).as("user #%d", i).isEqualTo(num(e.get("user")));
      }
      if (e.has("peripheral")) {
        assertThat(got.peripheral()).as("peripheral #%d", i).isEqualTo(num(e.get("peripheral")));
      }
      if (e.has("time")) {
        assertThat(got.time()).as("time #%d", i).isEqualTo(str(e.get("time")));
      }
      if (e.has("date")) {
        assertThat(got.date()).as("date #%d", i).isEqualTo(str(e.get("date")));
      }
      if (e.has("text")) {
        assertThat(got.text()).as("text #%d", i).isEqualTo(e.get("text").asString());
      }
    }
    // encoding back and parsing again gives the same events
    assertThat(SiaData.parse(d.toText()).asOptional()).as("re-encoded %s", d.toText()).contains(d);
  }
}
