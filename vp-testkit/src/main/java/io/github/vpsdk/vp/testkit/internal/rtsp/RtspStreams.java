package io.github.vpsdk.vp.testkit.internal.rtsp;

import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import io.github.vpsdk.vp.testkit.camera.RtspSettings;
import io.github.vpsdk.vp.testkit.internal.camera.CameraConfig;
import io.github.vpsdk.vp.testkit.internal.camera.CameraFrames;
import io.github.vpsdk.vp.testkit.internal.camera.CameraState;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The RTSP side of a simulated camera: one stream per profile, drawn by the snapshot renderer,
 * behind digest authentication with the camera's account.
 */
public final class RtspStreams implements AutoCloseable {
  private final CameraState state;
  private final RtspServer server;

  /**
   * Creates the server of a camera (not started).
   *
   * @param state the camera
   * @param settings the RTSP settings
   */
  public RtspStreams(CameraState state, RtspSettings settings) {
    this.state = state;
    CameraConfig c = state.config();
    RtspDigest digest =
        settings.authenticated() && c.user() != null && c.password() != null
            ? new RtspDigest(c.name(), c.user(), c.password(), c.clock())
            : null;
    this.server =
        new RtspServer(
            new RtspServer.Options(c.host(), settings.port(), settings.frameRate(), settings.sessionTimeout(), c.name()),
            this::stream,
            digest,
            state::count);
  }

  private Optional<RtspServer.Stream> stream(String token) {
    // the replay URI of the one recording (rtsp://host:port/replay/REC_1) plays the main profile's
    // pictures, drawn at play time: the simulated camera keeps no archive
    Optional<CameraProfile> p = token.equals("replay") ? state.config().profiles().stream().findFirst() : state.profile(token);
    return p.map(profile -> new RtspServer.Stream(profile.width(), profile.height(), () -> CameraFrames.draw(state, profile)));
  }

  /** Binds the port and announces it in the stream URIs. */
  public void start() {
    server.start();
    state.rtspPort(server.port());
  }

  /**
   * The server, for tests and diagnostics.
   *
   * @return the server
   */
  public RtspServer server() {
    return server;
  }

  /** Closes the port and every session. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * The bound port.
   *
   * @return the port, or {@code null} before start
   */
  public @Nullable Integer port() {
    try {
      return server.port();
    } catch (IllegalStateException e) {
      return null;
    }
  }
}
