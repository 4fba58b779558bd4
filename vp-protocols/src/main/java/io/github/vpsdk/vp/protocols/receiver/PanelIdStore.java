package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.AccountId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an {@link OsborneHoffmanReceiver} keeps the identifier it gave each OH panel, for the
 * panel-substitution check: a panel that reports another identifier than the one it was given is
 * probably another panel put in its place. Keyed by the panel account (receiver, line, system
 * account).
 *
 * <p>Called on network threads: implementations answer from memory (a database-backed store
 * keeps a cache) and are thread-safe.
 */
public interface PanelIdStore {

  /**
   * The identifier given to a panel.
   *
   * @param panel the panel account
   * @return the identifier, or empty if the panel was never given one
   */
  Optional<Long> get(AccountId panel);

  /**
   * Records the identifier of a panel.
   *
   * @param panel the panel account
   * @param id the identifier, 32 bits
   */
  void put(AccountId panel, long id);

  /**
   * Forgets a panel's identifier: the next heartbeat of the account is accepted as a new panel
   * (an operator confirms a panel replaced on purpose).
   *
   * @param panel the panel account
   */
  void remove(AccountId panel);

  /**
   * A store in memory, lost when the process stops (after a restart panels are learnt again from
   * their heartbeats).
   *
   * @return a new empty store
   */
  static PanelIdStore inMemory() {
    Map<AccountId, Long> ids = new ConcurrentHashMap<>();
    return new PanelIdStore() {
      @Override
      public Optional<Long> get(AccountId panel) {
        return Optional.ofNullable(ids.get(panel));
      }

      @Override
      public void put(AccountId panel, long id) {
        ids.put(panel, id);
      }

      @Override
      public void remove(AccountId panel) {
        ids.remove(panel);
      }
    };
  }
}
