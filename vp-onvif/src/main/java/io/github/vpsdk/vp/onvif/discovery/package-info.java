/**
 * WS-Discovery for ONVIF: find cameras on the local network ({@link
 * io.github.vpsdk.vp.onvif.discovery.OnvifDiscovery}), hear them come and go, and, for simulators
 * and gateways, answer as a device ({@link io.github.vpsdk.vp.onvif.discovery.DiscoveryResponder}).
 */
@NullMarked
package io.github.vpsdk.vp.onvif.discovery;

import org.jspecify.annotations.NullMarked;
