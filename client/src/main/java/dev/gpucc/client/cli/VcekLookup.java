package dev.gpucc.client.cli;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.SnpReport;
import dev.gpucc.attestation.snp.kds.HttpVcekFetcher;
import dev.gpucc.attestation.snp.kds.VcekFetcher;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Finds a report's VCEK in the on-disk cache, or (only when the user allowed it) at AMD's key
 * server. The product line must be known from the report (CPUID, version 3 and later).
 */
final class VcekLookup {
  private VcekLookup() {}

  /** The product line's cached KDS CRLs (VCEK and VLEK hierarchies), offline; empty when unknown. */
  static java.util.List<java.security.cert.X509CRL> cachedCrls(SnpReport report, Path cacheDir) {
    java.util.List<java.security.cert.X509CRL> out = new java.util.ArrayList<>();
    report.productLineFromCpuid().ifPresent(line -> {
      HttpVcekFetcher f = HttpVcekFetcher.builder().cacheDir(cacheDir).build();
      f.cachedCrl(line, false).ifPresent(out::add);
      f.cachedCrl(line, true).ifPresent(out::add);
    });
    return out;
  }

  static Optional<X509Certificate> find(SnpReport report, Path cacheDir, boolean allowNetwork) throws CliFailure, UsageException {
    if (report.chipIdMasked()) {
      throw new UsageException("the report's CHIP_ID is masked: its VCEK cannot be looked up; pass --vcek or --cert-table");
    }
    SnpProductLine line = report.productLineFromCpuid().orElseThrow(() -> new UsageException(
        "the report (version " + report.version() + ") does not name its product line; pass --vcek or --cert-table"));
    HttpVcekFetcher.Builder b = HttpVcekFetcher.builder();
    if (cacheDir != null) {
      b.cacheDir(cacheDir);
    }
    HttpVcekFetcher fetcher = b.build();
    try {
      Optional<X509Certificate> cached = fetcher.cachedVcek(line, report.chipId(), report.reportedTcb());
      if (cached.isPresent() || !allowNetwork) {
        return cached;
      }
      return Optional.of(fetcher.fetchVcek(line, report.chipId(), report.reportedTcb()));
    } catch (VcekFetcher.KdsException e) {
      throw new CliFailure(ExitCodes.CONNECTION, "cannot get the VCEK from AMD KDS: " + e.getMessage(), e);
    }
  }
}
