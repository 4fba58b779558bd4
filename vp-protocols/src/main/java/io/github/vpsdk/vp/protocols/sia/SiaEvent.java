package io.github.vpsdk.vp.protocols.sia;

import io.github.vpsdk.vp.core.EventCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a SIA DC-03 data block, with the modifiers in force where it stood.
 *
 * @param old whether it came in an old-event ({@code O}) block rather than a new-event ({@code N})
 *     one
 * @param code the two-letter event code
 * @param address the number after the code (a zone, user, area... as the catalogue says), as
 *     written, or {@code null}
 * @param area the {@code ri} modifier (area, partition), or {@code null}
 * @param user the {@code id} modifier (user), or {@code null}
 * @param peripheral the {@code pi} modifier (peripheral), or {@code null}
 * @param time the {@code ti} modifier as written ({@code hh:mm} or {@code hh:mm:ss}), or {@code
 *     null}
 * @param date the {@code da} modifier as written ({@code MM-DD-YY}), or {@code null}
 * @param text text carried with the event ({@code ^...^}, or an {@code A} block), possibly empty
 */
public record SiaEvent(
    boolean old,
    String code,
    @Nullable String address,
    @Nullable Integer area,
    @Nullable Integer user,
    @Nullable Integer peripheral,
    @Nullable String time,
    @Nullable String date,
    String text) {

  /** Validates. */
  public SiaEvent {
    code = new EventCode.Sia(code).code();
    Objects.requireNonNull(text, "text");
  }

  /**
   * The event code.
   *
   * @return the SIA code
   */
  public EventCode.Sia eventCode() {
    return new EventCode.Sia(code);
  }

  /**
   * The address as a number.
   *
   * @return the number, or {@code null} when absent or not decimal
   */
  public @Nullable Integer addressNumber() {
    if (address == null || address.isEmpty() || address.length() > 9) {
      return null;
    }
    for (int i = 0; i < address.length(); i++) {
      if (address.charAt(i) < '0' || address.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(address);
  }
}
