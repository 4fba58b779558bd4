package io.github.vpsdk.vp.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The record kind's syntax: lower-case words separated by single dots, at most 128 characters. */
class JournalRecordKindTest {
  private static final Pattern KIND = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

  static JournalRecord record(String kind) {
    return new JournalRecord(kind, null, null, "operator", "text", Map.of(), null);
  }

  @Test
  void acceptsDottedLowerCaseWords() {
    for (String k : new String[] {"comment", "alarm.received", "journal.checkpoint", "a-b_c.d9.e", "x".repeat(128)}) {
      assertThat(record(k).kind()).isEqualTo(k);
    }
  }

  @Test
  void refusesEverythingElse() {
    for (String k : new String[] {"", ".", "a.", ".a", "a..b", "Alarm", "a b", "a/b", "é", "x".repeat(129)}) {
      assertThatThrownBy(() -> record(k)).as(k).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The hand-written check agrees with the regular expression it replaced, on random strings. */
  @Test
  void agreesWithTheRegularExpression() {
    long seed = 0x5EED_0001L;
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "ab9_-.A ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(0, 8);
      for (int j = 0; j < n; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String k = sb.toString();
      boolean expected = KIND.matcher(k).matches();
      boolean accepted;
      try {
        record(k);
        accepted = true;
      } catch (IllegalArgumentException e) {
        accepted = false;
      }
      assertThat(accepted).as("seed %x, kind '%s'", seed, k).isEqualTo(expected);
    }
  }
}
