package io.github.vpsdk.vp.testkit.internal.camera;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NIO selector shared by the ports of all simulated cameras of a JVM. A Jetty connector
 * otherwise runs a selector of its own, and so holds a thread per camera even when idle. Each
 * {@link CameraConnector} registers its listening channel here; what this selector accepts, and
 * the end points it creates, are handed back to the connector that owns the listening channel, so
 * that each camera still counts, times out and closes its own connections.
 */
final class SharedSelectors extends SelectorManager {
  private static final Logger LOG = LoggerFactory.getLogger(SharedSelectors.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final Map<SelectableChannel, CameraConnector.Selectors> listening = new ConcurrentHashMap<>();
  private final Map<SelectableChannel, CameraConnector.Selectors> accepting = new ConcurrentHashMap<>();
  private final Map<EndPoint, CameraConnector.Selectors> owners = new ConcurrentHashMap<>();
  private final List<ManagedSelector> selectors = new CopyOnWriteArrayList<>();

  SharedSelectors(Executor executor, Scheduler scheduler) {
    super(executor, scheduler, 1);
  }

  @Override
  protected ManagedSelector newSelector(int id) {
    ManagedSelector s = super.newSelector(id);
    selectors.add(s);
    return s;
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    selectors.clear();
  }

  /** Starts accepting on a connector's listening channel. */
  Closeable acceptor(SelectableChannel server, CameraConnector.Selectors owner) {
    listening.put(server, owner);
    return acceptor(server);
  }

  /**
   * Stops accepting on a listening channel and closes it, waiting (bounded) until the port is free:
   * a channel registered with a selector is only closed once deregistered, which takes a select.
   */
  void release(SelectableChannel server) {
    listening.remove(server);
    List<ManagedSelector> running = List.copyOf(selectors);
    if (!isRunning() || running.isEmpty()) {
      IO.close(server);
      return;
    }
    CountDownLatch done = new CountDownLatch(running.size());
    for (ManagedSelector s : running) {
      s.submit(
          selector -> {
            try {
              SelectionKey key = server.keyFor(selector);
              if (key != null) {
                key.cancel();
                selector.selectNow(); // deregisters the cancelled key, so that close frees the port
              }
            } catch (IOException | RuntimeException e) {
              LOG.debug("cannot deregister {}", server, e);
            } finally {
              done.countDown();
            }
          });
    }
    try {
      if (!done.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.debug("selector did not release {} in time", server);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IO.close(server);
  }

  @Override
  protected SelectableChannel doAccept(SelectableChannel server) throws IOException {
    SelectableChannel channel = super.doAccept(server);
    if (channel != null) {
      CameraConnector.Selectors owner = listening.get(server);
      if (owner != null) {
        accepting.put(channel, owner);
      }
    }
    return channel;
  }

  @Override
  protected void accepted(SelectableChannel channel) throws IOException {
    CameraConnector.Selectors owner = accepting.remove(channel);
    if (owner == null) {
      IO.close(channel); // its camera stopped listening meanwhile
      return;
    }
    owner.acceptedHere(channel);
  }

  @Override
  protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key)
      throws IOException {
    CameraConnector.Selectors owner = (CameraConnector.Selectors) key.attachment();
    EndPoint e = owner.newEndPointHere(channel, selector, key);
    owners.put(e, owner);
    return e;
  }

  @Override
  public Connection newConnection(SelectableChannel channel, EndPoint endPoint, Object attachment)
      throws IOException {
    return ((CameraConnector.Selectors) attachment).newConnectionHere(channel, endPoint);
  }

  @Override
  protected void endPointOpened(EndPoint endPoint) {
    CameraConnector.Selectors owner = owners.get(endPoint);
    if (owner != null) {
      owner.openedHere(endPoint);
    }
  }

  @Override
  protected void endPointClosed(EndPoint endPoint) {
    CameraConnector.Selectors owner = owners.remove(endPoint);
    if (owner != null) {
      owner.closedHere(endPoint);
    }
  }
}
