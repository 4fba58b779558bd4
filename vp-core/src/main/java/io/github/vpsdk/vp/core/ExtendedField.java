package io.github.vpsdk.vp.core;

import java.util.Objects;

/**
 * One item of extended data carried with an event: a tag and its value, as the transport gave
 * them. SIA DC-09 uses one-letter tags ({@code V} verification link, {@code X}/{@code Y}
 * longitude/latitude, {@code H} panel time, {@code M} MAC address, {@code I} alarm text...);
 * other sources use their own words. Values are text; typed views live in the protocol module.
 *
 * @param tag the tag: 1 to 32 characters of letters, digits, {@code -}, {@code _} or {@code .}
 * @param value the value, possibly empty
 */
public record ExtendedField(String tag, String value) {

  /** Tag of a video or image verification link (SIA DC-09 {@code [V...]}). */
  public static final String VERIFICATION = "V";

  /** Validates the tag. */
  public ExtendedField {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(value, "value");
    if (tag.isEmpty() || tag.length() > 32) {
      throw new IllegalArgumentException("extended data tag must have 1 to 32 characters");
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '_' && c != '.') {
        throw new IllegalArgumentException("invalid character in extended data tag");
      }
    }
  }
}
