/**
 * The JUnit 5 extension behind {@code @Property}. Not part of the public API: these classes may
 * change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.internal.property;

import org.jspecify.annotations.NullMarked;
