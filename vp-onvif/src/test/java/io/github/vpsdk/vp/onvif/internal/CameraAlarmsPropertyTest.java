package io.github.vpsdk.vp.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.CameraAlarms;
import io.github.vpsdk.vp.onvif.CameraEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded properties of the camera-event to alarm-event mapping. */
class CameraAlarmsPropertyTest {
  static final List<String> TOPICS =
      List.of(
          "tns1:VideoSource/MotionAlarm",
          "tns1:RuleEngine/CellMotionDetector/Motion",
          "tns1:RuleEngine/FieldDetector/ObjectsInside",
          "tns1:RuleEngine/LineDetector/Crossed",
          "tns1:VideoSource/GlobalSceneChange/ImagingService",
          "tns1:VideoSource/SignalLoss",
          "tns1:Device/Trigger/DigitalInput",
          "tns1:Device/Trigger/tnshik:AlarmIn",
          "tns1:VideoAnalytics/tnsaxis:MotionDetection",
          "tns1:Monitoring/ProcessorUsage",
          "tnsfoo:Weird/Topic");
  static final List<String> STATES = List.of("true", "false", "True", "FALSE", "1", "0", "maybe", "");
  static final List<String> ITEMS = List.of("State", "IsMotion", "IsInside", "LogicalState", "Value", "Other");

  @Test
  void mappingIsTotalAndConsistent() {
    long seed = System.nanoTime();
    System.out.println("CameraAlarmsPropertyTest seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      String topic =
          rnd.nextInt(10) == 0 ? randomText(rnd, 40) : TOPICS.get(rnd.nextInt(TOPICS.size()));
      CameraEvent.Operation op =
          CameraEvent.Operation.values()[rnd.nextInt(CameraEvent.Operation.values().length)];
      Map<String, String> data = new LinkedHashMap<>();
      int n = rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        data.put(ITEMS.get(rnd.nextInt(ITEMS.size())), STATES.get(rnd.nextInt(STATES.size())));
      }
      Map<String, String> source = new LinkedHashMap<>();
      if (rnd.nextBoolean()) {
        source.put(randomText(rnd, 40), randomText(rnd, 10));
      }
      CameraEvent e = new CameraEvent(topic, op, rnd.nextBoolean() ? null : Instant.EPOCH, source, data);
      Optional<SystemEvent> a = CameraAlarms.toAlarmEvent(e, "cam", null, "id-" + i, Instant.EPOCH);
      String context = "seed " + seed + " case " + i + ": " + e;
      if (!CameraAlarms.isAlarmTopic(topic) || op == CameraEvent.Operation.DELETED) {
        assertThat(a).as(context).isEmpty();
        continue;
      }
      Optional<Boolean> active = e.active();
      boolean stateless = e.topicPath().equals("RuleEngine/LineDetector/Crossed");
      if (op == CameraEvent.Operation.INITIALIZED && (active.isEmpty() || (!stateless && !active.get()))) {
        assertThat(a).as(context).isEmpty();
        continue;
      }
      assertThat(a).as(context).isPresent();
      SystemEvent s = a.get();
      assertThat(s.restore()).as(context).isEqualTo(!stateless && active.isPresent() && !active.get());
      assertThat(s.source()).isEqualTo("camera:cam");
      assertThat(s.extended("topic")).contains(topic);
      assertThat(s.priority()).isEqualTo(s.category().defaultPriority(s.restore()));
    }
  }

  static String randomText(SplittableRandom rnd, int max) {
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append((char) (rnd.nextInt(3) == 0 ? rnd.nextInt(0x20, 0x3000) : rnd.nextInt(0x20, 0x7f)));
    }
    return b.toString();
  }
}
