package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * SOAP 1.2 faults sent with HTTP 400 (what the SOAP 1.2 HTTP binding asks for Sender faults, and
 * what some cameras do) are read as faults, not as a bare HTTP error; nested subcodes are read as a
 * chain. The camera is a loopback JDK HTTP server answering each operation with a fixed text.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultStatusTest {
  private static final String ENV_START =
      "<?xml version=\"1.0\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
          + " xmlns:ter=\"http://www.onvif.org/ver10/error\""
          + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">";
  private static final String ENV_CLOSE = "</env:Body></env:Envelope>";

  private HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile boolean refuseEverything;
  /** Whether answers carry an (empty) SOAP Header: most cameras send one, some do not. */
  private static volatile boolean withHeader = true;
  private OnvifClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
    client =
        OnvifClient.create(
            OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(10))));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
    pool.shutdownNow();
  }

  private URI deviceUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
  }

  @Test
  void notAuthorizedWithHttp400IsAnAuthenticationFailure() {
    refuseEverything = true;
    CompletionException e =
        catchThrowableOfType(
            CompletionException.class,
            () -> client.connect(deviceUri(), Credentials.of("op", "wrong")).join());
    OnvifException o = (OnvifException) e.getCause();
    assertThat(o.kind()).as(o.getMessage()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
    assertThat(o.faultCode()).isEqualTo("NotAuthorized");
    assertThat(o.getMessage()).doesNotContain("HTTP 400");
  }

  @Test
  void faultWithoutHeaderIsReadByItsSubcodeThoughCxfLosesTheEnvelopePrefixes() {
    // without a Header CXF reads the Fault as a fragment and loses prefixes declared on the
    // Envelope (ter:), failing with "Invalid QName in mapping: ter:NotAuthorized"
    withHeader = false;
    try {
      refuseEverything = true;
      CompletionException e =
          catchThrowableOfType(
              CompletionException.class,
              () -> client.connect(deviceUri(), Credentials.of("op", "wrong")).join());
      OnvifException o = (OnvifException) e.getCause();
      assertThat(o.kind()).as(o.getMessage()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
      assertThat(o.faultCode()).isEqualTo("NotAuthorized");
    } finally {
      withHeader = true;
    }
  }

  @Test
  void nestedSubcodeUnderInvalidArgValIsABadArgument() {
    OnvifCamera cam = client.connect(deviceUri(), Credentials.of("op", "pw")).join();
    CompletionException e =
        catchThrowableOfType(
            CompletionException.class, () -> cam.setPreset("profile_1", "door", null).join());
    OnvifException o = (OnvifException) e.getCause();
    assertThat(o.kind()).as(o.getMessage()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
    assertThat(o.faultCode()).isEqualTo("PresetExist");
    assertThat(o.getMessage()).contains("InvalidArgVal/PresetExist");
    assertThat(calls).contains("SetPreset");
  }

  @Test
  void http400WithoutSoapStaysAProtocolError() {
    OnvifCamera cam = client.connect(deviceUri(), Credentials.of("op", "pw")).join();
    CompletionException e =
        catchThrowableOfType(CompletionException.class, () -> cam.gotoHome("profile_1", null).join());
    OnvifException o = (OnvifException) e.getCause();
    assertThat(o.kind()).as(o.getMessage()).isEqualTo(OnvifException.Kind.PROTOCOL);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Element el;
      try {
        el = Captures.bodyElement(body);
      } catch (Exception e) {
        send(ex, 400, "text/plain", "bad request");
        return;
      }
      String op = el.getLocalName();
      calls.add(op);
      if (refuseEverything) {
        send(ex, 400, "application/soap+xml", fault("ter:NotAuthorized", "Sender not Authorized"));
        return;
      }
      switch (op) {
        case "GetSystemDateAndTime":
          send(ex, 400, "application/soap+xml", fault("ter:NotAuthorized", "Sender not Authorized"));
          break;
        case "GetServices":
          send(ex, 200, "application/soap+xml", services());
          break;
        case "SetPreset":
          send(
              ex,
              400,
              "application/soap+xml",
              fault("ter:InvalidArgVal</env:Value><env:Subcode><env:Value>ter:PresetExist", "Preset exists")
                  .replace("</env:Subcode></env:Code>", "</env:Subcode></env:Subcode></env:Code>"));
          break;
        default:
          send(ex, 400, "text/html", "<html>Bad Request</html>");
      }
    }
  }

  private String services() {
    String addr = deviceUri().toString();
    return envOpen()
        + "<tds:GetServicesResponse>"
        + service("http://www.onvif.org/ver10/device/wsdl", addr)
        + service("http://www.onvif.org/ver20/ptz/wsdl", addr)
        + "</tds:GetServicesResponse>"
        + ENV_CLOSE;
  }

  private static String service(String ns, String addr) {
    return "<tds:Service><tds:Namespace>" + ns + "</tds:Namespace><tds:XAddr>" + addr
        + "</tds:XAddr><tds:Version><tt:Major xmlns:tt=\"http://www.onvif.org/ver10/schema\">2</tt:Major>"
        + "<tt:Minor xmlns:tt=\"http://www.onvif.org/ver10/schema\">0</tt:Minor></tds:Version></tds:Service>";
  }

  private static String envOpen() {
    return ENV_START + (withHeader ? "<env:Header/>" : "") + "<env:Body>";
  }

  private static String fault(String subcode, String reason) {
    return envOpen()
        + "<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>"
        + subcode
        + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">"
        + reason
        + "</env:Text></env:Reason></env:Fault>"
        + ENV_CLOSE;
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }
}
