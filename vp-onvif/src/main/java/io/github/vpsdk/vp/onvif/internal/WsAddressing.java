package io.github.vpsdk.vp.onvif.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.model.SoapOperationInfo;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WS-Addressing 1.0 headers written by hand for the event service: {@code wsa:Action}, {@code
 * wsa:MessageID}, {@code wsa:To}, {@code wsa:ReplyTo} (anonymous) and the subscription's reference
 * parameters, each copied as a header with {@code wsa:IsReferenceParameter="true"} (WS-Addressing
 * 1.0 SOAP Binding §2.3). Axis keys its subscriptions by such a parameter and refuses
 * PullMessages, Renew and Unsubscribe without it. CXF's own addressing feature is not used: it
 * would bring a policy engine and decorate every call of every service.
 */
final class WsAddressing {
  static final String WSA = "http://www.w3.org/2005/08/addressing";
  static final String ANONYMOUS = WSA + "/anonymous";

  private WsAddressing() {}

  /** The understood-header set of the inbound side: cameras mark wsa:To/Action mustUnderstand. */
  static final Set<QName> UNDERSTOOD =
      Set.of(
          new QName(WSA, "To"),
          new QName(WSA, "Action"),
          new QName(WSA, "MessageID"),
          new QName(WSA, "RelatesTo"),
          new QName(WSA, "ReplyTo"),
          new QName(WSA, "From"),
          new QName(WSA, "FaultTo"),
          new QName("http://schemas.xmlsoap.org/ws/2004/08/addressing", "To"),
          new QName("http://schemas.xmlsoap.org/ws/2004/08/addressing", "Action"),
          new QName("http://schemas.xmlsoap.org/ws/2004/08/addressing", "MessageID"),
          new QName("http://schemas.xmlsoap.org/ws/2004/08/addressing", "RelatesTo"));

  static Document newDocument() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the headers on requests. */
  static final class Out extends AbstractSoapInterceptor {
    private final String to;
    private final List<Element> referenceParameters;

    Out(String to, List<Element> referenceParameters) {
      super(Phase.PRE_PROTOCOL);
      this.to = to;
      this.referenceParameters = List.copyOf(referenceParameters);
    }

    @Override
    public void handleMessage(SoapMessage message) {
      Document doc = newDocument();
      String action = action(message);
      if (action != null) {
        add(message, text(doc, "Action", action), true);
      }
      add(message, text(doc, "MessageID", "urn:uuid:" + UUID.randomUUID()), false);
      add(message, text(doc, "To", to), true);
      Element replyTo = doc.createElementNS(WSA, "wsa:ReplyTo");
      Element address = doc.createElementNS(WSA, "wsa:Address");
      address.setTextContent(ANONYMOUS);
      replyTo.appendChild(address);
      add(message, replyTo, false);
      for (Element p : referenceParameters) {
        Element copy;
        synchronized (p) { // DOM reads are not specified thread-safe; requests may overlap
          copy = (Element) doc.importNode(p, true);
        }
        copy.setAttributeNS(WSA, "wsa:IsReferenceParameter", "true");
        message
            .getHeaders()
            .add(new SoapHeader(new QName(copy.getNamespaceURI(), copy.getLocalName()), copy));
      }
    }

    private static Element text(Document doc, String local, String value) {
      Element e = doc.createElementNS(WSA, "wsa:" + local);
      e.setTextContent(value);
      return e;
    }

    private static void add(SoapMessage message, Element e, boolean mustUnderstand) {
      SoapHeader h = new SoapHeader(new QName(WSA, e.getLocalName()), e);
      h.setMustUnderstand(mustUnderstand);
      message.getHeaders().add(h);
    }

    private static @Nullable String action(SoapMessage message) {
      BindingOperationInfo bop = message.getExchange().getBindingOperationInfo();
      if (bop == null) {
        return null;
      }
      SoapOperationInfo soap = bop.getExtensor(SoapOperationInfo.class);
      if (soap != null && soap.getAction() != null && !soap.getAction().isEmpty()) {
        return soap.getAction();
      }
      var input = bop.getOperationInfo().getInput();
      if (input != null) {
        for (String ns :
            List.of(
                "http://www.w3.org/2007/05/addressing/metadata",
                "http://www.w3.org/2006/05/addressing/wsdl")) {
          Object a = input.getExtensionAttribute(new QName(ns, "Action"));
          if (a != null) {
            return a instanceof QName ? ((QName) a).getLocalPart() : a.toString();
          }
        }
      }
      return null;
    }
  }

  /** Declares the WS-Addressing response headers understood (they carry nothing vp needs). */
  static final class In extends AbstractSoapInterceptor {
    In() {
      super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
      // nothing to do: understanding the headers is enough
    }
  }

  /**
   * The element children of a node, for reference parameters.
   *
   * @param parent the node
   * @return its child elements
   */
  static List<Element> children(Node parent) {
    java.util.ArrayList<Element> out = new java.util.ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        out.add((Element) n);
      }
    }
    return out;
  }
}
