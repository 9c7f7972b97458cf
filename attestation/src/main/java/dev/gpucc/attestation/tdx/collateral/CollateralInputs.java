package dev.gpucc.attestation.tdx.collateral;

import com.google.gson.JsonObject;
import com.google.protobuf.ByteString;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.tdx.TdxCodes;
import dev.gpucc.proto.v1.TdxCollateral;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TdxCollateral} message from files in the forms they are found in, detected by
 * content (docs/TDX.md "Collateral files"):
 *
 * <ul>
 *   <li>Phala {@code QuoteCollateralV3} JSON (keys {@code tcb_info}, {@code tcb_info_signature},
 *       ...): everything at once. Its {@code tcb_info}/{@code qe_identity} strings are the signed
 *       object text; they are wrapped into PCS-style bodies byte for byte.
 *   <li>PCS bodies with a {@code tcbInfo} or {@code enclaveIdentity} member.
 *   <li>PEM certificate chains: first certificate's CN containing "TCB Signing" = TCB info and
 *       QE identity issuer chain; containing "PCK Platform CA" / "PCK Processor CA" = PCK CRL
 *       issuer chain.
 *   <li>CRLs (DER or PEM): issuer CN containing "Root CA" = root CA CRL, otherwise PCK CRL.
 * </ul>
 */
public final class CollateralInputs {
  private CollateralInputs() {}

  /** Adds one file's content to {@code b}; returns a short description of what it was. */
  public static String add(TdxCollateral.Builder b, byte[] content) throws EvidenceFormatException {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      // Stored as given: the signature covers bytes inside, and nothing is re-encoded.
      Map<String, byte[]> members = RawJsonMembers.parse(content);
      if (members.containsKey("tcbInfo")) {
        SignedJson.parse(content, "tcbInfo");
        b.setTcbInfoJson(ByteString.copyFrom(content));
        return "TCB info (PCS body)";
      }
      if (members.containsKey("enclaveIdentity")) {
        SignedJson.parse(content, "enclaveIdentity");
        b.setQeIdentityJson(ByteString.copyFrom(content));
        return "QE identity (PCS body)";
      }
      if (members.containsKey("tcb_info") || members.containsKey("qe_identity")) {
        b.mergeFrom(fromPhala(content));
        return "combined collateral (Phala QuoteCollateralV3)";
      }
      throw new EvidenceFormatException(
          TdxCodes.COLLATERAL_MALFORMED, "JSON collateral with unknown keys " + members.keySet());
    }
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
      List<X509Certificate> certs;
      try {
        certs = CertificateFiles.parse(content);
      } catch (CertificateException e) {
        throw new EvidenceFormatException(TdxCodes.COLLATERAL_MALFORMED, "PEM chain: " + e.getMessage());
      }
      String cn = certs.get(0).getSubjectX500Principal().getName();
      ByteString pem = ByteString.copyFrom(content);
      if (cn.contains("TCB Signing")) {
        b.setTcbInfoIssuerChainPem(pem).setQeIdentityIssuerChainPem(pem);
        return "TCB signing issuer chain";
      }
      if (cn.contains("PCK Platform CA") || cn.contains("PCK Processor CA")) {
        b.setPckCrlIssuerChainPem(pem);
        return "PCK CRL issuer chain";
      }
      throw new EvidenceFormatException(
          TdxCodes.COLLATERAL_MALFORMED, "certificate chain starting with '" + cn + "' is not TDX collateral");
    }
    X509CRL crl;
    try {
      crl = CertificateFiles.parseCrl(content);
    } catch (CRLException | RuntimeException e) {
      throw new EvidenceFormatException(
          TdxCodes.COLLATERAL_MALFORMED, "not TDX collateral (JSON, PEM chain or CRL)");
    }
    if (crl.getIssuerX500Principal().getName().contains("Root CA")) {
      b.setRootCaCrl(ByteString.copyFrom(content));
      return "root CA CRL";
    }
    b.setPckCrl(ByteString.copyFrom(content));
    return "PCK CRL";
  }

  /** Converts Phala's combined collateral JSON (dcap-qvl {@code QuoteCollateralV3}). */
  public static TdxCollateral fromPhala(byte[] json) throws EvidenceFormatException {
    JsonObject o = Json.object(json, "combined collateral");
    TdxCollateral.Builder b = TdxCollateral.newBuilder();
    if (o.has("tcb_info")) {
      byte[] signed = Json.string(o, "tcb_info", "collateral").getBytes(StandardCharsets.UTF_8);
      byte[] sig = Json.hex(o, "tcb_info_signature", 64, "collateral");
      b.setTcbInfoJson(ByteString.copyFrom(SignedJson.wrap("tcbInfo", signed, sig)));
    }
    if (o.has("qe_identity")) {
      byte[] signed = Json.string(o, "qe_identity", "collateral").getBytes(StandardCharsets.UTF_8);
      byte[] sig = Json.hex(o, "qe_identity_signature", 64, "collateral");
      b.setQeIdentityJson(ByteString.copyFrom(SignedJson.wrap("enclaveIdentity", signed, sig)));
    }
    setPem(o, "tcb_info_issuer_chain", b::setTcbInfoIssuerChainPem);
    setPem(o, "qe_identity_issuer_chain", b::setQeIdentityIssuerChainPem);
    setPem(o, "pck_crl_issuer_chain", b::setPckCrlIssuerChainPem);
    setHex(o, "pck_crl", b::setPckCrl);
    setHex(o, "root_ca_crl", b::setRootCaCrl);
    return b.build();
  }

  private static void setPem(JsonObject o, String key, java.util.function.Consumer<ByteString> set)
      throws EvidenceFormatException {
    if (o.has(key)) {
      set.accept(ByteString.copyFrom(Json.string(o, key, "collateral"), StandardCharsets.UTF_8));
    }
  }

  private static void setHex(JsonObject o, String key, java.util.function.Consumer<ByteString> set)
      throws EvidenceFormatException {
    if (o.has(key)) {
      try {
        set.accept(ByteString.copyFrom(Hex.decode(Json.string(o, key, "collateral"))));
      } catch (IllegalArgumentException e) {
        throw Json.bad("collateral." + key + ": " + e.getMessage());
      }
    }
  }
}
