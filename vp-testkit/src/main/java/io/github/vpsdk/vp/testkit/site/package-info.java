/**
 * A simulated site of alarm panels that speaks DC-09 to real receivers over real sockets, follows
 * a scenario's timeline in virtual or real time, injects the faults of the field, and records
 * everything it sent and received.
 *
 * <ul>
 *   <li>{@link io.github.vpsdk.vp.testkit.site.Scenario}: the site and its timeline, from a YAML or
 *       JSON document or a Java builder;
 *   <li>{@link io.github.vpsdk.vp.testkit.site.Site}: a running site, its {@link
 *       io.github.vpsdk.vp.testkit.site.SimulatedPanel}s and its {@link
 *       io.github.vpsdk.vp.testkit.site.SiteOutcome};
 *   <li>{@link io.github.vpsdk.vp.testkit.site.SimulatedSite} and {@link
 *       io.github.vpsdk.vp.testkit.site.SimulatedSiteExtension}: JUnit 5 support;
 *   <li>{@link io.github.vpsdk.vp.testkit.site.SiteAssertions}: AssertJ assertions on an outcome.
 * </ul>
 *
 * <p>See {@code docs/testkit-site.md}.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.site;

import org.jspecify.annotations.NullMarked;
