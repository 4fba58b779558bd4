package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.core.VpException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failed ONVIF operation. {@link #kind()} says what went wrong in ONVIF terms; {@link #reason()}
 * gives the matching vp-wide {@link VpException.Reason}.
 */
public final class OnvifException extends VpException {
  private static final long serialVersionUID = 1L;

  /** What kind of ONVIF failure occurred. */
  public enum Kind {
    /** The camera refused the credentials (HTTP 401, {@code ter:NotAuthorized}). */
    AUTHENTICATION(Reason.REFUSED),
    /** The camera does not offer this service or operation ({@code ter:ActionNotSupported}). */
    NOT_SUPPORTED(Reason.REFUSED),
    /** The camera rejected an argument ({@code ter:InvalidArgVal}, unknown token). */
    BAD_ARGUMENT(Reason.INVALID_ARGUMENT),
    /** The camera could not be reached (connection refused, unknown host, reset). */
    UNREACHABLE(Reason.IO),
    /** The operation did not complete within the configured timeout. */
    TIMEOUT(Reason.TIMEOUT),
    /** The camera answered with another SOAP fault. */
    DEVICE_FAULT(Reason.REFUSED),
    /** The answer could not be understood (not SOAP, missing fields, unexpected HTTP status). */
    PROTOCOL(Reason.MALFORMED);

    private final Reason reason;

    Kind(Reason reason) {
      this.reason = reason;
    }

    /**
     * The vp-wide reason for this kind.
     *
     * @return the reason
     */
    public Reason reason() {
      return reason;
    }
  }

  private final Kind kind;
  private final @Nullable String faultCode;

  /**
   * Creates an exception.
   *
   * @param kind what went wrong
   * @param message a description for people, without secrets
   * @param faultCode the most specific SOAP fault subcode (for example {@code ter:NotAuthorized}),
   *     or {@code null}
   * @param cause the underlying cause, or {@code null}
   */
  public OnvifException(
      Kind kind, String message, @Nullable String faultCode, @Nullable Throwable cause) {
    super(Objects.requireNonNull(kind, "kind").reason(), message, cause);
    this.kind = kind;
    this.faultCode = faultCode;
  }

  /**
   * What went wrong in ONVIF terms.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The most specific SOAP fault subcode the camera sent, as {@code prefix:local} or as the
   * local name, if the failure was a SOAP fault.
   *
   * @return the fault subcode, or {@code null}
   */
  public @Nullable String faultCode() {
    return faultCode;
  }

  /**
   * The class, the ONVIF kind (with the vp-wide reason when it differs) and the message, such as
   * {@code OnvifException [UNREACHABLE, IO]: GetSystemDateAndTime: camera unreachable: ...}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    String r = kind.name().equals(reason().name()) ? kind.name() : kind + ", " + reason();
    return getClass().getName() + " [" + r + "]: " + getMessage();
  }
}
