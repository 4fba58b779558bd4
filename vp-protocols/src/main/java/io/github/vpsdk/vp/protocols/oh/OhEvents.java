package io.github.vpsdk.vp.protocols.oh;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Events;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns OH messages into what the rest of vp knows: vp-core {@link PanelEvent}s through the
 * catalogue, exactly as for DC-09 ({@link Dc09Events}), and the equivalent {@link Dc09Message}
 * for listeners and logs.
 *
 * <p>The event's account is (receiver, line, data account): in the captures an ATS panel reports
 * each area under its own account ({@code #005412}) while its heartbeats and trailer carry the
 * system account ({@code |#001234}). The XSIA text becomes the event's text. The transport is
 * {@code OH/SIA-DCS} or {@code OH/ADM-CID}.
 */
public final class OhEvents {
  /** Prefix of the transport of OH events. */
  public static final String TRANSPORT_PREFIX = "OH/";

  private OhEvents() {}

  /**
   * The events an OH event frame carries.
   *
   * @param event the decoded frame
   * @param receivedAt when the receiver got it
   * @param id the identifier of the first event; further ones get {@code -2}, {@code -3}...
   * @param catalogue the code catalogue
   * @param strict whether to accept only the standard form of the data
   * @return the events, or why the data is invalid
   */
  public static ParseResult<List<PanelEvent>> of(
      OhEvent event, Instant receivedAt, String id, EventCatalogue catalogue, boolean strict) {
    try {
      ParseResult<List<PanelEvent>> parsed = Dc09Events.of(toDc09(event), receivedAt, id, catalogue, strict);
      if (!(parsed instanceof ParseResult.Ok)) {
        return parsed;
      }
      List<PanelEvent> out = new ArrayList<>();
      for (PanelEvent e : ((ParseResult.Ok<List<PanelEvent>>) parsed).value()) {
        PanelEvent.Builder b = e.toBuilder().transport(TRANSPORT_PREFIX + event.token());
        String text = event.text();
        if (e.text().isEmpty() && text != null && !text.isBlank()) {
          b.text(text);
        }
        out.add(b.build());
      }
      return ParseResult.ok(out);
    } catch (IllegalArgumentException e) {
      return ParseResult.invalid("event data: " + e.getMessage());
    }
  }

  /**
   * The DC-09 message an OH event frame corresponds to: same token, sequence, receiver, line (as
   * prefix), account and data ({@code #account|data}), not encrypted, no extended data.
   *
   * @param event the frame
   * @return the message
   */
  public static Dc09Message toDc09(OhEvent event) {
    return new Dc09Message(event.token(), false, event.sequence(), event.receiver(), event.line(), event.account(),
        "#" + event.account() + "|" + event.data(), List.of(), event.timestamp());
  }

  /**
   * The DC-09 link test ({@code NULL}) a heartbeat corresponds to, with the system account.
   *
   * @param heartbeat the heartbeat
   * @return the message
   */
  public static Dc09Message toDc09(OhHeartbeat heartbeat) {
    return new Dc09Message(Dc09Message.NULL, false, "0000", heartbeat.receiver(), heartbeat.line(),
        heartbeat.systemAccount(), "", List.of(), heartbeat.timestamp());
  }

  /**
   * The account that identifies a panel (supervision, panel identifier): (receiver, line, system
   * account) of a heartbeat, or of an event's trailer (its data account when it has none).
   *
   * @param message an {@link OhEvent} or {@link OhHeartbeat}
   * @return the account, or {@code null} for a reply or an account vp cannot model
   */
  public static @Nullable AccountId panelAccount(OhMessage message) {
    try {
      if (message instanceof OhHeartbeat) {
        OhHeartbeat h = (OhHeartbeat) message;
        return AccountId.of(h.receiver(), h.line(), h.systemAccount());
      }
      if (message instanceof OhEvent) {
        OhEvent e = (OhEvent) message;
        return AccountId.of(emptyToNull(e.receiver()), emptyToNull(e.line()), e.panelAccount());
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
