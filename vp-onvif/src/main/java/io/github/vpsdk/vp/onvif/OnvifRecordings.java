package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.Mapping;
import io.github.vpsdk.vp.onvif.internal.RecordingMapping;
import io.github.vpsdk.vp.onvif.internal.wsdl.recording.GetRecordings;
import io.github.vpsdk.vp.onvif.internal.wsdl.recording.RecordingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.GetReplayUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.ReplayPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SearchScope;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SearchState;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.StreamSetup;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.StreamType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Transport;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TransportProtocol;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.EndSearch;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.FindRecordings;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.GetRecordingSearchResults;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.SearchPort;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording search and replay of one camera or recorder, ONVIF Profile G (reach it with {@link
 * OnvifCamera#recordings()}): which recordings exist for a source and a time range, and the RTSP
 * URI that replays one.
 */
public final class OnvifRecordings {
  private static final Logger LOG = LoggerFactory.getLogger(OnvifRecordings.class);
  /** Most GetRecordingSearchResults rounds of one search (each waits at most 2 s camera-side). */
  static final int MAX_ROUNDS = 32;

  private final OnvifCamera camera;

  OnvifRecordings(OnvifCamera camera) {
    this.camera = camera;
  }

  /**
   * Lists the recordings through the recording service (GetRecordings): tokens, sources and
   * tracks, without times.
   *
   * @return the recordings
   */
  public CompletableFuture<List<RecordingInfo>> list() {
    return camera.invoke(
        "GetRecordings",
        () -> {
          RecordingPort p =
              camera
                  .session()
                  .proxy(
                      RecordingPort.class,
                      camera.serviceAddress(ServiceAddresses.RECORDING, "recording"),
                      true);
          List<RecordingInfo> out = new ArrayList<>();
          for (var item : p.getRecordings(new GetRecordings()).getRecordingItem()) {
            RecordingInfo r = RecordingMapping.info(item);
            if (r != null) {
              out.add(r);
            }
          }
          return List.copyOf(out);
        });
  }

  /**
   * Finds recordings through the search service (FindRecordings, then GetRecordingSearchResults
   * until the search completes, then EndSearch), keeping those of a source that hold data in a
   * time range. ONVIF searches have no time criterion for recordings, so the range is applied by
   * vp on the recordings' earliest and latest times.
   *
   * @param sourceId the recording source identifier to keep ({@link RecordingInfo#sourceId()}),
   *     or {@code null} for every source
   * @param from the start of the range, or {@code null}
   * @param to the end of the range, or {@code null}
   * @param maxMatches the most recordings the camera should return, at least 1
   * @return the matching recordings
   */
  public CompletableFuture<List<RecordingInfo>> find(
      @Nullable String sourceId, @Nullable Instant from, @Nullable Instant to, int maxMatches) {
    if (maxMatches < 1) {
      throw new IllegalArgumentException("maxMatches must be at least 1");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
    Duration budget = camera.client().config().requestTimeout().multipliedBy(4);
    return camera.invoke(
        "FindRecordings",
        budget,
        () -> {
          SearchPort p =
              camera
                  .session()
                  .proxy(
                      SearchPort.class,
                      camera.serviceAddress(ServiceAddresses.SEARCH, "search"),
                      true);
          FindRecordings req = new FindRecordings();
          req.setScope(new SearchScope());
          req.setMaxMatches(maxMatches);
          req.setKeepAliveTime(OnvifCamera.toXml(Duration.ofSeconds(30)));
          String token = p.findRecordings(req).getSearchToken();
          if (token == null || token.isBlank()) {
            throw new OnvifException(
                OnvifException.Kind.PROTOCOL, "FindRecordings: no search token", null, null);
          }
          List<RecordingInfo> out = new ArrayList<>();
          try {
            for (int round = 0; round < MAX_ROUNDS && out.size() < maxMatches; round++) {
              GetRecordingSearchResults get = new GetRecordingSearchResults();
              get.setSearchToken(token);
              get.setMaxResults(Math.min(maxMatches, 100));
              get.setWaitTime(OnvifCamera.toXml(Duration.ofSeconds(2)));
              var list = p.getRecordingSearchResults(get).getResultList();
              if (list == null) {
                break;
              }
              for (var ri : list.getRecordingInformation()) {
                RecordingInfo r = RecordingMapping.info(ri);
                if (r != null
                    && out.size() < maxMatches
                    && (sourceId == null || sourceId.equals(r.sourceId()))
                    && r.overlaps(from, to)) {
                  out.add(r);
                }
              }
              if (list.getSearchState() == SearchState.COMPLETED) {
                return List.copyOf(out);
              }
            }
            return List.copyOf(out);
          } finally {
            try {
              EndSearch end = new EndSearch();
              end.setSearchToken(token);
              p.endSearch(end);
            } catch (RuntimeException e) {
              // searches end by themselves after KeepAliveTime
              LOG.debug("EndSearch failed: {}", e.getMessage());
            }
          }
        });
  }

  /**
   * Gets the URI that replays a recording (GetReplayUri). Give it to an RTSP client with the
   * camera account; the replay range is chosen with RTSP {@code Range: clock=...}.
   *
   * @param recordingToken the recording
   * @param transport how the stream is carried
   * @return the URI (its host rewritten to the given host when rewriting is on; the port kept)
   */
  public CompletableFuture<URI> replayUri(String recordingToken, ReplayTransport transport) {
    Objects.requireNonNull(recordingToken, "recordingToken");
    Objects.requireNonNull(transport, "transport");
    return camera.invoke(
        "GetReplayUri",
        () -> {
          ReplayPort p =
              camera
                  .session()
                  .proxy(
                      ReplayPort.class,
                      camera.serviceAddress(ServiceAddresses.REPLAY, "replay"),
                      true);
          GetReplayUri req = new GetReplayUri();
          req.setRecordingToken(recordingToken);
          StreamSetup setup = new StreamSetup();
          setup.setStream(StreamType.RTP_UNICAST);
          Transport t = new Transport();
          t.setProtocol(
              transport == ReplayTransport.RTSP_OVER_HTTP
                  ? TransportProtocol.HTTP
                  : transport == ReplayTransport.UDP ? TransportProtocol.UDP : TransportProtocol.RTSP);
          setup.setTransport(t);
          req.setStreamSetup(setup);
          String uri = p.getReplayUri(req).getUri();
          if (uri == null || uri.isBlank()) {
            throw new OnvifException(OnvifException.Kind.PROTOCOL, "GetReplayUri: no URI", null, null);
          }
          URI u;
          try {
            u = new URI(uri.trim());
          } catch (java.net.URISyntaxException e) {
            throw new OnvifException(
                OnvifException.Kind.PROTOCOL, "GetReplayUri: malformed URI", null, e);
          }
          if (camera.client().config().rewriteServiceAddresses() && u.getHost() != null) {
            u = Mapping.withHost(u, camera.deviceAddress().getHost());
          }
          return u;
        });
  }
}
