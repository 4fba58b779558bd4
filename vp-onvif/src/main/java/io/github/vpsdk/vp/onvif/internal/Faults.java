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
      String code = null;
      try {
        var it = jaxws.getFault().getFaultSubcodes();
        while (it.hasNext()) {
          QName q = it.next();
          code = q.getLocalPart();
        }
      } catch (UnsupportedOperationException ignored) {
        // SOAP 1.1 fault: no subcodes
      }
      return fromCode(code, String.valueOf(jaxws.getMessage()), operation, t);
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
      return new OnvifException(
          Kind.UNREACHABLE, operation + ": camera unreachable: " + rootMessage(t), null, t);
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
    String code = null;
    if (subs != null && !subs.isEmpty()) {
      code = subs.get(subs.size() - 1).getLocalPart();
    } else if (fault.getSubCode() != null) {
      code = fault.getSubCode().getLocalPart();
    }
    return fromCode(code, String.valueOf(fault.getMessage()), operation, fault);
  }

  private static OnvifException fromCode(
      @Nullable String code, String reason, String operation, Throwable cause) {
    String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
    String r = reason.toLowerCase(Locale.ROOT);
    Kind kind;
    if (c.contains("notauthorized")
        || c.contains("failedauthentication")
        || c.contains("invalidsecurity")
        || r.contains("not authorized")
        || r.contains("authentication")) {
      kind = Kind.AUTHENTICATION;
    } else if (c.contains("notsupported")
        || c.contains("nosuchservice")
        || c.contains("actionnotsupported")
        || r.contains("not supported")
        || r.contains("not implemented")) {
      kind = Kind.NOT_SUPPORTED;
    } else if (c.contains("invalidarg")
        || c.startsWith("no")
        || c.contains("invalid")
        || c.contains("toomany")
        || c.contains("argument")) {
      kind = Kind.BAD_ARGUMENT;
    } else {
      kind = Kind.DEVICE_FAULT;
    }
    String shown = code == null ? "" : " [" + code + "]";
    return new OnvifException(kind, operation + ": SOAP fault" + shown + ": " + reason, code, cause);
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
