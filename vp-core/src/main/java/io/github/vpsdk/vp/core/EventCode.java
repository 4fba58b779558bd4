package io.github.vpsdk.vp.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The original protocol code of an event, kept as the panel sent it so that nothing is lost in
 * normalisation.
 */
public sealed interface EventCode permits EventCode.Sia, EventCode.ContactId, EventCode.Internal {

  /**
   * The code as text: {@code BA} for SIA, {@code 1130} (qualifier and event) for Contact ID, the
   * name for internal codes.
   *
   * @return the code as text
   */
  String text();

  /**
   * A SIA DC-03 event code: two upper-case letters.
   *
   * @param code the two-letter code, such as {@code BA}
   */
  record Sia(String code) implements EventCode {
    /** Validates the code. */
    public Sia {
      Objects.requireNonNull(code, "code");
      if (code.length() != 2
          || !Character.isLetter(code.charAt(0))
          || !Character.isLetter(code.charAt(1))) {
        throw new IllegalArgumentException("a SIA code is two letters: " + code);
      }
      code = code.toUpperCase(Locale.ROOT);
    }

    @Override
    public String text() {
      return code;
    }
  }

  /**
   * A Contact ID (SIA DC-05) event: qualifier and three-digit event code.
   *
   * @param qualifier 1 new event or opening, 3 restore or closing, 6 previous event still present
   * @param event the event code, 0 to 999 (written as three hexadecimal-free digits)
   */
  record ContactId(int qualifier, int event) implements EventCode {
    /** Validates qualifier and event. */
    public ContactId {
      if (qualifier != 1 && qualifier != 3 && qualifier != 6) {
        throw new IllegalArgumentException("Contact ID qualifier must be 1, 3 or 6: " + qualifier);
      }
      if (event < 0 || event > 999) {
        throw new IllegalArgumentException("Contact ID event must be 0-999: " + event);
      }
    }

    /**
     * Whether the qualifier marks a restore (or a closing, for open/close events).
     *
     * @return {@code true} for qualifier 3
     */
    public boolean isRestore() {
      return qualifier == 3;
    }

    @Override
    public String text() {
      return new String(
          new char[] {
            (char) ('0' + qualifier),
            (char) ('0' + event / 100),
            (char) ('0' + event / 10 % 10),
            (char) ('0' + event % 10)
          });
    }
  }

  /**
   * A code raised by vp itself rather than a panel: supervision loss of an account, a camera that
   * stopped answering, a receiver fault. Names are upper-case words such as
   * {@code SUPERVISION_LOST}.
   *
   * @param name the code name
   */
  record Internal(String name) implements EventCode {
    /** Validates the name. */
    public Internal {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException("internal code names are upper-case words: " + name);
      }
    }

    @Override
    public String text() {
      return name;
    }
  }
}
