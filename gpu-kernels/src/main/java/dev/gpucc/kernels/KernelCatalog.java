package dev.gpucc.kernels;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The built-in kernels, by name. Immutable. */
public final class KernelCatalog {
  private final Map<String, KernelDefinition> kernels;

  private KernelCatalog(Map<String, KernelDefinition> kernels) {
    this.kernels = Map.copyOf(kernels);
  }

  /** Every kernel that ships with gpucc. */
  public static KernelCatalog builtIn() {
    Map<String, KernelDefinition> m = new LinkedHashMap<>();
    register(m, new PrimeMultiplyKernel());
    register(m, new VectorAddKernel());
    register(m, new SaxpyKernel());
    register(m, new SgemmKernel());
    register(m, new Sha256BatchKernel());
    register(m, new ReduceSumKernel());
    return new KernelCatalog(m);
  }

  private static void register(Map<String, KernelDefinition> m, KernelDefinition k) {
    if (m.putIfAbsent(k.name(), k) != null) {
      throw new IllegalStateException("kernel registered twice: " + k.name());
    }
  }

  public Optional<KernelDefinition> find(String name) {
    return Optional.ofNullable(kernels.get(name));
  }

  public Collection<KernelDefinition> all() {
    return kernels.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }
}
