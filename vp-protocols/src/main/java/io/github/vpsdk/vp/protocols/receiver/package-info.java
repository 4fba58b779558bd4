/**
 * Receiving alarms: the sink events are handed to before they are acknowledged, supervision of
 * reporting accounts, and the receivers themselves: SIA DC-09 ({@link
 * io.github.vpsdk.vp.protocols.receiver.Dc09Receiver}) and Osborne-Hoffman ({@link
 * io.github.vpsdk.vp.protocols.receiver.OsborneHoffmanReceiver}).
 */
@NullMarked
package io.github.vpsdk.vp.protocols.receiver;

import org.jspecify.annotations.NullMarked;
