package io.github.vpsdk.vp.testkit.site;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Scenario documents from anywhere: a scenario or an IllegalArgumentException, nothing else. */
class ScenarioFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    try {
      Scenario s = Scenario.parse(new String(input, StandardCharsets.UTF_8));
      if (s.panels().isEmpty()) {
        throw new AssertionError("a scenario without panels was accepted");
      }
    } catch (IllegalArgumentException expected) {
      // the document was refused, with a reason
    }
  }
}
