package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small RTSP 1.0 server (RFC 2326) that streams MJPEG over RTP (RFC 2435), drawing each frame
 * when it is sent. Methods: OPTIONS, DESCRIBE, SETUP (RTP/AVP/TCP interleaved, or RTP/AVP over
 * UDP unicast to the client's own address; multicast and record mode get 461), PLAY, PAUSE,
 * TEARDOWN, and GET_PARAMETER as keep-alive. Plain blocking sockets: one thread per connection and
 * one per playing session.
 *
 * <p>Sessions belong to the connection that set them up and end with it. A connection silent for
 * the session timeout is closed. Malformed requests get 400 and the connection is closed, since
 * framing is lost; well-framed requests with wrong fields get the RTSP status that fits and the
 * connection stays open.
 */
public final class RtspServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);
  /** Largest RTP packet sent, headers included (fits an Ethernet MTU if sent over UDP). */
  static final int MAX_PACKET = 1400;
  /** Most concurrent connections; further ones are closed at once. */
  static final int MAX_CONNECTIONS = 32;
  /** Most sessions on one connection. */
  static final int MAX_SESSIONS = 4;
  private static final String PUBLIC = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER";
  private static final Set<String> METHODS = Set.of(PUBLIC.split(", "));
  private static final String TRACK = "track1";

  /**
   * A stream the server offers.
   *
   * @param width width in pixels
   * @param height height in pixels
   * @param frames draws the next frame as a baseline JPEG
   */
  public record Stream(int width, int height, Supplier<byte[]> frames) {}

  /**
   * Server settings.
   *
   * @param host the address to bind
   * @param port the port, 0 for any
   * @param frameRate frames per second per playing session
   * @param sessionTimeout how long a connection may stay silent
   * @param title the SDP session name
   */
  public record Options(String host, int port, int frameRate, Duration sessionTimeout, String title) {}

  private final Options options;
  private final Function<String, Optional<Stream>> streams;
  private final @Nullable RtspDigest digest;
  private final Consumer<String> counter;
  private final SecureRandom random = new SecureRandom();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private volatile @Nullable ServerSocket server;
  private volatile @Nullable Thread watchdog;
  private volatile boolean closed;

  /**
   * Creates a server (not started).
   *
   * @param options settings
   * @param streams finds a stream by the first path segment of the URI (the profile token)
   * @param digest the digest checker, or {@code null} for no authentication
   * @param counter told the name of every request received ({@code RTSP DESCRIBE}, ...) and of
   *     refusals ({@code RtspUnauthorized}, {@code RtspMalformed})
   */
  public RtspServer(
      Options options,
      Function<String, Optional<Stream>> streams,
      @Nullable RtspDigest digest,
      Consumer<String> counter) {
    this.options = options;
    this.streams = streams;
    this.digest = digest;
    this.counter = counter;
  }

  /**
   * Binds and starts accepting.
   *
   * @return this server
   * @throws UncheckedIOException when the port cannot be bound
   */
  public synchronized RtspServer start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 50);
      server = s;
      Thread t = new Thread(() -> accept(s), "vp-rtsp-accept-" + s.getLocalPort());
      t.setDaemon(true);
      t.start();
      Thread w = new Thread(this::watch, "vp-rtsp-watchdog-" + s.getLocalPort());
      w.setDaemon(true);
      watchdog = w;
      w.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind RTSP " + options.host() + ":" + options.port(), e);
    }
  }

  /**
   * The bound port.
   *
   * @return the port
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    ServerSocket s = server;
    if (s == null) {
      throw new IllegalStateException("not started");
    }
    return s.getLocalPort();
  }

  /**
   * How many clients are connected now.
   *
   * @return the count
   */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * How many sessions are playing now.
   *
   * @return the count
   */
  public int playingCount() {
    int n = 0;
    for (Connection c : connections) {
      n += c.playing();
    }
    return n;
  }

  /** Closes the port and every connection. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    ServerSocket s = server;
    if (s != null) {
      closeQuietly(s);
    }
    for (Connection c : connections) {
      c.close();
    }
    Thread w = watchdog;
    if (w != null) {
      w.interrupt();
    }
  }

  /**
   * Closes connections whose writes have been blocked longer than the session timeout: a client
   * that stops reading would otherwise hold its threads forever, since socket writes have no
   * timeout. Checks twice a second.
   */
  private void watch() {
    long limit = options.sessionTimeout().toNanos();
    while (!closed) {
      LockSupport.parkNanos(500_000_000L);
      long now = System.nanoTime();
      for (Connection c : connections) {
        long since = c.writingSince;
        if (since != 0 && now - since > limit) {
          LOG.debug("RTSP connection {} stopped reading: closed", c.socket.getRemoteSocketAddress());
          c.close();
        }
      }
    }
  }

  private void accept(ServerSocket s) {
    while (!closed && !s.isClosed()) {
      Socket socket;
      try {
        socket = s.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("RTSP accept failed", e);
        }
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS || closed) {
        LOG.debug("RTSP connection refused: {} connections", connections.size());
        closeQuietly(socket);
        continue;
      }
      Connection c = new Connection(socket);
      connections.add(c);
      Thread t = new Thread(c, "vp-rtsp-conn-" + socket.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  /** A response under construction. */
  private static final class Response {
    final int status;
    final String reason;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
    @Nullable Runnable after;
    boolean close;

    Response(int status, String reason) {
      this.status = status;
      this.reason = reason;
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  /** One client connection: reads requests, writes responses and interleaved RTP. */
  private final class Connection implements Runnable {
    private final Socket socket;
    private final Object writeLock = new Object();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private @Nullable OutputStream out;
    /** {@link System#nanoTime} when the write in progress started, 0 when none. */
    volatile long writingSince;

    Connection(Socket socket) {
      this.socket = socket;
    }

    int playing() {
      int n = 0;
      for (Session s : sessions.values()) {
        n += s.isPlaying() ? 1 : 0;
      }
      return n;
    }

    @Override
    public void run() {
      try {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.sessionTimeout().toMillis()));
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[RtspParser.BUFFER];
        int len = 0;
        while (!closed) {
          RtspParser.Result r = RtspParser.parse(buf, 0, len);
          int consumed;
          if (r instanceof RtspParser.NeedMore) {
            if (len == buf.length) {
              throw new IllegalStateException("parser needs more than its buffer");
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
              return;
            }
            len += n;
            continue;
          } else if (r instanceof RtspParser.Malformed) {
            counter.accept("RtspMalformed");
            LOG.debug("RTSP malformed request from {}: {}", socket.getRemoteSocketAddress(), ((RtspParser.Malformed) r).reason());
            Response bad = new Response(400, "Bad Request");
            bad.close = true;
            write(bad, null);
            return;
          } else if (r instanceof RtspParser.Interleaved) {
            consumed = ((RtspParser.Interleaved) r).consumed(); // RTCP receiver reports: ignored
          } else if (r instanceof RtspParser.Blank) {
            consumed = ((RtspParser.Blank) r).consumed();
          } else {
            RtspParser.Request req = (RtspParser.Request) r;
            consumed = req.consumed();
            RtspRequest request = req.request();
            Response resp = handle(request);
            write(resp, request.header("cseq"));
            if (resp.close) {
              return;
            }
            if (resp.after != null) {
              resp.after.run();
            }
          }
          System.arraycopy(buf, consumed, buf, 0, len - consumed);
          len -= consumed;
        }
      } catch (SocketTimeoutException e) {
        LOG.debug("RTSP connection {} silent for {}: closed", socket.getRemoteSocketAddress(), options.sessionTimeout());
      } catch (IOException e) {
        LOG.debug("RTSP connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
      } catch (RuntimeException e) {
        LOG.warn("RTSP connection {} failed", socket.getRemoteSocketAddress(), e);
      } finally {
        close();
      }
    }

    void close() {
      connections.remove(this);
      for (Session s : sessions.values()) {
        s.close();
      }
      sessions.clear();
      closeQuietly(socket);
    }

    private void write(Response r, @Nullable String cseq) throws IOException {
      StringBuilder sb = new StringBuilder(256);
      sb.append("RTSP/1.0 ").append(r.status).append(' ').append(r.reason).append("\r\n");
      if (cseq != null && validCseq(cseq)) {
        sb.append("CSeq: ").append(cseq).append("\r\n");
      }
      sb.append("Server: vp-testkit\r\n");
      for (Map.Entry<String, String> e : r.headers.entrySet()) {
        sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
      }
      if (r.body.length > 0) {
        sb.append("Content-Length: ").append(r.body.length).append("\r\n");
      }
      if (r.close) {
        sb.append("Connection: close\r\n");
      }
      sb.append("\r\n");
      OutputStream o = out;
      if (o == null) {
        return;
      }
      synchronized (writeLock) {
        writingSince = System.nanoTime() | 1;
        try {
          o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
          o.write(r.body);
          o.flush();
        } finally {
          writingSince = 0;
        }
      }
    }

    void writeInterleaved(int channel, List<byte[]> packets) throws IOException {
      OutputStream o = out;
      if (o == null) {
        return;
      }
      synchronized (writeLock) {
        writingSince = System.nanoTime() | 1;
        try {
          writePackets(o, channel, packets);
        } finally {
          writingSince = 0;
        }
      }
    }

    private void writePackets(OutputStream o, int channel, List<byte[]> packets) throws IOException {
      for (byte[] p : packets) {
        o.write('$');
        o.write(channel);
        o.write(p.length >>> 8);
        o.write(p.length & 0xFF);
        o.write(p);
      }
      o.flush();
    }

    private Response handle(RtspRequest req) {
      String method = req.method();
      counter.accept("RTSP " + method);
      String cseq = req.header("cseq");
      if (cseq == null || !validCseq(cseq)) {
        return new Response(400, "Bad Request");
      }
      if (!req.version().equals("RTSP/1.0")) {
        return new Response(505, "RTSP Version Not Supported");
      }
      if (method.equals("OPTIONS")) {
        return new Response(200, "OK").header("Public", PUBLIC);
      }
      if (!METHODS.contains(method)) {
        return new Response(501, "Not Implemented").header("Public", PUBLIC);
      }
      if (digest != null) {
        RtspDigest.Verdict v = digest.check(method, req.uri(), req.header("authorization"));
        if (v != RtspDigest.Verdict.OK) {
          counter.accept("RtspUnauthorized");
          return new Response(401, "Unauthorized")
              .header("WWW-Authenticate", digest.challenge(v == RtspDigest.Verdict.STALE));
        }
      }
      switch (method) {
        case "DESCRIBE":
          return describe(req);
        case "SETUP":
          return setup(req);
        case "PLAY":
          return play(req);
        case "PAUSE":
          return pause(req);
        case "TEARDOWN":
          return teardown(req);
        default:
          return getParameter(req);
      }
    }

    private Response describe(RtspRequest req) {
      Target t = Target.of(req.uri());
      Optional<Stream> s = t == null ? Optional.empty() : streams.apply(t.token);
      if (t == null || s.isEmpty()) {
        return new Response(404, "Not Found");
      }
      Stream stream = s.get();
      if (stream.width() > JpegFrame.MAX_SIDE || stream.height() > JpegFrame.MAX_SIDE) {
        return new Response(415, "Unsupported Media Type");
      }
      String host = socket.getLocalAddress().getHostAddress();
      String sdp =
          "v=0\r\n"
              + "o=- " + Long.toUnsignedString(random.nextLong() >>> 2) + " 1 IN IP4 " + host + "\r\n"
              + "s=" + sdpText(options.title()) + "\r\n"
              + "c=IN IP4 0.0.0.0\r\n"
              + "t=0 0\r\n"
              + "a=control:*\r\n"
              + "a=range:npt=0-\r\n"
              + "m=video 0 RTP/AVP " + RtpJpegPacketizer.PAYLOAD_TYPE + "\r\n"
              + "a=rtpmap:" + RtpJpegPacketizer.PAYLOAD_TYPE + " JPEG/" + RtpJpegPacketizer.CLOCK_RATE + "\r\n"
              + "a=framerate:" + options.frameRate() + "\r\n"
              + "a=x-dimensions:" + stream.width() + "," + stream.height() + "\r\n"
              + "a=control:" + TRACK + "\r\n";
      Response r = new Response(200, "OK")
          .header("Content-Base", t.base)
          .header("Content-Type", "application/sdp");
      r.body = sdp.getBytes(StandardCharsets.UTF_8);
      return r;
    }

    private Response setup(RtspRequest req) {
      Target t = Target.of(req.uri());
      Optional<Stream> s = t == null ? Optional.empty() : streams.apply(t.token);
      if (t == null || s.isEmpty() || (t.track != null && !t.track.equals(TRACK))) {
        return new Response(404, "Not Found");
      }
      if (req.header("session") != null) {
        return new Response(459, "Aggregate Operation Not Allowed");
      }
      String transport = req.header("transport");
      if (sessions.size() >= MAX_SESSIONS) {
        return new Response(453, "Not Enough Bandwidth");
      }
      Sink sink = null;
      if (transport != null) {
        for (String spec : transport.split(",", 16)) {
          sink = sink(spec);
          if (sink != null) {
            break;
          }
        }
      }
      if (sink == null) {
        return new Response(461, "Unsupported Transport");
      }
      byte[] idBytes = new byte[8];
      random.nextBytes(idBytes);
      String id = HexFormat.of().withUpperCase().formatHex(idBytes);
      int ssrc = random.nextInt();
      Session session = new Session(this, id, t, s.get(), sink, ssrc, random.nextInt(), random.nextInt());
      sessions.put(id, session);
      return new Response(200, "OK")
          .header("Transport", sink.describe() + ";ssrc=" + String.format(Locale.ROOT, "%08X", ssrc))
          .header("Session", id + ";timeout=" + options.sessionTimeout().toSeconds());
    }

    /** A sink for one transport spec of a SETUP, or null when it is not one this server offers. */
    private @Nullable Sink sink(String spec) {
      String[] parts = spec.trim().split(";", 32);
      String protocol = parts[0].trim().toUpperCase(Locale.ROOT);
      boolean tcp = protocol.equals("RTP/AVP/TCP");
      boolean udp = protocol.equals("RTP/AVP") || protocol.equals("RTP/AVP/UDP");
      if (!tcp && !udp) {
        return null;
      }
      int channel = 2 * sessions.size();
      int clientPort = -1;
      for (int k = 1; k < parts.length; k++) {
        String q = parts[k].trim().toLowerCase(Locale.ROOT);
        if (q.equals("multicast") || (q.startsWith("mode=") && !q.equals("mode=play") && !q.equals("mode=\"play\""))) {
          return null;
        }
        if (q.startsWith("interleaved=")) {
          channel = firstNumber(q.substring("interleaved=".length()));
        } else if (q.startsWith("client_port=")) {
          clientPort = firstNumber(q.substring("client_port=".length()));
        }
      }
      if (tcp) {
        if (channel < 0 || channel > 254) {
          return null;
        }
        int ch = channel;
        return new Sink() {
          @Override
          public void send(List<byte[]> packets) throws IOException {
            writeInterleaved(ch, packets);
          }

          @Override
          public String describe() {
            return "RTP/AVP/TCP;unicast;interleaved=" + ch + "-" + (ch + 1);
          }

          @Override
          public void close() {}
        };
      }
      if (clientPort < 1 || clientPort > 65_534) {
        return null;
      }
      try {
        return UdpSink.open(socket.getLocalAddress(), socket.getInetAddress(), clientPort);
      } catch (IOException e) {
        LOG.debug("RTSP cannot open UDP ports: {}", e.toString());
        return null;
      }
    }

    private @Nullable Session session(RtspRequest req) {
      String h = req.header("session");
      if (h == null) {
        return null;
      }
      int semi = h.indexOf(';');
      return sessions.get((semi < 0 ? h : h.substring(0, semi)).trim());
    }

    private Response play(RtspRequest req) {
      Session s = session(req);
      if (s == null) {
        return new Response(454, "Session Not Found");
      }
      if (s.isPlaying()) {
        return new Response(200, "OK").header("Session", s.id).header("Range", "npt=0.000-");
      }
      long at = System.nanoTime();
      Response r = new Response(200, "OK")
          .header("Session", s.id + ";timeout=" + options.sessionTimeout().toSeconds())
          .header("Range", "npt=0.000-")
          .header(
              "RTP-Info",
              "url=" + s.target.base + TRACK + ";seq=" + s.packetizer.nextSequence() + ";rtptime="
                  + Integer.toUnsignedString(s.timestamp(at)));
      r.after = () -> s.play(at);
      return r;
    }

    private Response pause(RtspRequest req) {
      Session s = session(req);
      if (s == null) {
        return new Response(454, "Session Not Found");
      }
      s.stop();
      return new Response(200, "OK").header("Session", s.id);
    }

    private Response teardown(RtspRequest req) {
      Session s = session(req);
      if (s == null) {
        return new Response(454, "Session Not Found");
      }
      s.close();
      sessions.remove(s.id);
      return new Response(200, "OK");
    }

    private Response getParameter(RtspRequest req) {
      if (req.header("session") != null && session(req) == null) {
        return new Response(454, "Session Not Found");
      }
      return new Response(200, "OK");
    }
  }

  /** Where a request points: the stream token, the track (or none), and the Content-Base. */
  private static final class Target {
    final String token;
    final @Nullable String track;
    final String base;

    private Target(String token, @Nullable String track, String base) {
      this.token = token;
      this.track = track;
      this.base = base;
    }

    static @Nullable Target of(String uri) {
      String u = uri;
      int q = u.indexOf('?');
      if (q >= 0) {
        u = u.substring(0, q);
      }
      String prefix;
      String path;
      if (u.regionMatches(true, 0, "rtsp://", 0, 7)) {
        int slash = u.indexOf('/', 7);
        if (slash < 0) {
          return null;
        }
        prefix = u.substring(0, slash);
        path = u.substring(slash);
      } else if (u.startsWith("/")) {
        prefix = "";
        path = u;
      } else {
        return null;
      }
      String[] seg = path.substring(1).split("/", -1);
      int n = seg.length;
      if (n > 0 && seg[n - 1].isEmpty()) {
        n--;
      }
      if (n < 1 || n > 2 || seg[0].isEmpty()) {
        return null;
      }
      String track = n == 2 ? seg[1] : null;
      return new Target(seg[0], track, prefix + "/" + seg[0] + "/");
    }
  }

  /** One SETUP: its RTP state and, while playing, the thread sending frames. */
  private final class Session {
    final Connection connection;
    final String id;
    final Target target;
    final Stream stream;
    final Sink sink;
    final RtpJpegPacketizer packetizer;
    final int timestampBase;
    private final long startNanos;
    private @Nullable Thread sender;
    private volatile boolean running;

    Session(Connection connection, String id, Target target, Stream stream, Sink sink, int ssrc, int seq, int ts) {
      this.connection = connection;
      this.id = id;
      this.target = target;
      this.stream = stream;
      this.sink = sink;
      this.packetizer = new RtpJpegPacketizer(ssrc, seq, MAX_PACKET);
      this.timestampBase = ts;
      this.startNanos = System.nanoTime();
    }

    synchronized boolean isPlaying() {
      return running;
    }

    int timestamp(long nanos) {
      return timestampBase + (int) ((nanos - startNanos) / 1000 * 9 / 100);
    }

    synchronized void play(long at) {
      if (running) {
        return;
      }
      running = true;
      Thread t = new Thread(() -> send(at), "vp-rtsp-session-" + id);
      t.setDaemon(true);
      sender = t;
      t.start();
    }

    synchronized void stop() {
      running = false;
      Thread t = sender;
      if (t != null) {
        t.interrupt();
        sender = null;
      }
    }

    private synchronized boolean current() {
      return running && sender == Thread.currentThread();
    }

    void close() {
      stop();
      sink.close();
    }

    private void send(long first) {
      long period = 1_000_000_000L / options.frameRate();
      long next = first;
      try {
        while (current()) {
          long now = System.nanoTime();
          if (now < next) {
            LockSupport.parkNanos(next - now);
            continue;
          }
          JpegFrame frame = JpegFrame.parse(stream.frames().get());
          List<byte[]> packets;
          synchronized (this) {
            if (!current()) {
              return;
            }
            packets = packetizer.packetize(frame, timestamp(next));
          }
          sink.send(packets);
          long after = System.nanoTime();
          next += period;
          if (next <= after) {
            next += ((after - next) / period + 1) * period; // too slow: skip frames, keep the phase
          }
        }
      } catch (IOException e) {
        LOG.debug("RTSP session {} ended: {}", id, e.toString());
        connection.close();
      } catch (RuntimeException e) {
        LOG.warn("RTSP session {} failed", id, e);
        connection.close();
      }
    }
  }

  /** Where a session's packets go. */
  private interface Sink {
    void send(List<byte[]> packets) throws IOException;

    /** The Transport header of the SETUP answer, without ssrc. */
    String describe();

    void close();
  }

  /**
   * RTP over UDP unicast to the RTSP client's own address (a {@code destination} parameter is
   * ignored, so the server cannot be aimed at a third party). Binds an even/odd port pair for
   * RTP and RTCP; RTCP from the client is not read.
   */
  private static final class UdpSink implements Sink {
    private final java.net.DatagramSocket rtp;
    private final java.net.DatagramSocket rtcp;
    private final InetAddress client;
    private final int clientPort;

    private UdpSink(java.net.DatagramSocket rtp, java.net.DatagramSocket rtcp, InetAddress client, int clientPort) {
      this.rtp = rtp;
      this.rtcp = rtcp;
      this.client = client;
      this.clientPort = clientPort;
    }

    static UdpSink open(InetAddress local, InetAddress client, int clientPort) throws IOException {
      IOException last = null;
      for (int attempt = 0; attempt < 10; attempt++) {
        java.net.DatagramSocket a = new java.net.DatagramSocket(new InetSocketAddress(local, 0));
        int p = a.getLocalPort();
        if (p % 2 != 0 || p == 65_535) {
          a.close();
          continue;
        }
        try {
          java.net.DatagramSocket b = new java.net.DatagramSocket(new InetSocketAddress(local, p + 1));
          return new UdpSink(a, b, client, clientPort);
        } catch (IOException e) {
          a.close();
          last = e;
        }
      }
      throw last != null ? last : new IOException("no even/odd UDP port pair free");
    }

    @Override
    public void send(List<byte[]> packets) throws IOException {
      for (byte[] p : packets) {
        rtp.send(new java.net.DatagramPacket(p, p.length, client, clientPort));
      }
    }

    @Override
    public String describe() {
      return "RTP/AVP;unicast;client_port=" + clientPort + "-" + (clientPort + 1)
          + ";server_port=" + rtp.getLocalPort() + "-" + rtcp.getLocalPort();
    }

    @Override
    public void close() {
      rtp.close();
      rtcp.close();
    }
  }

  private static int firstNumber(String s) {
    int i = 0;
    int v = 0;
    while (i < s.length() && i < 5 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      v = v * 10 + (s.charAt(i) - '0');
      i++;
    }
    return i == 0 || (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') ? -1 : v;
  }

  private static boolean validCseq(String cseq) {
    if (cseq.isEmpty() || cseq.length() > 9) {
      return false;
    }
    for (int i = 0; i < cseq.length(); i++) {
      if (cseq.charAt(i) < '0' || cseq.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String sdpText(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 128; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7F ? ' ' : c);
    }
    return b.length() == 0 ? "-" : b.toString();
  }
}
