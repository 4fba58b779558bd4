package io.github.vpsdk.vp.testkit.site;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A vp receiver on loopback that keeps every event it receives in memory, for tests that want
 * the other end of a simulated site: started by {@link SimulatedSiteExtension} (or by hand),
 * accepting the keys of a scenario's panels, with a timestamp window wide enough for virtual time
 * and no per-source limits (every simulated panel comes from 127.0.0.1).
 */
public final class ReceivedEvents implements AutoCloseable {
  private final List<AlarmEvent> events = new ArrayList<>();
  private final Dc09Receiver receiver;

  private ReceivedEvents(Scenario scenario, Consumer<ReceiverConfig.Builder> more) {
    Map<String, Dc09Key> keys = new HashMap<>();
    for (PanelSpec p : scenario.panels()) {
      if (p.key() != null) {
        keys.put(p.account(), p.key());
      }
    }
    EventSink sink = new EventSink() {
      @Override
      public CompletionStage<Void> deliver(AlarmEvent event) {
        synchronized (events) {
          events.add(event);
          events.notifyAll();
        }
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public boolean nonBlocking() {
        return true;
      }
    };
    this.receiver = Dc09Receiver.start(ReceiverConfig.create(c -> {
      c.bindAddress(new InetSocketAddress("127.0.0.1", 0))
          .sink(sink)
          .keys(Dc09Keys.of(keys, null))
          .timestampWindow(Duration.ofDays(3650), Duration.ofDays(3650))
          // every simulated panel comes from 127.0.0.1: the per-source limits would throttle a flood
          .maxConnections(100_000, 100_000)
          .maxFramesPerSecondPerSource(Integer.MAX_VALUE);
      more.accept(c);
    }));
  }

  /**
   * Starts a receiver for a scenario's panels.
   *
   * @param scenario the scenario (its panels' keys are accepted)
   * @param more further settings, applied last
   * @return the running receiver
   */
  public static ReceivedEvents start(Scenario scenario, Consumer<ReceiverConfig.Builder> more) {
    return new ReceivedEvents(scenario, more);
  }

  /** @return where panels send */
  public InetSocketAddress address() {
    return receiver.localAddress();
  }

  /** @return the receiver itself, for its metrics */
  public Dc09Receiver receiver() {
    return receiver;
  }

  /** @return the events received so far, in order */
  public List<AlarmEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * The panel events' codes with their zone or user, such as {@code 1130/3} or {@code BA/3}.
   *
   * @return one string per panel event, in order
   */
  public List<String> codes() {
    List<String> out = new ArrayList<>();
    for (AlarmEvent e : events()) {
      if (e instanceof PanelEvent) {
        PanelEvent p = (PanelEvent) e;
        out.add(p.code().text() + "/" + (p.zone() != null ? p.zone() : p.user() != null ? p.user() : ""));
      }
    }
    return out;
  }

  /**
   * Waits until at least {@code count} events have arrived.
   *
   * @param count how many
   * @param timeout the longest wait
   * @return {@code true} if they arrived
   */
  public boolean await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (events.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(events, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public void close() {
    receiver.close();
  }
}
