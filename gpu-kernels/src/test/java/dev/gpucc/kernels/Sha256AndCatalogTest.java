package dev.gpucc.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.Sha256BatchParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256AndCatalogTest {
  private static JobSpec spec(int len, int count) {
    return JobSpec.newBuilder().setSha256Batch(
        Sha256BatchParams.newBuilder().setMessageBytes(len).setMessageCount(count)).build();
  }

  @Test
  void fipsVectors() throws Exception {
    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): "abc" and the empty string.
    byte[] out = new Sha256BatchKernel().runOnCpu(spec(3, 2), List.of("abcabc".getBytes(StandardCharsets.US_ASCII)),
        KernelLimits.DEFAULTS).get(0);
    assertThat(HexFormat.of().formatHex(out, 0, 32))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Arrays.copyOfRange(out, 32, 64)).isEqualTo(Arrays.copyOfRange(out, 0, 32));
    byte[] empty = new Sha256BatchKernel().runOnCpu(spec(0, 1), List.of(new byte[0]), KernelLimits.DEFAULTS).get(0);
    assertThat(HexFormat.of().formatHex(empty))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void paddingBoundaries() throws Exception {
    Random rnd = new Random(5);
    for (int len : new int[] {1, 55, 56, 63, 64, 65, 119, 120, 1000}) {
      int count = 5;
      byte[] in = new byte[len * count];
      rnd.nextBytes(in);
      byte[] out = new Sha256BatchKernel().runOnCpu(spec(len, count), List.of(in), KernelLimits.DEFAULTS).get(0);
      for (int m = 0; m < count; m++) {
        byte[] want = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(in, m * len, (m + 1) * len));
        assertThat(Arrays.copyOfRange(out, m * 32, m * 32 + 32)).isEqualTo(want);
      }
    }
  }

  @Test
  void rejectsWrongLengthAndZeroCount() {
    assertThatThrownBy(() -> new Sha256BatchKernel().validate(spec(10, 3), List.of(new byte[29]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("input has 29 bytes; 3 messages of 10 bytes take 30");
    assertThatThrownBy(() -> new Sha256BatchKernel().validate(spec(10, 0), List.of(new byte[0]),
            KernelLimits.DEFAULTS))
        .hasMessageContaining("message_count must be at least 1");
  }

  @Test
  void catalog_hasEveryKernel_withPackagedPtxAndItsDigest() throws Exception {
    KernelCatalog c = KernelCatalog.builtIn();
    assertThat(c.all()).extracting(KernelDefinition::name).containsExactly(
        "prime-multiply", "reduce-sum", "saxpy", "sgemm", "sha256-batch", "vector-add");
    for (KernelDefinition k : c.all()) {
      byte[] ptx = k.ptx().orElseThrow();
      assertThat(new String(ptx, StandardCharsets.US_ASCII)).contains(".target sm_90").doesNotContain("/work/");
      assertThat(k.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(ptx));
    }
  }
}
