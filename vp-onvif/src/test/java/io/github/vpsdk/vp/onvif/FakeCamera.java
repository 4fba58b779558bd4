package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.Media2;
import io.github.vpsdk.vp.onvif.internal.wsdl.deviceio.DeviceIOPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.EventPortType;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.ImagingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.PTZ;
import io.github.vpsdk.vp.onvif.internal.wsdl.recording.RecordingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.ReplayPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.SearchPort;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.soap.SOAPBinding;
import java.lang.reflect.InvocationHandler;
import java.net.URI;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.server.NetworkConnector;
import org.w3c.dom.Element;

/**
 * An in-memory ONVIF device served by CXF endpoints built from the same generated interfaces, on
 * 127.0.0.1 and an ephemeral port. It checks WS-Security UsernameToken digests against its own
 * clock (independently of vp's code) and, when asked, HTTP Digest.
 */
final class FakeCamera implements AutoCloseable {
  static final String TER = "http://www.onvif.org/ver10/error";
  static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String WSU =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

  final String user;
  final String password;
  volatile Clock clock;
  volatile boolean requireHttpDigest;
  volatile boolean media2 = true;
  volatile boolean media2Broken;
  volatile String announcedHost = "127.0.0.1:1";
  volatile String snapshotUri = "http://127.0.0.1:1/snapshot.jpg";
  final List<String> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger httpChallenges = new AtomicInteger();
  final AtomicInteger passwordTextTokens = new AtomicInteger();
  final Map<String, Function<Object, Object>> handlers = new ConcurrentHashMap<>();
  /** The SOAP headers of each request, in arrival order, by operation local name. */
  final List<Map.Entry<String, List<Element>>> requestHeaders = new CopyOnWriteArrayList<>();
  /** The headers of the request being handled on this thread (handlers run on the same thread). */
  final ThreadLocal<List<Element>> currentHeaders = ThreadLocal.withInitial(List::of);
  private final List<Server> servers = new ArrayList<>();
  int port;

  FakeCamera(String user, String password, Clock clock) {
    this.user = user;
    this.password = password;
    this.clock = clock;
  }

  URI deviceUri() {
    return URI.create("http://127.0.0.1:" + port + "/onvif/device_service");
  }

  FakeCamera start() {
    servers.add(serve(Device.class, "http://127.0.0.1:0/onvif/device_service"));
    JettyHTTPServerEngine engine =
        (JettyHTTPServerEngine)
            ((JettyHTTPDestination) servers.get(0).getDestination()).getEngine();
    port = ((NetworkConnector) engine.getServer().getConnectors()[0]).getLocalPort();
    servers.add(serve(Media.class, "http://127.0.0.1:0/onvif/media"));
    servers.add(serve(Media2.class, "http://127.0.0.1:0/onvif/media2"));
    servers.add(serve(PTZ.class, "http://127.0.0.1:0/onvif/ptz"));
    servers.add(serve(EventPortType.class, "http://127.0.0.1:0/onvif/events"));
    servers.add(serve(FakeSubscriptionPort.class, "http://127.0.0.1:0/onvif/subscription"));
    servers.add(serve(ImagingPort.class, "http://127.0.0.1:0/onvif/imaging"));
    servers.add(serve(RecordingPort.class, "http://127.0.0.1:0/onvif/recording"));
    servers.add(serve(SearchPort.class, "http://127.0.0.1:0/onvif/search"));
    servers.add(serve(ReplayPort.class, "http://127.0.0.1:0/onvif/replay"));
    servers.add(serve(DeviceIOPort.class, "http://127.0.0.1:0/onvif/deviceio"));
    return this;
  }

  private Server serve(Class<?> sei, String address) {
    InvocationHandler h =
        (proxy, method, args) -> {
          String op = sei.getSimpleName() + "." + method.getName();
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
          }
          calls.add(op);
          if (sei == Media2.class && media2Broken) {
            throw fault("ActionNotSupported", "Media2 broken");
          }
          Function<Object, Object> f = handlers.get(op);
          if (f == null) {
            throw fault("ActionNotSupported", "not implemented: " + op);
          }
          return f.apply(args == null ? null : args[0]);
        };
    Object impl = Proxy.newProxyInstance(sei.getClassLoader(), new Class<?>[] {sei}, h);
    JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
    f.setServiceClass(sei);
    f.setServiceBean(impl);
    f.setAddress(address);
    f.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    f.getInInterceptors().add(new HttpDigestCheck());
    f.getInInterceptors().add(new UsernameTokenCheck());
    f.getInInterceptors().add(new HeaderRecorder());
    return f.create();
  }

  static SoapFault fault(String subcode, String text) {
    SoapFault f = new SoapFault(text, Soap12.getInstance().getSender());
    f.addSubCode(new QName(TER, subcode.equals("ActionNotSupported") ? "ActionNotSupported" : "InvalidArgVal"));
    if (!subcode.equals("ActionNotSupported") && !subcode.equals("InvalidArgVal")) {
      f.addSubCode(new QName(TER, subcode));
    }
    return f;
  }

  @Override
  public void close() {
    for (Server s : servers) {
      s.destroy();
    }
  }

  private static String sha1Base64(byte[]... parts) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-1");
    for (byte[] p : parts) {
      md.update(p);
    }
    return Base64.getEncoder().encodeToString(md.digest());
  }

  /** WS-Security check, written from the UsernameToken Profile 1.0, not from vp's code. */
  final class UsernameTokenCheck extends AbstractSoapInterceptor {
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();

    UsernameTokenCheck() {
      super(Phase.PRE_INVOKE);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      return Set.of(new QName(WSSE, "Security"));
    }

    @Override
    public void handleMessage(SoapMessage message) {
      String op = message.getExchange().getBindingOperationInfo().getName().getLocalPart();
      if (op.equals("GetSystemDateAndTime")) {
        return; // PRE_AUTH
      }
      Header h = message.getHeader(new QName(WSSE, "Security"));
      if (!(h instanceof SoapHeader) || !(h.getObject() instanceof Element)) {
        throw notAuthorized("no token");
      }
      Element sec = (Element) h.getObject();
      String u = text(sec, WSSE, "Username");
      Element pw = first(sec, WSSE, "Password");
      String nonce = text(sec, WSSE, "Nonce");
      String created = text(sec, WSU, "Created");
      if (pw == null || created == null || !user.equals(u)) {
        throw notAuthorized("bad token");
      }
      Instant c = Instant.parse(created);
      if (Duration.between(clock.instant(), c).abs().compareTo(Duration.ofMinutes(5)) > 0) {
        throw notAuthorized("created out of window");
      }
      try {
        if (pw.getAttribute("Type").endsWith("#PasswordText")) {
          passwordTextTokens.incrementAndGet();
          if (!password.equals(pw.getTextContent())) {
            throw notAuthorized("bad password");
          }
          return;
        }
        if (nonce == null || !seenNonces.add(nonce)) {
          throw notAuthorized("nonce replay");
        }
        String expected =
            sha1Base64(
                Base64.getDecoder().decode(nonce),
                created.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(pw.getTextContent().trim())) {
          throw notAuthorized("bad digest");
        }
      } catch (SoapFault f) {
        throw f;
      } catch (Exception e) {
        throw new Fault(e);
      }
    }

    private SoapFault notAuthorized(String why) {
      SoapFault f = new SoapFault("Sender not Authorized", Soap12.getInstance().getSender());
      f.addSubCode(new QName(TER, "NotAuthorized"));
      return f;
    }

    private Element first(Element e, String ns, String local) {
      var l = e.getElementsByTagNameNS(ns, local);
      return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private String text(Element e, String ns, String local) {
      Element f = first(e, ns, local);
      return f == null ? null : f.getTextContent().trim();
    }
  }

  /** Keeps the headers of each request for the tests (WS-Addressing, reference parameters). */
  final class HeaderRecorder extends AbstractSoapInterceptor {
    HeaderRecorder() {
      super(Phase.PRE_INVOKE);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      String wsa = "http://www.w3.org/2005/08/addressing";
      return Set.of(
          new QName(wsa, "To"),
          new QName(wsa, "Action"),
          new QName(wsa, "MessageID"),
          new QName(wsa, "ReplyTo"),
          new QName("http://www.axis.com/2009/event", "SubscriptionId"));
    }

    @Override
    public void handleMessage(SoapMessage message) {
      String op = message.getExchange().getBindingOperationInfo().getName().getLocalPart();
      List<Element> hs = new ArrayList<>();
      for (Header h : message.getHeaders()) {
        if (h.getObject() instanceof Element) {
          hs.add((Element) h.getObject());
        }
      }
      requestHeaders.add(Map.entry(op, hs));
      currentHeaders.set(hs);
    }
  }

  /** The headers of the last request of an operation. */
  List<Element> lastHeaders(String operation) {
    for (int i = requestHeaders.size() - 1; i >= 0; i--) {
      if (requestHeaders.get(i).getKey().equals(operation)) {
        return requestHeaders.get(i).getValue();
      }
    }
    return List.of();
  }

  /** HTTP Digest (RFC 7616, MD5, qop=auth) on everything but GetSystemDateAndTime. */
  final class HttpDigestCheck extends AbstractPhaseInterceptor<Message> {
    static final String REALM = "fake-camera";
    static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    HttpDigestCheck() {
      super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
      if (!requireHttpDigest) {
        return;
      }
      String ct = String.valueOf(message.get(Message.CONTENT_TYPE));
      if (ct.contains("GetSystemDateAndTime")) {
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, List<String>> headers =
          (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
      List<String> auth = headers == null ? null : headers.get("Authorization");
      if (auth != null && !auth.isEmpty() && valid(auth.get(0))) {
        return;
      }
      httpChallenges.incrementAndGet();
      HttpServletResponse resp =
          (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
      resp.setStatus(401);
      resp.setHeader(
          "WWW-Authenticate",
          "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + NONCE + "\", algorithm=MD5");
      try {
        resp.getOutputStream().close();
      } catch (java.io.IOException e) {
        throw new Fault(e);
      }
      message.getInterceptorChain().abort();
    }

    private boolean valid(String header) {
      Map<String, String> p = io.github.vpsdk.vp.onvif.internal.HttpDigest.parseChallenge(header);
      if (p == null || !user.equals(p.get("username"))) {
        return false;
      }
      String ha1 = md5(user + ":" + REALM + ":" + password);
      String ha2 = md5("POST:" + p.get("uri"));
      String expected =
          p.containsKey("qop")
              ? md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
              : md5(ha1 + ":" + NONCE + ":" + ha2);
      return expected.equals(p.get("response"));
    }

    private String md5(String s) {
      try {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
