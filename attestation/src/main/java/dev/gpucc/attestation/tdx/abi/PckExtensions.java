package dev.gpucc.attestation.tdx.abi;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.tdx.TdxCodes;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The Intel SGX extension of a PCK certificate (OID 1.2.840.113741.1.13.1; evidence-formats
 * §3.5): FMSPC, PCE-ID, the 16 SGX TCB component SVNs, PCESVN and CPUSVN. Immutable.
 */
public final class PckExtensions {
  /** The SGX extension OID. */
  public static final String SGX_EXTENSION_OID = "1.2.840.113741.1.13.1";

  private static final String PPID = SGX_EXTENSION_OID + ".1";
  private static final String TCB = SGX_EXTENSION_OID + ".2";
  private static final String PCEID = SGX_EXTENSION_OID + ".3";
  private static final String FMSPC = SGX_EXTENSION_OID + ".4";
  private static final String PCESVN = TCB + ".17";
  private static final String CPUSVN = TCB + ".18";

  private final byte[] ppid;
  private final byte[] fmspc;
  private final byte[] pceId;
  private final int[] tcbComponents;
  private final int pceSvn;
  private final byte[] cpuSvn;

  private PckExtensions(
      byte[] ppid, byte[] fmspc, byte[] pceId, int[] tcbComponents, int pceSvn, byte[] cpuSvn) {
    this.ppid = ppid;
    this.fmspc = fmspc;
    this.pceId = pceId;
    this.tcbComponents = tcbComponents;
    this.pceSvn = pceSvn;
    this.cpuSvn = cpuSvn;
  }

  /** Parses the SGX extension of a PCK leaf certificate. */
  public static PckExtensions parse(X509Certificate pck) throws EvidenceFormatException {
    byte[] ext = pck.getExtensionValue(SGX_EXTENSION_OID);
    if (ext == null) {
      throw new EvidenceFormatException(
          TdxCodes.PCK_EXTENSION_MALFORMED, "PCK certificate has no SGX extension " + SGX_EXTENSION_OID);
    }
    try {
      ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets());
      return fromSequence(ASN1Sequence.getInstance(inner));
    } catch (java.io.IOException | RuntimeException e) {
      throw new EvidenceFormatException(
          TdxCodes.PCK_EXTENSION_MALFORMED, "PCK SGX extension does not parse: " + e.getMessage(), e);
    }
  }

  private static PckExtensions fromSequence(ASN1Sequence seq) throws EvidenceFormatException {
    Map<String, ASN1Encodable> top = entries(seq);
    ASN1Encodable tcbValue = require(top, TCB);
    Map<String, ASN1Encodable> tcb = entries(ASN1Sequence.getInstance(tcbValue));
    int[] comps = new int[16];
    for (int i = 0; i < 16; i++) {
      comps[i] = intValue(require(tcb, TCB + "." + (i + 1)), 255);
    }
    int pceSvn = intValue(require(tcb, PCESVN), 65535);
    byte[] cpuSvn = octets(require(tcb, CPUSVN), 16);
    byte[] ppid = top.containsKey(PPID) ? octets(top.get(PPID), 16) : new byte[0];
    return new PckExtensions(
        ppid, octets(require(top, FMSPC), 6), octets(require(top, PCEID), 2), comps, pceSvn, cpuSvn);
  }

  private static Map<String, ASN1Encodable> entries(ASN1Sequence seq) throws EvidenceFormatException {
    Map<String, ASN1Encodable> out = new HashMap<>();
    for (ASN1Encodable e : seq) {
      ASN1Sequence pair = ASN1Sequence.getInstance(e);
      if (pair.size() != 2) {
        throw new EvidenceFormatException(
            TdxCodes.PCK_EXTENSION_MALFORMED, "SGX extension entry has " + pair.size() + " elements, expected 2");
      }
      String oid = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId();
      if (out.put(oid, pair.getObjectAt(1)) != null) {
        throw new EvidenceFormatException(
            TdxCodes.PCK_EXTENSION_MALFORMED, "SGX extension entry " + oid + " appears twice");
      }
    }
    return out;
  }

  private static ASN1Encodable require(Map<String, ASN1Encodable> m, String oid)
      throws EvidenceFormatException {
    ASN1Encodable v = m.get(oid);
    if (v == null) {
      throw new EvidenceFormatException(
          TdxCodes.PCK_EXTENSION_MALFORMED, "SGX extension lacks " + oid);
    }
    return v;
  }

  private static int intValue(ASN1Encodable v, int max) throws EvidenceFormatException {
    java.math.BigInteger b =
        v instanceof ASN1Enumerated en ? en.getValue() : ASN1Integer.getInstance(v).getValue();
    if (b.signum() < 0 || b.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      throw new EvidenceFormatException(
          TdxCodes.PCK_EXTENSION_MALFORMED, "SGX extension SVN " + b + " outside 0.." + max);
    }
    return b.intValue();
  }

  private static byte[] octets(ASN1Encodable v, int length) throws EvidenceFormatException {
    byte[] b = ASN1OctetString.getInstance(v).getOctets();
    if (b.length != length) {
      throw new EvidenceFormatException(
          TdxCodes.PCK_EXTENSION_MALFORMED,
          "SGX extension value is " + b.length + " bytes, expected " + length);
    }
    return b;
  }

  public byte[] ppid() {
    return ppid.clone();
  }

  public byte[] fmspc() {
    return fmspc.clone();
  }

  public byte[] pceId() {
    return pceId.clone();
  }

  /** SGX TCB COMP01..16 SVNs. */
  public int[] tcbComponents() {
    return tcbComponents.clone();
  }

  public int pceSvn() {
    return pceSvn;
  }

  public byte[] cpuSvn() {
    return cpuSvn.clone();
  }
}
