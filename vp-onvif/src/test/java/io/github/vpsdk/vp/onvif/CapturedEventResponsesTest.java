package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.onvif.internal.EventMapping;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscriptionResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetEventPropertiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessagesResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded event-service response parses through the bindings and maps to vp's model. */
class CapturedEventResponsesTest {

  static List<String> vendors() {
    return Captures.VENDORS;
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void createPullPointSubscriptionMaps(String vendor) throws Exception {
    var r =
        Captures.parse(
            Captures.file(vendor, "events", "CreatePullPointSubscription.Response.xml"),
            CreatePullPointSubscriptionResponse.class);
    EventMapping.Endpoint ep = EventMapping.endpoint(r.getSubscriptionReference(), "test");
    assertThat(ep.address().getScheme()).isEqualTo("http");
    assertThat(EventMapping.instant(r.getTerminationTime()))
        .isAfter(EventMapping.instant(r.getCurrentTime()));
    if (vendor.equals("axis")) {
      // Axis: one address for all subscriptions, told apart by a reference parameter
      assertThat(ep.referenceParameters()).hasSize(1);
      assertThat(ep.referenceParameters().get(0).getLocalName()).isEqualTo("SubscriptionId");
      assertThat(ep.referenceParameters().get(0).getNamespaceURI())
          .isEqualTo("http://www.axis.com/2009/event");
      assertThat(ep.referenceParameters().get(0).getTextContent().trim()).isEqualTo("5");
    } else if (vendor.equals("pelco")) {
      // Pelco does the same in its own namespace, with a UUID
      assertThat(ep.referenceParameters()).hasSize(1);
      assertThat(ep.referenceParameters().get(0).getNamespaceURI())
          .isEqualTo("urn:schemas-pelco-com:ws:addressing:1");
      assertThat(ep.referenceParameters().get(0).getTextContent().trim()).startsWith("urn:uuid:");
    } else {
      assertThat(ep.referenceParameters()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void eventPropertiesMapToTopics(String vendor) throws Exception {
    List<EventTopic> topics =
        EventMapping.topics(
            Captures.parse(
                Captures.file(vendor, "events", "GetEventProperties.Response.xml"),
                GetEventPropertiesResponse.class));
    assertThat(topics).isNotEmpty();
    assertThat(topics).allMatch(t -> !t.topic().isBlank() && !t.topic().contains("MessageDescription"));
    assertThat(topics).anyMatch(t -> CameraAlarms.isAlarmTopic(t.topic()));
    switch (vendor) {
      case "hikvision":
        assertThat(topics)
            .extracting(EventTopic::topic)
            .contains(
                "tns1:VideoSource/MotionAlarm",
                "tns1:VideoSource/SignalLoss",
                "tns1:RuleEngine/CellMotionDetector/Motion",
                "tns1:Device/Trigger/tnshik:AlarmIn",
                "tns1:Device/Trigger/DigitalInput");
        EventTopic motion =
            topics.stream().filter(t -> t.topic().equals("tns1:VideoSource/MotionAlarm")).findFirst().orElseThrow();
        assertThat(motion.property()).isTrue();
        assertThat(motion.sourceItems()).containsExactly("Source");
        assertThat(motion.dataItems()).containsExactly("State");
        break;
      case "axis":
        assertThat(topics).extracting(EventTopic::topic).contains("tns1:VideoAnalytics/tnsaxis:MotionDetection");
        break;
      case "trendnet":
      case "hikvision-fixed":
        assertThat(topics)
            .extracting(EventTopic::topic)
            .contains("tns1:RuleEngine/LineDetector/Crossed", "tns1:RuleEngine/FieldDetector/ObjectsInside");
        break;
      default:
        assertThat(topics).extracting(EventTopic::topic).contains("tns1:RuleEngine/CellMotionDetector/Motion");
    }
  }

  static List<String> pullVendors() {
    return Captures.VENDORS.stream()
        .filter(v -> Captures.exists(Captures.file(v, "events", "PullMessages.Response.xml")))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("pullVendors")
  void pullMessagesMapToEvents(String vendor) throws Exception {
    Path p = Captures.file(vendor, "events", "PullMessages.Response.xml");
    PullMessagesResponse r = Captures.parse(p, PullMessagesResponse.class);
    List<CameraEvent> events = EventMapping.events(r.getNotificationMessage());
    assertThat(events).hasSameSizeAs(r.getNotificationMessage());
    assertThat(EventMapping.instant(r.getTerminationTime())).isNotNull();
    for (CameraEvent e : events) {
      assertThat(e.topic()).doesNotContain("\n").startsWith("tns1:");
      assertThat(e.utcTime()).isAfter(Instant.parse("2018-01-01T00:00:00Z"));
    }
    if (vendor.equals("pelco")) {
      assertThat(events).hasSize(10);
      CameraEvent cpu = events.get(0);
      assertThat(cpu.topic()).isEqualTo("tns1:Monitoring/ProcessorUsage");
      assertThat(cpu.operation()).isEqualTo(CameraEvent.Operation.INITIALIZED);
      assertThat(cpu.source()).containsEntry("Token", "cpu");
      assertThat(cpu.data()).containsEntry("Value", "0.44");
      assertThat(cpu.utcTime()).isEqualTo(Instant.parse("2018-02-27T18:27:56.070891Z"));
      CameraEvent motion = events.get(5);
      assertThat(motion.topicPath()).isEqualTo("RuleEngine/CellMotionDetector/Motion");
      assertThat(motion.active()).contains(true);
      // Initialized with an active state: an alarm marked as such
      var alarm = CameraAlarms.toAlarmEvent(motion, "cam-1", null, "e1", Instant.EPOCH).orElseThrow();
      assertThat(alarm.category()).isEqualTo(EventCategory.INTRUSION);
      assertThat(alarm.extended("initialized")).contains("true");
      assertThat(events.get(6).source()).containsEntry("RecordingToken", "0");
    }
    if (vendor.equals("trendnet")) {
      assertThat(events).hasSize(1);
      assertThat(events.get(0).operation()).isEqualTo(CameraEvent.Operation.CHANGED);
      assertThat(events.get(0).data()).containsEntry("Value", "75");
      assertThat(CameraAlarms.toAlarmEvent(events.get(0), "c", null, "e", Instant.EPOCH)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("pullVendors")
  void capabilitiesAndSynchronizationPointMap(String vendor) throws Exception {
    EventCapabilities c =
        EventMapping.capabilities(
            Captures.parse(
                    Captures.file(vendor, "events", "GetServiceCapabilities.Response.xml"),
                    io.github.vpsdk.vp.onvif.internal.wsdl.events.GetServiceCapabilitiesResponse.class)
                .getCapabilities());
    assertThat(c.pullPoint()).isTrue();
    assertThat(c.subscriptionPolicy()).isTrue();
    assertThat(c.maxPullPoints()).isEqualTo(vendor.equals("pelco") ? 25 : 10);
    assertThat(
            Captures.parse(
                Captures.file(vendor, "events", "SetSynchronizationPoint.Response.xml"),
                io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPointResponse.class))
        .isNotNull();
  }

  @Test
  void eventVendorsAreThere() {
    assertThat(pullVendors()).containsExactlyInAnyOrder("hikvision", "hikvision-fixed", "pelco", "trendnet");
  }
}
