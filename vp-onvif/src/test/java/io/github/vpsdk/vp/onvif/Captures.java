package io.github.vpsdk.vp.onvif;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Recorded camera exchanges in src/test/resources/captures (hawkeye64/onvif-nvt, MIT, see
 * captures/README.md and captures/LICENSE).
 */
final class Captures {
  static final List<String> VENDORS = List.of("axis", "hikvision", "hikvision-fixed", "pelco", "trendnet");
  private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

  private Captures() {}

  static Path root() {
    try {
      return Paths.get(Captures.class.getResource("/captures/README.md").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String vendor, String service, String name) {
    return root().resolve(vendor).resolve(service).resolve(name);
  }

  /** The first element inside the SOAP Body. */
  static Element bodyElement(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc;
    try (InputStream in = new java.io.ByteArrayInputStream(xml)) {
      doc = f.newDocumentBuilder().parse(in);
    }
    Element env = doc.getDocumentElement();
    for (Node n = env.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && "Body".equals(n.getLocalName())) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element) {
            return (Element) c;
          }
        }
      }
    }
    throw new IllegalArgumentException("no SOAP body element");
  }

  /** Unmarshals a recorded response with the generated bindings. */
  static <T> T parse(Path file, Class<T> type) throws Exception {
    Element body = bodyElement(Files.readAllBytes(file));
    JAXBContext ctx = CONTEXTS.computeIfAbsent(type, Captures::context);
    return ctx.createUnmarshaller().unmarshal(body, type).getValue();
  }

  private static JAXBContext context(Class<?> type) {
    try {
      return JAXBContext.newInstance(type.getPackageName(), type.getClassLoader());
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean exists(Path p) {
    return Files.isRegularFile(p);
  }

  static byte[] read(Path p) throws IOException {
    return Files.readAllBytes(p);
  }
}
