package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.protocols.internal.dc09.Dc09Time;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of a DC-09 message's extended data blocks, for the blocks the standard defines a
 * form for; every block stays available raw in {@link #fields()}, and a block whose value does not
 * parse is simply not typed (never an error: the event is delivered all the same).
 *
 * <ul>
 *   <li>{@code X} longitude and {@code Y} latitude, written degrees, hemisphere, decimal minutes
 *       ({@code X006E07.7777777}, {@code Y49N06.6666666}) or as signed decimal degrees; {@code Z}
 *       altitude in metres;
 *   <li>{@code V} verification links (audio, image, video), several separated by commas (Ajax
 *       photo verification);
 *   <li>{@code M} the MAC address of the transmitter, 12 hexadecimal digits;
 *   <li>{@code H} the time of occurrence, {@code HH:MM:SS,MM-DD-YYYY} (UTC) like the timestamp.
 * </ul>
 *
 * @param latitude decimal degrees, north positive, or {@code null}
 * @param longitude decimal degrees, east positive, or {@code null}
 * @param altitude metres, or {@code null}
 * @param verificationLinks the {@code V} links that are absolute URIs, in order
 * @param macAddress the MAC address as {@code 00:26:B9:E4:26:8B}, or {@code null}
 * @param occurredAt the {@code H} time, or {@code null}
 * @param fields every block, raw, in order
 */
public record Dc09ExtendedData(
    @Nullable Double latitude,
    @Nullable Double longitude,
    @Nullable Double altitude,
    List<URI> verificationLinks,
    @Nullable String macAddress,
    @Nullable Instant occurredAt,
    List<ExtendedField> fields) {

  /** Copies the lists. */
  public Dc09ExtendedData {
    verificationLinks = List.copyOf(verificationLinks);
    fields = List.copyOf(fields);
  }

  /**
   * The typed view of a message's blocks.
   *
   * @param fields the blocks, such as {@link Dc09Message#extended()}
   * @return the view
   */
  public static Dc09ExtendedData of(List<ExtendedField> fields) {
    Double lat = null;
    Double lon = null;
    Double alt = null;
    List<URI> links = new ArrayList<>();
    String mac = null;
    Instant time = null;
    for (ExtendedField f : fields) {
      String v = f.value().trim();
      switch (f.tag()) {
        case "X":
          lon = lon != null ? lon : coordinate(v, 'E', 'W', 180);
          break;
        case "Y":
          lat = lat != null ? lat : coordinate(v, 'N', 'S', 90);
          break;
        case "Z":
          alt = alt != null ? alt : number(v);
          break;
        case "V":
          for (String part : v.split(",")) {
            try {
              URI uri = new URI(part.trim());
              if (uri.isAbsolute()) {
                links.add(uri);
              }
            } catch (URISyntaxException e) {
              // not a link: left raw
            }
          }
          break;
        case "M":
          if (mac == null && v.length() == 12 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
              sb.append(i == 0 ? "" : ":").append(v, i, i + 2);
            }
            mac = sb.toString().toUpperCase(Locale.ROOT);
          }
          break;
        case "H":
          time = time != null ? time : Dc09Time.parse(v.startsWith("_") ? v : "_" + v);
          break;
        default:
          break;
      }
    }
    return new Dc09ExtendedData(lat, lon, alt, links, mac, time, fields);
  }

  private static @Nullable Double coordinate(String v, char positive, char negative, int max) {
    int h = -1;
    for (int i = 0; i < v.length(); i++) {
      char c = Character.toUpperCase(v.charAt(i));
      if (c == positive || c == negative) {
        h = i;
        break;
      }
    }
    Double result;
    if (h > 0) {
      Double degrees = number(v.substring(0, h));
      Double minutes = number(v.substring(h + 1));
      if (degrees == null || minutes == null || minutes < 0 || minutes >= 60) {
        return null;
      }
      double d = degrees + minutes / 60.0;
      result = Character.toUpperCase(v.charAt(h)) == negative ? -d : d;
    } else {
      result = number(v);
    }
    return result == null || Math.abs(result) > max ? null : result;
  }

  private static @Nullable Double number(String v) {
    if (v.isEmpty() || v.length() > 20 || !v.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
