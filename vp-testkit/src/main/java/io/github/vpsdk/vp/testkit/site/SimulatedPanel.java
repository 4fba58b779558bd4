package io.github.vpsdk.vp.testkit.site;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.transmitter.Dc09Transmitter;
import io.github.vpsdk.vp.protocols.transmitter.TransmitterConfig;
import io.github.vpsdk.vp.protocols.transmitter.TransmitterGroup;
import io.github.vpsdk.vp.protocols.transmitter.TransmitterListener;
import io.github.vpsdk.vp.testkit.internal.site.FaultProxy;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One simulated alarm panel of a running {@link Site}: people arm and disarm it, its zones trip
 * and restore, it reports technical events, and the field breaks its link on demand. Each report
 * is a DC-09 event sent by a {@link Dc09Transmitter} (in order, retried, falling over to the
 * backup path); each method returns a future that completes when the receiver acknowledged the
 * report (or at once when the action reports nothing, such as a burglary zone tripping while its
 * partition is disarmed). Thread-safe.
 */
public final class SimulatedPanel {
  private final PanelSpec spec;
  private final Site site;
  private final Dc09Transmitter transmitter;
  private final @Nullable FaultProxy[] proxies;
  private final Set<Integer> armed = ConcurrentHashMap.newKeySet();
  private final Set<Integer> alarmed = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<Site.EventState> inTransmission = new ArrayDeque<>();
  private volatile Duration skew;
  private volatile boolean wrongKey;
  private volatile boolean frameInFlight;
  private final Clock clock;

  SimulatedPanel(PanelSpec spec, Site site, List<InetSocketAddress> paths, boolean withProxies, TransmitterGroup group,
      SiteOptions options) {
    this.spec = spec;
    this.site = site;
    this.skew = spec.clockSkew();
    this.clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return site.clock().instant().plus(skew);
      }
    };
    this.proxies = new FaultProxy[paths.size()];
    List<InetSocketAddress> targets = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      if (withProxies) {
        proxies[i] = new FaultProxy(paths.get(i), spec.udp(), site.proxyThreads(), options.seed() * 31 + spec.name().hashCode() + i);
        targets.add(proxies[i].address());
      } else {
        targets.add(paths.get(i));
      }
    }
    TransmitterConfig config = TransmitterConfig.create(b -> {
      b.path(targets.get(0), spec.pollInterval());
      if (targets.size() > 1) {
        b.path(targets.get(1), spec.backupPollInterval());
      }
      b.udp(spec.udp())
          .account(spec.account(), spec.receiverNumber(), spec.prefix())
          .key(spec.key())
          .clock(clock)
          .ackTimeout(options.ackTimeout())
          .retries(options.attemptsPerPath(), options.retryBackoff(), options.retryBackoff().multipliedBy(8),
              options.retryPrimaryAfter())
          .group(group)
          .listener(new Recorder());
    });
    this.transmitter = Dc09Transmitter.start(config);
  }

  /** @return the panel's name */
  public String name() {
    return spec.name();
  }

  /** @return the panel's description */
  public PanelSpec spec() {
    return spec;
  }

  /** @return the panel's clock: the site's plus its skew */
  public Clock clock() {
    return clock;
  }

  /**
   * Whether a partition is armed.
   *
   * @param partition the partition
   * @return {@code true} if armed
   */
  public boolean armed(int partition) {
    return armed.contains(partition);
  }

  /**
   * Arms a partition (reports a closing by the user).
   *
   * @param user the user number
   * @param partition the partition
   * @return completes once acknowledged
   */
  public CompletableFuture<Void> arm(int user, int partition) {
    armed.add(partition);
    return report(spec.format() == PanelFormat.SIA_DCS ? sia(partition, "CL", user) : cid(3, 401, partition, user), null);
  }

  /**
   * Disarms a partition (reports an opening by the user).
   *
   * @param user the user number
   * @param partition the partition
   * @return completes once acknowledged
   */
  public CompletableFuture<Void> disarm(int user, int partition) {
    armed.remove(partition);
    return report(spec.format() == PanelFormat.SIA_DCS ? sia(partition, "OP", user) : cid(1, 401, partition, user), null);
  }

  /**
   * Trips a zone: an alarm unless it is a burglary zone of a disarmed partition.
   *
   * @param zone the zone number
   * @param sees what the zone's camera sees, or {@code null}
   * @return completes once acknowledged, or at once if nothing is reported
   */
  public CompletableFuture<Void> trip(int zone, @Nullable String sees) {
    ZoneSpec z = spec.zone(zone);
    if (!z.type().twentyFourHour() && !armed.contains(z.partition())) {
      return CompletableFuture.completedFuture(null);
    }
    alarmed.add(zone);
    return report(spec.format() == PanelFormat.SIA_DCS ? sia(z.partition(), z.type().siaAlarm(), zone)
        : cid(1, z.type().contactId(), z.partition(), zone), sees);
  }

  /**
   * Restores a zone: reports the restore if the zone had reported its trip.
   *
   * @param zone the zone number
   * @return completes once acknowledged, or at once if nothing is reported
   */
  public CompletableFuture<Void> restore(int zone) {
    ZoneSpec z = spec.zone(zone);
    if (!alarmed.remove(zone)) {
      return CompletableFuture.completedFuture(null);
    }
    return report(spec.format() == PanelFormat.SIA_DCS ? sia(z.partition(), z.type().siaRestore(), zone)
        : cid(3, z.type().contactId(), z.partition(), zone), null);
  }

  /**
   * Reports a panel-level technical event.
   *
   * @param kind which
   * @return completes once acknowledged
   */
  public CompletableFuture<Void> technical(SiteAction.TechnicalKind kind) {
    String sia;
    int qualifier;
    int cid;
    switch (kind) {
      case TAMPER: sia = "TA"; qualifier = 1; cid = 137; break;
      case TAMPER_RESTORE: sia = "TR"; qualifier = 3; cid = 137; break;
      case AC_LOSS: sia = "AT"; qualifier = 1; cid = 301; break;
      case AC_RESTORE: sia = "AR"; qualifier = 3; cid = 301; break;
      case LOW_BATTERY: sia = "YT"; qualifier = 1; cid = 302; break;
      case BATTERY_RESTORE: sia = "YR"; qualifier = 3; cid = 302; break;
      default: sia = "RP"; qualifier = 1; cid = 602; break;
    }
    return report(spec.format() == PanelFormat.SIA_DCS ? sia(0, sia, 0) : cid(qualifier, cid, 0, 0), null);
  }

  /**
   * Queues {@code count} reports of a zone at once, alternately trip and restore (an alarm flood),
   * whatever the arming state.
   *
   * @param zone the zone number
   * @param count how many reports
   * @return completes once all are acknowledged
   */
  public CompletableFuture<Void> flood(int zone, int count) {
    ZoneSpec z = spec.zone(zone);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean trip = i % 2 == 0;
      all.add(report(spec.format() == PanelFormat.SIA_DCS
          ? sia(z.partition(), trip ? z.type().siaAlarm() : z.type().siaRestore(), zone)
          : cid(trip ? 1 : 3, z.type().contactId(), z.partition(), zone), null));
    }
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
  }

  /**
   * Sends a data block as it is, for reports the methods above do not make.
   *
   * @param token {@code SIA-DCS} or {@code ADM-CID}
   * @param data the data block's content, such as {@code #1234|1130 01 003}
   * @return completes once acknowledged
   */
  public CompletableFuture<Void> send(String token, String data) {
    return report(token, data, null);
  }

  // ------------------------------------------------------------------ faults

  /** @param count how many of the receiver's next answers to swallow */
  public void dropAnswers(int count) {
    for (FaultProxy p : proxies()) {
      p.dropAnswers(count);
    }
  }

  /** @param delay how late the receiver's answers arrive, zero for on time */
  public void delayAnswers(Duration delay) {
    for (FaultProxy p : proxies()) {
      p.delayAnswers(delay);
    }
  }

  /** @param percent the share of UDP datagrams lost, both ways */
  public void udpLoss(int percent) {
    for (FaultProxy p : proxies()) {
      p.udpLoss(percent);
    }
  }

  /** @param cut cut the primary path, or restore it */
  public void cutPrimary(boolean cut) {
    proxies()[0].cut(cut);
  }

  /** @param newSkew how far the panel's clock is from the site's from now on */
  public void clockSkew(Duration newSkew) {
    this.skew = newSkew;
  }

  /**
   * Encrypts with a wrong key from now on (a plain panel starts encrypting with a key the
   * receiver does not know), or with the right one (or in clear) again.
   *
   * @param wrong whether the key is wrong
   */
  public void wrongKey(boolean wrong) {
    this.wrongKey = wrong;
    if (wrong) {
      byte[] bytes = new byte[16];
      new SecureRandom().nextBytes(bytes);
      StringBuilder hex = new StringBuilder();
      for (byte x : bytes) {
        hex.append(String.format(Locale.ROOT, "%02X", x));
      }
      transmitter.rekey(Dc09Key.fromHex(hex.toString()));
    } else {
      transmitter.rekey(spec.key());
    }
  }

  /** @return whether the panel encrypts with a wrong key */
  public boolean hasWrongKey() {
    return wrongKey;
  }

  private FaultProxy[] proxies() {
    for (FaultProxy p : proxies) {
      if (p == null) {
        throw new IllegalStateException("panel " + spec.name() + " runs without fault proxies: name it in a fault step of"
            + " the scenario, or start the site with SiteOptions faultProxies");
      }
    }
    return proxies;
  }

  // ------------------------------------------------------------------ internals

  boolean idle() {
    return !frameInFlight;
  }

  CompletableFuture<@Nullable Duration> wake() {
    return transmitter.wake();
  }

  void close() {
    transmitter.close();
    for (FaultProxy p : proxies) {
      if (p != null) {
        p.close();
      }
    }
  }

  private String sia(int partition, String code, int address) {
    return (partition > 0 ? "#" + spec.account() + "|Nri" + partition + "/" : "#" + spec.account() + "|N")
        + code + String.format(Locale.ROOT, "%03d", address);
  }

  private String cid(int qualifier, int event, int partition, int address) {
    return String.format(Locale.ROOT, "#%s|%d%03d %02d %03d", spec.account(), qualifier, event, partition, address);
  }

  private CompletableFuture<Void> report(String data, @Nullable String sees) {
    return report(spec.format() == PanelFormat.SIA_DCS ? Dc09Message.SIA_DCS : Dc09Message.ADM_CID, data, sees);
  }

  private CompletableFuture<Void> report(String token, String data, @Nullable String sees) {
    Site.EventState state = site.queued(this, data, sees);
    synchronized (inTransmission) {
      inTransmission.add(state);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    transmitter.send(token, data).whenComplete((ack, failure) -> {
      synchronized (inTransmission) {
        inTransmission.remove(state);
      }
      if (failure == null) {
        site.settled(state, EventRecord.Status.ACKNOWLEDGED);
        done.complete(null);
      } else {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        boolean refused = cause instanceof VpException && ((VpException) cause).reason() == VpException.Reason.REFUSED
            && String.valueOf(cause.getMessage()).contains("DUH");
        site.settled(state, refused ? EventRecord.Status.REFUSED : EventRecord.Status.FAILED);
        done.completeExceptionally(cause);
      }
    });
    return done;
  }

  /** Feeds the site's record, and counts attempts against the event in transmission. */
  private final class Recorder implements TransmitterListener {
    @Override
    public void sent(Dc09Message message, int path, int attempt) {
      if (!message.token().equals(Dc09Message.NULL)) {
        Site.EventState head;
        synchronized (inTransmission) {
          head = inTransmission.peek();
        }
        if (head != null) {
          site.attempted(head, path);
        }
      }
      frameInFlight = true;
      site.frame(new FrameRecord(site.clock().instant(), spec.name(), FrameRecord.Kind.SENT, token(message),
          message.sequence(), path, attempt, null, null, ""));
    }

    @Override
    public void answered(Dc09Message message, Dc09Message answer, int path, Duration latency) {
      if (!answer.token().equals(Dc09Message.NAK)) { // a NAK is followed by a failed attempt
        frameInFlight = false;
      }
      site.frame(new FrameRecord(site.clock().instant(), spec.name(), FrameRecord.Kind.ANSWERED, token(message),
          message.sequence(), path, 0, answer.token(), latency, ""));
    }

    @Override
    public void attemptFailed(Dc09Message message, int path, String reason) {
      frameInFlight = false;
      site.frame(new FrameRecord(site.clock().instant(), spec.name(), FrameRecord.Kind.FAILED, token(message),
          message.sequence(), path, 0, null, null, reason));
    }

    private String token(Dc09Message m) {
      return (m.encrypted() ? "*" : "") + m.token();
    }
  }

  @Override
  public String toString() {
    return "SimulatedPanel[" + spec.name() + ", account " + spec.account() + "]";
  }
}
