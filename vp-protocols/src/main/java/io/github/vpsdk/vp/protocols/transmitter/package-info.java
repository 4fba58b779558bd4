/**
 * The panel side of DC-09: a transmitter that sends events to a receiver, waits for the
 * acknowledgement, retries, fails over to a backup path and back, and sends link tests; and the
 * panel side of an Osborne-Hoffman session ({@link
 * io.github.vpsdk.vp.protocols.transmitter.OsborneHoffmanTransmitter}).
 */
@NullMarked
package io.github.vpsdk.vp.protocols.transmitter;

import org.jspecify.annotations.NullMarked;
