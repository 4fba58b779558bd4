package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.internal.HealthTracker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the health of ONVIF cameras and raises vp {@link SystemEvent}s when it changes.
 *
 * <p>Every {@link MonitorConfig#interval()} each camera is polled, at most {@link
 * MonitorConfig#maxConcurrent()} at a time and never twice at once:
 *
 * <ol>
 *   <li><b>Reachability</b>: GetSystemDateAndTime (no credentials needed), or
 *       GetDeviceInformation if the camera refuses the first. A poll fails when the camera cannot
 *       be reached, times out, or answers something that is not SOAP; a SOAP fault still proves it
 *       is alive. After {@link MonitorConfig#failuresBeforeAlarm()} failures in a row the camera
 *       is lost ({@link #CAMERA_LOST}); its next answer restores it ({@link #CAMERA_RESTORED}).
 *   <li><b>Clock</b>: the camera's UTC time against {@link MonitorConfig#clock()}. Beyond the
 *       threshold: {@link #CAMERA_CLOCK_DRIFT}; back within half of it: {@link
 *       #CAMERA_CLOCK_RESTORED}. A drifting camera clock puts wrong times on recordings and breaks
 *       WS-Security tokens.
 *   <li><b>Snapshot</b> (optional): a JPEG of the first profile. After as many failures in a row:
 *       {@link #CAMERA_SNAPSHOT_FAILED}; the next success: {@link #CAMERA_SNAPSHOT_RESTORED}.
 * </ol>
 *
 * <p>Events are raised only when a state changes, all as {@link EventCategory#TROUBLE} with
 * source {@code camera:<id>}, and identifiers derived from camera, time and code ({@code
 * cam-<id>-<epoch ms>-<code>}), so a replay with the same clock gives the same events. The sink
 * is called one event at a time, on the thread that completed the poll: it must return quickly.
 *
 * <pre>{@code
 * CameraMonitor monitor = CameraMonitor.create(MonitorConfig.defaults(), journal::append);
 * monitor.add("hall-1", "site-42", camera);                        // a connected OnvifCamera
 * monitor.add("gate", "site-42", gateAddress, credentials, client); // connected on first poll
 * monitor.start();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the polls; it does not close the cameras or the client.
 */
public final class CameraMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CameraMonitor.class);

  /** Raised when a camera has failed {@code failuresBeforeAlarm} polls in a row. */
  public static final EventCode.Internal CAMERA_LOST = HealthTracker.CAMERA_LOST;
  /** Raised when a lost camera answers again (a restore). */
  public static final EventCode.Internal CAMERA_RESTORED = HealthTracker.CAMERA_RESTORED;
  /** Raised when a camera clock differs from the reference clock by more than the threshold. */
  public static final EventCode.Internal CAMERA_CLOCK_DRIFT = HealthTracker.CAMERA_CLOCK_DRIFT;
  /** Raised when a drifting camera clock is back within half the threshold (a restore). */
  public static final EventCode.Internal CAMERA_CLOCK_RESTORED = HealthTracker.CAMERA_CLOCK_RESTORED;
  /** Raised when snapshots have failed {@code failuresBeforeAlarm} times in a row. */
  public static final EventCode.Internal CAMERA_SNAPSHOT_FAILED = HealthTracker.CAMERA_SNAPSHOT_FAILED;
  /** Raised when snapshots work again (a restore). */
  public static final EventCode.Internal CAMERA_SNAPSHOT_RESTORED =
      HealthTracker.CAMERA_SNAPSHOT_RESTORED;

  private final MonitorConfig config;
  private final Consumer<SystemEvent> sink;
  private final TaskScheduler scheduler;
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final Map<String, Watched> cameras = new LinkedHashMap<>();
  private final ArrayDeque<Watched> queue = new ArrayDeque<>();
  private int inFlight;
  private TaskScheduler.@Nullable Cancellable timer;
  private boolean closed;
  private CompletableFuture<Void> lastRound = CompletableFuture.completedFuture(null);

  private CameraMonitor(MonitorConfig config, Consumer<SystemEvent> sink) {
    this.config = config;
    this.sink = sink;
    if (config.scheduler() == null) {
      ownedScheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vp-onvif-monitor");
                t.setDaemon(true);
                return t;
              });
      scheduler = TaskScheduler.of(ownedScheduler);
    } else {
      ownedScheduler = null;
      scheduler = config.scheduler();
    }
  }

  /**
   * Creates a monitor. It polls nothing until {@link #start()} or {@link #pollNow()}.
   *
   * @param config the settings
   * @param sink receives the events
   * @return the monitor
   */
  public static CameraMonitor create(MonitorConfig config, Consumer<SystemEvent> sink) {
    return new CameraMonitor(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Watches a connected camera.
   *
   * @param cameraId an identifier unique in this monitor (the site model's camera id)
   * @param siteId the site, carried on the events, or {@code null}
   * @param camera the camera
   * @throws IllegalArgumentException if the identifier is already watched
   */
  public void add(String cameraId, @Nullable String siteId, OnvifCamera camera) {
    Objects.requireNonNull(camera, "camera");
    add(
        new Watched(
            cameraId,
            siteId,
            camera.deviceAddress(),
            () -> CompletableFuture.completedFuture(camera),
            config));
  }

  /**
   * Watches a camera by address; it is connected on its first successful poll (so a camera that
   * is down when the monitor starts is reported like any other).
   *
   * @param cameraId an identifier unique in this monitor
   * @param siteId the site, carried on the events, or {@code null}
   * @param deviceAddress the device service address
   * @param credentials the camera account
   * @param client the client that connects it
   * @throws IllegalArgumentException if the identifier is already watched
   */
  public void add(
      String cameraId,
      @Nullable String siteId,
      URI deviceAddress,
      Credentials credentials,
      OnvifClient client) {
    Objects.requireNonNull(deviceAddress, "deviceAddress");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(client, "client");
    Watched[] self = new Watched[1];
    self[0] =
        new Watched(
            cameraId,
            siteId,
            deviceAddress,
            () -> {
              OnvifCamera c = self[0].connected;
              if (c != null) {
                return CompletableFuture.completedFuture(c);
              }
              return client
                  .connect(deviceAddress, credentials)
                  .thenApply(
                      cam -> {
                        self[0].connected = cam;
                        return cam;
                      });
            },
            config);
    add(self[0]);
  }

  private synchronized void add(Watched w) {
    if (cameras.containsKey(w.id)) {
      throw new IllegalArgumentException("camera already watched: " + w.id);
    }
    cameras.put(w.id, w);
  }

  /**
   * Stops watching a camera; a poll under way finishes without raising events.
   *
   * @param cameraId the identifier
   * @return whether it was watched
   */
  public synchronized boolean remove(String cameraId) {
    Watched w = cameras.remove(cameraId);
    if (w != null) {
      w.removed = true;
      queue.remove(w);
    }
    return w != null;
  }

  /**
   * The health of one camera.
   *
   * @param cameraId the identifier
   * @return its health, or empty if not watched
   */
  public synchronized Optional<CameraHealth> health(String cameraId) {
    Watched w = cameras.get(cameraId);
    return w == null ? Optional.empty() : Optional.of(w.health());
  }

  /**
   * The health of every watched camera, in the order they were added.
   *
   * @return the health by camera identifier
   */
  public synchronized Map<String, CameraHealth> health() {
    Map<String, CameraHealth> out = new LinkedHashMap<>();
    for (Watched w : cameras.values()) {
      out.put(w.id, w.health());
    }
    return out;
  }

  /** Starts polling every camera now and then every interval. */
  public synchronized void start() {
    if (closed || timer != null) {
      return;
    }
    timer = scheduler.schedule(Duration.ZERO, this::tick);
  }

  private void tick() {
    synchronized (this) {
      if (closed) {
        return;
      }
      timer = scheduler.schedule(config.interval(), this::tick);
    }
    CompletableFuture<Void> round = pollNow();
    synchronized (this) {
      lastRound = round;
    }
  }

  /** The round the timer started last (for tests in this package). */
  synchronized CompletableFuture<Void> lastRound() {
    return lastRound;
  }

  /**
   * Polls every camera now (those already being polled are not polled twice).
   *
   * @return completes when every camera of this round has been polled and its events raised
   */
  public CompletableFuture<Void> pollNow() {
    List<CompletableFuture<Void>> round = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.completedFuture(null);
      }
      for (Watched w : cameras.values()) {
        if (w.done == null) {
          w.done = new CompletableFuture<>();
          queue.add(w);
        }
        round.add(w.done);
      }
    }
    dispatch();
    return CompletableFuture.allOf(round.toArray(new CompletableFuture<?>[0]));
  }

  private void dispatch() {
    while (true) {
      Watched next;
      synchronized (this) {
        if (inFlight >= config.maxConcurrent() || queue.isEmpty()) {
          return;
        }
        next = queue.poll();
        inFlight++;
      }
      poll(next)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  LOG.warn("poll of camera {} failed unexpectedly", next.id, e);
                }
                CompletableFuture<Void> done;
                synchronized (this) {
                  inFlight--;
                  done = next.done;
                  next.done = null;
                }
                if (done != null) {
                  done.complete(null);
                }
                dispatch();
              });
    }
  }

  /** Stops the polls. Polls under way finish; cameras and clients stay open. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (timer != null) {
        timer.cancel();
      }
      queue.clear();
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ one poll

  private static final class Reach {
    final @Nullable OnvifCamera camera;
    final OnvifException.@Nullable Kind error;
    final @Nullable CameraTime time;

    Reach(@Nullable OnvifCamera camera, OnvifException.@Nullable Kind error, @Nullable CameraTime time) {
      this.camera = camera;
      this.error = error;
      this.time = time;
    }

    boolean reachable() {
      return error == null || !isOutage(error);
    }
  }

  private static boolean isOutage(OnvifException.Kind k) {
    return k == OnvifException.Kind.UNREACHABLE
        || k == OnvifException.Kind.TIMEOUT
        || k == OnvifException.Kind.PROTOCOL;
  }

  private static OnvifException.Kind kind(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof OnvifException
        ? ((OnvifException) t).kind()
        : OnvifException.Kind.PROTOCOL;
  }

  private CompletableFuture<Void> poll(Watched w) {
    CompletableFuture<Reach> reach;
    try {
      reach =
          w.camera
              .get()
              .handle(
                  (cam, e) -> {
                    if (e != null) {
                      return CompletableFuture.completedFuture(new Reach(null, kind(e), null));
                    }
                    return cam.systemDateAndTime()
                        .handle(
                            (t, te) -> {
                              if (te == null) {
                                return CompletableFuture.completedFuture(new Reach(cam, null, t));
                              }
                              OnvifException.Kind k = kind(te);
                              if (isOutage(k)) {
                                return CompletableFuture.completedFuture(new Reach(cam, k, null));
                              }
                              // the clock is refused (some cameras want credentials for it): ask another way
                              return cam.deviceInfo()
                                  .handle(
                                      (i, ie) ->
                                          new Reach(cam, ie == null ? null : kind(ie), null));
                            })
                        .thenCompose(f -> f);
                  })
              .thenCompose(f -> f);
    } catch (RuntimeException e) {
      reach = CompletableFuture.completedFuture(new Reach(null, kind(e), null));
    }
    return reach.thenCompose(
        r -> {
          Instant now = config.clock().instant();
          List<SystemEvent> events;
          boolean snapshot;
          synchronized (this) {
            if (w.removed || closed) {
              return CompletableFuture.completedFuture(null);
            }
            if (r.reachable()) {
              events =
                  w.tracker.answered(now, r.time == null ? null : r.time.cameraUtc(), r.error);
            } else {
              events = w.tracker.failed(now, Objects.requireNonNull(r.error));
            }
            snapshot = config.snapshotCheck() && r.reachable() && r.camera != null;
          }
          emit(events);
          if (!snapshot) {
            return CompletableFuture.completedFuture(null);
          }
          return snapshot(w, Objects.requireNonNull(r.camera));
        });
  }

  private CompletableFuture<Void> snapshot(Watched w, OnvifCamera cam) {
    CompletableFuture<Snapshot> shot;
    String token = w.profileToken;
    if (token != null) {
      shot = cam.snapshot(token);
    } else {
      shot =
          cam.profiles()
              .thenCompose(
                  ps -> {
                    if (ps.isEmpty()) {
                      throw new OnvifException(
                          OnvifException.Kind.NOT_SUPPORTED, "the camera has no media profile", null, null);
                    }
                    w.profileToken = ps.get(0).token();
                    return cam.snapshot(ps.get(0).token());
                  });
    }
    return shot.handle(
        (s, e) -> {
          Instant now = config.clock().instant();
          List<SystemEvent> events;
          synchronized (this) {
            if (w.removed || closed) {
              return null;
            }
            events = w.tracker.snapshot(now, e == null ? null : kind(e));
          }
          emit(events);
          return null;
        });
  }

  private void emit(List<SystemEvent> events) {
    for (SystemEvent e : events) {
      LOG.debug("{} {}", e.code().text(), e.source());
      try {
        synchronized (sink) {
          sink.accept(e);
        }
      } catch (RuntimeException ex) {
        LOG.warn("camera monitor sink failed on {}", e.id(), ex);
      }
    }
  }

  private interface CameraSource {
    CompletableFuture<OnvifCamera> get();
  }

  private static final class Watched {
    final String id;
    final CameraSource camera;
    final HealthTracker tracker;
    volatile @Nullable OnvifCamera connected;
    volatile @Nullable String profileToken;
    @Nullable CompletableFuture<Void> done;
    boolean removed;

    Watched(String id, @Nullable String siteId, URI address, CameraSource camera, MonitorConfig config) {
      this.id = Objects.requireNonNull(id, "cameraId");
      if (id.isBlank()) {
        throw new IllegalArgumentException("cameraId must not be blank");
      }
      this.camera = camera;
      this.tracker =
          new HealthTracker(
              id, siteId, address, config.failuresBeforeAlarm(), config.clockDriftThreshold());
    }

    CameraHealth health() {
      return tracker.health();
    }
  }
}
