/**
 * Ademco Contact ID (SIA DC-05): the {@code QEEE GG CCC} data of DC-09 {@code ADM-CID} frames and
 * the 16-digit DTMF message with its checksum.
 */
@NullMarked
package io.github.vpsdk.vp.protocols.cid;

import org.jspecify.annotations.NullMarked;
