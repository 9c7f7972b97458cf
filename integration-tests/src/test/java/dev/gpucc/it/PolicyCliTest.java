package dev.gpucc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gpucc.attestation.policy.Policies;
import dev.gpucc.proto.v1.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gpucc policy init / check round trip, and errors explained. */
class PolicyCliTest {
  @TempDir Path dir;

  @Test
  void init_pinsMeasurement_andCheckAcceptsIt_andThePolicyVerifiesTheServer() throws Exception {
    try (SimulatedServer s = new SimulatedServer()) {
      Path base = dir.resolve("base.json");
      Files.writeString(base, Policies.toJson(s.policy()));
      Path pinned = dir.resolve("pinned.json");
      var init = CliEndToEndTest.gpucc("policy", "init", "--target", "127.0.0.1:" + s.port(), "--policy", base.toString(),
          "--output", pinned.toString());
      assertThat(init.code()).as(init.out() + init.err()).isZero();
      Policy p = Policies.load(pinned);
      assertThat(p.getAllowedTeeList()).containsExactly("SEV_SNP");
      assertThat(p.getSnp().getMeasurementsList()).hasSize(1);
      var check = CliEndToEndTest.gpucc("policy", "check", pinned.toString());
      assertThat(check.code()).as(check.out()).isZero();
      var attest = CliEndToEndTest.gpucc("attest", "--target", "127.0.0.1:" + s.port(), "--policy", pinned.toString());
      assertThat(attest.code()).as(attest.out()).isZero();
    }
  }

  @Test
  void check_rejectsUnknownKeysAndBadValues_withExplanations() throws Exception {
    Path typo = dir.resolve("typo.json");
    Files.writeString(typo, "{\"allowSimulatd\": true}");
    var r1 = CliEndToEndTest.gpucc("policy", "check", typo.toString());
    assertThat(r1.code()).isEqualTo(1);
    assertThat(r1.out()).contains("INVALID").contains("allowSimulatd");

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"snp\": {\"measurements\": [\"abcd\"], \"vmpl\": 7}, \"allowedTee\": [\"SGX\"]}");
    var r2 = CliEndToEndTest.gpucc("policy", "check", bad.toString());
    assertThat(r2.code()).isEqualTo(1);
    assertThat(r2.out()).contains("snp.measurements[]: snp.measurements[] must be 48 bytes")
        .contains("snp.vmpl: must be 0..3, got 7").contains("allowedTee[]: 'SGX'");

    assertThat(CliEndToEndTest.gpucc("policy", "check", dir.resolve("none.json").toString()).code()).isEqualTo(2);
  }
}
