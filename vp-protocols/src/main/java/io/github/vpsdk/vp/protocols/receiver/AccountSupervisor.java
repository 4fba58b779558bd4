package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.SystemEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tracks when each account was last heard from and raises supervision-loss events, and their
 * restores, as {@link SystemEvent}s. Pure bookkeeping driven by an injected {@link Clock}: the
 * receiver calls {@link #heard} for every frame it accepts from an account and {@link #check}
 * periodically; tests advance the clock instead of sleeping.
 *
 * <p>A loss is raised once per silence: {@link #check} reports an account the first time it is
 * overdue and not again until it has been heard and gone silent anew. When a lost account is heard
 * again, {@link #heard} returns the restore.
 *
 * <p>Accounts the centre expects but has not heard since start can be registered with {@link
 * #expect}, so that a panel that never comes up is reported too.
 *
 * <p>Event identifiers are derived from the account and the time ({@code sup-<account>-<epoch
 * ms>-lost|restored}), so they are stable across a replay with the same clock.
 *
 * <p>Thread-safe.
 */
public final class AccountSupervisor {

  private final Clock clock;
  private final SupervisionPolicy policy;
  private final Map<AccountId, State> states = new HashMap<>();

  private static final class State {
    Instant lastHeard;
    boolean heardOnce;
    boolean lost;

    State(Instant lastHeard, boolean heardOnce) {
      this.lastHeard = lastHeard;
      this.heardOnce = heardOnce;
    }
  }

  /**
   * Creates a supervisor.
   *
   * @param clock the clock
   * @param policy the intervals
   */
  public AccountSupervisor(Clock clock, SupervisionPolicy policy) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Registers an account expected to report, counting its interval from now.
   *
   * @param account the account
   */
  public synchronized void expect(AccountId account) {
    states.computeIfAbsent(account, a -> new State(clock.instant(), false));
  }

  /**
   * Records traffic from an account.
   *
   * @param account the account heard from
   * @return the supervision-restore event if the account had been reported lost
   */
  public synchronized Optional<SystemEvent> heard(AccountId account) {
    Instant now = clock.instant();
    State state = states.get(account);
    if (state == null) {
      states.put(account, new State(now, true));
      return Optional.empty();
    }
    state.lastHeard = now;
    state.heardOnce = true;
    if (state.lost) {
      state.lost = false;
      return Optional.of(
          SystemEvent.supervisionRestored(id(account, now, "restored"), account, now));
    }
    return Optional.empty();
  }

  /**
   * Reports the accounts that have gone silent for longer than their interval plus the grace
   * margin since the last check.
   *
   * @return the new supervision-loss events, possibly none
   */
  public synchronized List<SystemEvent> check() {
    Instant now = clock.instant();
    List<SystemEvent> losses = new ArrayList<>();
    for (Map.Entry<AccountId, State> entry : states.entrySet()) {
      State state = entry.getValue();
      if (state.lost) {
        continue;
      }
      Optional<Duration> interval = policy.intervalOf(entry.getKey());
      if (interval.isEmpty()) {
        continue;
      }
      Instant deadline = state.lastHeard.plus(interval.get()).plus(policy.grace());
      if (now.isAfter(deadline)) {
        state.lost = true;
        losses.add(
            SystemEvent.supervisionLost(
                id(entry.getKey(), now, "lost"),
                entry.getKey(),
                now,
                state.heardOnce ? state.lastHeard : null));
      }
    }
    losses.sort((a, b) -> String.valueOf(a.account()).compareTo(String.valueOf(b.account())));
    return losses;
  }

  /**
   * When an account was last heard from.
   *
   * @param account the account
   * @return the time, or empty if never
   */
  public synchronized Optional<Instant> lastHeard(AccountId account) {
    State state = states.get(account);
    return state == null || !state.heardOnce ? Optional.empty() : Optional.of(state.lastHeard);
  }

  /**
   * Whether an account is currently reported lost.
   *
   * @param account the account
   * @return {@code true} if lost
   */
  public synchronized boolean isLost(AccountId account) {
    State state = states.get(account);
    return state != null && state.lost;
  }

  /**
   * The earliest time at which {@link #check} may report a new loss, to schedule the next check.
   *
   * @return the next deadline, or {@code null} if no supervised account can be lost
   */
  public synchronized @Nullable Instant nextDeadline() {
    Instant next = null;
    for (Map.Entry<AccountId, State> entry : states.entrySet()) {
      Optional<Duration> interval = policy.intervalOf(entry.getKey());
      if (entry.getValue().lost || interval.isEmpty()) {
        continue;
      }
      Instant deadline = entry.getValue().lastHeard.plus(interval.get()).plus(policy.grace());
      if (next == null || deadline.isBefore(next)) {
        next = deadline;
      }
    }
    return next;
  }

  private static String id(AccountId account, Instant at, String what) {
    return "sup-" + account + "-" + at.toEpochMilli() + "-" + what;
  }
}
