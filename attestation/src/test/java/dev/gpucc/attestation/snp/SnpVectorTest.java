package dev.gpucc.attestation.snp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.EvidenceFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.TestVectors;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.SignerInfo;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.verify.SnpChain;
import dev.gpucc.proto.v1.SnpPolicy;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real SEV-SNP reports from AMD hardware: the verdicts and reasons of testvectors/README.md. */
class SnpVectorTest {
  static final String AT = "2025-06-01T00:00:00Z";

  static Verdict verify(byte[] report, X509Certificate vek, List<X509Certificate> askArk, SignerInfo.SigningKey kind,
      VerifyOptions options, SnpPolicy policy) throws EvidenceFormatException {
    Verdict.Builder out = Verdict.builder();
    SnpChain chain = new SnpChain(vek, kind, Optional.of(askArk.get(0)), Optional.of(askArk.get(1)), Optional.empty());
    new SnpEvidenceVerifier(options).verifyReport(SnpReport.parse(report), chain, Optional.empty(), policy, out);
    return out.build();
  }

  static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void milanVirtee_isAccepted() throws Exception {
    byte[] report = EvidenceFiles.binaryOrHex(TestVectors.bytes("snp/milan-v2-virtee/report_milan.hex"));
    assertThat(report).isEqualTo(TestVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin"));
    Verdict v = verify(report, TestVectors.cert("snp/milan-v2-virtee/vcek_milan.der"),
        TestVectors.certs("snp/milan-v2-virtee/cert_chain_milan"), SignerInfo.SigningKey.VCEK, TestVectors.at(AT),
        SnpPolicy.getDefaultInstance());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.simulated()).isFalse();
    assertThat(v.claims()).containsEntry("snp.product", "Milan").containsEntry("snp.root", "ARK-Milan (AMD, pinned)")
        .containsEntry("snp.reported_tcb", "bl=3 tee=0 snp=8 ucode=115")
        .containsEntry("snp.measurement",
            "7a1e5c266c0108dbc9bb94fa926951320940915d0aafb42464bd88b579ea158d3e1a0dc39b2c60bd95b9c480cd81841f");
  }

  @Test
  void milanVirtee_withPinnedRootsOnly_isAccepted() throws Exception {
    byte[] report = TestVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    Verdict.Builder out = Verdict.builder();
    SnpChain chain = new SnpChain(TestVectors.cert("snp/milan-v2-virtee/vcek_milan.der"), SignerInfo.SigningKey.VCEK,
        Optional.empty(), Optional.empty(), Optional.empty());
    new SnpEvidenceVerifier(TestVectors.at(AT)).verifyReport(SnpReport.parse(report), chain, Optional.empty(),
        SnpPolicy.getDefaultInstance(), out);
    assertThat(out.build().reasons()).isEmpty();
  }

  @Test
  void milanGoSevGuest_cryptoAccepted_butDebugRejectedByDefaultPolicy() throws Exception {
    byte[] report = TestVectors.bytes("snp/milan-v2-go-sev-guest/attestation.bin");
    X509Certificate vcek = TestVectors.cert("snp/milan-v2-go-sev-guest/vcek.testcer");
    List<X509Certificate> chain = TestVectors.certs("roots/amd-milan/ask_ark_milan.pem");
    Verdict strict = verify(report, vcek, chain, SignerInfo.SigningKey.VCEK, TestVectors.at(AT), SnpPolicy.getDefaultInstance());
    assertThat(codes(strict)).containsExactly("SNP_POLICY_DEBUG");
    Verdict lenient = verify(report, vcek, chain, SignerInfo.SigningKey.VCEK, TestVectors.at(AT),
        SnpPolicy.newBuilder().setAllowDebug(true).build());
    assertThat(lenient.reasons()).isEmpty();
    assertThat(lenient.claims().get("snp.report_data").toString()).startsWith("0102030405000000");
  }

  @Test
  void measurementBitflip_failsSignature() throws Exception {
    Verdict v = verify(TestVectors.bytes("negative/snp-measurement-bitflip/attestation.bin"),
        TestVectors.cert("snp/milan-v2-go-sev-guest/vcek.testcer"), TestVectors.certs("roots/amd-milan/ask_ark_milan.pem"),
        SignerInfo.SigningKey.VCEK, TestVectors.at(AT), SnpPolicy.newBuilder().setAllowDebug(true).build());
    assertThat(codes(v)).containsExactly("SNP_SIGNATURE_INVALID");
  }

  @Test
  void truncatedReport_failsOnLength() {
    assertThatThrownBy(() -> SnpReport.parse(TestVectors.bytes("negative/snp-truncated/attestation.bin")))
        .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
          assertThat(e.code()).isEqualTo("SNP_REPORT_SIZE");
          assertThat(e.getMessage()).contains("1184").contains("1000");
        });
  }

  @Test
  void swappedVcek_failsSignatureTcbAndHwId() throws Exception {
    Verdict v = verify(TestVectors.bytes("negative/snp-swapped-vcek/attestation.bin"),
        TestVectors.cert("negative/snp-swapped-vcek/vcek_milan.der"), TestVectors.certs("roots/amd-milan/ask_ark_milan.pem"),
        SignerInfo.SigningKey.VCEK, TestVectors.at(AT), SnpPolicy.newBuilder().setAllowDebug(true).build());
    assertThat(codes(v)).contains("SNP_SIGNATURE_INVALID", "SNP_TCB_MISMATCH", "SNP_HWID_MISMATCH");
  }

  @Test
  void chainToUnknownRoot_isRejected() throws Exception {
    // The Genoa ASK/ARK cannot have signed a Milan VCEK, and a self-signed stranger is no AMD root.
    byte[] report = TestVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    X509Certificate vcek = TestVectors.cert("snp/milan-v2-virtee/vcek_milan.der");
    X509Certificate stranger = TestVectors.cert("roots/intel-sgx-root-ca/trusted_root.pem");
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(TestVectors.at(AT)).verifyReport(SnpReport.parse(report),
        new SnpChain(vcek, SignerInfo.SigningKey.VCEK, Optional.empty(), Optional.of(stranger), Optional.empty()),
        Optional.empty(), SnpPolicy.getDefaultInstance(), out);
    assertThat(codes(out.build())).contains("SNP_UNKNOWN_ROOT");
  }

  @Test
  void reportDataMismatch_isRejected() throws Exception {
    byte[] report = TestVectors.bytes("snp/milan-v2-virtee/derived/report_milan.bin");
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(TestVectors.at(AT)).verifyReport(SnpReport.parse(report),
        new SnpChain(TestVectors.cert("snp/milan-v2-virtee/vcek_milan.der"), SignerInfo.SigningKey.VCEK, Optional.empty(),
            Optional.empty(), Optional.empty()),
        Optional.of(new byte[64]), SnpPolicy.getDefaultInstance(), out);
    assertThat(codes(out.build())).containsExactly("SNP_REPORT_DATA_MISMATCH");
  }
}
