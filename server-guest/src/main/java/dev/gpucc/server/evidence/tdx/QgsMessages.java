package dev.gpucc.server.evidence.tdx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Intel QGS (TD Quote Generation Service) messages, as defined in Intel DCAP
 * {@code QuoteGeneration/quote_wrapper/qgs_msg_lib/inc/qgs_msg_lib.h} (packed, little-endian):
 *
 * <pre>
 * qgs_msg_header_t  { u16 major_version; u16 minor_version; u32 type; u32 size (whole message);
 *                     u32 error_code (responses) }                                  16 bytes
 * GET_QUOTE_REQ (0) { header; u32 report_size (!= 0); u32 id_list_size; report; id_list }
 * GET_QUOTE_RESP(1) { header; u32 selected_id_size; u32 quote_size; selected_id; quote }
 * </pre>
 *
 * On the vsock transport each message is preceded by its length as a 4-byte BIG-endian integer
 * (Intel tdx_attest legacy path, QEMU tdx-quote-generator: HEADER_SIZE = 4). We send version 1.1
 * (current DCAP and QEMU) and accept any 1.x response, since older QGS builds answer 1.0.
 */
public final class QgsMessages {
  public static final int MAJOR = 1;
  public static final int MINOR = 1;
  public static final int GET_QUOTE_REQ = 0;
  public static final int GET_QUOTE_RESP = 1;
  public static final int HEADER_SIZE = 16;
  /** Refuse absurd responses (the kernel's quote buffer is 8 KiB; configfs max 32 KiB). */
  public static final int MAX_MESSAGE = 1 << 20;

  private QgsMessages() {}

  /** GET_QUOTE_REQ for a 1024-byte TDREPORT, no attestation key id list. */
  public static byte[] getQuoteRequest(byte[] tdReport) {
    int size = HEADER_SIZE + 8 + tdReport.length;
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) MAJOR).putShort((short) MINOR).putInt(GET_QUOTE_REQ).putInt(size).putInt(0);
    b.putInt(tdReport.length).putInt(0).put(tdReport);
    return b.array();
  }

  /** Parses GET_QUOTE_RESP and returns the quote; a non-zero error_code is an IOException. */
  public static byte[] parseGetQuoteResponse(byte[] msg) throws IOException {
    if (msg.length < HEADER_SIZE + 8) {
      throw new IOException("QGS response too short: " + msg.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
    int major = b.getShort() & 0xffff;
    b.getShort();
    int type = b.getInt();
    long size = b.getInt() & 0xffffffffL;
    long error = b.getInt() & 0xffffffffL;
    if (major != MAJOR) {
      throw new IOException("QGS response major version: expected 1, got " + major);
    }
    if (type != GET_QUOTE_RESP) {
      throw new IOException("QGS response type: expected 1 (GET_QUOTE_RESP), got " + type);
    }
    if (size != msg.length) {
      throw new IOException("QGS response size field " + size + " != message length " + msg.length);
    }
    if (error != 0) {
      throw new IOException("QGS returned error_code 0x" + Long.toHexString(error));
    }
    long idSize = b.getInt() & 0xffffffffL;
    long quoteSize = b.getInt() & 0xffffffffL;
    if (HEADER_SIZE + 8 + idSize + quoteSize != msg.length || quoteSize == 0) {
      throw new IOException("QGS response sizes inconsistent: id " + idSize + ", quote " + quoteSize
          + ", message " + msg.length);
    }
    int start = (int) (HEADER_SIZE + 8 + idSize);
    return Arrays.copyOfRange(msg, start, start + (int) quoteSize);
  }
}
