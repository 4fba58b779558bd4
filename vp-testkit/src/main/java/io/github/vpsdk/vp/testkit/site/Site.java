package io.github.vpsdk.vp.testkit.site;

import io.github.vpsdk.vp.protocols.transmitter.TransmitterGroup;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import io.github.vpsdk.vp.testkit.internal.site.SiteClock;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated site: the panels of a {@link Scenario} connected to real receivers over
 * real sockets, its timeline, and the record of everything that happened ({@link #outcome()}).
 *
 * <p><b>Virtual time</b> ({@link SiteOptions.Builder#virtualTime}): the site clock moves only when
 * told. {@link #advance} and {@link #runToEnd} jump it from one point of the timeline to the next
 * (and to each panel's link-test times), run what is due there, and wait until every event queued
 * so far is settled before going on, so a ten-minute scenario runs in the time its network
 * exchanges take, in the same order every time. Network timeouts and back-offs are real time
 * (the clock runs at real pace between jumps), so keep them short in tests.
 *
 * <p><b>Real time</b>: {@link #runToEnd} runs the timeline at its own pace on the calling thread.
 *
 * <p>Close the site to stop its panels and proxies.
 */
public final class Site implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Site.class);

  private final Scenario scenario;
  private final SiteOptions options;
  private final SiteClock clock;
  private final Instant start;
  private final TransmitterGroup transmitters;
  private final EventLoopGroup proxyThreads;
  private final Map<String, SimulatedPanel> panels = new LinkedHashMap<>();
  private final Map<String, SimulatedCamera> cameras = new LinkedHashMap<>();
  private final PriorityQueue<Occurrence> due = new PriorityQueue<>();
  private final List<FrameRecord> frames = Collections.synchronizedList(new ArrayList<>());
  private final List<EventState> events = Collections.synchronizedList(new ArrayList<>());
  private final Object settleLock = new Object();
  private int unsettled;
  private long order;
  private boolean closed;
  private Instant lastWake = Instant.EPOCH;
  private @Nullable Duration nextPanelWork;

  /** An event and its fate, as it goes. */
  static final class EventState {
    final String panel;
    final String account;
    final String data;
    final Instant queuedAt;
    final @Nullable String sees;
    final long queuedNanos = System.nanoTime();
    volatile EventRecord.Status status = EventRecord.Status.PENDING;
    volatile int attempts;
    volatile int lastPath = -1;
    volatile long latencyNanos = -1;

    EventState(String panel, String account, String data, Instant queuedAt, @Nullable String sees) {
      this.panel = panel;
      this.account = account;
      this.data = data;
      this.queuedAt = queuedAt;
      this.sees = sees;
    }

    EventRecord record() {
      return new EventRecord(panel, account, data, queuedAt, status, attempts, lastPath,
          latencyNanos < 0 ? null : Duration.ofNanos(latencyNanos), sees);
    }
  }

  private record Occurrence(Instant at, long order, TimelineStep step) implements Comparable<Occurrence> {
    @Override
    public int compareTo(Occurrence o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  private Site(Scenario scenario, SiteOptions options) {
    this.scenario = scenario;
    this.options = options;
    this.clock = options.virtualStart() != null ? SiteClock.virtual(options.virtualStart()) : SiteClock.real();
    InetSocketAddress primary = options.primary() != null ? options.primary() : scenario.primary();
    InetSocketAddress backup = options.backup() != null ? options.backup() : scenario.backup();
    if (primary == null) {
      throw new IllegalArgumentException("no receiver: the scenario names none and the options give none");
    }
    List<InetSocketAddress> paths = backup == null ? List.of(primary) : List.of(primary, backup);
    Set<String> faulty = new HashSet<>();
    boolean allFaulty = options.faultProxies();
    for (TimelineStep s : scenario.timeline()) {
      if (isFault(s.action())) {
        if (s.panel() == null) {
          allFaulty = true;
        } else {
          faulty.add(s.panel());
        }
      }
    }
    this.transmitters = TransmitterGroup.create(options.threads());
    this.proxyThreads = newProxyThreads();
    try {
      for (PanelSpec p : scenario.panels()) {
        panels.put(p.name(), new SimulatedPanel(p, this, paths, allFaulty || faulty.contains(p.name()), transmitters, options));
      }
      for (CameraSpec c : scenario.cameras()) {
        SimulatedCamera cam = SimulatedCamera.builder().name(c.name()).credentials(c.user(), c.password()).ptz(c.ptz())
            .clock(clock).clockSkew(c.clockSkew()).build();
        cameras.put(c.name(), cam);
        cam.start();
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    Instant virtualStart = options.virtualStart();
    clock.restart(); // starting panels and cameras took no virtual time
    this.start = virtualStart != null ? virtualStart : clock.instant();
    for (TimelineStep s : scenario.timeline()) {
      due.add(new Occurrence(start.plus(s.at()), order++, s));
    }
  }

  @SuppressWarnings("deprecation")
  private static EventLoopGroup newProxyThreads() {
    return new io.netty.channel.nio.NioEventLoopGroup(1, r -> {
      Thread t = new Thread(r, "vp-site-proxies");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts a site: its panels connect when they first have something to send.
   *
   * @param scenario the scenario
   * @param options how to run it
   * @return the running site
   */
  public static Site start(Scenario scenario, SiteOptions options) {
    return new Site(scenario, options);
  }

  private static boolean isFault(SiteAction a) {
    return a instanceof SiteAction.DropAcks || a instanceof SiteAction.DelayAcks || a instanceof SiteAction.UdpLoss
        || a instanceof SiteAction.PrimaryPath;
  }

  /** @return the scenario */
  public Scenario scenario() {
    return scenario;
  }

  /** @return the site's clock (virtual or real) */
  public Clock clock() {
    return clock;
  }

  /** @return how far the site is into its run */
  public Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  /**
   * A panel.
   *
   * @param name its name in the scenario
   * @return the panel
   * @throws IllegalArgumentException if there is no such panel
   */
  public SimulatedPanel panel(String name) {
    SimulatedPanel p = panels.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no panel named " + name);
    }
    return p;
  }

  /**
   * A simulated camera of the scenario.
   *
   * @param name its name
   * @return the running camera
   * @throws IllegalArgumentException if there is no such camera
   */
  public SimulatedCamera camera(String name) {
    SimulatedCamera c = cameras.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no camera named " + name);
    }
    return c;
  }

  /** @return the cameras, in the scenario's order */
  public Collection<SimulatedCamera> cameras() {
    return Collections.unmodifiableCollection(cameras.values());
  }

  /** @return the panels, in the scenario's order */
  public Collection<SimulatedPanel> panels() {
    return Collections.unmodifiableCollection(panels.values());
  }

  /**
   * Moves virtual time forward, running every step of the timeline (and every link test) that
   * falls due on the way, each settled before the next.
   *
   * @param by how far
   * @throws IllegalStateException on a real-time site
   */
  public void advance(Duration by) {
    if (!clock.isVirtual()) {
      throw new IllegalStateException("advance needs a site in virtual time");
    }
    Instant target = clock.instant().plus(by);
    while (true) {
      Instant next = nextWakePoint(target);
      clock.advanceTo(next);
      runDue(next);
      wakePanels();
      awaitSettled(options.settleTimeout());

      wakePanels(); // what the exchanges just done planned next (the next poll counts from them)
      if (!next.isBefore(target)) {
        return;
      }
    }
  }

  /**
   * Runs the scenario to its end ({@link Scenario#duration()} from the start) and waits until its
   * events are settled (at most {@link SiteOptions#settleTimeout()} more).
   *
   * @return the outcome
   * @throws InterruptedException if interrupted while running in real time
   */
  public SiteOutcome runToEnd() throws InterruptedException {
    Instant end = start.plus(scenario.duration());
    if (clock.isVirtual()) {
      Duration left = Duration.between(clock.instant(), end);
      if (!left.isNegative()) {
        advance(left);
      }
    } else {
      while (true) {
        Occurrence o;
        synchronized (due) {
          o = due.peek();
        }
        Instant now = clock.instant();
        if (o == null || o.at().isAfter(end)) {
          long wait = Duration.between(now, end).toMillis();
          if (wait > 0) {
            Thread.sleep(wait);
          }
          break;
        }
        long wait = Duration.between(now, o.at()).toMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        runDue(o.at());
      }
      awaitSettled(options.settleTimeout());
    }
    return outcome();
  }

  /**
   * Waits until every event queued so far is acknowledged, refused or failed.
   *
   * @param timeout the longest wait (real time)
   * @return {@code true} if all are settled
   */
  public boolean awaitSettled(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (settleLock) {
      while (unsettled > 0 || !panelsIdle()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("{} events still unsettled (or link tests unanswered) after {}", unsettled, timeout);
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(settleLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /**
   * What happened so far.
   *
   * @return a snapshot
   */
  public SiteOutcome outcome() {
    List<FrameRecord> f;
    synchronized (frames) {
      f = new ArrayList<>(frames);
    }
    List<EventRecord> e = new ArrayList<>();
    synchronized (events) {
      for (EventState s : events) {
        e.add(s.record());
      }
    }
    return new SiteOutcome(f, e);
  }

  private boolean panelsIdle() {
    for (SimulatedPanel p : panels.values()) {
      if (!p.idle()) {
        return false;
      }
    }
    return true;
  }

  private Instant nextWakePoint(Instant target) {
    Instant next = target;
    synchronized (due) {
      Occurrence o = due.peek();
      if (o != null && o.at().isBefore(next)) {
        next = o.at();
      }
    }
    Duration soonest = nextPanelWork;
    boolean quiet;
    synchronized (settleLock) {
      quiet = unsettled == 0;
    }
    // a panel's own plans (its next link test) are wake points only while nothing is pending:
    // retries run on real-time back-offs and must not drag virtual time along one by one
    if (soonest != null && quiet) {
      Instant panelsDue = lastWake.plus(soonest);
      if (panelsDue.isBefore(next)) {
        next = panelsDue;
      }
    }
    Instant now = clock.instant();
    return next.isBefore(now) ? now : next;
  }

  private void runDue(Instant upTo) {
    while (true) {
      Occurrence o;
      synchronized (due) {
        o = due.peek();
        if (o == null || o.at().isAfter(upTo)) {
          return;
        }
        due.poll();
        Duration every = o.step().every();
        if (every != null && !o.at().plus(every).isAfter(start.plus(scenario.duration()))) {
          due.add(new Occurrence(o.at().plus(every), order++, o.step()));
        }
      }
      execute(o.step());
    }
  }

  /** Wakes every panel; notes when the first of them next has something to do (a poll, a retry). */
  private void wakePanels() {
    List<CompletableFuture<@Nullable Duration>> woken = new ArrayList<>();
    for (SimulatedPanel p : panels.values()) {
      woken.add(p.wake());
    }
    lastWake = clock.instant();
    nextPanelWork = null;
    try {
      CompletableFuture.allOf(woken.toArray(new CompletableFuture<?>[0])).get(options.settleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      for (CompletableFuture<@Nullable Duration> w : woken) {
        Duration d = w.getNow(null);
        if (d != null && (nextPanelWork == null || d.compareTo(nextPanelWork) < 0)) {
          nextPanelWork = d;
        }
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn("panels did not wake in time: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs one action now on the panels it names, as the timeline would.
   *
   * @param panelName the panel, or {@code null} for all
   * @param action the action
   */
  public void execute(@Nullable String panelName, SiteAction action) {
    execute(new TimelineStep(Duration.ZERO, null, panelName, action));
  }

  private void execute(TimelineStep step) {
    if (step.action() instanceof SiteAction.CameraFault) {
      cameraFault((SiteAction.CameraFault) step.action());
      return;
    }
    if (step.action() instanceof SiteAction.CameraEvent) {
      SiteAction.CameraEvent e = (SiteAction.CameraEvent) step.action();
      camera(e.camera()).raise(e.event(), e.active());
      return;
    }
    List<SimulatedPanel> targets = step.panel() == null ? new ArrayList<>(panels.values()) : List.of(panel(step.panel()));
    log.debug("t+{} {} on {}", elapsed(), step.action(), step.panel() == null ? "all panels" : step.panel());
    for (SimulatedPanel p : targets) {
      SiteAction a = step.action();
      if (a instanceof SiteAction.Arm) {
        p.arm(((SiteAction.Arm) a).user(), ((SiteAction.Arm) a).partition());
      } else if (a instanceof SiteAction.Disarm) {
        p.disarm(((SiteAction.Disarm) a).user(), ((SiteAction.Disarm) a).partition());
      } else if (a instanceof SiteAction.Trip) {
        SiteAction.Trip trip = (SiteAction.Trip) a;
        if (trip.sees() != null) {
          showOnCameras(p.name(), trip.zone(), trip.sees());
        }
        p.trip(trip.zone(), trip.sees());
      } else if (a instanceof SiteAction.Restore) {
        showOnCameras(p.name(), ((SiteAction.Restore) a).zone(), "");
        p.restore(((SiteAction.Restore) a).zone());
      } else if (a instanceof SiteAction.Technical) {
        p.technical(((SiteAction.Technical) a).kind());
      } else if (a instanceof SiteAction.Flood) {
        p.flood(((SiteAction.Flood) a).zone(), ((SiteAction.Flood) a).count());
      } else if (a instanceof SiteAction.DropAcks) {
        p.dropAnswers(((SiteAction.DropAcks) a).count());
      } else if (a instanceof SiteAction.DelayAcks) {
        p.delayAnswers(((SiteAction.DelayAcks) a).delay());
      } else if (a instanceof SiteAction.UdpLoss) {
        p.udpLoss(((SiteAction.UdpLoss) a).percent());
      } else if (a instanceof SiteAction.PrimaryPath) {
        p.cutPrimary(((SiteAction.PrimaryPath) a).cut());
      } else if (a instanceof SiteAction.ClockSkew) {
        p.clockSkew(((SiteAction.ClockSkew) a).skew());
      } else if (a instanceof SiteAction.WrongKey) {
        p.wrongKey(((SiteAction.WrongKey) a).wrong());
      }
    }
  }

  private void cameraFault(SiteAction.CameraFault f) {
    SimulatedCamera c = camera(f.camera());
    Duration d = f.duration() != null ? f.duration() : Duration.ZERO;
    switch (f.kind()) {
      case OFFLINE:
        c.goOffline(io.github.vpsdk.vp.testkit.camera.OfflineMode.REFUSE);
        break;
      case ONLINE:
        c.goOnline();
        break;
      case REBOOT:
        c.reboot();
        break;
      case SLOW_SNAPSHOT:
        c.setSnapshotDelay(d);
        break;
      case FAILING_SNAPSHOT:
        c.setSnapshotFailing(true);
        break;
      case SNAPSHOT_OK:
        c.setSnapshotFailing(false);
        c.setSnapshotDelay(Duration.ZERO);
        break;
      case CLOCK_SKEW:
        c.setClockSkew(d);
        break;
      default:
        c.setScene(f.sees() != null ? f.sees() : "");
        break;
    }
  }

  private void showOnCameras(String panel, int zone, String scene) {
    for (CameraSpec c : scenario.cameras()) {
      if (c.sees(panel, zone)) {
        SimulatedCamera cam = cameras.get(c.name());
        cam.setScene(scene);
        cam.raise(io.github.vpsdk.vp.testkit.camera.CameraEventKind.MOTION, !scene.isEmpty());
      }
    }
  }

  // ------------------------------------------------------------------ called by the panels

  EventLoopGroup proxyThreads() {
    return proxyThreads;
  }

  EventState queued(SimulatedPanel panel, String data, @Nullable String sees) {
    EventState s = new EventState(panel.name(), panel.spec().account(), data, clock.instant(), sees);
    events.add(s);
    synchronized (settleLock) {
      unsettled++;
    }
    return s;
  }

  void attempted(EventState state, int path) {
    state.attempts++;
    state.lastPath = path;
  }

  void settled(EventState state, EventRecord.Status status) {
    if (status == EventRecord.Status.ACKNOWLEDGED) {
      state.latencyNanos = System.nanoTime() - state.queuedNanos;
    }
    state.status = status;
    synchronized (settleLock) {
      unsettled--;
      settleLock.notifyAll();
    }
  }

  void frame(FrameRecord record) {
    frames.add(record);
    if (record.kind() != FrameRecord.Kind.SENT) {
      synchronized (settleLock) {
        settleLock.notifyAll();
      }
    }
  }

  /** Stops the panels (events still queued fail) and the proxies. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SimulatedPanel p : panels.values()) {
      try {
        p.close();
      } catch (RuntimeException e) {
        log.warn("closing {} failed: {}", p, e.toString());
      }
    }
    for (SimulatedCamera c : cameras.values()) {
      try {
        c.close();
      } catch (RuntimeException e) {
        log.warn("closing {} failed: {}", c, e.toString());
      }
    }
    transmitters.close();
    proxyThreads.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  public String toString() {
    return "Site[" + scenario.name() + ", " + panels.size() + " panels, " + (clock.isVirtual() ? "virtual" : "real") + " time]";
  }
}
