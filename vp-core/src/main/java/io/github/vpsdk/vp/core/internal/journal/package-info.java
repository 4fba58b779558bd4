/**
 * The journal's storage engine: segment files, the line format, the writer thread with group
 * commit, verification and Ed25519 checkpoint signatures.
 *
 * <p>Not part of the public API: these classes may change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.core.internal.journal;

import org.jspecify.annotations.NullMarked;
