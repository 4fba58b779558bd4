package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SurGardAutomationSender}.
 *
 * @param endpoint listen for the automation package, or connect to it
 * @param receiverNumber the receiver number written in every packet, two digits ({@code 01})
 * @param lineNumber the line number, one digit (MLR2 form {@code 5RRL}) or three (System III and
 *     IP receivers, {@code 5RRLLL})
 * @param format how events are written
 * @param completion when {@link SurGardAutomationSender#send} (and the sink) completes
 * @param catalogue the catalogue, to address zones or users and to translate codes between SIA
 *     and Contact ID
 * @param clock the clock
 * @param scheduler the timers, or {@code null} for a thread of the sender's own
 * @param ackTimeout how long to wait for the automation's ACK (Sur-Gard: 4 s)
 * @param retransmissions how many times an unacknowledged packet is sent again before the sender
 *     holds its queue (Sur-Gard MLR2: 3)
 * @param heartbeatInterval the idle time after which a heartbeat is sent (Sur-Gard: 30 s)
 * @param queueCapacity the most packets waiting; beyond it {@code send} is refused
 * @param reconnectMin the first reconnection delay in connect mode
 * @param reconnectMax the longest reconnection delay
 */
public record SurGardSenderConfig(
    SurGardEndpoint endpoint,
    String receiverNumber,
    String lineNumber,
    Format format,
    Completion completion,
    EventCatalogue catalogue,
    Clock clock,
    @Nullable LinkScheduler scheduler,
    Duration ackTimeout,
    int retransmissions,
    Duration heartbeatInterval,
    int queueCapacity,
    Duration reconnectMin,
    Duration reconnectMax) {

  /** How events are written. */
  public enum Format {
    /** Contact ID events as protocol 5 (or Q), SIA events as protocol S: as they came. */
    AS_RECEIVED,
    /** Contact ID whenever the catalogue can translate the code, else as received. */
    CONTACT_ID,
    /** SIA whenever the catalogue can translate the code, else as received. */
    SIA
  }

  /** When a send completes. */
  public enum Completion {
    /**
     * When the automation acknowledged the packet: the caller (a DC-09 receiver's sink) answers its
     * own peer only once the event is downstream.
     */
    ACKNOWLEDGED,
    /**
     * When the packet is queued (in memory): faster, but a queued packet is lost if the process
     * stops before the automation acknowledges it.
     */
    QUEUED
  }

  /** Validates. */
  public SurGardSenderConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(completion, "completion");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(clock, "clock");
    if (!receiverNumber.matches("[0-9]{2}")) {
      throw new IllegalArgumentException("receiver number must be two digits");
    }
    if (!lineNumber.matches("[0-9]|[0-9]{3}")) {
      throw new IllegalArgumentException("line number must be one or three digits");
    }
    for (Duration d : new Duration[] {ackTimeout, heartbeatInterval, reconnectMin, reconnectMax}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnectMax is shorter than reconnectMin");
    }
    if (retransmissions < 0 || queueCapacity < 1) {
      throw new IllegalArgumentException("retransmissions must not be negative and queueCapacity positive");
    }
  }

  /**
   * Settings built in one expression.
   *
   * @param configure sets the builder's fields
   * @return the settings
   */
  public static SurGardSenderConfig create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /** Builds {@link SurGardSenderConfig}s. */
  public static final class Builder {
    private SurGardEndpoint endpoint = new SurGardEndpoint.Listen(new InetSocketAddress("127.0.0.1", 0));
    private String receiverNumber = "01";
    private String lineNumber = "1";
    private Format format = Format.AS_RECEIVED;
    private Completion completion = Completion.ACKNOWLEDGED;
    private EventCatalogue catalogue = EventCatalogue.defaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable LinkScheduler scheduler;
    private Duration ackTimeout = Duration.ofSeconds(4);
    private int retransmissions = 3;
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private int queueCapacity = 1000;
    private Duration reconnectMin = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofSeconds(60);

    private Builder() {}

    /** @param endpoint listen or connect (default: listen on 127.0.0.1, any port) @return this builder */
    public Builder endpoint(SurGardEndpoint endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** @param number two digits (default {@code 01}) @return this builder */
    public Builder receiverNumber(String number) {
      this.receiverNumber = number;
      return this;
    }

    /** @param number one or three digits (default {@code 1}) @return this builder */
    public Builder lineNumber(String number) {
      this.lineNumber = number;
      return this;
    }

    /** @param format how events are written (default as received) @return this builder */
    public Builder format(Format format) {
      this.format = format;
      return this;
    }

    /** @param completion when a send completes (default when acknowledged) @return this builder */
    public Builder completion(Completion completion) {
      this.completion = completion;
      return this;
    }

    /** @param catalogue the catalogue (default: vp's) @return this builder */
    public Builder catalogue(EventCatalogue catalogue) {
      this.catalogue = catalogue;
      return this;
    }

    /** @param clock the clock @return this builder */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** @param scheduler the timers (default: a daemon thread of the sender's own) @return this builder */
    public Builder scheduler(@Nullable LinkScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** @param timeout the ACK timeout (default 4 s) @return this builder */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    /** @param count retransmissions before holding (default 3) @return this builder */
    public Builder retransmissions(int count) {
      this.retransmissions = count;
      return this;
    }

    /** @param interval idle time before a heartbeat (default 30 s) @return this builder */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = interval;
      return this;
    }

    /** @param capacity the most packets waiting (default 1000) @return this builder */
    public Builder queueCapacity(int capacity) {
      this.queueCapacity = capacity;
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

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public SurGardSenderConfig build() {
      return new SurGardSenderConfig(endpoint, receiverNumber, lineNumber, format, completion, catalogue, clock,
          scheduler, ackTimeout, retransmissions, heartbeatInterval, queueCapacity, reconnectMin, reconnectMax);
    }
  }
}
