package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link Dc09Receiver}. Build with {@link #create(Consumer)}; only the sink is
 * required.
 *
 * @param bindAddress where to listen; TCP and UDP share the port (default 127.0.0.1, port 0 = any
 *     free port; a production receiver sets its address and port)
 * @param tcp whether to accept TCP (default true)
 * @param udp whether to accept UDP (default true)
 * @param tls the TLS context for TCP, or {@code null} for plain TCP (default); UDP is never TLS
 * @param keys the AES keys by account (default none)
 * @param strict refuse departures from the DC-09 standard (default lenient: accept what real
 *     panels send)
 * @param sink where events go before they are acknowledged (required)
 * @param catalogue the code catalogue (default {@link EventCatalogue#defaults()})
 * @param clock the clock for reception times, the timestamp window and supervision (default UTC
 *     system clock)
 * @param maxPast how old an encrypted message's timestamp may be (default 40 s, as DC-09
 *     suggests)
 * @param maxFuture how far ahead an encrypted message's timestamp may be (default 20 s)
 * @param checkPlainTimestamps also apply the window to plain messages that carry a timestamp
 *     (default false: the standard does not require it and many panel clocks drift)
 * @param idleTimeout a TCP connection silent this long is closed (default 10 min)
 * @param maxConnections the most TCP connections at once (default 20 000)
 * @param maxConnectionsPerSource the most TCP connections from one IP address (default 256)
 * @param maxFramesPerSecondPerSource frames per second one IP address may send before further
 *     frames are dropped unanswered, so the panel retries later (default 200)
 * @param sinkTimeout how long a delivery may take before the frame goes unacknowledged (default
 *     10 s)
 * @param duplicateWindow how long a delivered message is remembered, to acknowledge its retries
 *     without delivering them again (default 5 min)
 * @param duplicateCapacity how many delivered messages are remembered at most (default 100 000)
 * @param supervision the supervision intervals (default none)
 * @param supervisionCheckInterval how often silent accounts are looked for (default 1 s)
 * @param ioThreads network threads (default: the number of available processors). They decode,
 *     decrypt and hand events to a non-blocking sink such as the journal's, so under load the
 *     receiver is CPU-bound and one thread per core is what lets it use the machine; connections
 *     are spread over the threads, each connection staying on one thread
 * @param listener notified of frames, refusals and acknowledgements (default none)
 */
public record ReceiverConfig(
    InetSocketAddress bindAddress,
    boolean tcp,
    boolean udp,
    @Nullable SSLContext tls,
    Dc09Keys keys,
    boolean strict,
    EventSink sink,
    EventCatalogue catalogue,
    Clock clock,
    Duration maxPast,
    Duration maxFuture,
    boolean checkPlainTimestamps,
    Duration idleTimeout,
    int maxConnections,
    int maxConnectionsPerSource,
    int maxFramesPerSecondPerSource,
    Duration sinkTimeout,
    Duration duplicateWindow,
    int duplicateCapacity,
    SupervisionPolicy supervision,
    Duration supervisionCheckInterval,
    int ioThreads,
    ReceiverListener listener) {

  /** Validates. */
  public ReceiverConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (!tcp && !udp) {
      throw new IllegalArgumentException("enable TCP, UDP or both");
    }
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(supervision, "supervision");
    Objects.requireNonNull(listener, "listener");
    for (Duration d : new Duration[] {maxPast, maxFuture, idleTimeout, sinkTimeout, duplicateWindow, supervisionCheckInterval}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (maxConnections < 1 || maxConnectionsPerSource < 1 || maxFramesPerSecondPerSource < 1 || duplicateCapacity < 1 || ioThreads < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Settings built in one expression.
   *
   * @param configure sets the builder's fields; {@link Builder#sink} is required
   * @return the settings
   */
  public static ReceiverConfig create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /** Builds {@link ReceiverConfig}s. */
  public static final class Builder {
    private InetSocketAddress bindAddress = new InetSocketAddress("127.0.0.1", 0);
    private boolean tcp = true;
    private boolean udp = true;
    private @Nullable SSLContext tls;
    private Dc09Keys keys = Dc09Keys.none();
    private boolean strict;
    private @Nullable EventSink sink;
    private EventCatalogue catalogue = EventCatalogue.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration maxPast = Duration.ofSeconds(40);
    private Duration maxFuture = Duration.ofSeconds(20);
    private boolean checkPlainTimestamps;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private int maxConnections = 20_000;
    private int maxConnectionsPerSource = 256;
    private int maxFramesPerSecondPerSource = 200;
    private Duration sinkTimeout = Duration.ofSeconds(10);
    private Duration duplicateWindow = Duration.ofMinutes(5);
    private int duplicateCapacity = 100_000;
    private SupervisionPolicy supervision = SupervisionPolicy.none();
    private Duration supervisionCheckInterval = Duration.ofSeconds(1);
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private ReceiverListener listener = new ReceiverListener() {};

    private Builder() {}

    /** @param address where to listen @return this builder */
    public Builder bindAddress(InetSocketAddress address) {
      this.bindAddress = address;
      return this;
    }

    /** @param port the port (0: any free port) on 127.0.0.1 @return this builder */
    public Builder port(int port) {
      this.bindAddress = new InetSocketAddress(bindAddress.getAddress(), port);
      return this;
    }

    /** @param enabled accept TCP @return this builder */
    public Builder tcp(boolean enabled) {
      this.tcp = enabled;
      return this;
    }

    /** @param enabled accept UDP @return this builder */
    public Builder udp(boolean enabled) {
      this.udp = enabled;
      return this;
    }

    /** @param context TLS for TCP, or {@code null} @return this builder */
    public Builder tls(@Nullable SSLContext context) {
      this.tls = context;
      return this;
    }

    /** @param keys the AES keys @return this builder */
    public Builder keys(Dc09Keys keys) {
      this.keys = keys;
      return this;
    }

    /** @param strict refuse non-standard frames @return this builder */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** @param sink where events go (required) @return this builder */
    public Builder sink(EventSink sink) {
      this.sink = sink;
      return this;
    }

    /** @param catalogue the code catalogue @return this builder */
    public Builder catalogue(EventCatalogue catalogue) {
      this.catalogue = catalogue;
      return this;
    }

    /** @param clock the clock @return this builder */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the timestamp window of encrypted messages.
     *
     * @param past how old a timestamp may be
     * @param future how far ahead it may be
     * @return this builder
     */
    public Builder timestampWindow(Duration past, Duration future) {
      this.maxPast = past;
      this.maxFuture = future;
      return this;
    }

    /** @param check also check plain messages' timestamps @return this builder */
    public Builder checkPlainTimestamps(boolean check) {
      this.checkPlainTimestamps = check;
      return this;
    }

    /** @param timeout idle TCP connections are closed after this @return this builder */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Sets the connection limits.
     *
     * @param total the most TCP connections
     * @param perSource the most from one IP address
     * @return this builder
     */
    public Builder maxConnections(int total, int perSource) {
      this.maxConnections = total;
      this.maxConnectionsPerSource = perSource;
      return this;
    }

    /** @param frames frames per second one IP address may send @return this builder */
    public Builder maxFramesPerSecondPerSource(int frames) {
      this.maxFramesPerSecondPerSource = frames;
      return this;
    }

    /** @param timeout the longest a delivery may take @return this builder */
    public Builder sinkTimeout(Duration timeout) {
      this.sinkTimeout = timeout;
      return this;
    }

    /**
     * Sets duplicate suppression.
     *
     * @param window how long a delivered message is remembered
     * @param capacity how many at most
     * @return this builder
     */
    public Builder duplicates(Duration window, int capacity) {
      this.duplicateWindow = window;
      this.duplicateCapacity = capacity;
      return this;
    }

    /** @param policy supervision intervals @return this builder */
    public Builder supervision(SupervisionPolicy policy) {
      this.supervision = policy;
      return this;
    }

    /** @param interval how often to look for silent accounts @return this builder */
    public Builder supervisionCheckInterval(Duration interval) {
      this.supervisionCheckInterval = interval;
      return this;
    }

    /** @param threads network threads @return this builder */
    public Builder ioThreads(int threads) {
      this.ioThreads = threads;
      return this;
    }

    /** @param listener the listener @return this builder */
    public Builder listener(ReceiverListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public ReceiverConfig build() {
      return new ReceiverConfig(bindAddress, tcp, udp, tls, keys, strict, Objects.requireNonNull(sink, "sink"),
          catalogue, clock, maxPast, maxFuture, checkPlainTimestamps, idleTimeout, maxConnections,
          maxConnectionsPerSource, maxFramesPerSecondPerSource, sinkTimeout, duplicateWindow, duplicateCapacity,
          supervision, supervisionCheckInterval, ioThreads, listener);
    }
  }
}
