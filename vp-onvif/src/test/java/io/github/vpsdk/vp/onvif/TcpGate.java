package io.github.vpsdk.vp.onvif;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a test server, that a test can shut (connections refused
 * and cut, like a camera switched off) and open again on the same port (the camera back).
 */
final class TcpGate implements AutoCloseable {
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private int port;

  TcpGate(int target) throws IOException {
    this.target = target;
    open();
  }

  int port() {
    return port;
  }

  synchronized void open() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = s.getLocalPort();
    server = s;
    Thread t = new Thread(() -> accept(s), "tcp-gate-" + port);
    t.setDaemon(true);
    t.start();
  }

  synchronized void shut() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket in = s.accept();
        // registered before anything else, so that a shut() racing this accept closes it too
        if (!register(s, in)) {
          continue;
        }
        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
        if (!register(s, out)) {
          in.close();
          continue;
        }
        pump(in, out);
        pump(out, in);
      } catch (IOException e) {
        // closed, or the target refused: the client sees a reset
      }
    }
  }

  private synchronized boolean register(ServerSocket s, Socket socket) throws IOException {
    if (s.isClosed()) {
      socket.close();
      return false;
    }
    sockets.add(socket);
    return true;
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "tcp-gate-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    shut();
  }
}
