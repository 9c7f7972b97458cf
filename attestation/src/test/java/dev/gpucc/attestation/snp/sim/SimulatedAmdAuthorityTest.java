package dev.gpucc.attestation.snp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedAmdAuthorityTest {
  private static SimulatedAmdAuthority milan;
  private static final byte[] NONCE = nonce();

  @BeforeAll
  static void generate() {
    milan = TestAuthorities.milan();
  }

  private static byte[] nonce() {
    byte[] n = new byte[64];
    for (int i = 0; i < 64; i++) {
      n[i] = (byte) (i * 7 + 1);
    }
    return n;
  }

  static VerifyOptions allow() {
    return VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build();
  }

  static Verdict verify(SnpEvidence e, VerifyOptions o, SnpPolicy p, Optional<byte[]> expected) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(o).verify(e, expected, p, out);
    return out.build();
  }

  static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void simulatedReport_allowed_acceptedAndLabelled() {
    Verdict v = verify(milan.attest(NONCE), allow(), SnpPolicy.getDefaultInstance(), Optional.of(NONCE));
    assertThat(v.reasons()).isEmpty();
    assertThat(v.simulated()).isTrue();
    assertThat(v.claims()).containsEntry("snp.root", "SIMULATED").containsEntry("snp.version", 3)
        .containsEntry("snp.product", "Milan").containsEntry("snp.signing_key", "VCEK")
        .containsEntry("snp.reported_tcb", "bl=4 tee=0 snp=24 ucode=217");
    assertThat(SimulatedRoots.isSimulated(milan.ark())).isTrue();
  }

  @Test
  void simulatedReport_notAllowed_rejected() {
    Verdict v = verify(milan.attest(NONCE), VerifyOptions.defaults(), SnpPolicy.getDefaultInstance(),
        Optional.of(NONCE));
    assertThat(codes(v)).containsExactly("SIMULATED_NOT_ALLOWED");
    assertThat(v.simulated()).isTrue();
  }

  @Test
  void simulatedReport_rootNotPinned_rejected() {
    VerifyOptions o = allow().toBuilder().simulatedRootSha256(Set.of("00".repeat(32))).build();
    Verdict v = verify(milan.attest(NONCE), o, SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactly("SIMULATED_ROOT_NOT_PINNED");
    VerifyOptions pinned = allow().toBuilder().simulatedRootSha256(Set.of(SimulatedRoots.sha256Hex(milan.ark()))).build();
    assertThat(verify(milan.attest(NONCE), pinned, SnpPolicy.getDefaultInstance(), Optional.empty()).accepted()).isTrue();
  }

  @Test
  void flippedReportByte_signatureInvalid() {
    SnpEvidence e = milan.attest(NONCE);
    byte[] r = e.getReport().toByteArray();
    r[0x90] ^= 1;
    Verdict v = verify(e.toBuilder().setReport(ByteString.copyFrom(r)).build(), allow(),
        SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_SIGNATURE_INVALID");
  }

  @Test
  void reportDataMismatch_rejected() {
    Verdict v = verify(milan.attest(NONCE), allow(), SnpPolicy.getDefaultInstance(), Optional.of(new byte[64]));
    assertThat(codes(v)).containsExactly("SNP_REPORT_DATA_MISMATCH");
  }

  @Test
  void debugPolicy_rejectedByDefault() {
    SnpEvidence e = milan.attest(NONCE, SimulatedReportOptions.builder().policy(0xB0000L).build());
    assertThat(codes(verify(e, allow(), SnpPolicy.getDefaultInstance(), Optional.empty())))
        .containsExactly("SNP_POLICY_DEBUG");
  }

  @Test
  void chainToUnknownSelfSignedRoot_unknownRoot() throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    KeyPair evilKey = SimulatedCertificates.rsa4096(bc);
    X500Name evilName = new X500Name("CN=ARK-Milan,O=Advanced Micro Devices");
    X509Certificate evilArk = SimulatedCertificates.ca(bc, evilName, evilKey.getPublic(), evilName,
        evilKey.getPrivate(), Instant.now().minusSeconds(3600), SimulatedAmdAuthority.ROOT_VALIDITY, null);
    SnpEvidence e = milan.attest(NONCE);
    List<CertTable.Entry> entries = new ArrayList<>();
    for (CertTable.Entry en : CertTable.parse(e.getCertTable().toByteArray()).entries()) {
      entries.add(en.guid().equals(CertTable.ARK) ? new CertTable.Entry(CertTable.ARK, evilArk.getEncoded()) : en);
    }
    SnpEvidence forged = e.toBuilder().setCertTable(ByteString.copyFrom(CertTable.of(entries).encode())).build();
    Verdict v = verify(forged, allow(), SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_UNKNOWN_ROOT");
    assertThat(v.reasons().get(0).message()).contains("neither a pinned AMD ARK nor a gpucc-simulated root");
  }

  @Test
  void noCertTable_vekMissing() {
    SnpEvidence e = milan.attest(NONCE).toBuilder().clearCertTable().build();
    assertThat(codes(verify(e, allow(), SnpPolicy.getDefaultInstance(), Optional.empty())))
        .containsExactly("SNP_VEK_MISSING");
  }

  @Test
  void vlekSigned_acceptedWithAsvkChain() {
    SnpEvidence e = milan.attest(NONCE, SimulatedReportOptions.builder().signWithVlek(true).build());
    Verdict v = verify(e, allow(), SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.signing_key", "VLEK");
  }

  @Test
  void version5AndMaskedChipId_accepted() throws EvidenceFormatException {
    SnpEvidence e = milan.attest(NONCE, SimulatedReportOptions.builder().version(5).maskChipId(true).build());
    Verdict v = verify(e, allow(), SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.warnings()).extracting(Reason::code).containsExactly("SNP_CHIP_ID_MASKED");
    SnpReport r = SnpReport.parse(e.getReport().toByteArray());
    assertThat(r.version()).isEqualTo(5);
    assertThat(r.currentMitVector()).contains(0L);
  }

  @Test
  void version2_productFromVcekProductName() {
    SnpEvidence e = milan.attest(NONCE, SimulatedReportOptions.builder().version(2).build());
    Verdict v = verify(e, allow(), SnpPolicy.getDefaultInstance(), Optional.empty());
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.product", "Milan").containsEntry("snp.vek_product_name", "Milan-B0");
  }

  @Test
  void turinAndGenoa_layoutsVerify() {
    for (SnpProductLine line : List.of(SnpProductLine.TURIN, SnpProductLine.GENOA)) {
      SimulatedAmdAuthority a = SimulatedAmdAuthority.generate(line);
      Verdict v = verify(a.attest(NONCE), allow(), SnpPolicy.getDefaultInstance(), Optional.empty());
      assertThat(v.reasons()).as(line.name()).isEmpty();
      assertThat(v.claims()).containsEntry("snp.product", line.kdsName());
      if (line == SnpProductLine.TURIN) {
        assertThat(v.claims()).containsEntry("snp.reported_tcb", "fmc=1 bl=1 tee=0 snp=3 ucode=72");
      }
    }
  }

  @Test
  void saveAndLoad_roundTrip(@TempDir Path dir) throws Exception {
    milan.save(dir);
    SimulatedAmdAuthority loaded = SimulatedAmdAuthority.load(dir);
    assertThat(loaded.ark()).isEqualTo(milan.ark());
    assertThat(SimulatedAmdAuthority.loadArk(dir)).isEqualTo(milan.ark());
    assertThat(loaded.chipId()).isEqualTo(milan.chipId());
    VerifyOptions pinned = allow().toBuilder()
        .simulatedRootSha256(Set.of(SimulatedRoots.sha256Hex(SimulatedAmdAuthority.loadArk(dir)))).build();
    assertThat(verify(loaded.attest(NONCE), pinned, SnpPolicy.getDefaultInstance(), Optional.of(NONCE)).reasons()).isEmpty();
    assertThat(verify(loaded.attest(NONCE, SimulatedReportOptions.builder().signWithVlek(true).build()),
        pinned, SnpPolicy.getDefaultInstance(), Optional.empty()).reasons()).isEmpty();
  }

  @Test
  void loadOrGenerate_reusesSavedAuthority(@TempDir Path dir) throws Exception {
    milan.save(dir);
    assertThat(SimulatedAmdAuthority.loadOrGenerate(dir, SnpProductLine.MILAN).ark()).isEqualTo(milan.ark());
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> SimulatedAmdAuthority.loadOrGenerate(dir, SnpProductLine.GENOA))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("not Genoa");
  }

  @Test
  void certificates_areAmdShaped() throws Exception {
    assertThat(milan.ark().getSigAlgName()).containsIgnoringCase("PSS");
    assertThat(milan.vcek().getSerialNumber()).isZero();
    assertThat(milan.ask().getBasicConstraints()).isEqualTo(0);
    milan.ask().verify(milan.ark().getPublicKey());
    milan.vcek().verify(milan.ask().getPublicKey());
  }
}
