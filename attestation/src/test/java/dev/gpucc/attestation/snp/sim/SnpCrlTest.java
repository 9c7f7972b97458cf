package dev.gpucc.attestation.snp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gpucc.attestation.Reason;
import dev.gpucc.attestation.Verdict;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpEvidenceVerifier;
import dev.gpucc.proto.v1.SnpEvidence;
import dev.gpucc.proto.v1.SnpPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ASK/ASVK revocation through an ARK-signed CRL (AMD KDS /vcek/v1/{product}/crl). */
class SnpCrlTest {
  private static final byte[] NONCE = new byte[64];
  private final SimulatedAmdAuthority a = TestAuthorities.milan();
  private final Instant now = Instant.now();
  private static final SnpPolicy REQUIRE = SnpPolicy.newBuilder().setRequireCrl(true).build();

  private Verdict verify(SnpEvidence e, SnpPolicy policy) {
    Verdict.Builder out = Verdict.builder();
    new SnpEvidenceVerifier(VerifyOptions.builder().allowSimulatedAcknowledgingNoHardwareProtection(true).build())
        .verify(e, Optional.empty(), policy, out);
    return out.build();
  }

  private SnpEvidence withCrl(byte[] crl) {
    return a.attest(NONCE).toBuilder().addCrls(ByteString.copyFrom(crl)).build();
  }

  private byte[] crl(List<java.security.cert.X509Certificate> revoked) {
    return a.crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), revoked);
  }

  private static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void askRevoked_rejected() {
    Verdict v = verify(withCrl(crl(List.of(a.ask()))), SnpPolicy.getDefaultInstance());
    assertThat(codes(v)).containsExactly("SNP_CERT_REVOKED");
    assertThat(v.reasons().get(0).message()).contains("SEV-Milan (gpucc SIMULATED)").contains("revoked");
  }

  @Test
  void asvkRevoked_rejectsVlekReports_notVcekReports() {
    byte[] crl = crl(List.of(a.asvk().orElseThrow()));
    SnpEvidence vlek = a.attest(NONCE, SimulatedReportOptions.builder().signWithVlek(true).build())
        .toBuilder().addCrls(ByteString.copyFrom(crl)).build();
    assertThat(codes(verify(vlek, SnpPolicy.getDefaultInstance()))).containsExactly("SNP_CERT_REVOKED");
    assertThat(verify(withCrl(crl), REQUIRE).reasons()).isEmpty();
  }

  @Test
  void crlWithoutAsk_acceptedAndRecorded() {
    Verdict v = verify(withCrl(crl(List.of(a.vcek()))), REQUIRE);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.claims()).containsEntry("snp.crl_checked", true);
  }

  @Test
  void requireCrl_missing_rejected() {
    Verdict v = verify(a.attest(NONCE), REQUIRE);
    assertThat(codes(v)).containsExactly("SNP_CRL_MISSING");
    assertThat(verify(a.attest(NONCE), SnpPolicy.getDefaultInstance()).claims()).containsEntry("snp.crl_checked", false);
  }

  @Test
  void expiredCrl_notApplied() {
    byte[] old = a.crl(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), List.of(a.ask()));
    assertThat(codes(verify(withCrl(old), REQUIRE))).containsExactly("SNP_CRL_MISSING");
  }

  @Test
  void crlWithBadSignature_rejected() {
    byte[] crl = crl(List.of());
    crl[crl.length - 5] ^= 1; // inside the signature BIT STRING
    assertThat(codes(verify(withCrl(crl), SnpPolicy.getDefaultInstance()))).containsExactly("SNP_CRL_INVALID");
  }

  @Test
  void garbageCrl_rejected() {
    assertThat(codes(verify(withCrl(new byte[] {1, 2, 3}), SnpPolicy.getDefaultInstance())))
        .containsExactly("SNP_CRL_INVALID");
  }
}
