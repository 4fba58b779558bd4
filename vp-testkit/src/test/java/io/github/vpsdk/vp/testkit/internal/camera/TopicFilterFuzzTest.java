package io.github.vpsdk.vp.testkit.internal.camera;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class TopicFilterFuzzTest {

  /** Any text as a topic expression: a filter or IllegalArgumentException, and matching never fails. */
  @FuzzTest(maxDuration = "15s")
  void parseAnyExpression(FuzzedDataProvider data) {
    String expression = data.consumeRemainingAsString();
    TopicFilter f;
    try {
      f = TopicFilter.parse(expression);
    } catch (IllegalArgumentException refused) {
      return;
    }
    for (EventBroker.Emission e : EventBroker.allEmissions()) {
      f.matches(e.topic());
    }
    f.matches(expression);
  }
}
