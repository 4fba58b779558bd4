package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.recording.GetRecordings;
import io.github.vpsdk.vp.onvif.internal.wsdl.recording.GetRecordingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.GetReplayUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.GetReplayUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FindRecordingResultList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.GetRecordingsResponseItem;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.GetTracksResponseItem;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.GetTracksResponseList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingSourceInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SearchState;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackType;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.EndSearch;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.EndSearchResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.FindRecordings;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.FindRecordingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.GetRecordingSearchResults;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.GetRecordingSearchResultsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Profile G, as much as a console needs for deferred review: one continuous recording of the
 * video source (the last 24 hours on the camera's clock, one video track), found through the
 * recording service (GetRecordings) and the search service (FindRecordings,
 * GetRecordingSearchResults, EndSearch), and its replay URI (GetReplayUri,
 * {@code rtsp://host[:port]/replay/REC_1}), which the camera's RTSP server (when on) plays with
 * the main profile's pictures drawn at play time: the simulated camera keeps no archive.
 */
final class RecordingService {
  static final String NS_RECORDING = "http://www.onvif.org/ver10/recording/wsdl";
  static final String NS_SEARCH = "http://www.onvif.org/ver10/search/wsdl";
  static final String NS_REPLAY = "http://www.onvif.org/ver10/replay/wsdl";
  static final String RECORDING = "REC_1";
  static final String TRACK = "VIDEO001";
  static final Duration RETENTION = Duration.ofHours(24);
  private static final int MAX_SEARCHES = 16;

  private final CameraState state;
  private final AtomicLong searches = new AtomicLong();
  private final Map<String, Instant> open = new ConcurrentHashMap<>();

  RecordingService(CameraState state) {
    this.state = state;
  }

  Handlers recording() {
    return new Handlers(state).on("getRecordings", GetRecordings.class, r -> recordings());
  }

  Handlers search() {
    return new Handlers(state)
        .on("findRecordings", FindRecordings.class, r -> find())
        .on("getRecordingSearchResults", GetRecordingSearchResults.class, this::results)
        .on("endSearch", EndSearch.class, this::end);
  }

  Handlers replay() {
    return new Handlers(state).on("getReplayUri", GetReplayUri.class, this::replayUri);
  }

  private RecordingSourceInformation source() {
    RecordingSourceInformation s = new RecordingSourceInformation();
    s.setSourceId(MediaService.VIDEO_SOURCE);
    s.setName(state.config().name());
    s.setLocation("simulated");
    s.setDescription("video source of " + state.config().name());
    s.setAddress(state.url(CameraServer.DEVICE_PATH));
    return s;
  }

  private GetRecordingsResponse recordings() {
    GetRecordingsResponseItem item = new GetRecordingsResponseItem();
    item.setRecordingToken(RECORDING);
    RecordingConfiguration c = new RecordingConfiguration();
    c.setSource(source());
    c.setContent("continuous recording");
    c.setMaximumRetentionTime(Xml.duration(RETENTION));
    item.setConfiguration(c);
    GetTracksResponseList tracks = new GetTracksResponseList();
    GetTracksResponseItem t = new GetTracksResponseItem();
    t.setTrackToken(TRACK);
    TrackConfiguration tc = new TrackConfiguration();
    tc.setTrackType(TrackType.VIDEO);
    tc.setDescription("main video");
    t.setConfiguration(tc);
    tracks.getTrack().add(t);
    item.setTracks(tracks);
    GetRecordingsResponse r = new GetRecordingsResponse();
    r.getRecordingItem().add(item);
    return r;
  }

  private FindRecordingsResponse find() {
    Instant now = state.cameraNow();
    open.values().removeIf(started -> started.isBefore(now.minus(Duration.ofMinutes(5))));
    if (open.size() >= MAX_SEARCHES) {
      throw SoapFaults.action("ResourceProblem", "too many searches open");
    }
    String token = "search-" + searches.incrementAndGet();
    open.put(token, now);
    FindRecordingsResponse r = new FindRecordingsResponse();
    r.setSearchToken(token);
    return r;
  }

  private GetRecordingSearchResultsResponse results(GetRecordingSearchResults req) {
    if (req == null || req.getSearchToken() == null || !open.containsKey(req.getSearchToken())) {
      throw SoapFaults.invalidArg("InvalidToken", "Unknown search token");
    }
    Instant now = state.cameraNow();
    RecordingInformation info = new RecordingInformation();
    info.setRecordingToken(RECORDING);
    info.setSource(source());
    info.setEarliestRecording(Xml.calendar(now.minus(RETENTION)));
    info.setLatestRecording(Xml.calendar(now));
    info.setContent("continuous recording");
    info.setRecordingStatus(RecordingStatus.RECORDING);
    TrackInformation t = new TrackInformation();
    t.setTrackToken(TRACK);
    t.setTrackType(TrackType.VIDEO);
    t.setDescription("main video");
    t.setDataFrom(Xml.calendar(now.minus(RETENTION)));
    t.setDataTo(Xml.calendar(now));
    info.getTrack().add(t);
    FindRecordingResultList list = new FindRecordingResultList();
    list.setSearchState(SearchState.COMPLETED);
    list.getRecordingInformation().add(info);
    GetRecordingSearchResultsResponse r = new GetRecordingSearchResultsResponse();
    r.setResultList(list);
    return r;
  }

  private EndSearchResponse end(EndSearch req) {
    if (req == null || req.getSearchToken() == null || open.remove(req.getSearchToken()) == null) {
      throw SoapFaults.invalidArg("InvalidToken", "Unknown search token");
    }
    EndSearchResponse r = new EndSearchResponse();
    r.setEndpoint(Xml.calendar(state.cameraNow()));
    return r;
  }

  private GetReplayUriResponse replayUri(GetReplayUri req) {
    if (req == null || !RECORDING.equals(req.getRecordingToken())) {
      throw SoapFaults.invalidArg("NoRecording", "Unknown recording token");
    }
    Integer port = state.rtspPort();
    GetReplayUriResponse r = new GetReplayUriResponse();
    r.setUri("rtsp://" + state.host() + (port == null ? "" : ":" + port) + "/replay/" + RECORDING);
    return r;
  }
}
