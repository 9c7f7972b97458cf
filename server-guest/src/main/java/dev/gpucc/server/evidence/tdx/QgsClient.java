package dev.gpucc.server.evidence.tdx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Talks to a QGS over any byte stream (vsock on a real guest; loopback TCP in tests): writes
 * {@code u32 BE length || message}, reads the same framing back. One request per connection,
 * as Intel's tdx_attest does.
 */
public final class QgsClient {
  private QgsClient() {}

  public static byte[] getQuote(ByteChannel ch, byte[] tdReport) throws IOException {
    byte[] req = QgsMessages.getQuoteRequest(tdReport);
    ByteBuffer out = ByteBuffer.allocate(4 + req.length);
    out.putInt(req.length).put(req).flip();
    while (out.hasRemaining()) {
      ch.write(out);
    }
    ByteBuffer len = readFully(ch, 4);
    int n = len.getInt();
    if (n < QgsMessages.HEADER_SIZE || n > QgsMessages.MAX_MESSAGE) {
      throw new IOException("QGS response length prefix out of range: " + n);
    }
    return QgsMessages.parseGetQuoteResponse(readFully(ch, n).array());
  }

  private static ByteBuffer readFully(ByteChannel ch, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new IOException("QGS closed the connection after " + b.position() + " of " + n + " bytes");
      }
    }
    return b.flip();
  }
}
