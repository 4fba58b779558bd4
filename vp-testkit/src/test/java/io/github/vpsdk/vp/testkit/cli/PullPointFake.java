package io.github.vpsdk.vp.testkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A loopback device with only a PullPoint event service, until the simulated camera has one: a JDK
 * HTTP server answering GetSystemDateAndTime, GetServices, CreatePullPointSubscription,
 * PullMessages (one motion alarm, then nothing after a short hold), Renew and Unsubscribe with
 * texts written from the ONVIF event WSDL. It checks no credentials.
 */
final class PullPointFake implements AutoCloseable {
  private static final String ENVELOPE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope"
          + " xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
          + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\""
          + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
          + " xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\""
          + " xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\""
          + " xmlns:tt=\"http://www.onvif.org/ver10/schema\""
          + " xmlns:ter=\"http://www.onvif.org/ver10/error\""
          + " xmlns:tns1=\"http://www.onvif.org/ver10/topics\"><env:Header/><env:Body>%s</env:Body></env:Envelope>";

  /** The operations received, in order, with their request bodies. */
  final List<Map.Entry<String, String>> requests = new CopyOnWriteArrayList<>();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final AtomicInteger pulls = new AtomicInteger();

  PullPointFake() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI deviceUri() {
    return URI.create("http://127.0.0.1:" + port() + "/onvif/device_service");
  }

  long count(String operation) {
    return requests.stream().filter(e -> e.getKey().equals(operation)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String op;
      try {
        op = bodyElement(body).getLocalName();
      } catch (Exception e) {
        send(ex, 400, "not SOAP");
        return;
      }
      requests.add(Map.entry(op, new String(body, StandardCharsets.UTF_8)));
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Instant end = now.plusSeconds(60);
      String base = "http://127.0.0.1:" + port() + "/onvif/";
      switch (op) {
        case "GetSystemDateAndTime":
          send(ex, 200, "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
              + "<tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
              + "<tt:UTCDateTime>" + dateTime(now) + "</tt:UTCDateTime>"
              + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>");
          break;
        case "GetServices":
          send(ex, 200, "<tds:GetServicesResponse>"
              + service("http://www.onvif.org/ver10/device/wsdl", base + "device_service")
              + service("http://www.onvif.org/ver10/events/wsdl", base + "event_service")
              + "</tds:GetServicesResponse>");
          break;
        case "CreatePullPointSubscription":
          send(ex, 200, "<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference>"
              + "<wsa:Address>" + base + "subscription_1</wsa:Address></tev:SubscriptionReference>"
              + "<wsnt:CurrentTime>" + now + "</wsnt:CurrentTime>"
              + "<wsnt:TerminationTime>" + end + "</wsnt:TerminationTime>"
              + "</tev:CreatePullPointSubscriptionResponse>");
          break;
        case "PullMessages":
          String messages = "";
          if (pulls.getAndIncrement() == 0) {
            messages =
                "<wsnt:NotificationMessage><wsnt:Topic"
                    + " Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
                    + "tns1:VideoSource/MotionAlarm</wsnt:Topic><wsnt:Message>"
                    + "<tt:Message UtcTime=\"" + now + "\" PropertyOperation=\"Changed\">"
                    + "<tt:Source><tt:SimpleItem Name=\"Source\" Value=\"vs1\"/></tt:Source>"
                    + "<tt:Data><tt:SimpleItem Name=\"State\" Value=\"true\"/></tt:Data>"
                    + "</tt:Message></wsnt:Message></wsnt:NotificationMessage>";
          } else {
            try {
              Thread.sleep(200); // a short hold instead of the requested timeout: no busy loop
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          send(ex, 200, "<tev:PullMessagesResponse><tev:CurrentTime>" + now + "</tev:CurrentTime>"
              + "<tev:TerminationTime>" + end + "</tev:TerminationTime>" + messages
              + "</tev:PullMessagesResponse>");
          break;
        case "Renew":
          send(ex, 200, "<wsnt:RenewResponse><wsnt:TerminationTime>" + end + "</wsnt:TerminationTime>"
              + "<wsnt:CurrentTime>" + now + "</wsnt:CurrentTime></wsnt:RenewResponse>");
          break;
        case "Unsubscribe":
          send(ex, 200, "<wsnt:UnsubscribeResponse/>");
          break;
        default:
          send(ex, 500, "<env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode>"
              + "<env:Value>ter:ActionNotSupported</env:Value></env:Subcode></env:Code><env:Reason>"
              + "<env:Text xml:lang=\"en\">not in this fake</env:Text></env:Reason></env:Fault>");
      }
    }
  }

  private static String service(String ns, String address) {
    return "<tds:Service><tds:Namespace>" + ns + "</tds:Namespace><tds:XAddr>" + address
        + "</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>0</tt:Minor></tds:Version></tds:Service>";
  }

  private static String dateTime(Instant t) {
    var z = t.atZone(java.time.ZoneOffset.UTC);
    return "<tt:Date><tt:Year>" + z.getYear() + "</tt:Year><tt:Month>" + z.getMonthValue()
        + "</tt:Month><tt:Day>" + z.getDayOfMonth() + "</tt:Day></tt:Date><tt:Time><tt:Hour>"
        + z.getHour() + "</tt:Hour><tt:Minute>" + z.getMinute() + "</tt:Minute><tt:Second>"
        + z.getSecond() + "</tt:Second></tt:Time>";
  }

  private static Element bodyElement(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Element env = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    for (Node n = env.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && "Body".equals(n.getLocalName())) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element) {
            return (Element) c;
          }
        }
      }
    }
    throw new IllegalArgumentException("no body element");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = String.format(ENVELOPE, body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
