package io.github.vpsdk.vp.testkit.camera;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.vpsdk.vp.testkit.internal.camera.HttpAuth;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A camera that answers each ONVIF operation with a recorded body, so that QA can reproduce a
 * customer's camera and its quirks: {@code vp camera --replay DIR}.
 *
 * <p>{@code DIR} is laid out as {@code <service>/<Operation>.Response.xml} (or {@code .Error.xml}
 * for a recorded fault), services {@code core} (device management), {@code media}, {@code media2},
 * {@code ptz}, {@code events}, {@code imaging}, {@code deviceio}, {@code recording}, {@code search},
 * {@code replay}, {@code analytics}: the layout of the recorded exchanges in {@code
 * vp-onvif/src/test/resources/captures/<vendor>}. The operation is chosen by the SOAP body's
 * element and namespace (never by the SOAP action, which clients fill in differently). An
 * operation with no recording gets the SOAP 1.2 fault {@code ter:ActionNotSupported}. Requests are
 * not authenticated (a recording cannot check a new digest); the snapshot ({@code GET} on any path)
 * is a JPEG behind HTTP Digest with the given account. Recorded service addresses point at the
 * original camera: a client must rewrite them to the address it was given, as vp's does.
 */
public final class ReplayCamera implements AutoCloseable {
  private static final String REALM = "replay";
  private static final int MAX_BODY = 1 << 20;
  private static final Map<String, String> SERVICES = Map.ofEntries(
      Map.entry("http://www.onvif.org/ver10/device/wsdl", "core"),
      Map.entry("http://www.onvif.org/ver10/media/wsdl", "media"),
      Map.entry("http://www.onvif.org/ver20/media/wsdl", "media2"),
      Map.entry("http://www.onvif.org/ver20/ptz/wsdl", "ptz"),
      Map.entry("http://www.onvif.org/ver10/events/wsdl", "events"),
      Map.entry("http://docs.oasis-open.org/wsn/b-2", "events"),
      Map.entry("http://www.onvif.org/ver20/imaging/wsdl", "imaging"),
      Map.entry("http://www.onvif.org/ver10/deviceIO/wsdl", "deviceio"),
      Map.entry("http://www.onvif.org/ver10/recording/wsdl", "recording"),
      Map.entry("http://www.onvif.org/ver10/search/wsdl", "search"),
      Map.entry("http://www.onvif.org/ver10/replay/wsdl", "replay"),
      Map.entry("http://www.onvif.org/ver20/analytics/wsdl", "analytics"));

  private final Path dir;
  private final HttpAuth auth;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "vp-replay-camera");
    t.setDaemon(true);
    return t;
  });
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final byte[] jpeg;

  private ReplayCamera(Path dir, String bindHost, int port, String user, String password) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a directory of recorded exchanges: " + dir);
    }
    this.dir = dir;
    this.auth = new HttpAuth(SnapshotAuth.DIGEST, REALM, Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(password, "password"), java.time.Clock.systemUTC());
    this.jpeg = picture("replay of " + dir.getFileName());
    this.server = HttpServer.create(new InetSocketAddress(bindHost, port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /**
   * Starts a replay camera on 127.0.0.1.
   *
   * @param dir the recordings, {@code <service>/<Operation>.Response.xml}
   * @param port the port, 0 for any free one
   * @param user the snapshot account's user
   * @param password its password; never logged or shown
   * @return the running camera
   * @throws IOException if the directory is missing or the port cannot be bound
   */
  public static ReplayCamera start(Path dir, int port, String user, String password) throws IOException {
    return new ReplayCamera(dir, "127.0.0.1", port, user, password);
  }

  /** @return the device service address, {@code http://127.0.0.1:PORT/onvif/device_service} */
  public URI xaddr() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
  }

  /** @return the recordings' directory */
  public Path directory() {
    return dir;
  }

  /** @return the operations asked so far, as {@code service/Operation} (or {@code ?/Operation@namespace}) */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (ex.getRequestMethod().equals("GET")) {
        snapshot(ex);
        return;
      }
      byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        send(ex, 413, "text/plain", "too large".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Element el = bodyElement(body);
      if (el == null) {
        send(ex, 400, "text/plain", "not a SOAP envelope".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String op = el.getLocalName();
      String service = SERVICES.get(String.valueOf(el.getNamespaceURI()));
      calls.add((service != null ? service : "?") + "/" + op + (service != null ? "" : "@" + el.getNamespaceURI()));
      if (service != null && op.matches("[A-Za-z0-9]{1,80}")) {
        Path ok = dir.resolve(service).resolve(op + ".Response.xml");
        if (Files.isRegularFile(ok)) {
          send(ex, 200, "application/soap+xml; charset=utf-8", Files.readAllBytes(ok));
          return;
        }
        Path err = dir.resolve(service).resolve(op + ".Error.xml");
        if (Files.isRegularFile(err)) {
          send(ex, 500, "application/soap+xml; charset=utf-8", Files.readAllBytes(err));
          return;
        }
      }
      send(ex, 500, "application/soap+xml; charset=utf-8", notSupported(op).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void snapshot(HttpExchange ex) throws IOException {
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    if (!auth.allowed(ex.getRequestMethod(), ex.getRequestURI().toString(), authorization)) {
      for (String challenge : auth.challenges(auth.staleNonce(authorization))) {
        ex.getResponseHeaders().add("WWW-Authenticate", challenge);
      }
      send(ex, 401, "text/html", "<html>401 Unauthorized</html>".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(ex, 200, "image/jpeg", jpeg);
  }

  private static @Nullable Element bodyElement(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element && "Body".equals(n.getLocalName())) {
          for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
              return (Element) c;
            }
          }
        }
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String notSupported(String op) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:ter=\"http://www.onvif.org/ver10/error\"><env:Body><env:Fault><env:Code>"
        + "<env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:ActionNotSupported</env:Value>"
        + "</env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">no recording of "
        + op.replaceAll("[^A-Za-z0-9]", "") + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>";
  }

  private static byte[] picture(String text) throws IOException {
    BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(30, 30, 40));
      g.fillRect(0, 0, 640, 360);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
      g.drawString(text, 20, 180);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops answering and frees the port. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  @Override
  public String toString() {
    return "ReplayCamera[" + dir + " at " + xaddr() + "]";
  }
}
