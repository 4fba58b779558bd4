/**
 * ONVIF camera control for remote doubt removal: device information, media profiles, stream and
 * snapshot URIs, snapshots, PTZ, events (PullPoint streams mapped to vp alarms by {@link
 * io.github.vpsdk.vp.onvif.CameraAlarms}), imaging, recording search and replay, relays and inputs,
 * over SOAP bindings generated at build time from the official ONVIF WSDLs.
 *
 * <p>Start with {@link io.github.vpsdk.vp.onvif.OnvifClient#create(OnvifConfig)}, then {@link
 * io.github.vpsdk.vp.onvif.OnvifClient#connect(java.net.URI, Credentials)}. Every network operation
 * returns a {@link java.util.concurrent.CompletableFuture} that fails with an {@link
 * io.github.vpsdk.vp.onvif.OnvifException}.
 */
@NullMarked
package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.NullMarked;
