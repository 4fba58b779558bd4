package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetRelayOutputs;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.SetRelayOutputState;
import io.github.vpsdk.vp.onvif.internal.wsdl.deviceio.DeviceIOPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.deviceio.GetDigitalInputs;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelayLogicalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The inputs and outputs of one camera (reach it with {@link OnvifCamera#io()}): relay outputs
 * through the device service, which nearly every camera with relays implements, and digital inputs
 * through the Device IO service.
 */
public final class OnvifIo {
  private final OnvifCamera camera;

  OnvifIo(OnvifCamera camera) {
    this.camera = camera;
  }

  /**
   * Lists the relay outputs (device service GetRelayOutputs).
   *
   * @return the relays, empty for a camera without any
   */
  public CompletableFuture<List<RelayOutput>> relayOutputs() {
    return camera.invoke(
        "GetRelayOutputs",
        () -> {
          List<RelayOutput> out = new ArrayList<>();
          for (var r : device().getRelayOutputs(new GetRelayOutputs()).getRelayOutputs()) {
            if (r.getToken() == null) {
              continue;
            }
            var p = r.getProperties();
            out.add(
                new RelayOutput(
                    r.getToken(),
                    p == null || p.getMode() == null ? "" : p.getMode().value(),
                    p == null ? null : duration(p.getDelayTime()),
                    p == null || p.getIdleState() == null ? "" : p.getIdleState().value()));
          }
          return List.copyOf(out);
        });
  }

  /**
   * Activates or releases a relay (device service SetRelayOutputState).
   *
   * @param relayToken the relay
   * @param active true to activate, false to return it to idle
   * @return completion
   */
  public CompletableFuture<Void> setRelay(String relayToken, boolean active) {
    Objects.requireNonNull(relayToken, "relayToken");
    return camera.invoke(
        "SetRelayOutputState",
        () -> {
          SetRelayOutputState req = new SetRelayOutputState();
          req.setRelayOutputToken(relayToken);
          req.setLogicalState(active ? RelayLogicalState.ACTIVE : RelayLogicalState.INACTIVE);
          device().setRelayOutputState(req);
          return null;
        });
  }

  /**
   * Lists the digital inputs (Device IO GetDigitalInputs).
   *
   * @return the inputs
   */
  public CompletableFuture<List<DigitalInput>> digitalInputs() {
    return camera.invoke(
        "GetDigitalInputs",
        () -> {
          DeviceIOPort p =
              camera
                  .session()
                  .proxy(
                      DeviceIOPort.class,
                      camera.serviceAddress(ServiceAddresses.DEVICE_IO, "device IO"),
                      true);
          List<DigitalInput> out = new ArrayList<>();
          for (var d : p.getDigitalInputs(new GetDigitalInputs()).getDigitalInputs()) {
            if (d.getToken() != null) {
              out.add(
                  new DigitalInput(
                      d.getToken(), d.getIdleState() == null ? "" : d.getIdleState().value()));
            }
          }
          return List.copyOf(out);
        });
  }

  static @Nullable Duration duration(javax.xml.datatype.@Nullable Duration d) {
    if (d == null) {
      return null;
    }
    try {
      // years and months count from 1970-01-01 (relay delays are seconds in practice)
      java.util.GregorianCalendar epoch =
          new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
      epoch.setTimeInMillis(0);
      return Duration.ofMillis(d.getTimeInMillis(epoch));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Device device() {
    return camera.session().proxy(Device.class, camera.deviceAddress(), true);
  }
}
