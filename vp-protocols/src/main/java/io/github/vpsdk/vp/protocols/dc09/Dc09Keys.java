package io.github.vpsdk.vp.protocols.dc09;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the codec finds the key of an account: per-account keys and a receiver-wide default.
 * Accounts are compared without regard to case ({@code 1a2b} and {@code 1A2B} are one account).
 * Immutable.
 */
public final class Dc09Keys {
  private static final Dc09Keys NONE = new Dc09Keys(Map.of(), null);

  private final Map<String, Dc09Key> byAccount;
  private final @Nullable Dc09Key defaultKey;

  private Dc09Keys(Map<String, Dc09Key> byAccount, @Nullable Dc09Key defaultKey) {
    this.byAccount = Map.copyOf(byAccount);
    this.defaultKey = defaultKey;
  }

  /**
   * No keys: encrypted frames are refused.
   *
   * @return the empty key set
   */
  public static Dc09Keys none() {
    return NONE;
  }

  /**
   * Keys per account, with an optional default for accounts not listed.
   *
   * @param byAccount the keys by account number
   * @param defaultKey the key of every other account, or {@code null}
   * @return the key set
   */
  public static Dc09Keys of(Map<String, Dc09Key> byAccount, @Nullable Dc09Key defaultKey) {
    Map<String, Dc09Key> normalised = new HashMap<>();
    byAccount.forEach((k, v) -> normalised.put(k.toUpperCase(Locale.ROOT), v));
    return new Dc09Keys(normalised, defaultKey);
  }

  /**
   * The key of an account.
   *
   * @param account the account as the frame's header gave it
   * @return its key or the default key, if any
   */
  public Optional<Dc09Key> keyFor(String account) {
    Dc09Key key = byAccount.get(account.toUpperCase(Locale.ROOT));
    return Optional.ofNullable(key != null ? key : defaultKey);
  }

  @Override
  public String toString() {
    return "Dc09Keys[" + byAccount.size() + " accounts" + (defaultKey != null ? ", default key" : "") + "]";
  }
}
