package io.github.vpsdk.vp.testkit.internal.camera;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * A camera's listening port: a plain HTTP/1.1 {@link ServerConnector} whose channels are selected
 * by the JVM's {@link SharedSelectors} instead of a selector (and thread) of its own. Starting it
 * binds the port and registers it; stopping it closes the port and this camera's connections, and
 * leaves the shared selector running for the other cameras.
 */
final class CameraConnector extends ServerConnector {
  private final SharedSelectors shared;

  CameraConnector(Server server, SharedSelectors shared) {
    super(server, null, null, null, 0, 1, new HttpConnectionFactory());
    this.shared = shared;
  }

  @Override
  protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
    return new Selectors(executor, scheduler);
  }

  /**
   * This connector's selector manager as Jetty sees it: it runs no selector, hands its channels to
   * the shared one, and is called back by it for what belongs to this connector.
   */
  final class Selectors extends ServerConnectorManager {
    private @Nullable SelectableChannel server;

    Selectors(Executor executor, Scheduler scheduler) {
      super(executor, scheduler, 1);
    }

    @Override
    protected void doStart() {
      // the shared selector runs the channels: nothing of its own to start
    }

    @Override
    protected void doStop() {
      SelectableChannel s;
      synchronized (this) {
        s = server;
        server = null;
      }
      if (s != null) {
        shared.release(s);
      }
      for (EndPoint e : new ArrayList<>(getConnectedEndPoints())) {
        e.close();
      }
    }

    @Override
    public Closeable acceptor(SelectableChannel channel) {
      synchronized (this) {
        server = channel;
      }
      return shared.acceptor(channel, this);
    }

    @Override
    public void accept(SelectableChannel channel) {
      shared.accept(channel, this);
    }

    @Override
    public void accept(SelectableChannel channel, Object attachment) {
      shared.accept(channel, this);
    }

    void acceptedHere(SelectableChannel channel) throws IOException {
      accepted(channel);
    }

    EndPoint newEndPointHere(SelectableChannel channel, ManagedSelector selector, SelectionKey key)
        throws IOException {
      return newEndPoint(channel, selector, key);
    }

    Connection newConnectionHere(SelectableChannel channel, EndPoint endPoint) throws IOException {
      return newConnection(channel, endPoint, this);
    }

    void openedHere(EndPoint endPoint) {
      endPointOpened(endPoint);
    }

    void closedHere(EndPoint endPoint) {
      endPointClosed(endPoint);
    }
  }
}
