package io.github.vpsdk.vp.protocols.transmitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DC-09 over TLS on the receiver's TCP port, with a self-signed certificate made by the JDK's keytool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReceiverTlsTest {

  @Test
  void framesOverTlsAreAcknowledged(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("receiver.p12");
    char[] password = "test-only".toCharArray();
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(password), "-keypass", new String(password))
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(store)).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);

    ReceiverTransmitterTest.RecordingSink sink = new ReceiverTransmitterTest.RecordingSink();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink).tls(server).udp(false)))) {
      Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.defaults());
      try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", receiver.localAddress().getPort())) {
        s.setSoTimeout(10_000);
        s.startHandshake();
        s.getOutputStream().write(codec.encode(Dc09Message.event(Dc09Message.ADM_CID, 9, null, "0", "1234", "#1234|1130 01 004", null)));
        s.getOutputStream().flush();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        Dc09DecodeResult r = Dc09DecodeResult.NEED_MORE;
        while (r instanceof Dc09DecodeResult.NeedMore) {
          int b = s.getInputStream().read();
          assertThat(b).isNotNegative();
          buffer.put((byte) b);
          buffer.flip();
          r = codec.decode(buffer);
          buffer.compact();
        }
        assertThat(((Dc09DecodeResult.Decoded) r).message().token()).isEqualTo(Dc09Message.ACK);
      }
      assertThat(sink.events).hasSize(1);
    }
  }
}
