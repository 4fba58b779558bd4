package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.OnvifException.Kind;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.jspecify.annotations.Nullable;

/** Maps CXF, JAX-WS and I/O failures to {@link OnvifException}. */
public final class Faults {
  private static final String INVALID_QNAME = "Invalid QName in mapping: ";

  private Faults() {}

  /**
   * Maps any failure to an {@link OnvifException}.
   *
   * @param failure the failure
   * @param operation the operation name for the message
   * @return the typed exception
   */
  public static OnvifException map(Throwable failure, String operation) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof OnvifException) {
      return (OnvifException) t;
    }
    SoapFault soap = find(t, SoapFault.class);
    if (soap != null) {
      return fromSoap(soap, operation);
    }
    SOAPFaultException jaxws = find(t, SOAPFaultException.class);
    if (jaxws != null) {
      List<String> codes = new ArrayList<>();
      try {
        var it = jaxws.getFault().getFaultSubcodes();
        while (it.hasNext()) {
          QName q = it.next();
          codes.add(q.getLocalPart());
        }
      } catch (UnsupportedOperationException ignored) {
        // SOAP 1.1 fault: no subcodes
      }
      if (codes.isEmpty() && jaxws.getFault().getDetail() != null) {
        String detail = detailName(jaxws.getFault().getDetail());
        if (detail != null) {
          codes.add(detail);
        }
      }
      return fromCodes(codes, String.valueOf(jaxws.getMessage()), operation, t);
    }
    HTTPException http = find(t, HTTPException.class);
    if (http != null) {
      return fromHttpStatus(http.getResponseCode(), operation, t);
    }
    if (find(t, TimeoutException.class) != null
        || find(t, SocketTimeoutException.class) != null
        || (find(t, HttpTimeoutException.class) != null
            && find(t, HttpConnectTimeoutException.class) == null)) {
      return new OnvifException(Kind.TIMEOUT, operation + " timed out", null, t);
    }
    if (find(t, ConnectException.class) != null
        || find(t, UnknownHostException.class) != null
        || find(t, NoRouteToHostException.class) != null
        || find(t, HttpConnectTimeoutException.class) != null
        || find(t, java.io.IOException.class) != null) {
      ConnectException refused = find(t, ConnectException.class);
      // the JDK's HTTP client ends a refused connection's chain with a bare
      // ClosedChannelException: the outermost ConnectException says what happened
      String why =
          refused == null
              ? rootMessage(t)
              : refused.getMessage() == null || refused.getMessage().isEmpty()
                  ? "connection refused"
                  : refused.getMessage();
      return new OnvifException(Kind.UNREACHABLE, operation + ": camera unreachable: " + why, null, t);
    }
    IllegalArgumentException noStream = find(t, IllegalArgumentException.class);
    if (noStream != null && "Stream may not be null".equals(noStream.getMessage())) {
      // CXF's way of saying that no response came at all: seen when a connection to a closed port
      // fails in its conduit without the ConnectException reaching the caller
      return new OnvifException(Kind.UNREACHABLE, operation + ": camera unreachable: no response", null, t);
    }
    String unresolved = unresolvedSubcode(t);
    if (unresolved != null) {
      return fromCodes(
          List.of(unresolved),
          "SOAP fault whose subcode prefix is declared outside the Fault element",
          operation,
          t);
    }
    String text = rootMessage(t);
    org.apache.cxf.interceptor.Fault sendFault = find(t, org.apache.cxf.interceptor.Fault.class);
    if (sendFault != null && String.valueOf(sendFault.getMessage()).contains("Could not send")) {
      // CXF's conduit failed before any answer: the peer is not reachable
      return new OnvifException(Kind.UNREACHABLE, operation + ": camera unreachable: " + text, null, t);
    }
    if (text.contains("401")) {
      return new OnvifException(Kind.AUTHENTICATION, operation + ": HTTP 401", null, t);
    }
    return new OnvifException(Kind.PROTOCOL, operation + ": " + text, null, t);
  }

  /** A SOAP call of a generated interface, which may throw the declared (checked) faults. */
  @FunctionalInterface
  public interface SoapCall<T> {
    /**
     * Calls.
     *
     * @return the answer
     * @throws Exception a declared fault
     */
    T call() throws Exception;
  }

  /**
   * Runs a call whose interface declares checked WS-BaseNotification/WS-Resource faults, turning
   * them into {@link OnvifException}s.
   *
   * @param operation the operation name
   * @param call the call
   * @param <T> the answer type
   * @return the answer
   */
  public static <T> T declared(String operation, SoapCall<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      String name = e.getClass().getSimpleName();
      String n = name.toLowerCase(Locale.ROOT);
      Kind kind =
          n.contains("invalid")
                  || n.contains("unacceptable")
                  || n.contains("notsupported")
                  || n.contains("unrecognized")
                  || n.contains("unsupported")
              ? Kind.BAD_ARGUMENT
              : Kind.DEVICE_FAULT;
      throw new OnvifException(
          kind, operation + ": SOAP fault [" + name + "]: " + e.getMessage(), name, e);
    }
  }

  /**
   * Maps an HTTP status of a non-SOAP answer.
   *
   * @param status the HTTP status
   * @param operation the operation name
   * @param cause the cause or {@code null}
   * @return the typed exception
   */
  public static OnvifException fromHttpStatus(
      int status, String operation, @Nullable Throwable cause) {
    Kind kind;
    if (status == 401 || status == 403) {
      kind = Kind.AUTHENTICATION;
    } else if (status == 404 || status == 405 || status == 501) {
      kind = Kind.NOT_SUPPORTED;
    } else {
      kind = Kind.PROTOCOL;
    }
    return new OnvifException(kind, operation + ": HTTP " + status, null, cause);
  }

  private static OnvifException fromSoap(SoapFault fault, String operation) {
    List<QName> subs = fault.getSubCodes();
    List<String> codes = new ArrayList<>();
    if (subs != null && !subs.isEmpty()) {
      for (QName q : subs) {
        codes.add(q.getLocalPart());
      }
    } else if (fault.getSubCode() != null) {
      codes.add(fault.getSubCode().getLocalPart());
    }
    if (codes.isEmpty()) {
      String detail = detailName(fault.getDetail());
      if (detail != null) {
        codes.add(detail);
      }
    }
    return fromCodes(codes, String.valueOf(fault.getMessage()), operation, fault);
  }

  /**
   * The local name of the first element in a fault's detail. WS-BaseNotification and WS-Resource
   * faults ({@code wsnt:TopicNotSupportedFault}, {@code wsrf-rw:ResourceUnknownFault}, ...) are
   * told apart by that element, not by a subcode; it is then the fault code.
   */
  static @Nullable String detailName(org.w3c.dom.@Nullable Element detail) {
    if (detail == null) {
      return null;
    }
    for (org.w3c.dom.Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
        String local = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
        local = local.substring(local.indexOf(':') + 1);
        return local.isEmpty() || local.length() > 128 ? null : local;
      }
    }
    return null;
  }

  /**
   * Maps a SOAP fault by its whole subcode chain, outermost first: ONVIF nests a specific subcode
   * under a generic one ({@code ter:InvalidArgVal} above {@code ter:PresetExist}), so the most
   * specific subcode vp knows decides, and an unknown innermost one does not hide a known parent.
   *
   * @param codes the local names of the subcodes, outermost first, possibly empty
   * @param reason the fault reason text
   * @param operation the operation name
   * @param cause the cause
   * @return the typed exception, whose fault code is the innermost subcode
   */
  static OnvifException fromCodes(
      List<String> codes, String reason, String operation, Throwable cause) {
    String r = reason.toLowerCase(Locale.ROOT);
    Kind kind = null;
    for (String code : codes) {
      if (codeKind(code) == Kind.AUTHENTICATION) {
        kind = Kind.AUTHENTICATION;
      }
    }
    if (kind == null && (r.contains("not authorized") || r.contains("authentication"))) {
      kind = Kind.AUTHENTICATION;
    }
    for (int i = codes.size() - 1; kind == null && i >= 0; i--) {
      kind = codeKind(codes.get(i));
    }
    if (kind == null) {
      kind =
          r.contains("not supported") || r.contains("not implemented")
              ? Kind.NOT_SUPPORTED
              : Kind.DEVICE_FAULT;
    }
    String code = codes.isEmpty() ? null : codes.get(codes.size() - 1);
    String shown = code == null ? "" : " [" + String.join("/", codes) + "]";
    return new OnvifException(kind, operation + ": SOAP fault" + shown + ": " + reason, code, cause);
  }

  /** The kind a subcode names, or {@code null} for a subcode vp does not know. */
  private static @Nullable Kind codeKind(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    if (c.contains("notauthorized")
        || c.contains("failedauthentication")
        || c.contains("invalidsecurity")) {
      return Kind.AUTHENTICATION;
    }
    if (c.contains("notsupported") || c.contains("nosuchservice")) {
      return Kind.NOT_SUPPORTED;
    }
    if (c.contains("invalidarg")
        || c.contains("unacceptable")
        || c.contains("unrecognized")
        || c.startsWith("no")
        || c.contains("invalid")
        || c.contains("toomany")
        || c.contains("argument")) {
      return Kind.BAD_ARGUMENT;
    }
    return null;
  }

  /**
   * The local name of a fault subcode CXF could not resolve. A fault sent without a SOAP Header is
   * read as a fragment that loses the prefixes declared on the Envelope ({@code ter:}), and CXF then
   * fails with "Invalid QName in mapping: ter:NotAuthorized".
   */
  private static @Nullable String unresolvedSubcode(Throwable t) {
    Throwable c = t;
    for (int i = 0; c != null && i < 16; i++, c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.startsWith(INVALID_QNAME)) {
        String q = m.substring(INVALID_QNAME.length()).trim();
        String local = q.substring(q.indexOf(':') + 1);
        return local.isEmpty() || local.length() > 128 ? null : local;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    for (int i = 0; i < 16 && r.getCause() != null; i++) {
      r = r.getCause();
    }
    return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
  }

  private static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
    Throwable c = t;
    for (int i = 0; c != null && i < 16; i++) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      c = c.getCause();
    }
    return null;
  }
}
