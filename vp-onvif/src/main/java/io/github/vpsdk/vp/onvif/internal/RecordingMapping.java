package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.RecordingInfo;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.GetRecordingsResponseItem;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingSourceInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackInformation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps recording, search and replay bindings to vp's model. */
public final class RecordingMapping {
  private RecordingMapping() {}

  /**
   * Maps one FindRecordings result.
   *
   * @param r the result
   * @return the model, or {@code null} without a token
   */
  public static @Nullable RecordingInfo info(RecordingInformation r) {
    if (r.getRecordingToken() == null || r.getRecordingToken().isBlank()) {
      return null;
    }
    List<RecordingInfo.Track> tracks = new ArrayList<>();
    for (TrackInformation t : r.getTrack()) {
      if (t.getTrackToken() != null) {
        tracks.add(
            new RecordingInfo.Track(
                t.getTrackToken(),
                t.getTrackType() == null ? "" : t.getTrackType().value(),
                s(t.getDescription()),
                EventMapping.instant(t.getDataFrom()),
                EventMapping.instant(t.getDataTo())));
      }
    }
    RecordingSourceInformation src = r.getSource();
    return new RecordingInfo(
        r.getRecordingToken().trim(),
        src == null ? "" : s(src.getSourceId()),
        src == null ? "" : s(src.getName()),
        s(r.getContent()),
        EventMapping.instant(r.getEarliestRecording()),
        EventMapping.instant(r.getLatestRecording()),
        r.getRecordingStatus() == null ? "" : r.getRecordingStatus().value(),
        tracks);
  }

  /**
   * Maps one GetRecordings item (no times: the recording service does not give them).
   *
   * @param r the item
   * @return the model, or {@code null} without a token
   */
  public static @Nullable RecordingInfo info(GetRecordingsResponseItem r) {
    if (r.getRecordingToken() == null || r.getRecordingToken().isBlank()) {
      return null;
    }
    List<RecordingInfo.Track> tracks = new ArrayList<>();
    if (r.getTracks() != null) {
      for (var t : r.getTracks().getTrack()) {
        if (t.getTrackToken() != null) {
          var c = t.getConfiguration();
          tracks.add(
              new RecordingInfo.Track(
                  t.getTrackToken(),
                  c == null || c.getTrackType() == null ? "" : c.getTrackType().value(),
                  c == null ? "" : s(c.getDescription()),
                  null,
                  null));
        }
      }
    }
    var conf = r.getConfiguration();
    RecordingSourceInformation src = conf == null ? null : conf.getSource();
    return new RecordingInfo(
        r.getRecordingToken().trim(),
        src == null ? "" : s(src.getSourceId()),
        src == null ? "" : s(src.getName()),
        conf == null ? "" : s(conf.getContent()),
        null,
        null,
        "",
        tracks);
  }

  private static String s(@Nullable String v) {
    return v == null ? "" : v.trim();
  }
}
