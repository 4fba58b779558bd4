package io.github.vpsdk.vp.onvif;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One ONVIF notification, as pulled from a camera: its topic, when the camera says it happened,
 * whether it initialises, changes or deletes a property, and the {@code Source} and {@code Data}
 * simple items.
 *
 * <p>Topics keep the camera's prefixes ({@code tns1:RuleEngine/CellMotionDetector/Motion}); {@link
 * #topicPath()} drops them ({@code RuleEngine/CellMotionDetector/Motion}) because vendors bind the
 * prefixes as they like and vp does not see their declarations once the message is decoded.
 *
 * @param topic the topic expression as sent, trimmed
 * @param operation the property operation
 * @param utcTime the camera's time of the event, or {@code null} if absent or unreadable
 * @param source the {@code Source} simple items by name, in document order (which video source,
 *     input or rule)
 * @param data the {@code Data} simple items by name, in document order (the state)
 */
public record CameraEvent(
    String topic,
    Operation operation,
    @Nullable Instant utcTime,
    Map<String, String> source,
    Map<String, String> data) {

  /** The {@code PropertyOperation} attribute of an ONVIF message. */
  public enum Operation {
    /** The current state of a property, sent once when a subscription starts. */
    INITIALIZED,
    /** A property changed: the normal case of an alarm raised or cleared. */
    CHANGED,
    /** A property ceased to exist (a rule or an input was removed). */
    DELETED,
    /** The message is not about a property (a plain event, no attribute). */
    NONE
  }

  /** Data item names that carry the state of the common boolean topics, in order of preference. */
  private static final String[] STATE_ITEMS = {
    "State", "IsMotion", "IsTamper", "IsInside", "LogicalState", "Value", "Active", "Status"
  };

  /**
   * Checks and copies the components (the maps keep their order).
   *
   * @param topic topic
   * @param operation operation
   * @param utcTime camera time or {@code null}
   * @param source source items
   * @param data data items
   */
  public CameraEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(operation, "operation");
    source = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
    data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }

  /**
   * The topic without namespace prefixes, such as {@code VideoSource/MotionAlarm}.
   *
   * @return the unprefixed topic path
   */
  public String topicPath() {
    StringBuilder b = new StringBuilder(topic.length());
    for (String seg : topic.split("/", -1)) {
      if (b.length() > 0) {
        b.append('/');
      }
      int colon = seg.indexOf(':');
      b.append(colon >= 0 ? seg.substring(colon + 1) : seg);
    }
    return b.toString();
  }

  /**
   * The boolean state of the event, read from the first of the usual data items ({@code State},
   * {@code IsMotion}, {@code IsTamper}, {@code IsInside}, {@code LogicalState}, {@code Value},
   * ...) that holds a boolean ({@code true}/{@code false}, any case, or {@code 1}/{@code 0}).
   *
   * @return the state, or empty if the event carries none
   */
  public Optional<Boolean> active() {
    for (String name : STATE_ITEMS) {
      String v = data.get(name);
      if (v == null) {
        continue;
      }
      String t = v.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("1")) {
        return Optional.of(Boolean.TRUE);
      }
      if (t.equals("false") || t.equals("0")) {
        return Optional.of(Boolean.FALSE);
      }
    }
    return Optional.empty();
  }
}
