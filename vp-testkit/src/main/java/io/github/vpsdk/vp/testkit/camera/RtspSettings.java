package io.github.vpsdk.vp.testkit.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * The RTSP server of a {@link SimulatedCamera}: MJPEG over RTP (RFC 2435) of the pictures the
 * camera draws, one stream per profile at {@code rtsp://HOST:PORT/TOKEN}.
 *
 * @param port the port to bind on the camera's address, 0 for any free port
 * @param frameRate frames per second sent to each playing client (1 to 30)
 * @param sessionTimeout how long a connection may stay silent before the camera closes it; the
 *     value announced in the {@code Session} header
 * @param authenticated whether requests other than OPTIONS need digest authentication with the
 *     camera's account (ignored when the camera has none)
 */
public record RtspSettings(int port, int frameRate, Duration sessionTimeout, boolean authenticated) {

  /**
   * Checks the components.
   *
   * @param port port, 0 for any
   * @param frameRate frames per second
   * @param sessionTimeout session timeout
   * @param authenticated digest authentication
   */
  public RtspSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (frameRate < 1 || frameRate > 30) {
      throw new IllegalArgumentException("frameRate must be within 1..30: " + frameRate);
    }
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    if (sessionTimeout.compareTo(Duration.ofSeconds(1)) < 0 || sessionTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("sessionTimeout must be within 1 s..1 h");
    }
  }

  /**
   * Any free port, 5 frames per second, 60 s session timeout, digest authentication when the
   * camera has an account.
   *
   * @return the defaults
   */
  public static RtspSettings defaults() {
    return new RtspSettings(0, 5, Duration.ofSeconds(60), true);
  }

  /**
   * A copy with another port.
   *
   * @param value the port, 0 for any
   * @return the copy
   */
  public RtspSettings withPort(int value) {
    return new RtspSettings(value, frameRate, sessionTimeout, authenticated);
  }

  /**
   * A copy with another frame rate.
   *
   * @param value frames per second, 1 to 30
   * @return the copy
   */
  public RtspSettings withFrameRate(int value) {
    return new RtspSettings(port, value, sessionTimeout, authenticated);
  }

  /**
   * A copy with another session timeout.
   *
   * @param value the timeout, 1 s to 1 h
   * @return the copy
   */
  public RtspSettings withSessionTimeout(Duration value) {
    return new RtspSettings(port, frameRate, value, authenticated);
  }

  /**
   * A copy with authentication switched on or off.
   *
   * @param value true to require digest authentication
   * @return the copy
   */
  public RtspSettings withAuthenticated(boolean value) {
    return new RtspSettings(port, frameRate, sessionTimeout, value);
  }
}
