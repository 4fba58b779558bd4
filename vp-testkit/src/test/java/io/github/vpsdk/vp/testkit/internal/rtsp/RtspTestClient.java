package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal RTSP client for the tests, written from RFC 2326: requests with CSeq, digest answers
 * to a 401 (RFC 7616, MD5 without qop), interleaved RTP over the same connection.
 */
final class RtspTestClient implements AutoCloseable {
  final Socket socket;
  final DataInputStream in;
  final OutputStream out;
  private int cseq;
  private @Nullable String user;
  private @Nullable String password;
  private @Nullable Map<String, String> challenge;

  /** A response; headers keyed in lower case. */
  record Response(int status, Map<String, String> headers, String body) {
    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One interleaved frame. */
  record Binary(int channel, byte[] data) {}

  RtspTestClient(URI uri) throws IOException {
    socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(15_000);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = socket.getOutputStream();
  }

  RtspTestClient credentials(String u, String p) {
    this.user = u;
    this.password = p;
    return this;
  }

  /** Sends a request (answering one digest challenge if needed) and reads its response. */
  Response request(String method, String uri, String... headers) throws IOException {
    Response r = once(method, uri, headers);
    if (r.status() == 401 && user != null) {
      challenge = io.github.vpsdk.vp.testkit.internal.camera.HttpAuth.params(r.header("www-authenticate").substring(7));
      r = once(method, uri, headers);
    }
    return r;
  }

  private Response once(String method, String uri, String... headers) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(uri).append(" RTSP/1.0\r\n");
    sb.append("CSeq: ").append(++cseq).append("\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    if (challenge != null && user != null) {
      String realm = challenge.get("realm");
      String nonce = challenge.get("nonce");
      String ha1 = RtspDigest.md5(user + ":" + realm + ":" + password);
      String ha2 = RtspDigest.md5(method + ":" + uri);
      sb.append("Authorization: Digest username=\"").append(user).append("\", realm=\"").append(realm)
          .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
          .append(RtspDigest.md5(ha1 + ":" + nonce + ":" + ha2)).append("\"\r\n");
    }
    sb.append("\r\n");
    sendRaw(sb.toString().getBytes(StandardCharsets.UTF_8));
    return readResponse();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads the next response, skipping interleaved frames before it. */
  Response readResponse() throws IOException {
    while (true) {
      in.mark(1);
      int first = in.read();
      if (first < 0) {
        throw new EOFException("connection closed");
      }
      if (first == '$') {
        in.readUnsignedByte();
        in.skipNBytes(in.readUnsignedShort());
        continue;
      }
      in.reset();
      String status = line();
      if (!status.startsWith("RTSP/1.0 ")) {
        throw new IOException("bad status line: " + status);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String l = line(); !l.isEmpty(); l = line()) {
        int c = l.indexOf(':');
        headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Response(Integer.parseInt(status.substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
    }
  }

  /** Reads the next interleaved frame. */
  Binary readBinary() throws IOException {
    int first = in.read();
    if (first != '$') {
      throw new IOException("expected interleaved data, got " + first);
    }
    int channel = in.readUnsignedByte();
    byte[] data = in.readNBytes(in.readUnsignedShort());
    return new Binary(channel, data);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        b.write(c);
      }
      if (b.size() > 8192) {
        throw new IOException("line too long");
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
