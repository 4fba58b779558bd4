package io.github.vpsdk.vp.protocols.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a piece of alarm data: the value, or why the input is invalid. Parsers
 * return this instead of throwing, so that hostile input never escapes as an exception.
 *
 * @param <T> the parsed type
 */
public sealed interface ParseResult<T> permits ParseResult.Ok, ParseResult.Invalid {

  /**
   * A parsed value.
   *
   * @param value the value
   * @param <T> the parsed type
   */
  record Ok<T>(T value) implements ParseResult<T> {
    /** Validates. */
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Invalid input.
   *
   * @param reason what is wrong, for logs and error replies
   * @param <T> the parsed type
   */
  record Invalid<T>(String reason) implements ParseResult<T> {
    /** Validates. */
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The value, if parsing succeeded.
   *
   * @return the value or empty
   */
  default Optional<T> asOptional() {
    return this instanceof Ok ? Optional.of(((Ok<T>) this).value()) : Optional.empty();
  }

  /**
   * Whether parsing succeeded.
   *
   * @return {@code true} for {@link Ok}
   */
  default boolean isOk() {
    return this instanceof Ok;
  }

  /**
   * A success.
   *
   * @param value the value
   * @param <T> the type
   * @return the result
   */
  static <T> ParseResult<T> ok(T value) {
    return new Ok<>(value);
  }

  /**
   * A failure.
   *
   * @param reason what is wrong
   * @param <T> the type
   * @return the result
   */
  static <T> ParseResult<T> invalid(String reason) {
    return new Invalid<>(reason);
  }
}
