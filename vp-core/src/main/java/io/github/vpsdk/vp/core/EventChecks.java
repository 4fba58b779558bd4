package io.github.vpsdk.vp.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Validation shared by the model records. */
final class EventChecks {
  private EventChecks() {}

  static String requireId(@Nullable String id) {
    return requireText(id, "id", 128);
  }

  static String requireText(@Nullable String value, String what, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(what + " longer than " + maxLength + " characters");
    }
    return value;
  }

  static void requireNonNegative(@Nullable Integer value, String what) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(what + " is negative: " + value);
    }
  }
}
