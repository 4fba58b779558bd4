package io.github.vpsdk.vp.onvif;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A recording on a camera or recorder (Profile G), as found by {@link OnvifRecordings}.
 *
 * @param token the recording token, for {@link OnvifRecordings#replayUri}
 * @param sourceId the source identifier (often a URI or a video source token), possibly empty
 * @param sourceName the source name, possibly empty
 * @param content the recording's description of its content, possibly empty
 * @param earliest the oldest recorded data, or {@code null} if unknown (GetRecordings does not
 *     say; FindRecordings does)
 * @param latest the newest recorded data, or {@code null} if unknown
 * @param status {@code Initiated}, {@code Recording}, {@code Stopped}, {@code Removing}, {@code
 *     Removed}, or empty if unknown
 * @param tracks the tracks
 */
public record RecordingInfo(
    String token,
    String sourceId,
    String sourceName,
    String content,
    @Nullable Instant earliest,
    @Nullable Instant latest,
    String status,
    List<Track> tracks) {

  /**
   * One track of a recording.
   *
   * @param token the track token
   * @param type {@code Video}, {@code Audio}, {@code Metadata} or {@code Extended}
   * @param description the description, possibly empty
   * @param from the oldest data of the track, or {@code null} if unknown
   * @param to the newest data of the track, or {@code null} if unknown
   */
  public record Track(
      String token, String type, String description, @Nullable Instant from, @Nullable Instant to) {
    /**
     * Checks the components.
     *
     * @param token token
     * @param type type
     * @param description description
     * @param from oldest data
     * @param to newest data
     */
    public Track {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * Checks and copies the components.
   *
   * @param token token
   * @param sourceId source id
   * @param sourceName source name
   * @param content content
   * @param earliest oldest data
   * @param latest newest data
   * @param status status
   * @param tracks tracks
   */
  public RecordingInfo {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(status, "status");
    tracks = List.copyOf(tracks);
  }

  /**
   * Whether the recording holds data in a time range, as far as its times are known (a
   * recording without times is kept).
   *
   * @param from the start of the range, or {@code null} for no start
   * @param to the end of the range, or {@code null} for no end
   * @return false only when the known times lie outside the range
   */
  public boolean overlaps(@Nullable Instant from, @Nullable Instant to) {
    if (to != null && earliest != null && earliest.isAfter(to)) {
      return false;
    }
    return from == null || latest == null || !latest.isBefore(from);
  }
}
