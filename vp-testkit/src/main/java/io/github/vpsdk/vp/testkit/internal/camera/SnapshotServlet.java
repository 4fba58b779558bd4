package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /onvif/snapshot?profile=TOKEN}: the JPEG of a profile, behind HTTP authentication,
 * with the snapshot faults (delay, HTTP 500) applied.
 */
final class SnapshotServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient CameraState state;
  private final transient HttpAuth auth;
  private final transient CameraServer server;

  SnapshotServlet(CameraState state, HttpAuth auth, CameraServer server) {
    this.state = state;
    this.auth = auth;
    this.server = server;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    state.count("Snapshot");
    String uri = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    String authorization = req.getHeader("Authorization");
    if (!auth.allowed("GET", uri, authorization)) {
      state.count("SnapshotUnauthorized");
      boolean stale = auth.staleNonce(authorization);
      resp.setStatus(401);
      for (String c : auth.challenges(stale)) {
        resp.addHeader("WWW-Authenticate", c);
      }
      resp.setContentType("text/html");
      resp.getWriter().write("<html><body><h1>401 Unauthorized</h1></body></html>");
      return;
    }
    Duration delay = state.snapshotDelay();
    if (!delay.isZero()) {
      server.pause(delay);
    }
    if (state.snapshotFailing()) {
      resp.sendError(500, "snapshot failed (simulated)");
      return;
    }
    String token = req.getParameter("profile");
    Optional<CameraProfile> profile =
        token == null ? state.config().profiles().stream().findFirst() : state.profile(token);
    if (profile.isEmpty()) {
      resp.sendError(404, "no such profile");
      return;
    }
    byte[] jpeg = SnapshotRenderer.render(state, profile.get());
    resp.setStatus(200);
    resp.setContentType("image/jpeg");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(jpeg.length);
    resp.getOutputStream().write(jpeg);
  }
}
