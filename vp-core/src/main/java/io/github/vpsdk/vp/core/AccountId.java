package io.github.vpsdk.vp.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity a panel reports under: its account number, qualified by the receiver number and
 * line (account) prefix when the transport carries them (the {@code R} and {@code L} fields of a
 * SIA DC-09 frame, the receiver and line numbers of a hardware receiver).
 *
 * <p>Accounts are kept as text: real panels send 3 to 16 characters, hexadecimal digits and
 * leading zeros that matter ({@code 0123} is not {@code 123}); a few send letters beyond {@code
 * F} ({@code FOC7688}), so any ASCII letter or digit is accepted and upper-cased. Receiver and
 * prefix are upper-case strings of the same characters without the {@code R}/{@code L} letter, or
 * {@code null} when absent.
 *
 * @param receiver the receiver number ({@code R} field), or {@code null}
 * @param prefix the account prefix or line ({@code L} field), or {@code null}
 * @param account the account number, 1 to 16 ASCII letters or digits
 */
public record AccountId(@Nullable String receiver, @Nullable String prefix, String account) {

  /** The most characters an account may have. */
  public static final int MAX_ACCOUNT_LENGTH = 16;

  /** Validates and normalises to upper case. */
  public AccountId {
    Objects.requireNonNull(account, "account");
    account = checkText(account, "account", MAX_ACCOUNT_LENGTH);
    if (account.isEmpty()) {
      throw new IllegalArgumentException("account is empty");
    }
    receiver = receiver == null ? null : checkText(receiver, "receiver", 6);
    prefix = prefix == null ? null : checkText(prefix, "prefix", 6);
  }

  /**
   * An account with neither receiver nor prefix.
   *
   * @param account the account number
   * @return the account identity
   */
  public static AccountId of(String account) {
    return new AccountId(null, null, account);
  }

  /**
   * An account with its receiver and prefix.
   *
   * @param receiver the receiver number, or {@code null}
   * @param prefix the account prefix, or {@code null}
   * @param account the account number
   * @return the account identity
   */
  public static AccountId of(@Nullable String receiver, @Nullable String prefix, String account) {
    return new AccountId(receiver, prefix, account);
  }

  /**
   * The form used in logs and on screens: {@code R1-L2-#1234}, leaving out absent parts.
   *
   * @return the display form
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (receiver != null) {
      sb.append('R').append(receiver).append('-');
    }
    if (prefix != null) {
      sb.append('L').append(prefix).append('-');
    }
    return sb.append('#').append(account).toString();
  }

  private static String checkText(String value, String what, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " longer than " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!ok) {
        throw new IllegalArgumentException(
            what + " must be ASCII letters or digits, found '" + (c < 0x20 || c > 0x7e ? '?' : c) + "'");
      }
    }
    return value.toUpperCase(java.util.Locale.ROOT);
  }
}
