package io.github.vpsdk.vp.protocols.transmitter;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.oh.OhCodec;
import io.github.vpsdk.vp.protocols.oh.OhDecodeResult;
import io.github.vpsdk.vp.protocols.oh.OhEvent;
import io.github.vpsdk.vp.protocols.oh.OhHeartbeat;
import io.github.vpsdk.vp.protocols.oh.OhKey;
import io.github.vpsdk.vp.protocols.oh.OhMessage;
import io.github.vpsdk.vp.protocols.oh.OhReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The panel side of an Osborne-Hoffman session, blocking: connects, reads the receiver's key,
 * then sends events and heartbeats one at a time and waits for each answer, as a panel does. For
 * test kits, simulators and a panel gateway; one thread at a time.
 *
 * <pre>{@code
 * try (OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver, Duration.ofSeconds(5))) {
 *   OsborneHoffmanTransmitter.Answer a = panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0L));
 *   long id = a.assignedPanelId();            // the receiver gave this panel an identifier
 *   panel.send(OhEvent.sia(1, 0x6666, 0x1234, "001234", "Nri01/BA001", "Hall").withTrailer(id, "001234", null));
 * }
 * }</pre>
 */
public final class OsborneHoffmanTransmitter implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final OhCodec codec;
  private final Duration timeout;
  private final ByteBuffer buffer = ByteBuffer.allocate(256);

  /**
   * The receiver's answer to one message.
   *
   * @param reply the final answer, {@code ACK} or {@code NACK}
   * @param assignedPanelId the identifier the receiver gave the panel before answering, or {@code
   *     null}
   */
  public record Answer(OhReply reply, @Nullable Long assignedPanelId) {
    /** Validates. */
    public Answer {
      Objects.requireNonNull(reply, "reply");
    }

    /**
     * Whether the receiver acknowledged the message.
     *
     * @return {@code true} for {@code ACK}
     */
    public boolean acknowledged() {
      return reply.kind() == OhReply.Kind.ACK;
    }
  }

  private OsborneHoffmanTransmitter(Socket socket, OhKey key, Duration timeout) throws IOException {
    this.socket = socket;
    this.timeout = timeout;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.codec = OhCodec.of(key);
  }

  /**
   * Opens a session: connects and reads the 24-byte key handshake.
   *
   * @param receiver the receiver's address
   * @param timeout for the connection, the handshake and every answer
   * @return the session
   * @throws VpException {@code IO} if the connection fails or closes, {@code TIMEOUT} if the
   *     receiver does not send its key in time
   */
  public static OsborneHoffmanTransmitter connect(InetSocketAddress receiver, Duration timeout) {
    Socket socket = new Socket();
    try {
      int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      socket.connect(receiver, millis);
      socket.setSoTimeout(millis);
      socket.setTcpNoDelay(true);
      byte[] handshake = socket.getInputStream().readNBytes(OhKey.LENGTH);
      if (handshake.length != OhKey.LENGTH) {
        throw new VpException(VpException.Reason.IO, "the receiver closed the connection before sending its key");
      }
      return new OsborneHoffmanTransmitter(socket, OhKey.fromHandshake(handshake), timeout);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new VpException(VpException.Reason.TIMEOUT, "no key from " + receiver + " within " + timeout, e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new VpException(VpException.Reason.IO, "cannot connect to " + receiver + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /**
   * Sends an event or a heartbeat and waits for the answer ({@code ID} replies before it are
   * collected into the answer).
   *
   * @param message an {@link OhEvent} or {@link OhHeartbeat}
   * @return the answer
   * @throws VpException {@code TIMEOUT} without an answer in time, {@code IO} if the connection
   *     fails or closes, {@code MALFORMED} if the receiver's answer cannot be read
   */
  public Answer send(OhMessage message) {
    if (!(message instanceof OhEvent) && !(message instanceof OhHeartbeat)) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "a panel sends events and heartbeats");
    }
    try {
      out.write(codec.encode(message));
      out.flush();
      Long assigned = null;
      while (true) {
        buffer.flip();
        OhDecodeResult r = codec.decodeReply(buffer);
        buffer.compact();
        if (r instanceof OhDecodeResult.Malformed) {
          throw new VpException(VpException.Reason.MALFORMED, "unreadable answer: " + ((OhDecodeResult.Malformed) r).detail());
        }
        if (r instanceof OhDecodeResult.Decoded) {
          OhReply reply = (OhReply) ((OhDecodeResult.Decoded) r).message();
          if (reply.kind() == OhReply.Kind.PANEL_ID) {
            assigned = reply.panelId();
            continue;
          }
          return new Answer(reply, assigned);
        }
        int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        if (n < 0) {
          throw new VpException(VpException.Reason.IO, "the receiver closed the connection without answering");
        }
        buffer.position(buffer.position() + n);
      }
    } catch (SocketTimeoutException e) {
      throw new VpException(VpException.Reason.TIMEOUT, "no answer within " + timeout, e);
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, "send failed: " + e.getMessage(), e);
    }
  }

  /**
   * Where the session is connected from.
   *
   * @return the local address
   */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Closes the connection. */
  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
