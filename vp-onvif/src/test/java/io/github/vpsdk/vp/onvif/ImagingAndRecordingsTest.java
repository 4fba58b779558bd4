package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetImagingSettingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetMoveOptionsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Move;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.MoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.SetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.SetImagingSettingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.StopResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSourcesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.GetReplayUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.GetReplayUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AutoFocusMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ContinuousFocusOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FindRecordingResultList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FloatRange;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusConfiguration20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingSettings20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IrCutFilterMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingSourceInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RecordingStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelativeFocusOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SearchState;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TrackType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TransportProtocol;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoSource;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.EndSearchResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.FindRecordingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.GetRecordingSearchResultsResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imaging, recording search and replay against the CXF fake on loopback. */
class ImagingAndRecordingsTest {
  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  FakeEventCamera fake;
  OnvifClient client;
  OnvifCamera camera;
  final AtomicReference<ImagingSettings20> stored = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    fake = new FakeEventCamera(new MutableClock(Instant.parse("2026-11-23T08:00:00Z"))).start();
    client = OnvifClient.create(OnvifConfig.create(b -> b.clock(fake.cam.clock)));
    camera = client.connect(fake.cam.deviceUri(), Credentials.of("operator", "pw")).join();
    ImagingSettings20 s = new ImagingSettings20();
    s.setBrightness(50f);
    s.setContrast(40f);
    s.setIrCutFilter(IrCutFilterMode.AUTO);
    FocusConfiguration20 f = new FocusConfiguration20();
    f.setAutoFocusMode(AutoFocusMode.MANUAL);
    f.setDefaultSpeed(0.5f);
    s.setFocus(f);
    stored.set(s);
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  @Test
  void imagingSettingsFocusOptionsAndMoves() {
    List<Object> moves = new CopyOnWriteArrayList<>();
    fake.cam.handlers.put(
        "Media.getVideoSources",
        r -> {
          var out = new GetVideoSourcesResponse();
          VideoSource v = new VideoSource();
          v.setToken("VS1");
          out.getVideoSources().add(v);
          return out;
        });
    fake.cam.handlers.put(
        "ImagingPort.getImagingSettings",
        r -> {
          assertThat(((GetImagingSettings) r).getVideoSourceToken()).isEqualTo("VS1");
          var out = new GetImagingSettingsResponse();
          out.setImagingSettings(stored.get());
          return out;
        });
    fake.cam.handlers.put(
        "ImagingPort.setImagingSettings",
        r -> {
          ImagingSettings20 change = ((SetImagingSettings) r).getImagingSettings();
          ImagingSettings20 s = stored.get();
          if (change.getBrightness() != null) {
            s.setBrightness(change.getBrightness());
          }
          if (change.getFocus() != null) {
            s.getFocus().setAutoFocusMode(change.getFocus().getAutoFocusMode());
          }
          // only the changed parts were sent
          assertThat(change.getContrast()).isNull();
          return new SetImagingSettingsResponse();
        });
    fake.cam.handlers.put(
        "ImagingPort.getMoveOptions",
        r -> {
          MoveOptions20 o = new MoveOptions20();
          RelativeFocusOptions20 rel = new RelativeFocusOptions20();
          rel.setDistance(range(-1, 1));
          rel.setSpeed(range(0, 1));
          o.setRelative(rel);
          ContinuousFocusOptions c = new ContinuousFocusOptions();
          c.setSpeed(range(-1, 1));
          o.setContinuous(c);
          var out = new GetMoveOptionsResponse();
          out.setMoveOptions(o);
          return out;
        });
    fake.cam.handlers.put(
        "ImagingPort.move",
        r -> {
          moves.add(((Move) r).getFocus());
          return new MoveResponse();
        });
    fake.cam.handlers.put(
        "ImagingPort.stop",
        r -> {
          moves.add("stop");
          return new StopResponse();
        });

    OnvifImaging imaging = camera.imaging();
    assertThat(imaging.videoSources().join()).containsExactly("VS1");
    ImagingSettings s = imaging.settings("VS1").join();
    assertThat(s).isEqualTo(new ImagingSettings(50.0, 40.0, null, null, "AUTO", null, "MANUAL"));

    imaging.setSettings("VS1", ImagingSettings.unchanged().withBrightness(70.0), true).join();
    assertThat(imaging.settings("VS1").join().brightness()).isEqualTo(70.0);
    imaging.refocus("VS1").join();
    assertThat(imaging.settings("VS1").join().focusMode()).isEqualTo("AUTO");

    FocusOptions options = imaging.focusOptions("VS1").join();
    assertThat(options.absolute()).isFalse();
    assertThat(options.relative()).isTrue();
    assertThat(options.continuousSpeed()).isEqualTo(new FocusOptions.Range(-1, 1));
    imaging.focus("VS1", new FocusMove.Relative(0.25, null)).join();
    imaging.focus("VS1", new FocusMove.Continuous(-0.5)).join();
    imaging.stopFocus("VS1").join();
    assertThat(moves).hasSize(3);
    var rel = (io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusMove) moves.get(0);
    assertThat(rel.getRelative().getDistance()).isEqualTo(0.25f);
    assertThat(rel.getRelative().getSpeed()).isNull();
    var cont = (io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusMove) moves.get(1);
    assertThat(cont.getContinuous().getSpeed()).isEqualTo(-0.5f);
    assertThat(moves.get(2)).isEqualTo("stop");

    assertThat(OnvifClientTest.failure(imaging.setSettings("VS1", ImagingSettings.unchanged().withIrCutFilter("DUSK"), false)).kind())
        .isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
  }

  @Test
  void findRecordingsAcrossSearchRoundsAndReplayUri() {
    AtomicInteger rounds = new AtomicInteger();
    List<String> ended = new CopyOnWriteArrayList<>();
    fake.cam.handlers.put(
        "SearchPort.findRecordings",
        r -> {
          var out = new FindRecordingsResponse();
          out.setSearchToken("S1");
          return out;
        });
    fake.cam.handlers.put(
        "SearchPort.getRecordingSearchResults",
        r -> {
          int n = rounds.incrementAndGet();
          FindRecordingResultList l = new FindRecordingResultList();
          if (n == 1) {
            l.setSearchState(SearchState.SEARCHING);
            l.getRecordingInformation().add(recording("REC1", "cam-1", T0, T0.plusSeconds(3600)));
          } else {
            l.setSearchState(SearchState.COMPLETED);
            l.getRecordingInformation().add(recording("REC2", "cam-2", T0, T0.plusSeconds(7200)));
            l.getRecordingInformation().add(recording("REC3", "cam-1", T0.plusSeconds(86400), T0.plusSeconds(90000)));
          }
          var out = new GetRecordingSearchResultsResponse();
          out.setResultList(l);
          return out;
        });
    fake.cam.handlers.put(
        "SearchPort.endSearch",
        r -> {
          ended.add("S1");
          return new EndSearchResponse();
        });
    fake.cam.handlers.put(
        "ReplayPort.getReplayUri",
        r -> {
          GetReplayUri req = (GetReplayUri) r;
          assertThat(req.getStreamSetup().getTransport().getProtocol()).isEqualTo(TransportProtocol.RTSP);
          var out = new GetReplayUriResponse();
          out.setUri("rtsp://10.1.2.3:554/replay/" + req.getRecordingToken());
          return out;
        });

    List<RecordingInfo> all = camera.recordings().find(null, null, null, 10).join();
    assertThat(all).extracting(RecordingInfo::token).containsExactly("REC1", "REC2", "REC3");
    assertThat(ended).containsExactly("S1");
    RecordingInfo rec1 = all.get(0);
    assertThat(rec1.sourceId()).isEqualTo("cam-1");
    assertThat(rec1.earliest()).isEqualTo(T0);
    assertThat(rec1.latest()).isEqualTo(T0.plusSeconds(3600));
    assertThat(rec1.status()).isEqualTo("Recording");
    assertThat(rec1.tracks()).singleElement().satisfies(t -> {
      assertThat(t.token()).isEqualTo("VIDEO001");
      assertThat(t.type()).isEqualTo("Video");
    });

    rounds.set(0);
    List<RecordingInfo> cam1Yesterday =
        camera.recordings().find("cam-1", T0.plusSeconds(1800), T0.plusSeconds(7200), 10).join();
    assertThat(cam1Yesterday).extracting(RecordingInfo::token).containsExactly("REC1");

    URI replay = camera.recordings().replayUri("REC1", ReplayTransport.RTSP).join();
    assertThat(replay.getHost()).isEqualTo("127.0.0.1");
    assertThat(replay.getPort()).isEqualTo(554);
    assertThat(replay.getPath()).isEqualTo("/replay/REC1");

    // the fake offers no recording-control operation: a clear NOT_SUPPORTED
    assertThat(OnvifClientTest.failure(camera.recordings().list()).kind())
        .isEqualTo(OnvifException.Kind.NOT_SUPPORTED);
  }

  @Test
  void missingServicesAreNotSupported() throws Exception {
    // the recorded Hikvision announces neither search nor replay
    try (ReplayCamera replay = new ReplayCamera("hikvision", "admin", "pa55")) {
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "pa55")).join();
      OnvifException e = OnvifClientTest.failure(cam.recordings().find(null, null, null, 1));
      assertThat(e.kind()).isEqualTo(OnvifException.Kind.NOT_SUPPORTED);
      assertThat(e.getMessage()).contains("search");
      assertThat(OnvifClientTest.failure(cam.recordings().replayUri("R", ReplayTransport.UDP)).kind())
          .isEqualTo(OnvifException.Kind.NOT_SUPPORTED);
    }
  }

  @Test
  void relaysAndDigitalInputs() {
    List<String> set = new CopyOnWriteArrayList<>();
    fake.cam.handlers.put(
        "Device.getRelayOutputs",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.device.GetRelayOutputsResponse();
          var relay = new io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelayOutput();
          relay.setToken("R1");
          var p = new io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelayOutputSettings();
          p.setMode(io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelayMode.BISTABLE);
          p.setIdleState(io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelayIdleState.OPEN);
          relay.setProperties(p);
          out.getRelayOutputs().add(relay);
          return out;
        });
    fake.cam.handlers.put(
        "Device.setRelayOutputState",
        r -> {
          var req = (io.github.vpsdk.vp.onvif.internal.wsdl.device.SetRelayOutputState) r;
          set.add(req.getRelayOutputToken() + "=" + req.getLogicalState().value());
          return new io.github.vpsdk.vp.onvif.internal.wsdl.device.SetRelayOutputStateResponse();
        });
    fake.cam.handlers.put(
        "DeviceIOPort.getDigitalInputs",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.deviceio.GetDigitalInputsResponse();
          var in = new io.github.vpsdk.vp.onvif.internal.wsdl.schema.DigitalInput();
          in.setToken("DI_1");
          in.setIdleState(io.github.vpsdk.vp.onvif.internal.wsdl.schema.DigitalIdleState.CLOSED);
          out.getDigitalInputs().add(in);
          return out;
        });
    OnvifIo io = camera.io();
    assertThat(io.relayOutputs().join()).containsExactly(new RelayOutput("R1", "Bistable", null, "open"));
    io.setRelay("R1", true).join();
    io.setRelay("R1", false).join();
    assertThat(set).containsExactly("R1=active", "R1=inactive");
    assertThat(io.digitalInputs().join()).containsExactly(new DigitalInput("DI_1", "closed"));
  }

  static RecordingInformation recording(String token, String source, Instant from, Instant to) {
    RecordingInformation r = new RecordingInformation();
    r.setRecordingToken(token);
    RecordingSourceInformation s = new RecordingSourceInformation();
    s.setSourceId(source);
    s.setName(source);
    r.setSource(s);
    r.setEarliestRecording(FakeEventCamera.xml(from));
    r.setLatestRecording(FakeEventCamera.xml(to));
    r.setRecordingStatus(RecordingStatus.RECORDING);
    TrackInformation t = new TrackInformation();
    t.setTrackToken("VIDEO001");
    t.setTrackType(TrackType.VIDEO);
    t.setDataFrom(FakeEventCamera.xml(from));
    t.setDataTo(FakeEventCamera.xml(to));
    r.getTrack().add(t);
    return r;
  }

  static FloatRange range(float min, float max) {
    FloatRange r = new FloatRange();
    r.setMin(min);
    r.setMax(max);
    return r;
  }
}
