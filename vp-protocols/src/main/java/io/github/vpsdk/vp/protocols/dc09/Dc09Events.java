package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.AddressKind;
import io.github.vpsdk.vp.core.catalogue.Classification;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.sia.SiaData;
import io.github.vpsdk.vp.protocols.sia.SiaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the data of a decoded DC-09 message into vp-core {@link PanelEvent}s through the
 * catalogue: one event per SIA DC-03 event of a {@code SIA-DCS} block, one per {@code ADM-CID}
 * message, none for a {@code NULL} link test.
 *
 * <p>The event's account is the frame header's (receiver, prefix, account), which routes and is
 * echoed, even when the data block names another. What a code's number addresses comes from the
 * catalogue: a zone, a user (openings, closings, duress), or an area. The panel time is the
 * frame's timestamp. Codes the catalogue does not know still make events, of category {@code
 * UNKNOWN}: a receiver acknowledges them and the operator sees them. Event text ({@code ^text^},
 * {@code A} blocks) is read as UTF-8 when its bytes are valid UTF-8, else as Windows-1252.
 */
public final class Dc09Events {
  private Dc09Events() {}

  /**
   * The events a message carries.
   *
   * @param message the decoded message
   * @param receivedAt when the receiver got it
   * @param id the identifier of the first event; further events of one block get {@code -2},
   *     {@code -3}... appended
   * @param catalogue the code catalogue
   * @param strict whether to accept only the standard form of the data
   * @return the events (empty for a link test or a response), or why the data is invalid
   */
  public static ParseResult<List<PanelEvent>> of(
      Dc09Message message, Instant receivedAt, String id, EventCatalogue catalogue, boolean strict) {
    String account = message.account();
    if (account == null) {
      return ParseResult.invalid("no account");
    }
    AccountId accountId;
    try {
      accountId = AccountId.of(emptyToNull(message.receiver()), emptyToNull(message.prefix()), account);
    } catch (IllegalArgumentException e) {
      return ParseResult.invalid("account: " + e.getMessage());
    }
    List<PanelEvent> events = new ArrayList<>();
    switch (message.token()) {
      case Dc09Message.SIA_DCS: {
        ParseResult<SiaData> parsed = SiaData.parse(message.data());
        if (!(parsed instanceof ParseResult.Ok)) {
          return ParseResult.invalid(((ParseResult.Invalid<SiaData>) parsed).reason());
        }
        SiaData data = ((ParseResult.Ok<SiaData>) parsed).value();
        String blockText = String.join(" ", data.texts());
        int n = 0;
        for (SiaEvent e : data.events()) {
          Classification c = catalogue.classify(e.eventCode());
          Integer address = e.addressNumber();
          Integer zone = c.address() == AddressKind.ZONE || c.address() == AddressKind.DEVICE ? address : null;
          Integer user = c.address() == AddressKind.USER ? address : e.user();
          Integer partition = c.address() == AddressKind.AREA && address != null ? address : e.area();
          events.add(
              base(message, accountId, c, receivedAt, n++ == 0 ? id : id + "-" + n)
                  .partition(partition)
                  .zone(zone)
                  .user(user)
                  .text(panelText(e.text().isEmpty() ? blockText : e.text()))
                  .build());
        }
        return ParseResult.ok(events);
      }
      case Dc09Message.ADM_CID: {
        ParseResult<ContactIdMessage> parsed = ContactIdMessage.parseDc09Data(message.data(), strict);
        if (!(parsed instanceof ParseResult.Ok)) {
          return ParseResult.invalid(((ParseResult.Invalid<ContactIdMessage>) parsed).reason());
        }
        ContactIdMessage cid = ((ParseResult.Ok<ContactIdMessage>) parsed).value();
        Classification c = catalogue.classify(cid.code());
        boolean byUser = c.address() == AddressKind.USER;
        events.add(
            base(message, accountId, c, receivedAt, id)
                .partition(cid.group() == 0 ? null : cid.group())
                .zone(byUser ? null : cid.zoneOrUser())
                .user(byUser ? cid.zoneOrUser() : null)
                .build());
        return ParseResult.ok(events);
      }
      default:
        return ParseResult.ok(events); // NULL and responses carry no event
    }
  }

  private static PanelEvent.Builder base(
      Dc09Message message, AccountId account, Classification c, Instant receivedAt, String id) {
    return PanelEvent.builder()
        .id(id)
        .account(account)
        .code(c.code())
        .category(c.category())
        .restore(c.restore())
        .priority(c.priority())
        .occurredAt(message.timestamp())
        .receivedAt(receivedAt)
        .extended(message.extended())
        .transport(message.token());
  }

  /**
   * Text of the data block as the panel meant it: the codec keeps the block's bytes as ISO-8859-1
   * characters, and panels that send names with accents send them in UTF-8 or Windows-1252, read
   * here as the codec reads extended data. Text with characters past 0xFF (built in code) is kept.
   */
  private static String panelText(String text) {
    boolean high = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        return text;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return text;
    }
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return Dc09Codec.text(bytes, 0, bytes.length);
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
