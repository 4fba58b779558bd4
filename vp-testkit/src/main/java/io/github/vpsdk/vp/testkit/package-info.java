/**
 * Test support for alarm-centre software: seeded generators for property tests, a simulated site,
 * JUnit 5 extensions, and the {@code vp} command-line tool.
 */
@NullMarked
package io.github.vpsdk.vp.testkit;

import org.jspecify.annotations.NullMarked;
