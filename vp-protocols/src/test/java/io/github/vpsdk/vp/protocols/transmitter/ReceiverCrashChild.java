package io.github.vpsdk.vp.protocols.transmitter;

import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import java.nio.file.Path;

/** The receiver of {@link ReceiverCrashTest}, in its own JVM: prints its port, then serves until killed. */
public final class ReceiverCrashChild {
  private ReceiverCrashChild() {}

  public static void main(String[] args) throws Exception {
    Journal journal = Journal.open(Path.of(args[0]));
    Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(EventSink.journal(journal)).udp(false)));
    System.out.println("PORT " + receiver.localAddress().getPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
