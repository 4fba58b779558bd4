package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A relay output of a camera (a siren, a light, a door strike wired to it).
 *
 * @param token the relay token, for {@link OnvifIo#setRelay}
 * @param mode {@code Bistable} (stays as set) or {@code Monostable} (returns to idle after {@code
 *     delayTime}), or empty if unknown
 * @param delayTime how long a monostable relay stays active, or {@code null}
 * @param idleState {@code open} or {@code closed}: the electrical state when inactive, or empty
 */
public record RelayOutput(String token, String mode, @Nullable Duration delayTime, String idleState) {
  /**
   * Checks the components.
   *
   * @param token token
   * @param mode mode
   * @param delayTime delay or {@code null}
   * @param idleState idle state
   */
  public RelayOutput {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(idleState, "idleState");
  }
}
