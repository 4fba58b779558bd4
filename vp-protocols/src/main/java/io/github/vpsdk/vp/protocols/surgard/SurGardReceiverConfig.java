package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SurGardAutomationReceiver}.
 *
 * @param endpoint listen for the receiver, or connect to its automation port
 * @param sink where events go; a packet is acknowledged only once the sink has its events
 * @param catalogue the code catalogue
 * @param clock the clock (reception times, supervision, duplicate window)
 * @param scheduler the timers, or {@code null} for a thread of the link's own
 * @param name the link's name, in logs and as the source of its supervision events ({@code
 *     surgard:<name>})
 * @param supervisionTimeout silence after which the link is reported lost (heartbeats come every
 *     30 s by default, so 90 s is three missed heartbeats)
 * @param duplicateWindow how long a packet acknowledged is remembered to recognise its
 *     retransmission ({@code Duration.ZERO}: never suppress)
 * @param sinkTimeout the longest a delivery may take before it counts as failed
 * @param maxNaks how many times the same undecodable packet is refused with NAK before it is
 *     accepted as an undecoded-packet event, so that one bad packet cannot block the receiver's
 *     queue forever
 * @param reconnectMin the first reconnection delay in connect mode
 * @param reconnectMax the longest reconnection delay (the delay doubles after each failure)
 * @param maxConnections the most connections accepted at once in listen mode
 */
public record SurGardReceiverConfig(
    SurGardEndpoint endpoint,
    EventSink sink,
    EventCatalogue catalogue,
    Clock clock,
    @Nullable LinkScheduler scheduler,
    String name,
    Duration supervisionTimeout,
    Duration duplicateWindow,
    Duration sinkTimeout,
    int maxNaks,
    Duration reconnectMin,
    Duration reconnectMax,
    int maxConnections) {

  /** Validates. */
  public SurGardReceiverConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("name must be 1 to 64 characters");
    }
    for (Duration d : new Duration[] {supervisionTimeout, sinkTimeout, reconnectMin, reconnectMax}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (duplicateWindow.isNegative()) {
      throw new IllegalArgumentException("duplicate window must not be negative");
    }
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnectMax is shorter than reconnectMin");
    }
    if (maxNaks < 0 || maxConnections < 1) {
      throw new IllegalArgumentException("maxNaks must not be negative and maxConnections positive");
    }
  }

  /**
   * Settings built in one expression.
   *
   * @param configure sets the builder's fields; {@link Builder#sink} is required
   * @return the settings
   */
  public static SurGardReceiverConfig create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /** Builds {@link SurGardReceiverConfig}s. */
  public static final class Builder {
    private SurGardEndpoint endpoint = new SurGardEndpoint.Listen(new InetSocketAddress("127.0.0.1", 0));
    private @Nullable EventSink sink;
    private EventCatalogue catalogue = EventCatalogue.defaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable LinkScheduler scheduler;
    private String name = "surgard";
    private Duration supervisionTimeout = Duration.ofSeconds(90);
    private Duration duplicateWindow = Duration.ofMinutes(2);
    private Duration sinkTimeout = Duration.ofSeconds(10);
    private int maxNaks = 3;
    private Duration reconnectMin = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofSeconds(60);
    private int maxConnections = 8;

    private Builder() {}

    /** @param endpoint listen or connect (default: listen on 127.0.0.1, any port) @return this builder */
    public Builder endpoint(SurGardEndpoint endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** @param sink where events go (required) @return this builder */
    public Builder sink(EventSink sink) {
      this.sink = sink;
      return this;
    }

    /** @param catalogue the code catalogue (default: vp's) @return this builder */
    public Builder catalogue(EventCatalogue catalogue) {
      this.catalogue = catalogue;
      return this;
    }

    /** @param clock the clock (default: UTC system clock) @return this builder */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** @param scheduler the timers (default: a daemon thread of the link's own) @return this builder */
    public Builder scheduler(@Nullable LinkScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** @param name the link's name (default {@code surgard}) @return this builder */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** @param timeout silence before the link is reported lost (default 90 s) @return this builder */
    public Builder supervisionTimeout(Duration timeout) {
      this.supervisionTimeout = timeout;
      return this;
    }

    /** @param window how long an acknowledged packet is remembered (default 2 min) @return this builder */
    public Builder duplicateWindow(Duration window) {
      this.duplicateWindow = window;
      return this;
    }

    /** @param timeout the longest a delivery may take (default 10 s) @return this builder */
    public Builder sinkTimeout(Duration timeout) {
      this.sinkTimeout = timeout;
      return this;
    }

    /** @param naks NAKs of one undecodable packet before accepting it raw (default 3) @return this builder */
    public Builder maxNaks(int naks) {
      this.maxNaks = naks;
      return this;
    }

    /**
     * Sets the reconnection back-off of connect mode (default 1 s doubling to 60 s).
     *
     * @param min the first delay
     * @param max the longest delay
     * @return this builder
     */
    public Builder reconnect(Duration min, Duration max) {
      this.reconnectMin = min;
      this.reconnectMax = max;
      return this;
    }

    /** @param connections the most connections at once in listen mode (default 8) @return this builder */
    public Builder maxConnections(int connections) {
      this.maxConnections = connections;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public SurGardReceiverConfig build() {
      return new SurGardReceiverConfig(endpoint, Objects.requireNonNull(sink, "sink"), catalogue, clock, scheduler, name,
          supervisionTimeout, duplicateWindow, sinkTimeout, maxNaks, reconnectMin, reconnectMax, maxConnections);
    }
  }
}
