package io.github.vpsdk.vp.testkit.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ConcreteSet topic filters a simulated camera accepts in CreatePullPointSubscription. */
class TopicFilterTest {
  static final String MOTION = "tns1:VideoSource/MotionAlarm";
  static final String CELL = "tns1:RuleEngine/CellMotionDetector/Motion";
  static final String LINE = "tns1:RuleEngine/LineDetector/Crossed";

  @Test
  void exactPathsDescendantsWildcardsAndAlternatives() {
    assertThat(TopicFilter.parse(MOTION).matches(MOTION)).isTrue();
    assertThat(TopicFilter.parse(MOTION).matches(CELL)).isFalse();
    assertThat(TopicFilter.parse("tns1:VideoSource").matches(MOTION)).isFalse();
    TopicFilter rules = TopicFilter.parse("tns1:RuleEngine//.");
    assertThat(rules.matches(CELL)).isTrue();
    assertThat(rules.matches(LINE)).isTrue();
    assertThat(rules.matches(MOTION)).isFalse();
    // other prefixes, no prefix, other case: the simulator only has tns1 topics
    assertThat(TopicFilter.parse("onvif:videosource/motionalarm").matches(MOTION)).isTrue();
    assertThat(TopicFilter.parse("RuleEngine/*/Motion").matches(CELL)).isTrue();
    assertThat(TopicFilter.parse("RuleEngine/*/Motion").matches(LINE)).isFalse();
    TopicFilter either = TopicFilter.parse(" tns1:VideoSource/MotionAlarm | tns1:RuleEngine/LineDetector//. ");
    assertThat(either.matches(MOTION)).isTrue();
    assertThat(either.matches(LINE)).isTrue();
    assertThat(either.matches(CELL)).isFalse();
  }

  @Test
  void malformedOrOversizedExpressionsAreRefused() {
    for (String bad : new String[] {"", "  ", "a||b", "a//b", "/a", "a/", "tns1:A//.|"}) {
      assertThatThrownBy(() -> TopicFilter.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> TopicFilter.parse("a".repeat(TopicFilter.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicFilter.parse("a|".repeat(TopicFilter.MAX_ALTERNATIVES) + "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Random expressions from topic-like pieces: parse gives a filter or IllegalArgumentException. */
  @Test
  void randomExpressionsParseOrAreRefusedNeverCrash() {
    long seed = System.nanoTime();
    System.out.println("TopicFilterTest seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    String[] pieces = {"tns1:", "RuleEngine", "/", "//.", "|", "*", "Motion", " ", ":", "//", ".", "x"};
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      String expr = b.toString();
      try {
        TopicFilter f = TopicFilter.parse(expr);
        for (EventBroker.Emission e : EventBroker.allEmissions()) {
          f.matches(e.topic());
        }
        if (expr.trim().equals(MOTION)) {
          assertThat(f.matches(MOTION)).as("seed %d: %s", seed, expr).isTrue();
        }
      } catch (IllegalArgumentException expected) {
        // refused: fine
      }
    }
  }
}
