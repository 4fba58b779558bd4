/**
 * Receiving alarms: the sink events are handed to before they are acknowledged, supervision of
 * reporting accounts, and (with the DC-09 codec) the receiver itself.
 */
@NullMarked
package io.github.vpsdk.vp.protocols.receiver;

import org.jspecify.annotations.NullMarked;
