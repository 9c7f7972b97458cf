package dev.gpucc.attestation.snp;

import static dev.gpucc.attestation.snp.SnpEvidenceVerifierVectorsTest.codes;
import static dev.gpucc.attestation.snp.SnpEvidenceVerifierVectorsTest.verify;
import static dev.gpucc.attestation.snp.SnpVectors.AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.abi.CertTable;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rejection paths not covered by the vector and simulator tests, one code each. */
class SnpRejectionPathsTest {
  private static final String VIRTEE = "snp/milan-v2-virtee/";
  private static final SnpPolicy NONE = SnpPolicy.getDefaultInstance();

  private static byte[] report() {
    return SnpVectors.bytes(VIRTEE + "derived/report_milan.bin");
  }

  private static X509Certificate vcek() {
    return SnpVectors.cert(VIRTEE + "vcek_milan.der");
  }

  private static Verdict verifyEvidence(SnpEvidence e) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(VerifyOptions.builder().at(AT).build()).verify(e, Optional.empty(), NONE, out);
    return out.build();
  }

  @Test
  void tamperedVcekSignature_chainSignature() throws Exception {
    byte[] der = vcek().getEncoded();
    der[der.length - 3] ^= 1; // inside the RSASSA-PSS signature value
    X509Certificate bad = CertificateFiles.parseOne(der);
    Verdict v = verify(report(), bad, List.of(), AT, NONE, Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_CHAIN_SIGNATURE");
    assertThat(v.reasons().get(0).message()).contains("SEV-VCEK").contains("SEV-Milan");
  }

  @Test
  void beforeVcekValidity_notYetValid() {
    Verdict v = verify(report(), vcek(), List.of(), Instant.parse("2023-01-01T00:00:00Z"), NONE, Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_CERT_NOT_YET_VALID");
  }

  @Test
  void signingKeyNone_unsupported() {
    byte[] r = report();
    r[0x48] = (byte) (7 << 2);
    Verdict v = verify(r, vcek(), List.of(), AT, NONE, Optional.empty());
    assertThat(codes(v)).containsExactly("SNP_SIGNING_KEY_UNSUPPORTED");
    assertThat(v.reasons().get(0).message()).contains("got 7 (NONE)");
  }

  @Test
  void rsaLeafAsVek_keyTypeRejected() {
    Verdict v = verify(report(), SnpVectors.cert("roots/amd-milan/ask.pem"), List.of(), AT, NONE, Optional.empty());
    assertThat(codes(v)).contains("SNP_VEK_KEY_TYPE");
  }

  @Test
  void vlekCertificateForVcekReport_extensionRejected() {
    Verdict v = verify(report(), SnpVectors.cert("snp/milan-v3-vlek-trustee/test-vlek.der"), List.of(), AT, NONE,
        Optional.empty());
    assertThat(codes(v)).contains("SNP_VEK_EXTENSION", "SNP_HWID_MISMATCH", "SNP_SIGNATURE_INVALID");
  }

  @Test
  void malformedCertTable_certTable() {
    SnpEvidence e = SnpEvidence.newBuilder().setReport(ByteString.copyFrom(report()))
        .setCertTable(ByteString.copyFrom(new byte[] {1, 2, 3})).build();
    assertThat(codes(verifyEvidence(e))).containsExactly("SNP_CERT_TABLE");
  }

  @Test
  void junkVcekInCertTable_certParse() {
    byte[] table = CertTable.of(List.of(new CertTable.Entry(CertTable.VCEK, new byte[] {0x30, 0x03, 1, 2, 3}))).encode();
    SnpEvidence e = SnpEvidence.newBuilder().setReport(ByteString.copyFrom(report()))
        .setCertTable(ByteString.copyFrom(table)).build();
    assertThat(codes(verifyEvidence(e))).containsExactly("SNP_CERT_PARSE");
  }

  @Test
  void realCertTableEvidence_acceptedWithProviderClaim() throws Exception {
    byte[] table = CertTable.of(List.of(
        new CertTable.Entry(CertTable.VCEK, vcek().getEncoded()),
        new CertTable.Entry(CertTable.ASK, SnpVectors.cert("roots/amd-milan/ask.pem").getEncoded()),
        new CertTable.Entry(CertTable.ARK, SnpVectors.cert("roots/amd-milan/ark.pem").getEncoded()))).encode();
    SnpEvidence e = SnpEvidence.newBuilder().setReport(ByteString.copyFrom(report()))
        .setCertTable(ByteString.copyFrom(table)).setProvider("configfs-tsm").build();
    Verdict v = verifyEvidence(e);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.provider", "configfs-tsm").containsEntry("snp.root", "ARK-Milan (AMD)");
  }

  @Test
  void emptyEvidence_reportSize() {
    assertThat(codes(verifyEvidence(SnpEvidence.getDefaultInstance()))).containsExactly("SNP_REPORT_SIZE");
  }
}
