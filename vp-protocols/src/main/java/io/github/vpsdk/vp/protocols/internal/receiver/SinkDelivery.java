package io.github.vpsdk.vp.protocols.internal.receiver;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How every receiver (DC-09, Osborne-Hoffman, the Sur-Gard link) hands events to its sink: one
 * after the other, in order; directly on the calling thread for a {@linkplain EventSink#nonBlocking()
 * non-blocking} sink, on the delivery executor otherwise; failed when the sink does not finish in
 * time.
 */
public final class SinkDelivery {
  private SinkDelivery() {}

  /**
   * Delivers events in order.
   *
   * @param sink the sink
   * @param events the events
   * @param executor where a blocking sink runs
   * @param timeout how long the whole delivery may take
   * @param afterEach run after each event is delivered
   * @return completes when the sink has every event, or fails
   */
  public static CompletableFuture<Void> deliverAll(
      EventSink sink, List<? extends AlarmEvent> events, Executor executor, Duration timeout, Runnable afterEach) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (AlarmEvent event : events) {
      chain = sink.nonBlocking()
          ? chain.thenCompose(x -> sink.deliver(event).toCompletableFuture())
          : chain.thenComposeAsync(x -> sink.deliver(event).toCompletableFuture(), executor);
      chain = chain.thenRun(afterEach);
    }
    return chain.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
