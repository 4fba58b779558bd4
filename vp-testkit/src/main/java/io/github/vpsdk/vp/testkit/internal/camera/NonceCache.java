package io.github.vpsdk.vp.testkit.internal.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonces of accepted UsernameTokens, to refuse a replayed token. Entries older than the token
 * window are dropped (a replay of them fails the Created check anyway), and the cache never holds
 * more than its capacity (the oldest go first), so a frozen test clock cannot make it grow.
 */
public final class NonceCache {
  private final int capacity;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  /**
   * Creates a cache.
   *
   * @param capacity most nonces kept
   */
  public NonceCache(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Records a nonce unless already seen.
   *
   * @param nonce the nonce text
   * @param created the token's Created time
   * @param now the camera time
   * @param window the token window
   * @return true if new, false for a replay
   */
  public synchronized boolean add(String nonce, Instant created, Instant now, Duration window) {
    Instant oldest = now.minus(window);
    for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (!e.getValue().isBefore(oldest)) {
        break; // insertion order is close to time order; good enough for a bound
      }
      it.remove();
    }
    if (seen.containsKey(nonce)) {
      return false;
    }
    seen.put(nonce, created);
    while (seen.size() > capacity) {
      Iterator<String> it = seen.keySet().iterator();
      it.next();
      it.remove();
    }
    return true;
  }

  /** Forgets every nonce. */
  public synchronized void clear() {
    seen.clear();
  }

  /**
   * How many nonces are kept.
   *
   * @return the size
   */
  public synchronized int size() {
    return seen.size();
  }
}
