/**
 * The Sur-Gard "SG automation" output of hardware receivers (MLR2, MLR2000, System I-5, and the
 * IP receivers that copy it): DC4-terminated packets carrying heartbeats, Contact ID and SIA
 * events, answered with ACK (0x06) or NAK (0x15). With it a console can sit behind an existing
 * receiver.
 */
@NullMarked
package io.github.vpsdk.vp.protocols.surgard;

import org.jspecify.annotations.NullMarked;
