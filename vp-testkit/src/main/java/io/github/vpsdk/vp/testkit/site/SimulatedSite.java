package io.github.vpsdk.vp.testkit.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a simulated site around each test: the scenario is read from the class path, a vp
 * receiver is started on loopback ({@link ReceivedEvents}) unless {@link #receiver()} is off, the
 * site starts in virtual time, and the test receives what it declares as parameters: {@link
 * Site}, {@link ReceivedEvents}, {@link Scenario}. Everything stops after the test, even when it
 * fails.
 *
 * <pre>{@code
 * @SimulatedSite("scenarios/shop.yaml")
 * @Test
 * void everyAlarmIsAcknowledged(Site site, ReceivedEvents centre) throws Exception {
 *   SiteOutcome outcome = site.runToEnd();
 *   SiteAssertions.assertThat(outcome).allAcknowledgedWithin(Duration.ofSeconds(2));
 *   assertThat(centre.codes()).contains("1130/3");
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedSiteExtension.class)
public @interface SimulatedSite {
  /**
   * The scenario's class-path resource.
   *
   * @return such as {@code "scenarios/shop.yaml"}
   */
  String value();

  /**
   * Whether to start a vp receiver for the site; when off, the scenario must name its receivers.
   *
   * @return {@code true} by default
   */
  boolean receiver() default true;

  /**
   * Whether the site runs in virtual time (the default) or real time.
   *
   * @return {@code true} by default
   */
  boolean virtualTime() default true;

  /**
   * How long (milliseconds) a panel waits for an answer before sending again.
   *
   * @return 2 000 by default
   */
  long ackTimeoutMillis() default 2000;
}
