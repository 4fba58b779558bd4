package io.github.vpsdk.vp.testkit.internal.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.testkit.camera.RtspSettings;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import io.github.vpsdk.vp.testkit.camera.SnapshotAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The camera's RTSP server, played over loopback by a Java client written from the RFCs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtspServerTest {
  static final String USER = "admin";
  static final String PASSWORD = "s3cret";

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final HandClock clock = new HandClock();
  SimulatedCamera cam;

  @AfterEach
  void tearDown() {
    if (cam != null) {
      cam.close();
    }
  }

  private SimulatedCamera start(RtspSettings settings) {
    cam = SimulatedCamera.builder()
        .name("Gate 1")
        .credentials(USER, PASSWORD)
        .snapshotAuth(SnapshotAuth.NONE)
        .clock(clock)
        .rtsp(settings)
        .build()
        .start();
    return cam;
  }

  /** DESCRIBE, SETUP and PLAY; returns the session id. */
  static String play(RtspTestClient c, URI uri) throws IOException {
    RtspTestClient.Response d = c.request("DESCRIBE", uri.toString(), "Accept: application/sdp");
    assertThat(d.status()).isEqualTo(200);
    String base = d.header("Content-Base");
    RtspTestClient.Response s =
        c.request("SETUP", base + "track1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
    assertThat(s.status()).isEqualTo(200);
    String session = s.header("Session").split(";")[0];
    RtspTestClient.Response p = c.request("PLAY", uri.toString(), "Session: " + session, "Range: npt=0.000-");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.header("RTP-Info")).startsWith("url=" + base + "track1;seq=");
    return session;
  }

  /** Reads interleaved packets until one whole frame is rebuilt. */
  static byte[] frame(RtspTestClient c, RtpJpegDepacketizer d) throws IOException {
    while (true) {
      RtspTestClient.Binary b = c.readBinary();
      assertThat(b.channel()).isEqualTo(0);
      byte[] jpeg = d.add(b.data());
      if (jpeg != null) {
        return jpeg;
      }
    }
  }

  static BufferedImage decode(byte[] jpeg) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(img).as("decodable").isNotNull();
    return img;
  }

  static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  private byte[] snapshot(String profile) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(cam.snapshotUri(profile)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void playsMjpegOverInterleavedTcpAndTheFramesAreTheSnapshot() throws Exception {
    start(RtspSettings.defaults());
    URI uri = cam.streamUri("profile_sub");
    assertThat(uri.toString()).isEqualTo("rtsp://127.0.0.1:" + uri.getPort() + "/profile_sub");
    assertThat(uri.getPort()).isNotEqualTo(cam.port());
    try (RtspTestClient c = new RtspTestClient(uri)) {
      RtspTestClient.Response o = c.request("OPTIONS", uri.toString());
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.header("Public")).contains("DESCRIBE", "SETUP", "PLAY", "TEARDOWN", "GET_PARAMETER");
      RtspTestClient.Response refused = c.request("DESCRIBE", uri.toString());
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("WWW-Authenticate")).startsWith("Digest realm=\"Gate 1\", nonce=\"");
      c.credentials(USER, PASSWORD);
      RtspTestClient.Response d = c.request("DESCRIBE", uri.toString());
      assertThat(d.status()).isEqualTo(200);
      assertThat(d.header("Content-Type")).isEqualTo("application/sdp");
      assertThat(d.header("Content-Base")).isEqualTo(uri + "/");
      assertThat(d.body())
          .contains("m=video 0 RTP/AVP 26\r\n", "a=rtpmap:26 JPEG/90000\r\n", "a=framerate:5\r\n", "a=control:track1\r\n", "s=Gate 1\r\n");
      String session = play(c, uri);

      RtpJpegDepacketizer d1 = new RtpJpegDepacketizer();
      byte[] jpeg = frame(c, d1);
      assertThat(d1.type()).isEqualTo(1);
      assertThat(d1.packets).isGreaterThan(1);
      BufferedImage img = decode(jpeg);
      assertThat(img.getWidth()).isEqualTo(640);
      assertThat(img.getHeight()).isEqualTo(360);
      // the clock is frozen, so the frame is the snapshot, pixel for pixel
      assertThat(pixels(img)).isEqualTo(pixels(decode(snapshot("profile_sub"))));

      RtspTestClient.Response k = c.request("GET_PARAMETER", uri.toString(), "Session: " + session);
      assertThat(k.status()).isEqualTo(200);
      RtspTestClient.Response t = c.request("TEARDOWN", uri.toString(), "Session: " + session);
      assertThat(t.status()).isEqualTo(200);
      assertThat(c.request("GET_PARAMETER", uri.toString(), "Session: " + session).status()).isEqualTo(454);
    }
    assertThat(cam.requestCount("RTSP PLAY")).isEqualTo(1);
    assertThat(cam.requestCount("RtspUnauthorized")).as("once without credentials, once to get a nonce").isEqualTo(2);
  }

  @Test
  void framesAreDrawnWhenSentAndTimedAt90kHz() throws Exception {
    start(RtspSettings.defaults().withFrameRate(10).withAuthenticated(false));
    URI uri = cam.streamUri("profile_sub");
    try (RtspTestClient c = new RtspTestClient(uri)) {
      play(c, uri);
      RtpJpegDepacketizer d = new RtpJpegDepacketizer();
      int[] first = pixels(decode(frame(c, d)));
      long t1 = d.frameTimestamp;
      clock.now = clock.now.plus(Duration.ofHours(1)); // the caption's clock changes
      int[] later = null;
      long t2 = 0;
      for (int i = 0; i < 5; i++) {
        later = pixels(decode(frame(c, d)));
        t2 = d.frameTimestamp;
      }
      assertThat(later).isNotEqualTo(first);
      assertThat((t2 - t1) & 0xFFFFFFFFL).isPositive();
      assertThat(((t2 - t1) & 0xFFFFFFFFL) % 9000).as("10 fps at 90 kHz").isZero();
    }
  }

  @Test
  void playsOverUdpUnicastToTheClientsPort() throws Exception {
    start(RtspSettings.defaults().withAuthenticated(false));
    URI uri = cam.streamUri("profile_sub");
    try (RtspTestClient c = new RtspTestClient(uri);
        java.net.DatagramSocket udp = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
      udp.setSoTimeout(10_000);
      udp.setReceiveBufferSize(1 << 20);
      int port = udp.getLocalPort();
      RtspTestClient.Response s = c.request(
          "SETUP", uri + "/track1", "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
      assertThat(s.status()).isEqualTo(200);
      assertThat(s.header("Transport")).startsWith("RTP/AVP;unicast;client_port=" + port + "-" + (port + 1) + ";server_port=");
      String session = s.header("Session").split(";")[0];
      assertThat(c.request("PLAY", uri.toString(), "Session: " + session).status()).isEqualTo(200);
      RtpJpegDepacketizer d = new RtpJpegDepacketizer();
      byte[] jpeg = null;
      java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
      for (int i = 0; i < 2000 && jpeg == null; i++) {
        udp.receive(packet);
        jpeg = d.add(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
      }
      assertThat(jpeg).isNotNull();
      BufferedImage img = decode(jpeg);
      assertThat(img.getWidth()).isEqualTo(640);
      assertThat(pixels(img)).isEqualTo(pixels(decode(snapshot("profile_sub"))));
      assertThat(c.request("TEARDOWN", uri.toString(), "Session: " + session).status()).isEqualTo(200);
    }
  }

  @Test
  void profilesLargerThanRtpJpegCanDescribeAreRefusedAndOddSizesArePadded() throws Exception {
    cam = SimulatedCamera.builder()
        .profile(new io.github.vpsdk.vp.testkit.camera.CameraProfile("uhd", "uhd", "H265", 3840, 2160, 25))
        .profile(new io.github.vpsdk.vp.testkit.camera.CameraProfile("odd", "odd", "H264", 325, 243, 5))
        .rtsp(true)
        .build()
        .start();
    URI uhd = cam.streamUri("uhd");
    URI odd = cam.streamUri("odd");
    try (RtspTestClient c = new RtspTestClient(uhd)) {
      assertThat(c.request("DESCRIBE", uhd.toString()).status()).isEqualTo(415);
      play(c, odd);
      BufferedImage img = decode(frame(c, new RtpJpegDepacketizer()));
      // RTP/JPEG counts 8-pixel blocks: the receiver sees the padded size
      assertThat(img.getWidth()).isEqualTo(328);
      assertThat(img.getHeight()).isEqualTo(248);
    }
  }

  @Test
  void closingTheConnectionEndsItsSessions() throws Exception {
    start(RtspSettings.defaults().withAuthenticated(false));
    RtspServer server = serverOf(cam);
    URI uri = cam.streamUri("profile_sub");
    try (RtspTestClient c = new RtspTestClient(uri)) {
      play(c, uri);
      frame(c, new RtpJpegDepacketizer());
      assertThat(server.playingCount()).isEqualTo(1);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0 && server.playingCount() == 0);
  }

  @Test
  void silentConnectionsAreClosedAfterTheSessionTimeout() throws Exception {
    start(RtspSettings.defaults().withAuthenticated(false).withSessionTimeout(Duration.ofSeconds(1)));
    URI uri = cam.streamUri("profile_sub");
    try (RtspTestClient c = new RtspTestClient(uri)) {
      RtspTestClient.Response s =
          c.request("SETUP", uri + "/track1", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
      assertThat(s.header("Session")).endsWith(";timeout=1");
      await().atMost(Duration.ofSeconds(10)).until(() -> c.in.read() < 0);
    }
  }

  static RtspServer serverOf(SimulatedCamera cam) throws Exception {
    java.lang.reflect.Field f = SimulatedCamera.class.getDeclaredField("rtsp");
    f.setAccessible(true);
    return ((RtspStreams) f.get(cam)).server();
  }
}
