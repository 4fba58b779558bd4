package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.CameraTime;
import io.github.vpsdk.vp.onvif.DeviceInfo;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code vp onvif info ADDR}: device information, services and the camera clock. */
@Command(
    name = "info",
    description = {
      "Print one JSON line: manufacturer, model, firmware, serial number, hardware id, the services"
          + " (namespace to address), and the camera clock with its offset from this machine's"
          + " (clockOffsetMillis: camera minus local)."
    },
    mixinStandardHelpOptions = true)
final class OnvifInfoCommand extends OnvifDeviceCommand {
  @Override
  String name() {
    return "info";
  }

  @Override
  int run(OnvifCamera camera, PrintWriter out, PrintWriter err) {
    DeviceInfo info = OnvifSupport.await(camera.deviceInfo());
    // read the clock now, not the reading taken at connection, to give a fresh offset
    CameraTime time = OnvifSupport.await(camera.systemDateAndTime());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("address", camera.deviceAddress().toString());
    line.put("manufacturer", info.manufacturer());
    line.put("model", info.model());
    line.put("firmwareVersion", info.firmwareVersion());
    line.put("serialNumber", info.serialNumber());
    line.put("hardwareId", info.hardwareId());
    Map<String, String> services = new LinkedHashMap<>();
    for (Map.Entry<String, URI> e : camera.services().byNamespace().entrySet()) {
      services.put(e.getKey(), e.getValue().toString());
    }
    line.put("services", services);
    line.put("servicesFrom", camera.services().fromGetServices() ? "GetServices" : "GetCapabilities");
    line.put("cameraTime", time.cameraUtc() == null ? null : time.cameraUtc().toString());
    line.put("clockOffsetMillis", time.offset().toMillis());
    line.put("ntp", time.ntp());
    line.put("daylightSavings", time.daylightSavings());
    line.put("timeZone", time.timeZone());
    JsonLines.write(out, line);
    return VpCli.EXIT_OK;
  }
}
