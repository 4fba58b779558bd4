package io.github.vpsdk.vp.testkit.camera;

/**
 * The events a {@link SimulatedCamera} can {@link SimulatedCamera#raise raise}, each sent on the
 * ONVIF topics real cameras use for it (topics in the {@code tns1} namespace {@code
 * http://www.onvif.org/ver10/topics}).
 */
public enum CameraEventKind {
  /**
   * Video motion: two property topics, as many cameras send both: {@code
   * tns1:VideoSource/MotionAlarm} (source {@code Source}, data {@code State}) and {@code
   * tns1:RuleEngine/CellMotionDetector/Motion} (data {@code IsMotion}).
   */
  MOTION,
  /**
   * A line crossed: {@code tns1:RuleEngine/LineDetector/Crossed}, a plain event (not a property)
   * with data {@code ObjectId}; raising it inactive does nothing.
   */
  LINE_CROSSING,
  /** An object inside a field: property {@code tns1:RuleEngine/FieldDetector/ObjectsInside}, data {@code IsInside}. */
  FIELD_DETECTION,
  /** Tampering (scene change): property {@code tns1:VideoSource/GlobalSceneChange/ImagingService}, data {@code State}. */
  TAMPER,
  /** Video signal lost: property {@code tns1:VideoSource/SignalLoss}, data {@code State}. */
  VIDEO_LOSS,
  /** The alarm input changed: property {@code tns1:Device/Trigger/DigitalInput}, source {@code InputToken}, data {@code LogicalState}. */
  DIGITAL_INPUT
}
