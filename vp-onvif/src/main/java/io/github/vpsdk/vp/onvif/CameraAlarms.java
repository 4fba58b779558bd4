package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.SystemEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns the common ONVIF alarm topics into vp {@link SystemEvent}s with the camera as source, so
 * that a console queues camera alarms with panel alarms.
 *
 * <p>A camera is not a panel: it has no account, zone or SIA code of its own, so its alarms are
 * {@link SystemEvent}s with source {@code camera:<id>} and one of the internal codes below. The
 * nearest SIA DC-03 code is carried as extended field {@code sia} for consoles that route by SIA
 * code. The table (topic paths without prefixes, vendor variants found in recorded answers of
 * Axis, Hikvision, Pelco and TRENDnet):
 *
 * <table>
 *   <caption>topic to event</caption>
 *   <tr><th>topics</th><th>code</th><th>category</th><th>nearest SIA</th></tr>
 *   <tr><td>{@code VideoSource/MotionAlarm}, {@code RuleEngine/CellMotionDetector/Motion},
 *       {@code VideoAnalytics/MotionDetection} (Axis), {@code RuleEngine/MotionRegionDetector/Motion},
 *       Pelco {@code RuleEngine/AdaptiveMotion/Triggered}, {@code .../DirectionalMotion/Triggered}</td>
 *       <td>{@link #MOTION}</td><td>INTRUSION</td><td>BA / BR</td></tr>
 *   <tr><td>{@code RuleEngine/FieldDetector/ObjectsInside}</td><td>{@link #FIELD}</td>
 *       <td>INTRUSION</td><td>BA / BR</td></tr>
 *   <tr><td>{@code RuleEngine/LineDetector/Crossed} (an event, never restored)</td>
 *       <td>{@link #LINE_CROSSED}</td><td>INTRUSION</td><td>BA</td></tr>
 *   <tr><td>{@code VideoSource/GlobalSceneChange/*}, {@code RuleEngine/TamperDetector/Tamper},
 *       Pelco {@code RuleEngine/CameraSabotage/Triggered}, Axis {@code Device/Casing/Open}</td>
 *       <td>{@link #TAMPER}</td><td>TAMPER</td><td>TA / TR</td></tr>
 *   <tr><td>{@code VideoSource/SignalLoss}</td><td>{@link #VIDEO_LOSS}</td><td>TROUBLE</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code Device/Trigger/DigitalInput}, Hikvision {@code Device/Trigger/AlarmIn}, Axis
 *       {@code Device/IO/Port}</td><td>{@link #DIGITAL_INPUT}</td><td>INTRUSION</td>
 *       <td>UA / UR (untyped zone: vp does not know what is wired)</td></tr>
 *   <tr><td>{@code Device/HardwareFailure/StorageFailure}, Hikvision and TRENDnet
 *       {@code .../HardDiskError}, {@code .../HardDiskFull}</td><td>{@link #STORAGE_FAILURE}</td>
 *       <td>TROUBLE</td><td>none</td></tr>
 * </table>
 *
 * <p>State: the first boolean of the usual data items ({@link CameraEvent#active()}); {@code
 * false} makes a restore. {@code Initialized} messages with a false state are the camera telling
 * its state at subscription, not a transition, and give nothing; with a true state they give an
 * alarm marked with extended field {@code initialized=true} (the condition was already present;
 * a console may have seen it before a re-subscription). {@code Deleted} messages give nothing.
 */
public final class CameraAlarms {
  /** Motion detected (video motion detection). */
  public static final EventCode.Internal MOTION = new EventCode.Internal("CAMERA_MOTION");

  /** An object inside a detection field. */
  public static final EventCode.Internal FIELD = new EventCode.Internal("CAMERA_FIELD_INTRUSION");

  /** A line crossed. */
  public static final EventCode.Internal LINE_CROSSED = new EventCode.Internal("CAMERA_LINE_CROSSED");

  /** Camera tamper: scene change, masking, defocus, casing opened. */
  public static final EventCode.Internal TAMPER = new EventCode.Internal("CAMERA_TAMPER");

  /** Video signal lost on a video source. */
  public static final EventCode.Internal VIDEO_LOSS = new EventCode.Internal("CAMERA_VIDEO_LOSS");

  /** An alarm input of the camera changed. */
  public static final EventCode.Internal DIGITAL_INPUT =
      new EventCode.Internal("CAMERA_DIGITAL_INPUT");

  /** Recording storage failed or is full. */
  public static final EventCode.Internal STORAGE_FAILURE =
      new EventCode.Internal("CAMERA_STORAGE_FAILURE");

  private record Rule(
      EventCode.Internal code,
      EventCategory category,
      @Nullable String sia,
      @Nullable String siaRestore,
      boolean stateless,
      String label) {}

  private static final Rule MOTION_RULE =
      new Rule(MOTION, EventCategory.INTRUSION, "BA", "BR", false, "motion");
  private static final Rule TAMPER_RULE =
      new Rule(TAMPER, EventCategory.TAMPER, "TA", "TR", false, "tamper");
  private static final Rule INPUT_RULE =
      new Rule(DIGITAL_INPUT, EventCategory.INTRUSION, "UA", "UR", false, "alarm input");
  private static final Rule STORAGE_RULE =
      new Rule(STORAGE_FAILURE, EventCategory.TROUBLE, null, null, false, "storage failure");

  private static final Map<String, Rule> RULES =
      Map.ofEntries(
          Map.entry("videosource/motionalarm", MOTION_RULE),
          Map.entry("ruleengine/cellmotiondetector/motion", MOTION_RULE),
          Map.entry("ruleengine/motionregiondetector/motion", MOTION_RULE),
          Map.entry("videoanalytics/motiondetection", MOTION_RULE),
          Map.entry("ruleengine/adaptivemotion/triggered", MOTION_RULE),
          Map.entry("ruleengine/directionalmotion/triggered", MOTION_RULE),
          Map.entry(
              "ruleengine/fielddetector/objectsinside",
              new Rule(FIELD, EventCategory.INTRUSION, "BA", "BR", false, "object in field")),
          Map.entry(
              "ruleengine/linedetector/crossed",
              new Rule(LINE_CROSSED, EventCategory.INTRUSION, "BA", null, true, "line crossed")),
          Map.entry("videosource/globalscenechange/imagingservice", TAMPER_RULE),
          Map.entry("videosource/globalscenechange/analyticsservice", TAMPER_RULE),
          Map.entry("videosource/globalscenechange/recordingservice", TAMPER_RULE),
          Map.entry("ruleengine/tamperdetector/tamper", TAMPER_RULE),
          Map.entry("ruleengine/camerasabotage/triggered", TAMPER_RULE),
          Map.entry("device/casing/open", TAMPER_RULE),
          Map.entry(
              "videosource/signalloss",
              new Rule(VIDEO_LOSS, EventCategory.TROUBLE, null, null, false, "video loss")),
          Map.entry("device/trigger/digitalinput", INPUT_RULE),
          Map.entry("device/trigger/alarmin", INPUT_RULE),
          Map.entry("device/io/port", INPUT_RULE),
          Map.entry("device/hardwarefailure/storagefailure", STORAGE_RULE),
          Map.entry("device/hardwarefailure/harddiskerror", STORAGE_RULE),
          Map.entry("device/hardwarefailure/harddiskfull", STORAGE_RULE));

  private CameraAlarms() {}

  /**
   * Whether vp maps a topic to an alarm event.
   *
   * @param topic a topic, with or without prefixes
   * @return true if {@link #toAlarmEvent} can give an event for it
   */
  public static boolean isAlarmTopic(String topic) {
    return RULES.containsKey(key(new CameraEvent(topic, CameraEvent.Operation.NONE, null, Map.of(), Map.of()).topicPath()));
  }

  /**
   * Maps a camera event to a vp alarm event.
   *
   * @param event the camera event
   * @param cameraId the camera's identifier (the source becomes {@code camera:<id>})
   * @param siteId the site, or {@code null}
   * @param eventId the identifier to give the alarm event
   * @param receivedAt when vp received the event, by vp's clock
   * @return the alarm event, or empty when the topic is not an alarm topic or the message is not
   *     a transition (see the class description)
   */
  public static Optional<SystemEvent> toAlarmEvent(
      CameraEvent event,
      String cameraId,
      @Nullable String siteId,
      String eventId,
      Instant receivedAt) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Rule rule = RULES.get(key(event.topicPath()));
    if (rule == null || event.operation() == CameraEvent.Operation.DELETED) {
      return Optional.empty();
    }
    Optional<Boolean> state = event.active();
    boolean restore = !rule.stateless() && state.isPresent() && !state.get();
    boolean initialized = event.operation() == CameraEvent.Operation.INITIALIZED;
    if (initialized && (restore || state.isEmpty())) {
      return Optional.empty();
    }
    List<ExtendedField> ext = new ArrayList<>();
    ext.add(new ExtendedField("topic", event.topic()));
    String sia = restore ? rule.siaRestore() : rule.sia();
    if (sia != null) {
      ext.add(new ExtendedField("sia", sia));
    }
    if (event.utcTime() != null) {
      ext.add(new ExtendedField("camera-time", event.utcTime().toString()));
    }
    if (initialized) {
      ext.add(new ExtendedField("initialized", "true"));
    }
    StringBuilder where = new StringBuilder();
    for (Map.Entry<String, String> s : event.source().entrySet()) {
      ext.add(new ExtendedField(tag("src." + s.getKey()), s.getValue()));
      where.append(where.length() == 0 ? " on " : ", ").append(s.getKey()).append('=').append(s.getValue());
    }
    String text = rule.label() + (restore ? " ended" : "") + where;
    if (text.length() > 512) {
      text = text.substring(0, 512);
    }
    return Optional.of(
        new SystemEvent(
            eventId,
            null,
            siteId,
            source(cameraId),
            rule.code(),
            rule.category(),
            rule.category().defaultPriority(restore),
            restore,
            receivedAt,
            text,
            ext));
  }

  private static String source(String cameraId) {
    String s = "camera:" + cameraId;
    return s.length() > 256 ? s.substring(0, 256) : s;
  }

  private static String key(String topicPath) {
    return topicPath.trim().toLowerCase(Locale.ROOT);
  }

  /** An extended-data tag from an item name: allowed characters only, at most 32. */
  private static String tag(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length() && b.length() < 32; i++) {
      char c = raw.charAt(i);
      b.append((Character.isLetterOrDigit(c) && c < 0x80) || c == '-' || c == '_' || c == '.' ? c : '_');
    }
    return b.toString();
  }
}
