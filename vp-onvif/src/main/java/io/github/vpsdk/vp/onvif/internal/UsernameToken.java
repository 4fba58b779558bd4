package io.github.vpsdk.vp.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Security UsernameToken (OASIS UsernameToken Profile 1.0) as ONVIF uses it: {@code
 * PasswordDigest = Base64(SHA-1(nonce + created + password))}, {@code Created} in UTC with
 * {@code Z}.
 */
public final class UsernameToken {
  /** WS-Security secext namespace. */
  public static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  /** WS-Security utility namespace. */
  public static final String WSU =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  /** Password type URI of a digest. */
  public static final String PASSWORD_DIGEST =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
  /** Password type URI of clear text. */
  public static final String PASSWORD_TEXT =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
  private static final String BASE64_BINARY =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

  private static final SecureRandom RANDOM = new SecureRandom();

  private UsernameToken() {}

  /**
   * Formats a {@code wsu:Created} value: UTC, millisecond precision, {@code Z}.
   *
   * @param instant the time
   * @return the text
   */
  public static String created(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Computes the password digest.
   *
   * @param nonce the raw nonce bytes
   * @param created the {@code Created} text exactly as sent
   * @param password the password
   * @return Base64 of SHA-1(nonce + created + password)
   */
  public static String digest(byte[] nonce, String created, String password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(nonce);
      sha1.update(created.getBytes(StandardCharsets.UTF_8));
      sha1.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 unavailable", e);
    }
  }

  /**
   * Builds a {@code wsse:Security} header element holding one UsernameToken.
   *
   * @param username the user name
   * @param password the password
   * @param now the camera-corrected current time
   * @param digest true for PasswordDigest, false for PasswordText
   * @return the header element
   */
  public static Element securityHeader(
      String username, String password, Instant now, boolean digest) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      doc = f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    Element security = doc.createElementNS(WSSE, "wsse:Security");
    security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", WSSE);
    security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", WSU);
    Element token = doc.createElementNS(WSSE, "wsse:UsernameToken");
    security.appendChild(token);
    Element user = doc.createElementNS(WSSE, "wsse:Username");
    user.setTextContent(username);
    token.appendChild(user);
    Element pass = doc.createElementNS(WSSE, "wsse:Password");
    token.appendChild(pass);
    String created = created(now);
    if (digest) {
      byte[] nonce = new byte[16];
      RANDOM.nextBytes(nonce);
      pass.setAttribute("Type", PASSWORD_DIGEST);
      pass.setTextContent(digest(nonce, created, password));
      Element n = doc.createElementNS(WSSE, "wsse:Nonce");
      n.setAttribute("EncodingType", BASE64_BINARY);
      n.setTextContent(Base64.getEncoder().encodeToString(nonce));
      token.appendChild(n);
    } else {
      pass.setAttribute("Type", PASSWORD_TEXT);
      pass.setTextContent(password);
    }
    Element c = doc.createElementNS(WSU, "wsu:Created");
    c.setTextContent(created);
    token.appendChild(c);
    return security;
  }
}
