package dev.gpucc.attestation.tdx;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.tdx.collateral.CollateralInputs;
import dev.gpucc.proto.v1.TdxCollateral;
import dev.gpucc.proto.v1.TdxEvidence;
import dev.gpucc.proto.v1.TdxPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Test support: the real TDX vectors (testvectors/README.md, tdx/ and negative/tdx-*) from the
 * classpath, and the collateral sets they come with. Shared with other modules via the test-jar.
 */
public final class TdxVectors {
  public static final String SPR_E4 = "tdx/v4-spr-e4-go-tdx-guest/";
  public static final String PHALA = "tdx/v4-uptodate-phala/";
  public static final String TRUSTEE = "tdx/v4-trustee-quote4/";
  public static final String V5 = "tdx/v5-go-tdx-guest/";
  public static final String GCE = "tdx/v4-gce-cos113-go-tdx-guest/";

  public static final String SPR_E4_QUOTE = SPR_E4 + "tdx_prod_quote_SPR_E4.dat";
  public static final String PHALA_QUOTE = PHALA + "tdx_quote";
  public static final String PHALA_COLLATERAL = PHALA + "tdx_quote_collateral.json";
  public static final String TRUSTEE_QUOTE = TRUSTEE + "tdx_quote_4.dat";
  public static final String V5_QUOTE = V5 + "quote_v5_sample.dat";
  public static final String GCE_QUOTE = GCE + "cos-113-tdx-quote.dat";
  public static final String MRTD_BITFLIP = "negative/tdx-mrtd-bitflip/tdx_quote";
  public static final String TRUNCATED = "negative/tdx-truncated/tdx_quote";
  public static final String QE_AUTH_MODIFIED = "negative/tdx-qe-auth-data-modified/tdx_quote";

  /** go-tdx-guest's currentTime: every SPR-E4 collateral item is valid. */
  public static final Instant SPR_E4_TIME = Instant.parse("2023-07-01T01:00:00Z");
  public static final Instant PHALA_TIME = Instant.parse("2025-07-01T00:00:00Z");
  public static final Instant V5_TIME = Instant.parse("2026-02-03T01:00:00Z");

  private TdxVectors() {}

  public static byte[] bytes(String path) {
    try (InputStream in = TdxVectors.class.getResourceAsStream("/testvectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The full PCS collateral set published with the SPR-E4 quote. */
  public static TdxCollateral sprE4Collateral() {
    return TdxCollateral.newBuilder()
        .setTcbInfoJson(ByteString.copyFrom(bytes(SPR_E4 + "sample_tcbInfo_response")))
        .setTcbInfoIssuerChainPem(ByteString.copyFrom(bytes(SPR_E4 + "derived/tcb_info_issuer_chain.pem")))
        .setQeIdentityJson(ByteString.copyFrom(bytes(SPR_E4 + "sample_qeIdentity_response")))
        .setQeIdentityIssuerChainPem(ByteString.copyFrom(bytes(SPR_E4 + "derived/qe_identity_issuer_chain.pem")))
        .setPckCrl(ByteString.copyFrom(bytes(SPR_E4 + "pckcrl")))
        .setPckCrlIssuerChainPem(ByteString.copyFrom(bytes(SPR_E4 + "derived/pck_crl_issuer_chain.pem")))
        .setRootCaCrl(ByteString.copyFrom(bytes(SPR_E4 + "rootcrl.der")))
        .build();
  }

  public static TdxCollateral phalaCollateral() {
    try {
      return CollateralInputs.fromPhala(bytes(PHALA_COLLATERAL));
    } catch (EvidenceFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** v5 TCB info with an issuer chain (renewed from Phala, or go-tdx-guest's expired one). */
  public static TdxCollateral v5Collateral(boolean renewedSigningCert) {
    String chain = renewedSigningCert
        ? V5 + "derived/tcb_info_issuer_chain_from_phala.pem"
        : SPR_E4 + "derived/tcb_info_issuer_chain.pem";
    return TdxCollateral.newBuilder()
        .setTcbInfoJson(ByteString.copyFrom(bytes(V5 + "sample_tcbinfo_response_v5")))
        .setTcbInfoIssuerChainPem(ByteString.copyFrom(bytes(chain)))
        .build();
  }

  public static TdxEvidence evidence(String quotePath, TdxCollateral collateral) {
    TdxEvidence.Builder b = TdxEvidence.newBuilder().setQuote(ByteString.copyFrom(bytes(quotePath)));
    if (collateral != null) {
      b.setCollateral(collateral);
    }
    return b.build();
  }

  public static Verdict verify(TdxEvidence e, Instant at, TdxPolicy policy, Optional<byte[]> reportData) {
    Verdict.Builder out = Verdict.builder();
    new TdxEvidenceVerifier(VerifyOptions.builder().at(at).build()).verify(e, reportData, policy, out);
    return out.build();
  }
}
