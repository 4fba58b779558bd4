package io.github.vpsdk.vp.testkit.internal.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The device side of the WS-Security UsernameToken Profile 1.0 as ONVIF uses it: {@code
 * PasswordDigest = Base64(SHA-1(nonce + created + password))}, {@code Created} within the token
 * window of the camera's (skewed) clock, each nonce accepted once; {@code PasswordText} when the
 * camera allows it. Written from the OASIS profile, independently of vp-onvif's client code, so
 * that a bug on one side is not mirrored on the other. The pre-authentication operations of ONVIF
 * Core (5.9.4.3, access class PRE_AUTH) pass without a token. One per camera, called by the
 * interceptor of the shared endpoints ({@link CameraRuntime}) for the camera that received the
 * request.
 */
final class WsSecurityCheck {
  static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String WSU =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  private static final Logger LOG = LoggerFactory.getLogger(WsSecurityCheck.class);
  /** The header checked, which the shared endpoints declare understood. */
  static final QName SECURITY = new QName(WSSE, "Security");
  /** ONVIF Core PRE_AUTH operations. */
  static final Set<String> PRE_AUTH =
      Set.of(
          "GetSystemDateAndTime",
          "GetWsdlUrl",
          "GetServices",
          "GetServiceCapabilities",
          "GetCapabilities",
          "GetHostname",
          "GetEndpointReference");

  private final CameraState state;

  WsSecurityCheck(CameraState state) {
    this.state = state;
  }

  /**
   * Checks the token of a request received by this camera (before the operation is invoked).
   *
   * @param message the request
   * @throws org.apache.cxf.binding.soap.SoapFault {@code ter:NotAuthorized} when refused
   */
  void verify(SoapMessage message) {
    BindingOperationInfo op = message.getExchange().getBindingOperationInfo();
    String name = op == null ? "" : op.getName().getLocalPart();
    CameraConfig c = state.config();
    if (!c.authRequired() || c.user() == null || PRE_AUTH.contains(name)) {
      return;
    }
    Header h = message.getHeader(SECURITY);
    if (!(h instanceof SoapHeader) || !(h.getObject() instanceof Element)) {
      throw refuse(name, "no Security header");
    }
    Element token = first((Element) h.getObject(), WSSE, "UsernameToken");
    if (token == null) {
      throw refuse(name, "no UsernameToken");
    }
    check(token, name, c);
  }

  private void check(Element token, String op, CameraConfig c) {
    String user = text(token, WSSE, "Username");
    Element pw = first(token, WSSE, "Password");
    if (pw == null || user == null || !user.equals(c.user())) {
      throw refuse(op, "unknown user or no password");
    }
    String type = pw.getAttribute("Type");
    String given = pw.getTextContent() == null ? "" : pw.getTextContent().trim();
    String password = c.password() == null ? "" : c.password();
    if (type.endsWith("#PasswordText")) {
      if (!c.passwordTextAccepted() || !constantTimeEquals(given, password)) {
        throw refuse(op, "PasswordText refused");
      }
      return;
    }
    String nonce = text(token, WSSE, "Nonce");
    String created = text(token, WSU, "Created");
    if (nonce == null || created == null) {
      throw refuse(op, "digest without Nonce or Created");
    }
    Instant when;
    byte[] nonceBytes;
    try {
      when = Instant.parse(created);
      nonceBytes = Base64.getDecoder().decode(nonce);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw refuse(op, "malformed Nonce or Created");
    }
    Instant now = state.cameraNow();
    Duration window = c.tokenWindow();
    if (Duration.between(now, when).abs().compareTo(window) > 0) {
      throw refuse(op, "Created outside the camera's time window");
    }
    String expected = digest(nonceBytes, created, password);
    if (!constantTimeEquals(given, expected)) {
      throw refuse(op, "wrong digest");
    }
    if (!state.nonces().add(nonce, when, now, window)) {
      throw refuse(op, "nonce replayed");
    }
  }

  /** Base64(SHA-1(nonce + created + password)), UsernameToken Profile 1.0 section 3.1. */
  static String digest(byte[] nonce, String created, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(nonce);
      md.update(created.getBytes(StandardCharsets.UTF_8));
      md.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private RuntimeException refuse(String op, String why) {
    LOG.debug("{} refused {}: {}", state.config().name(), op, why);
    state.count("NotAuthorized");
    return state.config().strictFaultStatus()
        ? SoapFaults.strict(SoapFaults.notAuthorized())
        : SoapFaults.notAuthorized();
  }

  private static @Nullable Element first(Element e, String ns, String local) {
    NodeList l = e.getElementsByTagNameNS(ns, local);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static @Nullable String text(Element e, String ns, String local) {
    Element f = first(e, ns, local);
    return f == null || f.getTextContent() == null ? null : f.getTextContent().trim();
  }
}
