package io.github.vpsdk.vp.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception type of vp. Its {@link #reason()} says what kind of problem it is,
 * so callers branch on the reason rather than on subclasses. Asynchronous operations fail their
 * {@code CompletionStage} with this type too; blocking twins unwrap it with {@link #extract}.
 *
 * <p>Messages never contain keys, passwords or decrypted payloads.
 */
public class VpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem occurred. */
  public enum Reason {
    /** An argument or a configuration value is invalid. */
    INVALID_ARGUMENT,
    /** The operation is not allowed in the current state (closed resource, bad transition). */
    INVALID_STATE,
    /** Input data (a file, a frame, a JSON document) is malformed. */
    MALFORMED,
    /** Stored data failed an integrity check (hash, signature, sequence). */
    INTEGRITY,
    /** An I/O operation failed. */
    IO,
    /** An operation did not complete in time. */
    TIMEOUT,
    /** A remote peer refused or could not handle a request. */
    REFUSED,
    /** A cryptographic operation failed (wrong key, bad padding, bad signature). */
    CRYPTO,
    /** An unexpected internal error: a bug in vp. */
    INTERNAL
  }

  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason what kind of problem it is
   * @param message a description for people, without secrets
   */
  public VpException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param reason what kind of problem it is
   * @param message a description for people, without secrets
   * @param cause the underlying cause, or {@code null}
   */
  public VpException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * What kind of problem this is.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Finds the {@code VpException} behind a failure from an asynchronous stage ({@code
   * CompletionException}, {@code ExecutionException}), or wraps anything else as {@link
   * Reason#INTERNAL} (or {@link Reason#IO} for an {@code IOException}).
   *
   * @param failure the failure
   * @return the exception to throw from a blocking call
   */
  public static VpException extract(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 16; depth++) {
      if (t instanceof VpException) {
        return (VpException) t;
      }
      if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
        return new VpException(Reason.IO, String.valueOf(t.getMessage()), t);
      }
      t = t.getCause();
    }
    return new VpException(Reason.INTERNAL, String.valueOf(failure.getMessage()), failure);
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + reason + "]: " + getMessage();
  }
}
