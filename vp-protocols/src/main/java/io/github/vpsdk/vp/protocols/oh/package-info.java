/**
 * The Osborne-Hoffman (OH) overlay, in pure Java: the protocol Aritech/ATS, Interlogix NetworX and
 * CSX75, UTC/Carrier and some Honeywell panels speak over TCP to an OH receiver. On connection the
 * receiver sends a 3DES session key ({@link io.github.vpsdk.vp.protocols.oh.OhKey}); every later
 * packet is 3DES-ECB with zero padding and carries a DC-09-like frame ({@code SIA-DCS}, {@code
 * ADM-CID}) or a heartbeat. {@link io.github.vpsdk.vp.protocols.oh.OhCodec} decodes and encodes
 * both directions of one session; {@link io.github.vpsdk.vp.protocols.oh.OhEvents} maps events to
 * vp-core events. No network here: see {@code OsborneHoffmanReceiver} and {@code
 * OsborneHoffmanTransmitter}.
 */
@NullMarked
package io.github.vpsdk.vp.protocols.oh;

import org.jspecify.annotations.NullMarked;
