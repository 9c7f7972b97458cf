package dev.gpucc.server.evidence.tdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.tdx.sim.SimulatedIntelAuthority;
import dev.gpucc.server.evidence.EvidenceProviderException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The QGS client against a fake QGS on loopback TCP (vsock is not available here). */
class QgsTdxProviderTest {
  /** Serves one connection: checks the request, answers with {@code response(request)}. */
  interface Behaviour {
    byte[] respond(byte[] request) throws Exception;
  }

  static int serveOnce(ServerSocket server, Behaviour b, AtomicReference<byte[]> seen) {
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] req = new byte[in.readInt()];
        in.readFully(req);
        seen.set(req);
        byte[] resp = b.respond(req);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(resp.length);
        out.write(resp);
        out.flush();
      } catch (Exception e) {
        // the client sees a closed connection
      }
    });
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  static byte[] response(int major, int type, int error, byte[] quote) {
    int size = 16 + 8 + quote.length;
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) major).putShort((short) 0).putInt(type).putInt(size).putInt(error);
    b.putInt(0).putInt(quote.length).put(quote);
    return b.array();
  }

  static QgsTdxProvider provider(int port, byte[] tdReport) {
    return new QgsTdxProvider(rd -> tdReport,
        () -> SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
  }

  @Test
  void getQuote_requestFormatAndQuoteReturned() throws Exception {
    byte[] tdReport = new byte[1024];
    tdReport[0] = (byte) 0x81;
    byte[] quote = SimulatedIntelAuthority.generate().attest(new byte[64]).getQuote().toByteArray();
    AtomicReference<byte[]> seen = new AtomicReference<>();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = serveOnce(server, req -> response(1, 1, 0, quote), seen);
      byte[] got = provider(port, tdReport).collect(new byte[64]).getTdx().getQuote().toByteArray();
      assertThat(got).isEqualTo(quote);
    }
    ByteBuffer r = ByteBuffer.wrap(seen.get()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(r.getShort()).isEqualTo((short) 1);
    assertThat(r.getShort()).isEqualTo((short) 1);
    assertThat(r.getInt()).isZero();
    assertThat(r.getInt()).isEqualTo(16 + 8 + 1024);
    assertThat(r.getInt()).isZero();
    assertThat(r.getInt()).isEqualTo(1024);
    assertThat(r.getInt()).isZero();
    assertThat(Arrays.copyOfRange(seen.get(), 24, 24 + 1024)).isEqualTo(tdReport);
  }

  @Test
  void qgsError_reported() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = serveOnce(server, req -> response(1, 1, 0x12006, new byte[0]), new AtomicReference<>());
      assertThatThrownBy(() -> provider(port, new byte[1024]).collect(new byte[64]))
          .isInstanceOf(EvidenceProviderException.class).hasMessageContaining("error_code 0x12006");
    }
  }

  @Test
  void wrongTypeOrVersion_rejected() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = serveOnce(server, req -> response(1, 3, 0, new byte[10]), new AtomicReference<>());
      assertThatThrownBy(() -> provider(port, new byte[1024]).collect(new byte[64]))
          .hasMessageContaining("expected 1 (GET_QUOTE_RESP), got 3");
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = serveOnce(server, req -> response(2, 1, 0, new byte[10]), new AtomicReference<>());
      assertThatThrownBy(() -> provider(port, new byte[1024]).collect(new byte[64]))
          .hasMessageContaining("major version: expected 1, got 2");
    }
  }

  @Test
  void closedConnection_reported() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = serveOnce(server, req -> {
        throw new IllegalStateException("crash");
      }, new AtomicReference<>());
      assertThatThrownBy(() -> provider(port, new byte[1024]).collect(new byte[64]))
          .hasMessageContaining("closed the connection");
    }
  }

  @Test
  void inconsistentSizes_rejected() {
    byte[] r = response(1, 1, 0, new byte[10]);
    r[8] = 99;
    assertThatThrownBy(() -> QgsMessages.parseGetQuoteResponse(r)).hasMessageContaining("size field 99");
  }
}
