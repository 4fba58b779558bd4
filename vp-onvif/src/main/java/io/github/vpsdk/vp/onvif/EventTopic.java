package io.github.vpsdk.vp.onvif;

import java.util.List;
import java.util.Objects;

/**
 * A topic the camera announces in GetEventProperties.
 *
 * @param topic the topic path with the camera's prefixes, such as {@code
 *     tns1:RuleEngine/CellMotionDetector/Motion} (segments without a prefix inherit the parent's
 *     namespace)
 * @param property whether the messages describe a property ({@code IsProperty}), which the camera
 *     initialises at subscription and then changes
 * @param sourceItems the names of the {@code Source} simple items
 * @param dataItems the names of the {@code Data} simple items
 */
public record EventTopic(
    String topic, boolean property, List<String> sourceItems, List<String> dataItems) {

  /**
   * Checks and copies the components.
   *
   * @param topic topic
   * @param property is a property
   * @param sourceItems source item names
   * @param dataItems data item names
   */
  public EventTopic {
    Objects.requireNonNull(topic, "topic");
    sourceItems = List.copyOf(sourceItems);
    dataItems = List.copyOf(dataItems);
  }
}
