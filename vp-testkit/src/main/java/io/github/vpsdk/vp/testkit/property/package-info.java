/**
 * Seeded property tests without extra dependencies: {@link io.github.vpsdk.vp.testkit.property.Gen}
 * generators and their {@link io.github.vpsdk.vp.testkit.property.Gens factories}, the JUnit 5
 * {@link io.github.vpsdk.vp.testkit.property.Property @Property} annotation that runs a method many
 * times with reproducible seeds, byte {@link io.github.vpsdk.vp.testkit.property.Mutations
 * mutations} for codec robustness tests, and {@link io.github.vpsdk.vp.testkit.property.CoreGens
 * generators} for the vp-core model.
 *
 * <p>A property test:
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void accountsRoundTrip(PropertyRandom random) {
 *   AccountId account = CoreGens.accountIds().sample(random);
 *   assertThat(parse(account.toString())).isEqualTo(account);
 * }
 * }</pre>
 *
 * <p>When a try fails, the error names the seed and the flags that replay that try alone, such as
 * {@code -Dvp.seed=-4962768465676381896 -Dvp.tries=1}. See {@code docs/testing.md}.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.property;

import org.jspecify.annotations.NullMarked;
