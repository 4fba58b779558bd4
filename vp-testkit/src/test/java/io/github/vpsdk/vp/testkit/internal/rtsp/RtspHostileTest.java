package io.github.vpsdk.vp.testkit.internal.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.testkit.camera.RtspSettings;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and wrong requests: the right RTSP status, no crash, and the server keeps serving. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RtspHostileTest {
  SimulatedCamera cam;
  URI uri;

  @BeforeEach
  void start() {
    cam = SimulatedCamera.builder()
        .credentials("admin", "pw")
        .rtsp(RtspSettings.defaults().withSessionTimeout(Duration.ofSeconds(20)))
        .build()
        .start();
    uri = cam.streamUri("profile_sub");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      stillServes();
    } finally {
      cam.close();
    }
  }

  /** A fresh client can still play a frame. */
  private void stillServes() throws IOException {
    try (RtspTestClient c = new RtspTestClient(uri).credentials("admin", "pw")) {
      RtspServerTest.play(c, uri);
      assertThat(RtspServerTest.frame(c, new RtpJpegDepacketizer())).isNotEmpty();
    }
  }

  /** Sends raw bytes and reads everything until the server closes (or 5 s pass). */
  private String rawExchange(byte[] bytes) throws IOException {
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      byte[] all = in.readAllBytes();
      return new String(all, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void malformedRequestsGet400AndTheConnectionCloses() throws IOException {
    byte[] tls = {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1, 0x03, 0x03, 0, 0, '\r', '\n', '\r', '\n'};
    assertThat(rawExchange(tls)).startsWith("RTSP/1.0 400 Bad Request\r\n").contains("Connection: close");
    byte[] endless = new byte[RtspParser.MAX_HEAD + 100];
    java.util.Arrays.fill(endless, (byte) 'X');
    assertThat(rawExchange(endless)).startsWith("RTSP/1.0 400 ");
    assertThat(rawExchange("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 99999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .startsWith("RTSP/1.0 400 ");
    assertThat(rawExchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).startsWith("RTSP/1.0 400 ");
    assertThat(cam.requestCount("RtspMalformed")).isEqualTo(4);
  }

  @Test
  void wellFramedButWrongRequestsGetTheirStatusAndTheConnectionStays() throws IOException {
    try (RtspTestClient c = new RtspTestClient(uri)) {
      c.sendRaw("OPTIONS * RTSP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(c.readResponse().status()).as("no CSeq").isEqualTo(400);
      c.sendRaw("OPTIONS * RTSP/1.0\r\nCSeq: x1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(c.readResponse().status()).as("bad CSeq").isEqualTo(400);
      c.sendRaw(new byte[] {'$', 1, 0, 2, 7, 7}); // an RTCP report before any session: ignored
      assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
      assertThat(c.request("FOO", uri.toString()).status()).isEqualTo(501);
      assertThat(c.request("RECORD", uri.toString()).status()).isEqualTo(501);
      c.sendRaw("OPTIONS * RTSP/2.0\r\nCSeq: 9\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      RtspTestClient.Response v = c.readResponse();
      assertThat(v.status()).isEqualTo(505);
      assertThat(v.header("CSeq")).isEqualTo("9");
      assertThat(c.request("DESCRIBE", uri.toString()).status()).as("no credentials").isEqualTo(401);
      c.credentials("admin", "wrong");
      assertThat(c.request("DESCRIBE", uri.toString()).status()).as("wrong password").isEqualTo(401);
      c.credentials("admin", "pw");
      assertThat(c.request("DESCRIBE", uri.toString()).status()).isEqualTo(200);
      String base = "rtsp://127.0.0.1:" + uri.getPort();
      assertThat(c.request("DESCRIBE", base + "/nope").status()).isEqualTo(404);
      assertThat(c.request("DESCRIBE", base + "/../../etc/passwd").status()).isEqualTo(404);
      assertThat(c.request("DESCRIBE", base).status()).isEqualTo(404);
      assertThat(c.request("DESCRIBE", "http://elsewhere/profile_sub").status()).isEqualTo(404);
      assertThat(c.request("SETUP", uri + "/track1", "Transport: RTP/AVP;unicast;client_port=5000-5001;mode=record").status())
          .as("record mode").isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track1", "Transport: RTP/AVP;multicast;port=5000-5001").status()).isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track1", "Transport: RTP/AVP;unicast").status()).as("no client_port").isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track1", "Transport: RTP/AVP/TCP;unicast;interleaved=999-1000").status())
          .isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track1", "Transport: RAW/RAW/UDP;unicast").status()).isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track1").status()).as("no Transport").isEqualTo(461);
      assertThat(c.request("SETUP", uri + "/track9", "Transport: RTP/AVP/TCP;interleaved=0-1").status()).isEqualTo(404);
      assertThat(c.request("PLAY", uri.toString(), "Session: DEADBEEF").status()).isEqualTo(454);
      assertThat(c.request("PLAY", uri.toString()).status()).isEqualTo(454);
      assertThat(c.request("TEARDOWN", uri.toString(), "Session: DEADBEEF").status()).isEqualTo(454);
      List<Integer> setups = new ArrayList<>();
      for (int i = 0; i < RtspServer.MAX_SESSIONS + 1; i++) {
        setups.add(c.request("SETUP", uri + "/track1", "Transport: RTP/AVP/TCP;interleaved=" + 2 * i + "-" + (2 * i + 1)).status());
      }
      assertThat(setups).last().isEqualTo(453);
      assertThat(c.request("OPTIONS", "*").status()).isEqualTo(200);
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    RtspServer server = RtspServerTest.serverOf(cam);
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < RtspServer.MAX_CONNECTIONS; i++) {
        open.add(new Socket(uri.getHost(), uri.getPort()));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == RtspServer.MAX_CONNECTIONS);
      try (Socket extra = new Socket(uri.getHost(), uri.getPort())) {
        extra.setSoTimeout(5_000);
        assertThat(extra.getInputStream().read()).isEqualTo(-1);
      }
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
  }

  @Test
  void aClientThatStopsReadingIsDroppedEvenWhileItSendsKeepAlives() throws Exception {
    try (SimulatedCamera fast = SimulatedCamera.builder()
            .rtsp(RtspSettings.defaults().withFrameRate(30).withSessionTimeout(Duration.ofSeconds(1)))
            .build()
            .start();
        Socket s = new Socket()) {
      RtspServer server = RtspServerTest.serverOf(fast);
      URI main = fast.streamUri("profile_main");
      s.setReceiveBufferSize(4096);
      s.connect(new java.net.InetSocketAddress(main.getHost(), main.getPort()));
      s.setSoTimeout(5_000);
      java.io.OutputStream o = s.getOutputStream();
      o.write(("SETUP " + main + "/track1 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = s.getInputStream().read();
        assertThat(c).as("SETUP answer so far: %s", head).isNotNegative();
        head.append((char) c);
      }
      String setup = head.toString();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("Session: ([0-9A-F]+)").matcher(setup);
      assertThat(m.find()).as(setup).isTrue();
      o.write(("PLAY " + main + " RTSP/1.0\r\nCSeq: 2\r\nSession: " + m.group(1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      // never read again, but keep talking: only the blocked write can tell the server
      long deadline = System.nanoTime() + 25_000_000_000L;
      int cseq = 3;
      boolean dropped = false;
      while (System.nanoTime() < deadline && !dropped) {
        try {
          o.write(("GET_PARAMETER " + main + " RTSP/1.0\r\nCSeq: " + cseq++ + "\r\nSession: " + m.group(1) + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          o.flush();
        } catch (IOException closedByServer) {
          dropped = true;
        }
        dropped |= server.connectionCount() == 0;
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> true);
      }
      assertThat(dropped).as("connection dropped").isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0 && server.playingCount() == 0);
    }
  }

  @Test
  void randomBytesNeverBreakTheServer() throws IOException {
    long seed = new SplittableRandom().nextLong();
    System.out.println("RtspHostileTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    String valid = "SETUP " + uri + "/track1 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nSession: 1\r\n\r\n";
    for (int i = 0; i < 40; i++) {
      byte[] b;
      if (random.nextBoolean()) {
        b = new byte[random.nextInt(1, 2000)];
        for (int k = 0; k < b.length; k++) {
          b[k] = (byte) random.nextInt(256);
        }
      } else {
        b = valid.getBytes(StandardCharsets.US_ASCII);
        for (int e = random.nextInt(1, 5); e > 0; e--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
        s.setSoTimeout(300);
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
        byte[] head = new byte[9];
        int n;
        try {
          n = s.getInputStream().readNBytes(head, 0, 9);
        } catch (java.net.SocketTimeoutException waiting) {
          n = 0; // a prefix the server waits to complete
        }
        if (n > 0) {
          assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).as("seed %d case %d", seed, i).startsWith("RTSP/1.0 ".substring(0, n));
        }
      }
    }
  }
}
