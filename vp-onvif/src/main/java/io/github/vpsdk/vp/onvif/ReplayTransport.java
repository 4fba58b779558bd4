package io.github.vpsdk.vp.onvif;

/** How a replay stream is carried, for {@link OnvifRecordings#replayUri}. */
public enum ReplayTransport {
  /** RTP over RTSP (interleaved or negotiated), the usual choice. */
  RTSP,
  /** RTP over RTSP tunnelled in HTTP, through proxies. */
  RTSP_OVER_HTTP,
  /** RTP over UDP, negotiated by RTSP. */
  UDP
}
