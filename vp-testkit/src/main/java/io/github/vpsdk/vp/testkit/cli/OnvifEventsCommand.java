package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.CameraAlarms;
import io.github.vpsdk.vp.onvif.CameraEvent;
import io.github.vpsdk.vp.onvif.EventStreamConfig;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifEventListener;
import io.github.vpsdk.vp.onvif.OnvifEventStream;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.PullPointSubscription;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vp onvif events ADDR}: streams the camera's events as JSON lines. */
@Command(
    name = "events",
    description = {
      "Subscribe to the camera's events (PullPoint, renewed and re-created on loss) and print one"
          + " JSON line per event: topic, operation, time, source, data, active, and alarm (vp code,"
          + " category, priority, restore, source, text) when vp maps the topic to an alarm.",
      "Runs until --for elapses, --max events were printed, or standard input closes (so"
          + " '< /dev/null' stops it at once: use --for). Failures the stream recovers from go to"
          + " standard error; a camera without an event service, or refusing the account, ends it"
          + " with status 1."
    },
    mixinStandardHelpOptions = true)
final class OnvifEventsCommand extends OnvifDeviceCommand {
  @Option(
      names = "--filter",
      paramLabel = "EXPR",
      description = "a ConcreteSet topic expression, e.g. 'tns1:RuleEngine//.|tns1:VideoSource//.' (default: every topic)")
  @Nullable String filter;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      converter = OnvifSupport.DurationConverter.class,
      description = "stop after this long, e.g. 30s (default: until stopped)")
  @Nullable Duration forDuration;

  @Option(names = "--max", paramLabel = "N", description = "stop after N events")
  @Nullable Long max;

  /** Where the end of input is watched; tests replace it. */
  InputStream input = System.in;

  /** The clock of the alarm mapping's reception times; tests may replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  String name() {
    return "events";
  }

  @Override
  @Nullable String checkOptions() {
    if (max != null && max < 1) {
      return "--max must be at least 1";
    }
    return null;
  }

  @Override
  int run(OnvifCamera camera, PrintWriter out, PrintWriter err) {
    if (camera.services().address(ServiceAddresses.EVENTS).isEmpty()) {
      throw new OnvifException(
          OnvifException.Kind.NOT_SUPPORTED, "the camera offers no event service", null, null);
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<OnvifException> fatal = new AtomicReference<>();
    AtomicBoolean subscribed = new AtomicBoolean();
    AtomicLong printed = new AtomicLong();
    String cameraId = camera.deviceAddress().getHost() + (camera.deviceAddress().getPort() < 0 ? "" : ":" + camera.deviceAddress().getPort());
    OnvifEventListener listener =
        new OnvifEventListener() {
          @Override
          public void onEvent(CameraEvent event) {
            if (done.getCount() == 0) {
              return;
            }
            long n = printed.incrementAndGet();
            if (max != null && n > max) {
              return;
            }
            synchronized (out) {
              JsonLines.write(out, line(event, cameraId, n));
            }
            if (max != null && n >= max) {
              done.countDown();
            }
          }

          @Override
          public void onSubscribed(PullPointSubscription subscription) {
            subscribed.set(true);
          }

          @Override
          public void onSubscriptionLost(OnvifException cause) {
            note(err, "subscription lost, subscribing again: " + cause.kind() + ": " + cause.getMessage());
          }

          @Override
          public void onError(OnvifException error) {
            if (!subscribed.get()
                && (error.kind() == OnvifException.Kind.NOT_SUPPORTED
                    || error.kind() == OnvifException.Kind.AUTHENTICATION)) {
              // nothing to wait for: the camera will not give a subscription
              fatal.compareAndSet(null, error);
              done.countDown();
              return;
            }
            note(err, "retrying after " + error.kind() + ": " + error.getMessage());
          }
        };
    EventStreamConfig config = EventStreamConfig.create(b -> b.topicFilter(OnvifSupport.blankToNull(filter)));
    Thread watcher = new Thread(() -> waitForEndOfInput(done), "vp-onvif-events-stdin");
    watcher.setDaemon(true);
    try (OnvifEventStream stream = camera.events().stream(config, listener)) {
      stream.start();
      watcher.start();
      try {
        if (forDuration != null) {
          done.await(forDuration.toMillis(), TimeUnit.MILLISECONDS);
        } else {
          done.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.countDown();
    }
    OnvifException f = fatal.get();
    if (f != null) {
      throw f;
    }
    return VpCli.EXIT_OK;
  }

  private Map<String, Object> line(CameraEvent event, String cameraId, long n) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("topic", event.topic());
    line.put("operation", event.operation().name());
    line.put("time", event.utcTime() == null ? null : event.utcTime().toString());
    line.put("source", event.source());
    line.put("data", event.data());
    line.put("active", event.active().orElse(null));
    Optional<SystemEvent> alarm =
        CameraAlarms.toAlarmEvent(event, cameraId, null, "onvif-" + n, clock.instant());
    if (alarm.isPresent()) {
      SystemEvent a = alarm.get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", a.code().name());
      m.put("category", a.category().name());
      m.put("priority", a.priority().name());
      m.put("restore", a.restore());
      m.put("source", a.source());
      m.put("text", a.text());
      line.put("alarm", m);
    }
    return line;
  }

  private static void note(PrintWriter err, String message) {
    synchronized (err) {
      err.println("vp onvif events: " + message);
      err.flush();
    }
  }

  private void waitForEndOfInput(CountDownLatch done) {
    byte[] buf = new byte[256];
    try {
      while (input.read(buf) >= 0) {
        // input is only watched for its end
      }
    } catch (IOException e) {
      // a broken input counts as closed
    }
    done.countDown();
  }
}
