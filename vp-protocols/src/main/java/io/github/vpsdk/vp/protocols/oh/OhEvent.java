package io.github.vpsdk.vp.protocols.oh;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event frame: the DC-09-like frame an OH panel sends inside the 3DES overlay,
 *
 * <pre>{@code <LF>0101LLLL"SIA-DCS"0007R0075L0001[#001465|NRP000*'DECKERS'NM]7C9677F21948CC12|#001465<CR>}</pre>
 *
 * <p>The CRC field is always {@code 0101} and is not checked; the length counts the CRC and length
 * fields too. There is no account before the {@code [}: the account is only inside the data. After
 * the {@code ]} may come the panel identifier, encrypted with the session key and written as 16
 * hexadecimal digits, then {@code |#} and the system (transmitter) account, then {@code T} and the
 * Unix time in 8 hexadecimal digits. SIA data may end with the XSIA text {@code *'...'NM}.
 *
 * <p>Header fields are kept as the panel wrote them.
 *
 * @param token {@link #SIA_DCS} or {@link #ADM_CID} (or another token a panel used)
 * @param sequence the sequence field as written (4 hexadecimal digits normally)
 * @param receiver the {@code R} field without the letter, or {@code null} when absent
 * @param line the {@code L} field without the letter, or {@code null} when absent
 * @param account the account of the data block, without {@code #}
 * @param data the data after the {@code |}, without the XSIA text: {@code Nri01/NR001} or
 *     {@code 1150 04 261}
 * @param text the XSIA text between {@code *'} and {@code 'NM}, or {@code null}
 * @param panelId the panel identifier, decrypted, or {@code null} when the frame has none
 * @param systemAccount the system account after {@code |#}, or {@code null}
 * @param timestamp the panel time of the {@code T} field, or {@code null}
 */
public record OhEvent(
    String token,
    String sequence,
    @Nullable String receiver,
    @Nullable String line,
    String account,
    String data,
    @Nullable String text,
    @Nullable Long panelId,
    @Nullable String systemAccount,
    @Nullable Instant timestamp)
    implements OhMessage {

  /** SIA DC-03 data. */
  public static final String SIA_DCS = "SIA-DCS";
  /** Contact ID data. */
  public static final String ADM_CID = "ADM-CID";

  /** Validates. */
  public OhEvent {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(data, "data");
    if (token.isEmpty() || token.length() > 16 || !printable(token) || token.indexOf('"') >= 0 || token.startsWith("*")) {
      throw new IllegalArgumentException("invalid token");
    }
    if (!alnum(sequence, 1, 8) || (receiver != null && !alnum(receiver, 0, 8)) || (line != null && !alnum(line, 0, 8))) {
      throw new IllegalArgumentException("sequence, receiver and line are 1-8 letters or digits");
    }
    if (!alnum(account, 1, 16) || (systemAccount != null && !alnum(systemAccount, 1, 16))) {
      throw new IllegalArgumentException("accounts are 1-16 letters or digits");
    }
    if (!printable(data) || data.indexOf(']') >= 0 || data.indexOf('[') >= 0 || data.length() > 1024) {
      throw new IllegalArgumentException("data must be printable ASCII without brackets");
    }
    if (text != null && (!printable(text) || text.length() > 256 || text.contains("'NM"))) {
      throw new IllegalArgumentException("text must be printable ASCII, at most 256 characters");
    }
    if (panelId != null && (panelId < 0 || panelId > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("a panel identifier is 32 bits");
    }
    if (timestamp != null && (timestamp.getEpochSecond() < 0 || timestamp.getEpochSecond() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("an OH timestamp is 32-bit Unix time");
    }
  }

  /**
   * A SIA event as an ATS panel sends it.
   *
   * @param sequence the sequence number, 0 to 0xFFFF
   * @param receiver the receiver number (4 hexadecimal digits are written)
   * @param line the line number (4 hexadecimal digits are written)
   * @param account the account
   * @param data the SIA data, such as {@code Nri01/BA001}
   * @param text the XSIA text, or {@code null}
   * @return the event, without panel identifier, system account or time
   */
  public static OhEvent sia(int sequence, int receiver, int line, String account, String data, @Nullable String text) {
    return new OhEvent(SIA_DCS, hex4(sequence), hex4(receiver), hex4(line), account, data, text, null, null, null);
  }

  /**
   * A Contact ID event.
   *
   * @param sequence the sequence number, 0 to 0xFFFF
   * @param receiver the receiver number
   * @param line the line number
   * @param account the account
   * @param data the Contact ID data, such as {@code 1130 01 003}
   * @return the event, without panel identifier, system account or time
   */
  public static OhEvent contactId(int sequence, int receiver, int line, String account, String data) {
    return new OhEvent(ADM_CID, hex4(sequence), hex4(receiver), hex4(line), account, data, null, null, null, null);
  }

  /**
   * This event with the trailer an ATS panel adds.
   *
   * @param id the panel identifier (sent encrypted), or {@code null}
   * @param system the system account, or {@code null}
   * @param time the panel time (whole seconds are sent), or {@code null}
   * @return a copy
   */
  public OhEvent withTrailer(@Nullable Long id, @Nullable String system, @Nullable Instant time) {
    return new OhEvent(token, sequence, receiver, line, account, data, text, id, system, time);
  }

  /**
   * The account that identifies the panel: the system account when present, else the data
   * account. Supervision and the panel-identifier check use it.
   *
   * @return the account
   */
  public String panelAccount() {
    return systemAccount != null ? systemAccount : account;
  }

  static String hex4(int n) {
    if (n < 0 || n > 0xFFFF) {
      throw new IllegalArgumentException("must be 0 to 0xFFFF: " + n);
    }
    return String.format(java.util.Locale.ROOT, "%04X", n);
  }

  static boolean alnum(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
