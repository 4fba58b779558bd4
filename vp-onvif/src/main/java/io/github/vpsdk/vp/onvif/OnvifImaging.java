package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.ImagingMapping;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetMoveOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.ImagingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Move;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.SetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Stop;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSources;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The imaging service of one camera (reach it with {@link OnvifCamera#imaging()}): image settings
 * and focus of a video source, for the level-1 fixes of a monitoring centre ("the picture is too
 * dark", "the camera is out of focus").
 */
public final class OnvifImaging {
  private final OnvifCamera camera;

  OnvifImaging(OnvifCamera camera) {
    this.camera = camera;
  }

  /**
   * Lists the video source tokens (Media GetVideoSources), the keys of every imaging operation.
   *
   * @return the tokens
   */
  public CompletableFuture<List<String>> videoSources() {
    return camera.invoke(
        "GetVideoSources",
        () -> {
          Media m =
              camera
                  .session()
                  .proxy(Media.class, camera.serviceAddress(ServiceAddresses.MEDIA, "media"), true);
          List<String> out = new ArrayList<>();
          for (var v : m.getVideoSources(new GetVideoSources()).getVideoSources()) {
            if (v.getToken() != null) {
              out.add(v.getToken());
            }
          }
          return List.copyOf(out);
        });
  }

  /**
   * Reads the image settings of a video source (GetImagingSettings).
   *
   * @param videoSourceToken the video source
   * @return the settings
   */
  public CompletableFuture<ImagingSettings> settings(String videoSourceToken) {
    Objects.requireNonNull(videoSourceToken, "videoSourceToken");
    return camera.invoke(
        "GetImagingSettings",
        () -> {
          GetImagingSettings req = new GetImagingSettings();
          req.setVideoSourceToken(videoSourceToken);
          return ImagingMapping.settings(port().getImagingSettings(req).getImagingSettings());
        });
  }

  /**
   * Changes the image settings of a video source (SetImagingSettings): only the non-null
   * components of {@code change} are sent.
   *
   * @param videoSourceToken the video source
   * @param change the components to change
   * @param persist whether the camera keeps them across reboots ({@code ForcePersistence})
   * @return completion
   */
  public CompletableFuture<Void> setSettings(
      String videoSourceToken, ImagingSettings change, boolean persist) {
    Objects.requireNonNull(videoSourceToken, "videoSourceToken");
    Objects.requireNonNull(change, "change");
    return camera.invoke(
        "SetImagingSettings",
        () -> {
          var current = change.focusMode() == null ? null : currentBlocking(videoSourceToken);
          SetImagingSettings req = new SetImagingSettings();
          req.setVideoSourceToken(videoSourceToken);
          req.setImagingSettings(ImagingMapping.apply(change, current));
          req.setForcePersistence(persist);
          port().setImagingSettings(req);
          return null;
        });
  }

  /**
   * Reads the focus moves a video source supports (GetMoveOptions).
   *
   * @param videoSourceToken the video source
   * @return the options
   */
  public CompletableFuture<FocusOptions> focusOptions(String videoSourceToken) {
    Objects.requireNonNull(videoSourceToken, "videoSourceToken");
    return camera.invoke(
        "GetMoveOptions",
        () -> {
          GetMoveOptions req = new GetMoveOptions();
          req.setVideoSourceToken(videoSourceToken);
          return ImagingMapping.options(port().getMoveOptions(req).getMoveOptions());
        });
  }

  /**
   * Moves the focus (Move).
   *
   * @param videoSourceToken the video source
   * @param move the move
   * @return completion
   */
  public CompletableFuture<Void> focus(String videoSourceToken, FocusMove move) {
    Objects.requireNonNull(videoSourceToken, "videoSourceToken");
    Objects.requireNonNull(move, "move");
    return camera.invoke(
        "Move",
        () -> {
          Move req = new Move();
          req.setVideoSourceToken(videoSourceToken);
          req.setFocus(ImagingMapping.move(move));
          port().move(req);
          return null;
        });
  }

  /**
   * Stops a focus move (Stop).
   *
   * @param videoSourceToken the video source
   * @return completion
   */
  public CompletableFuture<Void> stopFocus(String videoSourceToken) {
    Objects.requireNonNull(videoSourceToken, "videoSourceToken");
    return camera.invoke(
        "Stop",
        () -> {
          Stop req = new Stop();
          req.setVideoSourceToken(videoSourceToken);
          port().stop(req);
          return null;
        });
  }

  /**
   * "Refocus the camera": switches the focus of a video source to {@code AUTO} (not persisted),
   * which makes ONVIF cameras run their autofocus. ONVIF has no one-shot autofocus command; a
   * camera whose focus was {@code MANUAL} stays in {@code AUTO} until set back.
   *
   * @param videoSourceToken the video source
   * @return completion
   */
  public CompletableFuture<Void> refocus(String videoSourceToken) {
    return setSettings(videoSourceToken, ImagingSettings.unchanged().withFocusMode("AUTO"), false);
  }

  private io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingSettings20 currentBlocking(
      String videoSourceToken) {
    GetImagingSettings req = new GetImagingSettings();
    req.setVideoSourceToken(videoSourceToken);
    return port().getImagingSettings(req).getImagingSettings();
  }

  private ImagingPort port() {
    return camera
        .session()
        .proxy(ImagingPort.class, camera.serviceAddress(ServiceAddresses.IMAGING, "imaging"), true);
  }
}
