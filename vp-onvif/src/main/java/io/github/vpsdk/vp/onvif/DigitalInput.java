package io.github.vpsdk.vp.onvif;

import java.util.Objects;

/**
 * A digital (alarm) input of a camera; its changes arrive as {@code
 * tns1:Device/Trigger/DigitalInput} events.
 *
 * @param token the input token (the {@code InputToken} source item of its events)
 * @param idleState {@code open} or {@code closed}: the electrical state when inactive, or empty
 */
public record DigitalInput(String token, String idleState) {
  /**
   * Checks the components.
   *
   * @param token token
   * @param idleState idle state
   */
  public DigitalInput {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(idleState, "idleState");
  }
}
