package io.github.vpsdk.vp.protocols.surgard;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Which side opens the TCP connection of an SG automation link. Hardware and IP receivers differ:
 * some connect to the automation computer (System III's automation port is a client or a server
 * by option), others listen for it; automation packages differ the same way. vp does both.
 */
public sealed interface SurGardEndpoint permits SurGardEndpoint.Listen, SurGardEndpoint.Connect {

  /**
   * vp listens and the peer connects. A new connection does not close older ones; each is a link
   * of its own.
   *
   * @param address where to listen (port 0: any free port)
   */
  record Listen(InetSocketAddress address) implements SurGardEndpoint {
    /** Validates. */
    public Listen {
      Objects.requireNonNull(address, "address");
    }
  }

  /**
   * vp connects to the peer, and reconnects with a bounded back-off when the connection fails or
   * drops.
   *
   * @param address the peer's address
   */
  record Connect(InetSocketAddress address) implements SurGardEndpoint {
    /** Validates. */
    public Connect {
      Objects.requireNonNull(address, "address");
    }
  }

  /**
   * Listens on a port of every interface.
   *
   * @param port the port, 0 for any free one
   * @return the endpoint
   */
  static SurGardEndpoint listen(int port) {
    return new Listen(new InetSocketAddress(port));
  }

  /**
   * Listens on an address.
   *
   * @param host the local address to bind, such as {@code 127.0.0.1}
   * @param port the port, 0 for any free one
   * @return the endpoint
   */
  static SurGardEndpoint listen(String host, int port) {
    return new Listen(new InetSocketAddress(host, port));
  }

  /**
   * Connects to a peer.
   *
   * @param host the peer's host name or address (resolved at each attempt)
   * @param port its port (System III: 1025)
   * @return the endpoint
   */
  static SurGardEndpoint connect(String host, int port) {
    return new Connect(InetSocketAddress.createUnresolved(host, port));
  }
}
