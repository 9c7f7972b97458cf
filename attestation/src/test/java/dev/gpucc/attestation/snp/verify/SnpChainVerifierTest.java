package dev.gpucc.attestation.snp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.snp.SnpVectors;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnpChainVerifierTest {
  private final SnpChainVerifier verifier =
      new SnpChainVerifier(VerifyOptions.builder().at(SnpVectors.AT).build());

  @Test
  void turinVcekChain_verifiesToPinnedTurinArk() throws Exception {
    X509Certificate vcek = SnpVectors.cert("snp/turin-vcek-chain-only-virtee/vcek_turin.der");
    ChainResult r = verifier.verify(vcek, SnpVectors.certs("snp/turin-vcek-chain-only-virtee/cert_chain_turin"),
        SnpChainVerifier.KeyKind.VCEK, List.of(), false);
    assertThat(r.rootLabel()).isEqualTo("ARK-Turin (AMD)");
    assertThat(r.productLine()).contains(SnpProductLine.TURIN);
    assertThat(r.simulated()).isFalse();
    VekExtensions ext = VekExtensions.read(vcek);
    assertThat(ext.productName()).contains("Turin");
    assertThat(ext.hwId()).hasValueSatisfying(h -> assertThat(Hex.encode(h)).isEqualTo("1e550a8ee5cf9f4d"));
    assertThat(ext.fmcSpl()).hasValue(0);
    assertThat(ext.ucodeSpl()).hasValue(9);
    // and with nothing supplied, the pinned Turin ASK/ARK are found by name
    assertThat(verifier.verify(vcek, List.of(), SnpChainVerifier.KeyKind.VCEK, List.of(), false).rootLabel())
        .isEqualTo("ARK-Turin (AMD)");
  }

  @Test
  void milanVcekExtensions_bareHwId() throws Exception {
    VekExtensions ext = VekExtensions.read(SnpVectors.cert("snp/milan-v2-virtee/vcek_milan.der"));
    assertThat(ext.productName()).contains("Milan-B0");
    assertThat(ext.hwId()).hasValueSatisfying(h -> assertThat(h).hasSize(64));
    assertThat(ext.blSpl()).hasValue(3);
    assertThat(ext.snpSpl()).hasValue(8);
    assertThat(ext.ucodeSpl()).hasValue(115);
    assertThat(ext.cspId()).isEmpty();
  }

  @Test
  void vlekExtensions_cspIdNoHwId() throws Exception {
    VekExtensions ext = VekExtensions.read(SnpVectors.cert("snp/milan-v3-vlek-trustee/test-vlek.der"));
    assertThat(ext.productName()).contains("Milan");
    assertThat(ext.hwId()).isEmpty();
    assertThat(ext.cspId()).isPresent();
  }

  @Test
  void turinVcekWithMilanChain_chainBroken() {
    X509Certificate vcek = SnpVectors.cert("snp/turin-vcek-chain-only-virtee/vcek_turin.der");
    assertThatThrownBy(() -> verifier.verify(vcek, SnpVectors.certs("roots/amd-milan/ask_ark_milan.pem"),
        SnpChainVerifier.KeyKind.VCEK, List.of(), false))
        .isInstanceOf(AttestationVerificationException.class)
        .extracting(e -> ((AttestationVerificationException) e).code()).isEqualTo("SNP_CHAIN_BROKEN");
  }

  @Test
  void selfSignedLeaf_unknownRoot() {
    X509Certificate ark = SnpVectors.cert("roots/amd-milan/ark.pem");
    assertThatThrownBy(() -> verifier.verify(ark, List.of(), SnpChainVerifier.KeyKind.VCEK, List.of(), false))
        .extracting(e -> ((AttestationVerificationException) e).code()).isEqualTo("SNP_UNKNOWN_ROOT");
  }

  @Test
  void requireCrlWithoutCrl_crlMissing() {
    X509Certificate vcek = SnpVectors.cert("snp/milan-v2-virtee/vcek_milan.der");
    assertThatThrownBy(() -> verifier.verify(vcek, List.of(), SnpChainVerifier.KeyKind.VCEK, List.of(), true))
        .hasMessageContaining("require_crl")
        .extracting(e -> ((AttestationVerificationException) e).code()).isEqualTo("SNP_CRL_MISSING");
  }

  @Test
  void pinnedRoots_fingerprintsMatchReadme() {
    AmdRoots roots = AmdRoots.pinned();
    for (SnpProductLine line : SnpProductLine.values()) {
      for (AmdRoots.Role role : AmdRoots.Role.values()) {
        assertThat(roots.identify(roots.get(line, role))).hasValueSatisfying(p -> {
          assertThat(p.productLine()).isEqualTo(line);
          assertThat(p.role()).isEqualTo(role);
        });
      }
    }
    assertThat(roots.identify(SnpVectors.cert("snp/milan-v2-virtee/vcek_milan.der"))).isEmpty();
  }
}
