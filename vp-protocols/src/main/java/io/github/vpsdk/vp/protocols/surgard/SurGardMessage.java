package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import java.util.Objects;

/** One packet of the SG automation format, without its DC4 terminator. */
public sealed interface SurGardMessage
    permits SurGardMessage.Heartbeat, SurGardMessage.ContactId, SurGardMessage.Sia, SurGardMessage.Unsupported {

  /**
   * The receiver's link test: {@code 1011␣␣␣␣␣␣␣␣␣␣␣@␣␣␣␣} (MLR2) or {@code 1RR000...} (System III).
   *
   * @param receiver the receiver number as written ({@code 01})
   */
  record Heartbeat(String receiver) implements SurGardMessage {
    /** Validates. */
    public Heartbeat {
      Objects.requireNonNull(receiver, "receiver");
    }
  }

  /**
   * A Contact ID event: protocol 5 ({@code 5RRL 18AAAAQXYZGGCCC}, or {@code 5RRLLL ...} on System
   * III and IP receivers) or protocol Q with a 10-digit account ({@code QRRLLL 58AAAAAAAAAA...}).
   * The qualifier letter E/R/P stands for 1/3/6.
   *
   * @param receiver the receiver number as written
   * @param line the line (card) number as written
   * @param event the event; its account is the panel's
   */
  record ContactId(String receiver, String line, ContactIdMessage event) implements SurGardMessage {
    /** Validates. */
    public ContactId {
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * A SIA event: protocol S, {@code SRRLLL[#AAAA|Nri1/BA01]}.
   *
   * @param receiver the receiver number as written
   * @param line the line number as written
   * @param data the SIA DC-03 data between the brackets
   */
  record Sia(String receiver, String line, String data) implements SurGardMessage {
    /** Validates. */
    public Sia {
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A well-framed packet of a protocol vp does not decode (4/2, BFSK, Ademco high speed...):
   * acknowledged and reported, not lost.
   *
   * @param protocol the protocol character
   * @param text the packet as ISO-8859-1 text
   */
  record Unsupported(char protocol, String text) implements SurGardMessage {
    /** Validates. */
    public Unsupported {
      Objects.requireNonNull(text, "text");
    }
  }
}
