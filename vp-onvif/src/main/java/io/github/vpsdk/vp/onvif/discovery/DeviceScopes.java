package io.github.vpsdk.vp.onvif.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scopes a device announces, with the ONVIF ones read out (ONVIF Core, "Scopes"): {@code
 * onvif://www.onvif.org/name/Hall%20Dome}, {@code .../hardware/P3245}, {@code
 * .../location/city/Lyon}, {@code .../Profile/Streaming}, {@code .../Profile/T}.
 *
 * <p>Values are percent-decoded. Scopes that are not ONVIF's (vendors add their own) stay in
 * {@link #raw()} only.
 *
 * @param raw every scope as announced, in order
 * @param name the first {@code name} scope, or {@code null}
 * @param hardware the first {@code hardware} scope, or {@code null}
 * @param locations the {@code location} scopes, each the path after {@code location/} (for
 *     example {@code city/Lyon})
 * @param profiles the ONVIF profiles claimed, as written after {@code Profile/} (for example
 *     {@code Streaming}, {@code S}, {@code T}, {@code G})
 */
public record DeviceScopes(
    List<String> raw,
    @Nullable String name,
    @Nullable String hardware,
    List<String> locations,
    List<String> profiles) {

  private static final String ONVIF = "onvif://www.onvif.org/";

  /** No scope at all. */
  public static final DeviceScopes NONE = new DeviceScopes(List.of(), null, null, List.of(), List.of());

  /**
   * Copies the lists.
   *
   * @param raw every scope
   * @param name the name or {@code null}
   * @param hardware the hardware or {@code null}
   * @param locations the locations
   * @param profiles the profiles
   */
  public DeviceScopes {
    raw = List.copyOf(raw);
    locations = List.copyOf(locations);
    profiles = List.copyOf(profiles);
  }

  /**
   * Reads the ONVIF scopes out of a list of scope URIs.
   *
   * @param scopes the scopes as announced
   * @return the parsed scopes
   */
  public static DeviceScopes parse(List<String> scopes) {
    Objects.requireNonNull(scopes, "scopes");
    String name = null;
    String hardware = null;
    List<String> locations = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    for (String s : scopes) {
      if (!s.regionMatches(true, 0, ONVIF, 0, ONVIF.length())) {
        continue;
      }
      String rest = s.substring(ONVIF.length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        continue;
      }
      String key = rest.substring(0, slash).toLowerCase(Locale.ROOT);
      String value = decode(rest.substring(slash + 1));
      switch (key) {
        case "name":
          if (name == null) {
            name = value;
          }
          break;
        case "hardware":
          if (hardware == null) {
            hardware = value;
          }
          break;
        case "location":
          locations.add(value);
          break;
        case "profile":
          profiles.add(value);
          break;
        default:
          break;
      }
    }
    return new DeviceScopes(scopes, name, hardware, locations, profiles);
  }

  /** Percent-decodes UTF-8; a malformed escape is kept as written. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
