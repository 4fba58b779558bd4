/** JMH benchmarks of vp. Not published. */
@NullMarked
package io.github.vpsdk.vp.benchmarks;

import org.jspecify.annotations.NullMarked;
