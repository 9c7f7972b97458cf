package dev.gpucc.attestation.snp.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The extended-report certificate table (GHCB MSG_REPORT_REQ certificate data; evidence-formats
 * §1.11): 24-byte entries {GUID, u32 offset, u32 length} ending with an all-zero entry, then the
 * certificates. Offsets count from the start of the buffer. GUIDs are in RFC 4122 byte order.
 */
public final class CertTable {
  public static final UUID ARK = UUID.fromString("c0b406a4-a803-4952-9743-3fb6014cd0ae");
  public static final UUID ASK = UUID.fromString("4ab7b379-bbac-4fe4-a02f-05aef327c782");
  public static final UUID VCEK = UUID.fromString("63da758d-e664-4564-adc5-f4b93be8accd");
  public static final UUID VLEK = UUID.fromString("a8074bc2-a25a-483e-aae6-39c045a0b8a1");
  public static final UUID CRL = UUID.fromString("92f81bc3-5811-4d3d-97ff-d19f88dc67ea");
  private static final int ENTRY = 24;
  private static final int MAX_ENTRIES = 64;

  private final Map<UUID, byte[]> entries;

  private CertTable(Map<UUID, byte[]> entries) {
    this.entries = entries;
  }

  public static CertTable of(Map<UUID, byte[]> entries) {
    Map<UUID, byte[]> copy = new LinkedHashMap<>();
    entries.forEach((k, v) -> copy.put(k, v.clone()));
    return new CertTable(copy);
  }

  /** Parses a table; an empty buffer (or one that is all zero) is an empty table. */
  public static CertTable parse(byte[] buf) throws EvidenceFormatException {
    Map<UUID, byte[]> out = new LinkedHashMap<>();
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    int count = 0;
    for (int pos = 0; ; pos += ENTRY) {
      if (pos + ENTRY > buf.length) {
        if (buf.length == 0 || pos == 0 && isZero(buf)) {
          return new CertTable(out);
        }
        throw new EvidenceFormatException("SNP_CERT_TABLE", "certificate table has no terminating entry");
      }
      UUID guid = new UUID(ByteBuffer.wrap(buf, pos, 16).getLong(), ByteBuffer.wrap(buf, pos + 8, 8).getLong());
      long offset = Integer.toUnsignedLong(bb.getInt(pos + 16));
      long length = Integer.toUnsignedLong(bb.getInt(pos + 20));
      if (guid.getMostSignificantBits() == 0 && guid.getLeastSignificantBits() == 0 && offset == 0 && length == 0) {
        return new CertTable(out);
      }
      if (++count > MAX_ENTRIES) {
        throw new EvidenceFormatException("SNP_CERT_TABLE", "certificate table has more than " + MAX_ENTRIES + " entries");
      }
      if (offset < (long) (count + 1) * ENTRY || offset + length > buf.length) {
        throw new EvidenceFormatException("SNP_CERT_TABLE",
            "certificate table entry " + guid + " points outside the buffer (offset " + offset + ", length " + length + ")");
      }
      if (out.put(guid, Arrays.copyOfRange(buf, (int) offset, (int) (offset + length))) != null) {
        throw new EvidenceFormatException("SNP_CERT_TABLE", "certificate table lists " + guid + " twice");
      }
    }
  }

  /** Encodes entries in insertion order, certificates after the terminator. */
  public byte[] encode() {
    int header = (entries.size() + 1) * ENTRY;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ByteBuffer head = ByteBuffer.allocate(header).order(ByteOrder.LITTLE_ENDIAN);
    for (Map.Entry<UUID, byte[]> e : entries.entrySet()) {
      head.order(ByteOrder.BIG_ENDIAN).putLong(e.getKey().getMostSignificantBits()).putLong(e.getKey().getLeastSignificantBits());
      head.order(ByteOrder.LITTLE_ENDIAN).putInt(header + body.size()).putInt(e.getValue().length);
      body.writeBytes(e.getValue());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  public Optional<byte[]> get(UUID guid) {
    return Optional.ofNullable(entries.get(guid)).map(byte[]::clone);
  }

  public List<UUID> guids() {
    return new ArrayList<>(entries.keySet());
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
