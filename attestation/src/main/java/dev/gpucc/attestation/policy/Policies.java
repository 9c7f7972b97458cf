package dev.gpucc.attestation.policy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.gpucc.proto.v1.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the JSON policy file (protobuf JSON mapping of gpucc.v1.Policy; every key is
 * documented in docs/POLICY.md). Unknown keys are errors, never ignored: a typo in a security
 * policy must not silently weaken it.
 */
public final class Policies {
  private Policies() {}

  /** The secure default: no simulated evidence, no debug, every signature, chain and binding. */
  public static Policy secureDefault() {
    return Policy.getDefaultInstance();
  }

  public static Policy load(Path file) throws IOException, PolicyFormatException {
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  public static Policy parse(String json) throws PolicyFormatException {
    Policy.Builder b = Policy.newBuilder();
    try {
      JsonFormat.parser().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new PolicyFormatException("invalid policy: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Gson reports malformed JSON as unchecked exceptions.
      throw new PolicyFormatException("invalid policy JSON: " + e.getMessage(), e);
    }
    return b.build();
  }

  public static String toJson(Policy policy) {
    try {
      return JsonFormat.printer().print(policy);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("policy cannot be printed", e);
    }
  }
}
