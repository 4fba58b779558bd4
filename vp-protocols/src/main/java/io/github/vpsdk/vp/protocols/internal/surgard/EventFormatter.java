package io.github.vpsdk.vp.protocols.internal.surgard;

import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.AddressKind;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import io.github.vpsdk.vp.protocols.sia.SiaData;
import io.github.vpsdk.vp.protocols.sia.SiaEvent;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderConfig;
import java.util.List;
import java.util.Optional;

/**
 * Writes a panel event as an SG packet. Contact ID needs a numeric-looking account of at most 10
 * characters: up to 4 are padded to 4 (protocol 5), 5 to 10 padded to 10 (protocol Q); a longer
 * account, or an event whose Contact ID number cannot be written, goes as SIA when the catalogue
 * translates its code. The zone or the user is chosen by the catalogue's addressing of the code.
 */
public final class EventFormatter {
  private EventFormatter() {}

  /**
   * Formats an event.
   *
   * @param event the event
   * @param config the sender settings
   * @return the message, or empty when the event cannot be written (an internal code, a code with
   *     no form the account allows)
   */
  public static Optional<SurGardMessage> format(PanelEvent event, SurGardSenderConfig config) {
    EventCatalogue catalogue = config.catalogue();
    EventCode code = event.code();
    if (code instanceof EventCode.ContactId && config.format() == SurGardSenderConfig.Format.SIA) {
      code = catalogue.toSia((EventCode.ContactId) code).<EventCode>map(c -> c).orElse(code);
    } else if (code instanceof EventCode.Sia && config.format() == SurGardSenderConfig.Format.CONTACT_ID) {
      code = catalogue.toContactId((EventCode.Sia) code).<EventCode>map(c -> c).orElse(code);
    }
    String account = event.account().account();
    if (code instanceof EventCode.ContactId) {
      Optional<SurGardMessage> cid = contactId(event, (EventCode.ContactId) code, account, config);
      if (cid.isPresent()) {
        return cid;
      }
      Optional<EventCode.Sia> sia = catalogue.toSia((EventCode.ContactId) code);
      return sia.isPresent() ? Optional.of(sia(event, sia.get(), account, config)) : Optional.empty();
    }
    if (code instanceof EventCode.Sia) {
      return Optional.of(sia(event, (EventCode.Sia) code, account, config));
    }
    return Optional.empty();
  }

  private static Optional<SurGardMessage> contactId(PanelEvent event, EventCode.ContactId code, String account,
      SurGardSenderConfig config) {
    String padded;
    if (account.length() <= 4) {
      padded = "0".repeat(4 - account.length()) + account;
    } else if (account.length() <= 10) {
      padded = "0".repeat(10 - account.length()) + account;
    } else {
      return Optional.empty();
    }
    Integer number = addressed(event, code, config.catalogue());
    int group = event.partition() == null || event.partition() > 99 ? 0 : event.partition();
    int zoneOrUser = number == null || number > 999 ? 0 : number;
    ContactIdMessage m = new ContactIdMessage(padded, code.qualifier(), code.event(), group, zoneOrUser);
    return Optional.of(new SurGardMessage.ContactId(config.receiverNumber(), config.lineNumber(), m));
  }

  private static SurGardMessage sia(PanelEvent event, EventCode.Sia code, String account, SurGardSenderConfig config) {
    Integer number = addressed(event, code, config.catalogue());
    AddressKind kind = config.catalogue().classify(code).address();
    Integer userModifier = kind != AddressKind.USER && event.user() != null && event.zone() != null ? event.user() : null;
    SiaEvent e = new SiaEvent(false, code.code(), number == null ? null : String.valueOf(number), event.partition(),
        userModifier, null, null, null, "");
    String data = new SiaData(account, List.of(e), List.of()).toText();
    return new SurGardMessage.Sia(config.receiverNumber(), config.lineNumber(), data);
  }

  private static @org.jspecify.annotations.Nullable Integer addressed(PanelEvent event, EventCode code, EventCatalogue catalogue) {
    AddressKind kind = catalogue.classify(code).address();
    if (kind == AddressKind.USER) {
      return event.user() != null ? event.user() : event.zone();
    }
    if (kind == AddressKind.AREA && event.zone() == null && event.user() == null) {
      return event.partition();
    }
    return event.zone() != null ? event.zone() : event.user();
  }
}
