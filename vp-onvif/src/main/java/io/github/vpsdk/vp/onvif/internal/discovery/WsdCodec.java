package io.github.vpsdk.vp.onvif.internal.discovery;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Writes and reads the WS-Discovery (2005/04) messages ONVIF devices use: SOAP 1.2 envelopes with
 * WS-Addressing 2004/08 headers, one per datagram.
 *
 * <p>Reading is tolerant of what cameras send (SOAP 1.1 envelopes, WS-Addressing 2005/08, the
 * WS-Discovery 1.1 namespace) and strict about safety: no DTD, no external entity, a depth limit,
 * bounded list sizes and string lengths. Any problem gives {@link WsdMessage.Malformed}; {@link
 * #parse} never throws.
 */
public final class WsdCodec {
  /** SOAP 1.2 envelope namespace. */
  public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  /** WS-Addressing namespace of WS-Discovery 2005/04. */
  public static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

  static final String WSA10 = "http://www.w3.org/2005/08/addressing";
  /** WS-Discovery 2005/04 namespace. */
  public static final String WSD = "http://schemas.xmlsoap.org/ws/2005/04/discovery";

  static final String WSD11 = "http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01";
  /** The {@code wsa:To} of multicast messages. */
  public static final String MULTICAST_TO = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";
  /** The anonymous reply address. */
  public static final String ANONYMOUS = WSA + "/role/anonymous";
  /** The default scope matching rule (RFC 3986 prefix by path segments). */
  public static final String MATCH_RFC3986 = WSD + "/rfc3986";
  /** Case-sensitive exact string comparison. */
  public static final String MATCH_STRCMP0 = WSD + "/strcmp0";

  /** Most types, scopes or addresses read from one list. */
  public static final int MAX_LIST = 64;
  /** Longest single value (URI, scope, QName) kept. */
  public static final int MAX_VALUE = 2048;
  /** Most matches read from one ProbeMatches. */
  public static final int MAX_MATCHES = 32;

  private static final Set<String> ENVELOPES = Set.of(SOAP12, SOAP11);
  private static final Set<String> ADDRESSING = Set.of(WSA, WSA10);
  private static final Set<String> DISCOVERY = Set.of(WSD, WSD11);
  private static final String ONVIF_DN = "http://www.onvif.org/ver10/network/wsdl";
  private static final String ONVIF_TDS = "http://www.onvif.org/ver10/device/wsdl";

  private static final DocumentBuilderFactory FACTORY = secureFactory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(
          () -> {
            try {
              DocumentBuilder b = FACTORY.newDocumentBuilder();
              b.setErrorHandler(WsdCodec.SILENT);
              b.setEntityResolver(
                  (publicId, systemId) -> {
                    throw new SAXParseException("external entity refused", null);
                  });
              return b;
            } catch (ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      };

  private WsdCodec() {}

  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setValidating(false);
    trySet(f, XMLConstants.FEATURE_SECURE_PROCESSING, true);
    trySet(f, "http://apache.org/xml/features/disallow-doctype-decl", true);
    trySet(f, "http://xml.org/sax/features/external-general-entities", false);
    trySet(f, "http://xml.org/sax/features/external-parameter-entities", false);
    trySet(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    tryAttr(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    tryAttr(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    tryAttr(f, "jdk.xml.maxElementDepth", "32");
    return f;
  }

  private static void trySet(DocumentBuilderFactory f, String feature, boolean value) {
    try {
      f.setFeature(feature, value);
    } catch (ParserConfigurationException e) {
      // not supported by this parser; the other settings still apply
    }
  }

  private static void tryAttr(DocumentBuilderFactory f, String name, String value) {
    try {
      f.setAttribute(name, value);
    } catch (IllegalArgumentException e) {
      // not supported by this parser
    }
  }

  /**
   * A new {@code urn:uuid:} message identifier.
   *
   * @return the identifier
   */
  public static String newMessageId() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes a Probe.
   *
   * @param messageId the message identifier
   * @param types the wanted types, empty for any
   * @param scopes the wanted scopes, empty for any
   * @return the datagram
   */
  public static byte[] probe(String messageId, List<QName> types, List<String> scopes) {
    StringBuilder b = header(WSD + "/Probe", messageId, MULTICAST_TO, null, null);
    b.append("<d:Probe>");
    types(b, types);
    if (!scopes.isEmpty()) {
      b.append("<d:Scopes>").append(escape(String.join(" ", scopes))).append("</d:Scopes>");
    }
    b.append("</d:Probe>");
    return footer(b);
  }

  /**
   * Writes ProbeMatches with one match.
   *
   * @param messageId the message identifier
   * @param relatesTo the Probe's message identifier
   * @param sequence the application sequence
   * @param target the matching service
   * @return the datagram
   */
  public static byte[] probeMatches(
      String messageId, String relatesTo, AppSequence sequence, WsdMessage.Target target) {
    StringBuilder b = header(WSD + "/ProbeMatches", messageId, ANONYMOUS, relatesTo, sequence);
    b.append("<d:ProbeMatches><d:ProbeMatch>");
    target(b, target, true);
    b.append("</d:ProbeMatch></d:ProbeMatches>");
    return footer(b);
  }

  /**
   * Writes a Hello.
   *
   * @param messageId the message identifier
   * @param sequence the application sequence
   * @param target the announced service
   * @return the datagram
   */
  public static byte[] hello(String messageId, AppSequence sequence, WsdMessage.Target target) {
    StringBuilder b = header(WSD + "/Hello", messageId, MULTICAST_TO, null, sequence);
    b.append("<d:Hello>");
    target(b, target, true);
    b.append("</d:Hello>");
    return footer(b);
  }

  /**
   * Writes a Bye (endpoint reference only, as WS-Discovery allows).
   *
   * @param messageId the message identifier
   * @param sequence the application sequence
   * @param target the leaving service
   * @return the datagram
   */
  public static byte[] bye(String messageId, AppSequence sequence, WsdMessage.Target target) {
    StringBuilder b = header(WSD + "/Bye", messageId, MULTICAST_TO, null, sequence);
    b.append("<d:Bye>");
    target(b, target, false);
    b.append("</d:Bye>");
    return footer(b);
  }

  /**
   * The {@code d:AppSequence} header of a target service.
   *
   * @param instanceId incremented each time the service restarts
   * @param messageNumber incremented with each message
   */
  public record AppSequence(long instanceId, long messageNumber) {}

  private static StringBuilder header(
      String action,
      String messageId,
      String to,
      @Nullable String relatesTo,
      @Nullable AppSequence sequence) {
    StringBuilder b = new StringBuilder(1024);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<s:Envelope xmlns:s=\"")
        .append(SOAP12)
        .append("\" xmlns:a=\"")
        .append(WSA)
        .append("\" xmlns:d=\"")
        .append(WSD)
        .append("\"><s:Header><a:Action s:mustUnderstand=\"1\">")
        .append(action)
        .append("</a:Action><a:MessageID>")
        .append(escape(messageId))
        .append("</a:MessageID>");
    if (relatesTo != null) {
      b.append("<a:RelatesTo>").append(escape(relatesTo)).append("</a:RelatesTo>");
    }
    if (action.endsWith("/Probe")) {
      b.append("<a:ReplyTo><a:Address>").append(ANONYMOUS).append("</a:Address></a:ReplyTo>");
    }
    b.append("<a:To s:mustUnderstand=\"1\">").append(escape(to)).append("</a:To>");
    if (sequence != null) {
      b.append("<d:AppSequence InstanceId=\"")
          .append(sequence.instanceId())
          .append("\" MessageNumber=\"")
          .append(sequence.messageNumber())
          .append("\"/>");
    }
    b.append("</s:Header><s:Body>");
    return b;
  }

  private static byte[] footer(StringBuilder b) {
    b.append("</s:Body></s:Envelope>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void target(StringBuilder b, WsdMessage.Target t, boolean full) {
    b.append("<a:EndpointReference><a:Address>")
        .append(escape(t.endpointReference()))
        .append("</a:Address></a:EndpointReference>");
    if (!full) {
      return;
    }
    types(b, t.types());
    if (!t.scopes().isEmpty()) {
      b.append("<d:Scopes>").append(escape(String.join(" ", t.scopes()))).append("</d:Scopes>");
    }
    if (!t.xAddrs().isEmpty()) {
      b.append("<d:XAddrs>").append(escape(String.join(" ", t.xAddrs()))).append("</d:XAddrs>");
    }
    b.append("<d:MetadataVersion>").append(t.metadataVersion()).append("</d:MetadataVersion>");
  }

  private static void types(StringBuilder b, List<QName> types) {
    if (types.isEmpty()) {
      return;
    }
    Map<String, String> prefixes = new LinkedHashMap<>();
    StringBuilder names = new StringBuilder();
    for (QName q : types) {
      if (names.length() > 0) {
        names.append(' ');
      }
      String ns = q.getNamespaceURI();
      if (ns.isEmpty()) {
        names.append(q.getLocalPart());
        continue;
      }
      String p =
          prefixes.computeIfAbsent(
              ns,
              n ->
                  n.equals(ONVIF_DN)
                      ? "dn"
                      : n.equals(ONVIF_TDS) ? "tds" : "t" + prefixes.size());
      names.append(p).append(':').append(q.getLocalPart());
    }
    b.append("<d:Types");
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      b.append(" xmlns:").append(e.getValue()).append("=\"").append(escape(e.getKey())).append('"');
    }
    b.append('>').append(escape(names.toString())).append("</d:Types>");
  }

  /** Escapes text for element content and attributes; drops characters XML cannot carry. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        default:
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              b.append(c);
            }
          }
      }
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ reading

  /**
   * Reads a datagram. Never throws: anything unusable is {@link WsdMessage.Malformed}.
   *
   * @param data the bytes
   * @param length how many bytes of {@code data} to read
   * @return the message
   */
  public static WsdMessage parse(byte[] data, int length) {
    try {
      return parseOrThrow(data, length);
    } catch (Bad e) {
      return new WsdMessage.Malformed(e.getMessage());
    } catch (Exception | StackOverflowError e) {
      return new WsdMessage.Malformed("not XML: " + e.getClass().getSimpleName());
    }
  }

  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private static WsdMessage parseOrThrow(byte[] data, int length) throws Exception {
    if (length <= 0) {
      throw new Bad("empty datagram");
    }
    Document doc = BUILDER.get().parse(new ByteArrayInputStream(data, 0, length));
    Element env = doc.getDocumentElement();
    if (!"Envelope".equals(env.getLocalName()) || !ENVELOPES.contains(env.getNamespaceURI())) {
      throw new Bad("not a SOAP envelope");
    }
    String soap = env.getNamespaceURI();
    Element header = child(env, soap, "Header");
    Element body = child(env, soap, "Body");
    if (body == null) {
      throw new Bad("no SOAP body");
    }
    Element content = firstElement(body);
    if (content == null) {
      throw new Bad("empty SOAP body");
    }
    String messageId = header == null ? null : addressing(header, "MessageID");
    String relatesTo = header == null ? null : addressing(header, "RelatesTo");
    String local = content.getLocalName();
    if (!DISCOVERY.contains(content.getNamespaceURI())) {
      return new WsdMessage.Other(new QName(ns(content), String.valueOf(local)));
    }
    if (messageId == null || messageId.isEmpty()) {
      throw new Bad("no wsa:MessageID");
    }
    switch (String.valueOf(local)) {
      case "Probe":
        {
          Element scopes = child(content, content.getNamespaceURI(), "Scopes");
          return new WsdMessage.Probe(
              messageId,
              qnames(child(content, content.getNamespaceURI(), "Types")),
              tokens(scopes),
              scopes == null || !scopes.hasAttribute("MatchBy")
                  ? null
                  : bounded(scopes.getAttribute("MatchBy").trim()));
        }
      case "ProbeMatches":
        {
          List<WsdMessage.Target> matches = new ArrayList<>();
          for (Node n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element
                && "ProbeMatch".equals(n.getLocalName())
                && DISCOVERY.contains(n.getNamespaceURI())) {
              if (matches.size() == MAX_MATCHES) {
                break;
              }
              matches.add(target((Element) n, true));
            }
          }
          return new WsdMessage.ProbeMatches(messageId, relatesTo, matches);
        }
      case "Hello":
        return new WsdMessage.Hello(messageId, target(content, true));
      case "Bye":
        return new WsdMessage.Bye(messageId, target(content, false));
      default:
        return new WsdMessage.Other(new QName(ns(content), String.valueOf(local)));
    }
  }

  private static String ns(Element e) {
    return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
  }

  private static WsdMessage.Target target(Element parent, boolean needsTypes) throws Bad {
    String dns = parent.getNamespaceURI();
    String epr = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element
          && "EndpointReference".equals(n.getLocalName())
          && ADDRESSING.contains(n.getNamespaceURI())) {
        Element address = child((Element) n, n.getNamespaceURI(), "Address");
        epr = address == null ? null : text(address);
        break;
      }
    }
    if (epr == null || epr.isEmpty()) {
      throw new Bad("no endpoint reference");
    }
    List<QName> types = qnames(child(parent, dns, "Types"));
    List<String> scopes = tokens(child(parent, dns, "Scopes"));
    List<String> xAddrs = tokens(child(parent, dns, "XAddrs"));
    Element mv = child(parent, dns, "MetadataVersion");
    long version = 0;
    if (mv != null) {
      try {
        version = Long.parseLong(text(mv));
      } catch (NumberFormatException e) {
        if (needsTypes) {
          throw new Bad("bad MetadataVersion");
        }
      }
      if (version < 0) {
        throw new Bad("negative MetadataVersion");
      }
    }
    return new WsdMessage.Target(epr, types, scopes, xAddrs, version);
  }

  private static @Nullable String addressing(Element header, String local) throws Bad {
    for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element
          && local.equals(n.getLocalName())
          && ADDRESSING.contains(n.getNamespaceURI())) {
        return text((Element) n);
      }
    }
    return null;
  }

  private static List<QName> qnames(@Nullable Element e) throws Bad {
    List<QName> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    for (String token : tokens(e)) {
      int colon = token.indexOf(':');
      String prefix = colon < 0 ? null : token.substring(0, colon);
      String local = colon < 0 ? token : token.substring(colon + 1);
      if (local.isEmpty() || (prefix != null && prefix.isEmpty())) {
        throw new Bad("bad QName in Types");
      }
      String ns = e.lookupNamespaceURI(prefix);
      if (ns == null) {
        if (prefix != null) {
          throw new Bad("undeclared prefix in Types: " + prefix);
        }
        ns = "";
      }
      out.add(new QName(ns, local));
    }
    return out;
  }

  private static List<String> tokens(@Nullable Element e) throws Bad {
    List<String> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    String t = text(e);
    int i = 0;
    while (i < t.length()) {
      while (i < t.length() && isSpace(t.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < t.length() && !isSpace(t.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (out.size() == MAX_LIST) {
          throw new Bad("too many items in " + e.getLocalName());
        }
        out.add(bounded(t.substring(start, i)));
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static String bounded(String s) throws Bad {
    if (s.length() > MAX_VALUE) {
      throw new Bad("value too long");
    }
    return s;
  }

  /** Text of the direct text children, trimmed (no recursion into nested elements). */
  private static String text(Element e) throws Bad {
    StringBuilder b = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        b.append(n.getNodeValue());
        if (b.length() > MAX_VALUE * (MAX_LIST + 1)) {
          throw new Bad("text too long");
        }
      }
    }
    return b.toString().trim();
  }

  private static @Nullable Element child(Element parent, @Nullable String ns, String local) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element
          && local.equals(n.getLocalName())
          && java.util.Objects.equals(ns, n.getNamespaceURI())) {
        return (Element) n;
      }
    }
    return null;
  }

  private static @Nullable Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return (Element) n;
      }
    }
    return null;
  }
}
