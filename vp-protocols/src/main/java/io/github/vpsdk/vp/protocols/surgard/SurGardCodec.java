package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.AddressKind;
import io.github.vpsdk.vp.core.catalogue.Classification;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Events;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Decodes and encodes SG automation packets. Pure Java, thread-safe.
 *
 * <p>Packets end with DC4 (0x14). A stream may hold several glued together (receivers retransmit
 * unacknowledged packets, and some automation front ends deliver six copies on one line); the
 * decoder returns them one by one. A packet longer than {@link #MAX_PACKET} bytes is refused and
 * skipped up to the next DC4, so a stream never buffers more. Leading CR, LF and spaces (some
 * receivers end lines with them) are skipped.
 */
public final class SurGardCodec {
  /** The packet terminator, DC4. */
  public static final byte DC4 = 0x14;
  /** The automation's acknowledgement of a packet. */
  public static final byte ACK = 0x06;
  /** The automation's refusal: the receiver retransmits. */
  public static final byte NAK = 0x15;
  /** The longest packet: a 66-byte SIA block with its header, with room to spare. */
  public static final int MAX_PACKET = 256;

  private SurGardCodec() {}

  /**
   * Decodes the packet at the start of a buffer, advancing it past what was used (not on {@link
   * SurGardDecodeResult.NeedMore}).
   *
   * @param in the input
   * @return what was found
   */
  public static SurGardDecodeResult decode(ByteBuffer in) {
    int start = in.position();
    int s = start;
    while (s < in.limit() && (in.get(s) == '\r' || in.get(s) == '\n' || in.get(s) == ' ' || in.get(s) == 0)) {
      s++;
    }
    int end = -1;
    for (int i = s; i < in.limit() && i - s <= MAX_PACKET; i++) {
      if (in.get(i) == DC4) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      if (in.limit() - s > MAX_PACKET) {
        int next = s;
        while (next < in.limit() && in.get(next) != DC4) {
          next++;
        }
        in.position(Math.min(in.limit(), next + 1));
        return new SurGardDecodeResult.Malformed("packet longer than " + MAX_PACKET + " bytes", in.position() - start);
      }
      return SurGardDecodeResult.NEED_MORE;
    }
    byte[] b = new byte[end - s];
    in.get(s, b);
    in.position(end + 1);
    int used = end + 1 - start;
    String text = new String(b, StandardCharsets.ISO_8859_1);
    ParseResult<SurGardMessage> r = parse(text);
    if (r instanceof ParseResult.Invalid) {
      return new SurGardDecodeResult.Malformed(((ParseResult.Invalid<SurGardMessage>) r).reason(), used);
    }
    return new SurGardDecodeResult.Decoded(r.asOptional().orElseThrow(), used);
  }

  /**
   * Parses one packet's text, without its DC4.
   *
   * @param text the packet
   * @return the message, or why it is invalid
   */
  public static ParseResult<SurGardMessage> parse(String text) {
    if (text.isEmpty()) {
      return ParseResult.invalid("empty packet");
    }
    char protocol = text.charAt(0);
    int at = text.indexOf('@');
    if (protocol == '1' && at > 0 && isHeartbeat(text, at)) {
      return ParseResult.ok(new SurGardMessage.Heartbeat(text.substring(1, 3)));
    }
    switch (protocol) {
      case '5':
        return contactId(text, 4, false);
      case 'Q':
        return contactId(text, 10, true);
      case 'S':
        return sia(text);
      default:
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
          return ParseResult.invalid("unprintable bytes in a packet of protocol " + printable(protocol));
        }
        return ParseResult.ok(new SurGardMessage.Unsupported(protocol, text));
    }
  }

  private static boolean isHeartbeat(String text, int at) {
    // 1RR + (L or LLL digits) + spaces + @ + spaces
    int i = 1;
    while (i < at && Character.isDigit(text.charAt(i))) {
      i++;
    }
    return i >= 3 && text.substring(i, at).isBlank() && text.substring(at + 1).isBlank();
  }

  private static ParseResult<SurGardMessage> contactId(String text, int accountLength, boolean q) {
    int space = text.indexOf(' ');
    if (space != 4 && space != 6) {
      return ParseResult.invalid("expected the receiver/line header 5RRL or 5RRLLL before a space");
    }
    String receiver = text.substring(1, 3);
    String line = text.substring(3, space);
    String body = text.substring(space + 1).replace(" ", "");
    String type = q ? "58" : "18";
    if (body.length() != 2 + accountLength + 9 || !body.startsWith(type)) {
      return ParseResult.invalid("expected " + type + " then a " + accountLength + "-digit account and QXYZGGCCC");
    }
    if (!receiver.chars().allMatch(Character::isDigit) || !line.chars().allMatch(Character::isDigit)) {
      return ParseResult.invalid("receiver and line must be digits");
    }
    String account = body.substring(2, 2 + accountLength);
    String event = body.substring(2 + accountLength);
    ParseResult<ContactIdMessage> cid = ContactIdMessage.parseDc09Data("#" + account + "|" + event, false);
    if (cid instanceof ParseResult.Invalid) {
      return ParseResult.invalid(((ParseResult.Invalid<ContactIdMessage>) cid).reason());
    }
    return ParseResult.ok(new SurGardMessage.ContactId(receiver, line, cid.asOptional().orElseThrow()));
  }

  private static ParseResult<SurGardMessage> sia(String text) {
    int open = text.indexOf('[');
    if (open < 3 || !text.endsWith("]")) {
      return ParseResult.invalid("expected SRRLLL[...]");
    }
    String header = text.substring(1, open);
    if (!header.chars().allMatch(Character::isDigit) || header.length() < 3) {
      return ParseResult.invalid("receiver and line must be digits");
    }
    return ParseResult.ok(new SurGardMessage.Sia(header.substring(0, 2), header.substring(2), text.substring(open + 1, text.length() - 1)));
  }

  /**
   * Encodes a message, DC4 included, so that vp can feed an automation package. Contact ID
   * events are written in the System III form ({@code 5RRLLL 18AAAAQXYZGGCCC}) when the line has
   * 3 digits, in the MLR2 form ({@code 5RRL ...}) when it has 1; a 10-digit account uses protocol
   * Q.
   *
   * @param message the message
   * @return the packet
   */
  public static byte[] encode(SurGardMessage message) {
    String text;
    if (message instanceof SurGardMessage.Heartbeat) {
      text = "1" + ((SurGardMessage.Heartbeat) message).receiver() + "1" + " ".repeat(11) + "@" + " ".repeat(4);
    } else if (message instanceof SurGardMessage.ContactId) {
      SurGardMessage.ContactId c = (SurGardMessage.ContactId) message;
      ContactIdMessage e = c.event();
      String account = e.account() == null ? "0000" : e.account();
      boolean q = account.length() == 10;
      text = (q ? "Q" : "5") + c.receiver() + c.line() + " " + (q ? "58" : "18") + account
          + "ERP".charAt(e.qualifier() == 1 ? 0 : e.qualifier() == 3 ? 1 : 2)
          + String.format(Locale.ROOT, "%03d%02d%03d", e.event(), e.group(), e.zoneOrUser());
    } else if (message instanceof SurGardMessage.Sia) {
      SurGardMessage.Sia s = (SurGardMessage.Sia) message;
      text = "S" + s.receiver() + s.line() + "[" + s.data() + "]";
    } else {
      text = ((SurGardMessage.Unsupported) message).text();
    }
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] packet = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    packet[bytes.length] = DC4;
    return packet;
  }

  /**
   * The events a packet carries: none for a heartbeat or an unsupported protocol.
   *
   * @param message the message
   * @param receivedAt when it was received
   * @param id the event identifier
   * @param catalogue the catalogue
   * @return the events, or why the SIA data is invalid
   */
  public static ParseResult<List<PanelEvent>> events(SurGardMessage message, Instant receivedAt, String id, EventCatalogue catalogue) {
    if (message instanceof SurGardMessage.ContactId) {
      SurGardMessage.ContactId c = (SurGardMessage.ContactId) message;
      ContactIdMessage e = c.event();
      Classification cl = catalogue.classify(e.code());
      boolean byUser = cl.address() == AddressKind.USER;
      PanelEvent event = PanelEvent.builder().id(id)
          .account(AccountId.of(c.receiver(), c.line(), e.account() == null ? "0" : e.account()))
          .code(e.code()).category(cl.category()).restore(cl.restore()).priority(cl.priority())
          .partition(e.group() == 0 ? null : e.group()).zone(byUser ? null : e.zoneOrUser()).user(byUser ? e.zoneOrUser() : null)
          .receivedAt(receivedAt).transport("surgard").build();
      return ParseResult.ok(List.of(event));
    }
    if (message instanceof SurGardMessage.Sia) {
      SurGardMessage.Sia s = (SurGardMessage.Sia) message;
      String data = s.data();
      String account = "0";
      int bar = data.indexOf('|');
      if (data.startsWith("#") && bar > 1) {
        account = data.substring(1, bar);
      }
      Dc09Message m = new Dc09Message(Dc09Message.SIA_DCS, false, "0000", s.receiver(), s.line(), account, data, List.of(), null);
      ParseResult<List<PanelEvent>> r = Dc09Events.of(m, receivedAt, id, catalogue, false);
      return r.asOptional().<ParseResult<List<PanelEvent>>>map(list -> ParseResult.ok(list.stream()
          .map(e -> e.toBuilder().transport("surgard").build()).toList())).orElse(r);
    }
    return ParseResult.ok(List.of());
  }

  private static char printable(char c) {
    return c >= 0x20 && c < 0x7f ? c : '?';
  }
}
