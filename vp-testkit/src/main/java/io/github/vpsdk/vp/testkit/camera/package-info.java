/**
 * A simulated ONVIF camera for tests and demonstrations: {@link
 * io.github.vpsdk.vp.testkit.camera.SimulatedCamera} serves the ONVIF device, media (ver10 and
 * ver20), events (PullPoint), imaging and PTZ services over SOAP 1.2 on 127.0.0.1, checks
 * WS-Security UsernameToken digests against its own (skewed) clock, moves its PTZ head and focus
 * over time as told by an injected clock, raises ONVIF events ({@link
 * io.github.vpsdk.vp.testkit.camera.CameraEventKind}), answers WS-Discovery probes when asked,
 * and draws a JPEG snapshot behind HTTP digest authentication. With {@link
 * io.github.vpsdk.vp.testkit.camera.RtspSettings RTSP} on, its stream URIs play those pictures as
 * MJPEG over RTP (RFC 2435), for ffmpeg or VLC. Faults are switched on at run time: offline, slow
 * or failing snapshots, clock skew, reboot (which drops event subscriptions).
 *
 * <pre>{@code
 * try (SimulatedCamera cam = SimulatedCamera.builder()
 *         .name("Gate").credentials("admin", "secret").ptz(true).build().start()) {
 *   OnvifCamera c = client.connect(cam.xaddr(), Credentials.of("admin", "secret")).join();
 *   cam.setScene("person in zone 3");
 *   Snapshot s = c.snapshot("profile_main").join();
 *   PullPointSubscription sub = c.events().subscribe(Duration.ofSeconds(60), null).join();
 *   cam.raise(CameraEventKind.MOTION, true);
 *   PullResult r = sub.pull(Duration.ofSeconds(5), 100).join(); // Initialized states, then motion
 * }
 * }</pre>
 *
 * <p>See {@code docs/testkit-camera.md}.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.camera;

import org.jspecify.annotations.NullMarked;
