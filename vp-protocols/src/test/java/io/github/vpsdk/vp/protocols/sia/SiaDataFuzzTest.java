package io.github.vpsdk.vp.protocols.sia;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.nio.charset.StandardCharsets;

/** The DC-03 data parser on arbitrary text: a result every time, and encoding what parsed never throws. */
class SiaDataFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    ParseResult<SiaData> r = SiaData.parse(new String(input, StandardCharsets.UTF_8));
    if (r.isOk()) {
      SiaData d = r.asOptional().orElseThrow();
      if (d.events().size() > SiaData.MAX_EVENTS) {
        throw new AssertionError("limit not enforced");
      }
      SiaData.parse(d.toText());
    }
  }
}
