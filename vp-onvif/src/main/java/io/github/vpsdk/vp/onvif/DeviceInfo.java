package io.github.vpsdk.vp.onvif;

import java.util.Objects;

/**
 * What a camera says about itself (GetDeviceInformation). Fields a camera leaves out are empty.
 *
 * @param manufacturer the manufacturer
 * @param model the model
 * @param firmwareVersion the firmware version
 * @param serialNumber the serial number
 * @param hardwareId the hardware identifier
 */
public record DeviceInfo(
    String manufacturer,
    String model,
    String firmwareVersion,
    String serialNumber,
    String hardwareId) {

  /**
   * Checks the components.
   *
   * @param manufacturer the manufacturer
   * @param model the model
   * @param firmwareVersion the firmware version
   * @param serialNumber the serial number
   * @param hardwareId the hardware identifier
   */
  public DeviceInfo {
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(firmwareVersion, "firmwareVersion");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(hardwareId, "hardwareId");
  }
}
