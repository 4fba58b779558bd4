package io.github.vpsdk.vp.protocols.internal.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what was delivered recently, so that a panel's retry of a frame whose ACK it did not
 * get is acknowledged again but delivered once. Keys must describe the decrypted content (account,
 * token, sequence, data): retries of encrypted frames use a new pad, so raw bytes differ.
 *
 * <p>Each key holds a value, typically the delivery's future: a retry that arrives while the first
 * copy is still being stored must wait for that same delivery before it is acknowledged, never be
 * acknowledged on its own. When a delivery fails, {@link #forget} the key so the panel's next retry
 * is delivered.
 *
 * <p>Bounded twice: entries older than the window are forgotten, and when more than {@code
 * maxEntries} are remembered the oldest go first. Under a flood the effective window shrinks: a
 * late retry may then be delivered twice, never lost. Thread-safe.
 *
 * @param <V> the value kept per key
 */
public final class DuplicateWindow<V> {
  private final Duration window;
  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<Object, Entry<V>> seen = new LinkedHashMap<>();

  private static final class Entry<V> {
    final Instant at;
    final V value;

    Entry(Instant at, V value) {
      this.at = at;
      this.value = value;
    }
  }

  /**
   * Creates a window.
   *
   * @param window how long a key is remembered
   * @param maxEntries how many keys at most
   * @param clock the clock
   */
  public DuplicateWindow(Duration window, int maxEntries, Clock clock) {
    if (window.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("window must not be negative and maxEntries positive");
    }
    this.window = window;
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Claims a key for a first delivery.
   *
   * @param key the content key
   * @param value the value to keep if the key is new
   * @return {@code null} if the key was new (the caller delivers), or the value kept by the first
   *     claim within the window (the caller has a duplicate)
   */
  public synchronized @Nullable V claim(Object key, V value) {
    Instant now = clock.instant();
    expire(now);
    Entry<V> previous = seen.get(key);
    if (previous != null) {
      return previous.value;
    }
    seen.put(key, new Entry<>(now, value));
    while (seen.size() > maxEntries) {
      Iterator<Map.Entry<Object, Entry<V>>> it = seen.entrySet().iterator();
      it.next();
      it.remove();
    }
    return null;
  }

  /**
   * Forgets a key if it still holds a value, so that the key's next arrival is delivered.
   *
   * @param key the key
   * @param value the value the caller claimed it with
   */
  public synchronized void forget(Object key, V value) {
    Entry<V> entry = seen.get(key);
    if (entry != null && entry.value == value) {
      seen.remove(key);
    }
  }

  /**
   * How many keys are remembered.
   *
   * @return the count
   */
  public synchronized int size() {
    return seen.size();
  }

  private void expire(Instant now) {
    Instant oldest = now.minus(window);
    Iterator<Map.Entry<Object, Entry<V>>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Object, Entry<V>> e = it.next();
      if (e.getValue().at.isBefore(oldest)) {
        it.remove();
      } else {
        break; // insertion order is time order for a clock that does not go back
      }
    }
  }
}
