/**
 * Helpers of the {@code vp} command-line tool. Not part of the public API: these classes may
 * change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.internal.cli;

import org.jspecify.annotations.NullMarked;
