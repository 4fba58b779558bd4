package io.github.vpsdk.vp.onvif.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.onvif.CameraAlarms;
import io.github.vpsdk.vp.onvif.CameraEvent;
import io.github.vpsdk.vp.onvif.EventTopic;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

class EventMappingFuzzTest {
  /**
   * What a camera puts in a notification message or a topic set is untrusted: any well-formed XML
   * maps to an event and to topics within the limits, and the alarm mapping never throws.
   */
  @FuzzTest(maxDuration = "30s")
  void anyCameraXmlIsHandled(byte[] data) throws Exception {
    Element root;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      root = f.newDocumentBuilder().parse(new ByteArrayInputStream(data)).getDocumentElement();
    } catch (Exception notXml) {
      return;
    }
    String topic = root.getLocalName() == null ? "tns1:X" : "tns1:" + root.getLocalName();
    CameraEvent e = EventMapping.fromDom(topic, root);
    if (e.source().size() > EventMapping.MAX_ITEMS || e.data().size() > EventMapping.MAX_ITEMS) {
      throw new AssertionError("unbounded items");
    }
    CameraAlarms.toAlarmEvent(e, "cam", null, "id", Instant.EPOCH);

    List<EventTopic> topics = EventMapping.topics(List.of(root));
    if (topics.size() > EventMapping.MAX_TOPICS) {
      throw new AssertionError("unbounded topics");
    }
    for (EventTopic t : topics) {
      CameraAlarms.isAlarmTopic(t.topic());
    }
  }
}
