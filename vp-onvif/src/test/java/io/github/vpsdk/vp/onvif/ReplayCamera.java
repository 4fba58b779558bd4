package io.github.vpsdk.vp.onvif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.w3c.dom.Element;

/**
 * A loopback "camera" answering each SOAP request with a vendor's recorded response, chosen by
 * the body element, and serving a JPEG on GET behind HTTP Digest (RFC 7616, MD5, qop=auth).
 */
final class ReplayCamera implements AutoCloseable {
  static final String REALM = "replay";
  static final String NONCE = "5f2c0a1b9e";
  /** Synthetic JPEG-framed bytes (SOI, APP0 marker, EOI), not a real picture. */
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
    0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9
  };

  final String vendor;
  final String user;
  final String password;
  final List<String> soapCalls = new CopyOnWriteArrayList<>();
  final List<String> snapshotRequests = new CopyOnWriteArrayList<>();
  final List<Map.Entry<String, String>> rawRequests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  ReplayCamera(String vendor, String user, String password) throws IOException {
    this.vendor = vendor;
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI deviceUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (ex.getRequestMethod().equals("GET")) {
        snapshot(ex);
        return;
      }
      Element el;
      try {
        el = Captures.bodyElement(body);
      } catch (Exception e) {
        send(ex, 400, "text/plain", "bad request".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String ns = el.getNamespaceURI();
      String op = el.getLocalName();
      soapCalls.add(op + "@" + ns);
      rawRequests.add(Map.entry(op, new String(body, StandardCharsets.UTF_8)));
      String service =
          Map.of(
                  "http://www.onvif.org/ver10/device/wsdl", "core",
                  "http://www.onvif.org/ver10/media/wsdl", "media",
                  "http://www.onvif.org/ver20/ptz/wsdl", "ptz",
                  "http://www.onvif.org/ver10/events/wsdl", "events",
                  "http://docs.oasis-open.org/wsn/b-2", "events")
              .get(ns);
      if (service != null) {
        Path ok = Captures.file(vendor, service, op + ".Response.xml");
        if (Captures.exists(ok)) {
          send(ex, 200, "application/soap+xml; charset=utf-8", Captures.read(ok));
          return;
        }
        Path err = Captures.file(vendor, service, op + ".Error.xml");
        if (Captures.exists(err)) {
          send(ex, 500, "application/soap+xml; charset=utf-8", Captures.read(err));
          return;
        }
      }
      send(ex, 500, "application/soap+xml; charset=utf-8", notSupported().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void snapshot(HttpExchange ex) throws IOException {
    snapshotRequests.add(ex.getRequestURI().toString());
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !validDigest(auth, ex.getRequestMethod())) {
      ex.getResponseHeaders()
          .add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + NONCE + "\"");
      send(ex, 401, "text/html", "<html>401</html>".getBytes(StandardCharsets.UTF_8));
      return;
    }
    // some firmwares label JPEGs application/octet-stream
    send(ex, 200, "application/octet-stream", JPEG);
  }

  private boolean validDigest(String header, String method) {
    Map<String, String> p = io.github.vpsdk.vp.onvif.internal.HttpDigest.parseChallenge(header);
    if (p == null || !user.equals(p.get("username"))) {
      return false;
    }
    String ha1 = md5(user + ":" + REALM + ":" + password);
    String ha2 = md5(method + ":" + p.get("uri"));
    String expected =
        md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
    return expected.equals(p.get("response"));
  }

  private static String md5(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String notSupported() {
    return "<?xml version=\"1.0\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:ter=\"http://www.onvif.org/ver10/error\"><env:Body><env:Fault><env:Code>"
        + "<env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:ActionNotSupported</env:Value>"
        + "</env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">Not recorded</env:Text>"
        + "</env:Reason></env:Fault></env:Body></env:Envelope>";
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
