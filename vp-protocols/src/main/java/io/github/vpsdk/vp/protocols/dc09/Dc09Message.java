package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.ExtendedField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One DC-09 message, decrypted: what a panel sent or what a receiver answers.
 *
 * <p>Header fields are kept as the sender wrote them (case, leading zeros, an {@code L} with no
 * digits), because a receiver must echo them byte for byte in its {@code ACK}.
 *
 * @param token the ID token without quotes or {@code *}: {@code SIA-DCS}, {@code ADM-CID}, {@code
 *     NULL}, {@code ACK}, {@code NAK}, {@code DUH}, {@code RSP}, or another token a sender used
 * @param encrypted whether the message is (or is to be) encrypted ({@code *} token)
 * @param sequence the sequence number as written, normally 4 decimal digits
 * @param receiver the {@code R} field without the letter, or {@code null} when absent
 * @param prefix the {@code L} field without the letter ({@code ""} for an {@code L} with no
 *     digits), or {@code null} when absent
 * @param account the {@code #} account without the {@code #}, or {@code null} when absent (a
 *     {@code NAK} carries none)
 * @param data the data block's content without the brackets: {@code #1234|Nri1/BA01}, {@code
 *     #1234|1130 01 003}, or empty
 * @param extended the extended data blocks ({@code [V...]} and others), in order
 * @param timestamp the message time, or {@code null} when absent
 */
public record Dc09Message(
    String token,
    boolean encrypted,
    String sequence,
    @Nullable String receiver,
    @Nullable String prefix,
    @Nullable String account,
    String data,
    List<ExtendedField> extended,
    @Nullable Instant timestamp) {

  /** SIA DC-03 data. */
  public static final String SIA_DCS = "SIA-DCS";
  /** Contact ID data. */
  public static final String ADM_CID = "ADM-CID";
  /** Link test (supervision poll). */
  public static final String NULL = "NULL";
  /** Positive acknowledgement. */
  public static final String ACK = "ACK";
  /** Negative acknowledgement, carrying the receiver's time. */
  public static final String NAK = "NAK";
  /** The receiver cannot handle an otherwise correct message. */
  public static final String DUH = "DUH";
  /** A response carrying data. */
  public static final String RSP = "RSP";

  /** Validates and copies. */
  public Dc09Message {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty() || token.length() > 32 || token.indexOf('"') >= 0 || token.startsWith("*")) {
      throw new IllegalArgumentException("invalid token");
    }
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(data, "data");
    extended = List.copyOf(extended);
  }

  /**
   * A panel's event message.
   *
   * @param token {@link #SIA_DCS} or {@link #ADM_CID}
   * @param sequence the sequence number, 1 to 9999
   * @param receiver the receiver number, or {@code null}
   * @param prefix the account prefix, or {@code null}
   * @param account the account
   * @param data the data block's content
   * @param timestamp the message time, or {@code null}
   * @return the message, not encrypted
   */
  public static Dc09Message event(
      String token,
      int sequence,
      @Nullable String receiver,
      @Nullable String prefix,
      String account,
      String data,
      @Nullable Instant timestamp) {
    return new Dc09Message(
        token, false, sequenceText(sequence), receiver, prefix, account, data, List.of(), timestamp);
  }

  /**
   * A link test ({@code NULL}) of an account.
   *
   * @param sequence the sequence number (usually 0)
   * @param receiver the receiver number, or {@code null}
   * @param prefix the account prefix, or {@code null}
   * @param account the account
   * @param timestamp the time (required when encrypted)
   * @return the message
   */
  public static Dc09Message nullPoll(
      int sequence, @Nullable String receiver, @Nullable String prefix, String account, @Nullable Instant timestamp) {
    return new Dc09Message(
        NULL, false, sequenceText(sequence), receiver, prefix, account, "", List.of(), timestamp);
  }

  /**
   * The {@code ACK} of a message: same sequence, receiver, prefix and account, as written;
   * encrypted ({@code *ACK}) when the request was.
   *
   * @param request the message acknowledged
   * @param now the receiver's time (an encrypted ACK must carry one)
   * @return the acknowledgement
   */
  public static Dc09Message ack(Dc09Message request, Instant now) {
    return new Dc09Message(
        ACK,
        request.encrypted(),
        request.sequence(),
        request.receiver(),
        request.prefix(),
        request.account() == null ? "" : request.account(),
        "",
        List.of(),
        request.encrypted() ? now : null);
  }

  /**
   * The {@code NAK}: never encrypted, always with the receiver's time so the panel can correct
   * its clock. Its header is the standard's {@code "NAK"0000R0L0A0[]}.
   *
   * @param now the receiver's time
   * @return the negative acknowledgement
   */
  public static Dc09Message nak(Instant now) {
    return new Dc09Message(NAK, false, "0000", "0", "0", null, "", List.of(), now);
  }

  /**
   * The {@code DUH} of a message the receiver cannot handle (an unsupported token or format).
   *
   * @param request the message
   * @return the response, never encrypted
   */
  public static Dc09Message duh(Dc09Message request) {
    return new Dc09Message(
        DUH,
        false,
        request.sequence(),
        request.receiver(),
        request.prefix(),
        request.account() == null ? "" : request.account(),
        "",
        List.of(),
        null);
  }

  /**
   * This message, to be encrypted or not.
   *
   * @param encrypt whether to encrypt
   * @return a copy
   */
  public Dc09Message withEncrypted(boolean encrypt) {
    return new Dc09Message(token, encrypt, sequence, receiver, prefix, account, data, extended, timestamp);
  }

  /**
   * This message with extended data blocks.
   *
   * @param fields the blocks, each tag one character
   * @return a copy
   */
  public Dc09Message withExtended(List<ExtendedField> fields) {
    return new Dc09Message(token, encrypted, sequence, receiver, prefix, account, data, fields, timestamp);
  }

  /**
   * This message with another time.
   *
   * @param time the time, or {@code null}
   * @return a copy
   */
  public Dc09Message withTimestamp(@Nullable Instant time) {
    return new Dc09Message(token, encrypted, sequence, receiver, prefix, account, data, extended, time);
  }

  /**
   * The sequence number as a number.
   *
   * @return the number, or -1 if the field is not decimal
   */
  public int sequenceNumber() {
    try {
      return Integer.parseInt(sequence);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Whether the token is one of the responses ({@code ACK}, {@code NAK}, {@code DUH}, {@code
   * RSP}).
   *
   * @return {@code true} for a response
   */
  public boolean isResponse() {
    return token.equals(ACK) || token.equals(NAK) || token.equals(DUH) || token.equals(RSP);
  }

  private static String sequenceText(int sequence) {
    if (sequence < 0 || sequence > 9999) {
      throw new IllegalArgumentException("sequence must be 0-9999: " + sequence);
    }
    return new String(
        new char[] {
          (char) ('0' + sequence / 1000),
          (char) ('0' + sequence / 100 % 10),
          (char) ('0' + sequence / 10 % 10),
          (char) ('0' + sequence % 10)
        });
  }
}
