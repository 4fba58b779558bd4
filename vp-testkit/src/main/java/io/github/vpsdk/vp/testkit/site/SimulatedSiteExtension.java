package io.github.vpsdk.vp.testkit.site;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link SimulatedSite}; also usable on its own, for a scenario built
 * in Java:
 *
 * <pre>{@code
 * @RegisterExtension
 * final SimulatedSiteExtension sites = SimulatedSiteExtension.of(() -> Scenario.builder("shop")...build());
 * }</pre>
 *
 * <p>Before each test it starts the receiver (unless disabled) and the site; after it, it closes
 * both, whatever the test's outcome. Resolves {@link Site}, {@link ReceivedEvents} and {@link
 * Scenario} parameters.
 */
public final class SimulatedSiteExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatedSiteExtension.class);

  private final @Nullable Supplier<Scenario> scenario;
  private final SiteOptions options;
  private final boolean withReceiver;

  /** Used by {@link SimulatedSite}: the scenario comes from the annotation. */
  public SimulatedSiteExtension() {
    this(null, null, true);
  }

  private SimulatedSiteExtension(@Nullable Supplier<Scenario> scenario, @Nullable SiteOptions options, boolean withReceiver) {
    this.scenario = scenario;
    this.options = options;
    this.withReceiver = withReceiver;
  }

  /**
   * An extension for a scenario built in code, with a vp receiver and virtual time.
   *
   * @param scenario makes the scenario (called before each test)
   * @return the extension
   */
  public static SimulatedSiteExtension of(Supplier<Scenario> scenario) {
    return new SimulatedSiteExtension(scenario, null, true);
  }

  /**
   * The same extension with other options; their receivers, if given, replace the vp receiver.
   *
   * @param siteOptions the options
   * @return a new extension
   */
  public SimulatedSiteExtension withOptions(SiteOptions siteOptions) {
    return new SimulatedSiteExtension(scenario, siteOptions, siteOptions.primary() == null && withReceiver);
  }

  /** State of one test, closed by JUnit after it. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final Scenario scenario;
    final @Nullable ReceivedEvents receiver;
    final Site site;

    Running(Scenario scenario, @Nullable ReceivedEvents receiver, Site site) {
      this.scenario = scenario;
      this.receiver = receiver;
      this.site = site;
    }

    @Override
    public void close() {
      try {
        site.close();
      } finally {
        if (receiver != null) {
          receiver.close();
        }
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<SimulatedSite> annotation = find(context.getElement()).or(() -> context.getTestClass().flatMap(SimulatedSiteExtension::find));
    Scenario sc;
    boolean receiver = withReceiver;
    boolean virtual = true;
    long ackTimeout = 2000;
    if (scenario != null) {
      sc = scenario.get();
    } else if (annotation.isPresent()) {
      SimulatedSite a = annotation.get();
      sc = Scenario.resource(a.value(), context.getRequiredTestClass().getClassLoader());
      receiver = a.receiver();
      virtual = a.virtualTime();
      ackTimeout = a.ackTimeoutMillis();
    } else {
      throw new IllegalStateException("SimulatedSiteExtension needs @SimulatedSite(\"scenario.yaml\") or SimulatedSiteExtension.of(...)");
    }
    ReceivedEvents centre = receiver ? ReceivedEvents.start(sc, c -> { }) : null;
    try {
      boolean virtualTime = virtual;
      long timeout = ackTimeout;
      SiteOptions base = options;
      SiteOptions o = SiteOptions.create(b -> {
        if (base != null) {
          b.ackTimeout(base.ackTimeout()).retryBackoff(base.retryBackoff()).attemptsPerPath(base.attemptsPerPath())
              .retryPrimaryAfter(base.retryPrimaryAfter()).settleTimeout(base.settleTimeout()).threads(base.threads())
              .seed(base.seed()).faultProxies(base.faultProxies()).virtualTime(base.virtualStart())
              .receivers(base.primary(), base.backup());
        } else {
          b.ackTimeout(Duration.ofMillis(timeout))
              .virtualTime(virtualTime ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : null);
        }
        if (centre != null) {
          b.receivers(centre.address(), null);
        }
      });
      Site site = Site.start(sc, o);
      context.getStore(NS).put(Running.class, new Running(sc, centre, site));
    } catch (RuntimeException e) {
      if (centre != null) {
        centre.close();
      }
      throw e;
    }
  }

  private static Optional<SimulatedSite> find(Optional<? extends AnnotatedElement> element) {
    return element.flatMap(SimulatedSiteExtension::find);
  }

  private static Optional<SimulatedSite> find(AnnotatedElement element) {
    return Optional.ofNullable(element.getAnnotation(SimulatedSite.class));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Running r = context.getStore(NS).remove(Running.class, Running.class);
    if (r != null) {
      r.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Site.class || type == ReceivedEvents.class || type == Scenario.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running r = context.getStore(NS).get(Running.class, Running.class);
    if (r == null) {
      throw new ParameterResolutionException("no simulated site is running for " + context.getDisplayName());
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == Site.class) {
      return r.site;
    }
    if (type == Scenario.class) {
      return r.scenario;
    }
    if (r.receiver == null) {
      throw new ParameterResolutionException("this site runs without a vp receiver (@SimulatedSite(receiver = false))");
    }
    return r.receiver;
  }
}
