package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PropertyOperation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many streams of one client on the shared timer ({@link EventScheduler#system()}) and the
 * client's pool, against a fake that holds pulls like a real camera: every event is delivered
 * once, every stream keeps its own subscription (told apart by its reference parameter), and
 * closing unsubscribes them all.
 */
class ManyStreamsTest {
  static final int STREAMS = 20;

  @Test
  void manyStreamsShareTheTimerAndThePool() {
    try (FakeEventCamera fake = new FakeEventCamera(Clock.systemUTC()).start();
        OnvifClient client =
            OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      fake.holdPulls = true;
      fake.extendOnPull = true;
      OnvifCamera camera = client.connect(fake.cam.deviceUri(), Credentials.of("operator", "pw")).join();
      AtomicInteger delivered = new AtomicInteger();
      List<OnvifEventStream> streams = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < STREAMS; i++) {
        streams.add(
            camera
                .events()
                .stream(
                    EventStreamConfig.create(b -> b.pullTimeout(Duration.ofSeconds(1))),
                    e -> delivered.incrementAndGet())
                .start());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> fake.subscriptions.size() == STREAMS);
      long subscribedMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("ManyStreamsTest: " + STREAMS + " streams subscribed in " + subscribedMs + " ms");
      for (int i = 0; i < 100; i++) {
        fake.queue("tns1:VideoSource/MotionAlarm", PropertyOperation.CHANGED,
            Map.of("Source", "VS" + i), Map.of("State", "true"));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == 100);
      assertThat(streams).allMatch(s -> s.stats().subscriptions() == 1 && s.stats().losses() == 0);
      streams.forEach(OnvifEventStream::close);
      await().atMost(Duration.ofSeconds(60)).until(fake.subscriptions::isEmpty);
      assertThat(delivered.get()).isEqualTo(100);
    }
  }
}
