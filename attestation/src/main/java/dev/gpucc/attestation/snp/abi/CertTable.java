package dev.gpucc.attestation.snp.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The extended-report certificate table (GHCB spec, MSG_REPORT_REQ certificate data;
 * evidence-formats §1.11) as SNP_GET_EXT_REPORT and configfs-tsm {@code auxblob} return it: 24-byte
 * entries (GUID in RFC 4122 byte order, u32 LE offset from the start of the buffer, u32 LE length)
 * ended by an all-zero entry, followed by the certificate bytes.
 *
 * <p>Immutable. An empty buffer or one that starts with the terminator (the kernel zero-fills an
 * unused buffer) is an empty table.
 */
public final class CertTable {
  /** ARK (AMD Root Key). */
  public static final UUID ARK = UUID.fromString("c0b406a4-a803-4952-9743-3fb6014cd0ae");
  /** ASK (AMD SEV Key); go-sev-guest also stores the ASVK under this GUID. */
  public static final UUID ASK = UUID.fromString("4ab7b379-bbac-4fe4-a02f-05aef327c782");
  public static final UUID VCEK = UUID.fromString("63da758d-e664-4564-adc5-f4b93be8accd");
  public static final UUID VLEK = UUID.fromString("a8074bc2-a25a-483e-aae6-39c045a0b8a1");
  /** CRL (virtee only; unverified elsewhere). */
  public static final UUID CRL = UUID.fromString("92f81bc3-5811-4d3d-97ff-d19f88dc67ea");

  public static final int ENTRY_SIZE = 24;
  private static final UUID ZERO = new UUID(0, 0);

  private final List<Entry> entries;

  private CertTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static CertTable of(List<Entry> entries) {
    return new CertTable(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The first entry with this GUID. */
  public Optional<byte[]> get(UUID guid) {
    return entries.stream().filter(e -> e.guid().equals(guid)).findFirst().map(Entry::data);
  }

  /**
   * Parses a table.
   *
   * @throws EvidenceFormatException SNP_CERT_TABLE when there is no terminator, an entry points
   *     into the header or past the end, or a GUID appears twice
   */
  public static CertTable parse(byte[] buf) throws EvidenceFormatException {
    if (buf == null || buf.length == 0) {
      return new CertTable(List.of());
    }
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    List<long[]> headers = new ArrayList<>();
    List<UUID> guids = new ArrayList<>();
    int pos = 0;
    while (true) {
      if ((long) pos + ENTRY_SIZE > buf.length) {
        throw error("no terminating all-zero entry within " + buf.length + " bytes");
      }
      ByteBuffer be = ByteBuffer.wrap(buf, pos, 16).order(ByteOrder.BIG_ENDIAN);
      UUID guid = new UUID(be.getLong(), be.getLong());
      long offset = Integer.toUnsignedLong(bb.getInt(pos + 16));
      long length = Integer.toUnsignedLong(bb.getInt(pos + 20));
      pos += ENTRY_SIZE;
      if (guid.equals(ZERO) && offset == 0 && length == 0) {
        break;
      }
      guids.add(guid);
      headers.add(new long[] {offset, length});
    }
    int headerEnd = pos;
    List<Entry> out = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < guids.size(); i++) {
      UUID guid = guids.get(i);
      long offset = headers.get(i)[0];
      long length = headers.get(i)[1];
      if (!seen.add(guid)) {
        throw error("GUID " + guid + " appears more than once");
      }
      if (offset < headerEnd) {
        throw error("entry " + guid + " offset " + offset + " points into the table header (ends at "
            + headerEnd + ")");
      }
      if (offset + length > buf.length) {
        throw error("entry " + guid + " [" + offset + ", " + (offset + length)
            + ") extends past the end of the buffer (" + buf.length + " bytes)");
      }
      out.add(new Entry(guid, Arrays.copyOfRange(buf, (int) offset, (int) (offset + length))));
    }
    return new CertTable(out);
  }

  /** Encodes entries, header first then each blob in order, as the host would. */
  public byte[] encode() {
    int headerLen = (entries.size() + 1) * ENTRY_SIZE;
    int total = headerLen;
    for (Entry e : entries) {
      total = Math.addExact(total, e.length());
    }
    ByteBuffer bb = ByteBuffer.allocate(total);
    int dataPos = headerLen;
    for (Entry e : entries) {
      bb.order(ByteOrder.BIG_ENDIAN);
      bb.putLong(e.guid().getMostSignificantBits()).putLong(e.guid().getLeastSignificantBits());
      bb.order(ByteOrder.LITTLE_ENDIAN);
      bb.putInt(dataPos).putInt(e.length());
      dataPos += e.length();
    }
    bb.put(new byte[ENTRY_SIZE]);
    for (Entry e : entries) {
      bb.put(e.data);
    }
    return bb.array();
  }

  private static EvidenceFormatException error(String msg) {
    return new EvidenceFormatException("SNP_CERT_TABLE", "SNP certificate table: " + msg);
  }

  /** One table entry; the bytes are copied in and out. */
  public static final class Entry {
    private final UUID guid;
    private final byte[] data;

    public Entry(UUID guid, byte[] data) {
      this.guid = guid;
      this.data = data.clone();
    }

    public UUID guid() {
      return guid;
    }

    public byte[] data() {
      return data.clone();
    }

    public int length() {
      return data.length;
    }
  }
}
