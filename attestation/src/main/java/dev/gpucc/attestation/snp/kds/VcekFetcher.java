package dev.gpucc.attestation.snp.kds;

import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

/**
 * Obtains AMD collateral (VCEK certificates, CRLs). Verifiers never fetch on their own: they use a
 * fetcher only when the caller passes one. What a fetcher returns is verified like any supplied
 * certificate (chain to the pinned ARK, extension bindings), never trusted because of where it
 * came from.
 */
public interface VcekFetcher {
  /** The VCEK for this chip at this REPORTED_TCB. */
  X509Certificate fetchVcek(SnpProductLine line, byte[] chipId, TcbVersion reportedTcb) throws KdsException;

  /** The product line's CRL (ARK-signed). */
  X509CRL fetchCrl(SnpProductLine line, boolean vlek) throws KdsException;

  /** Fetching failed (network, HTTP status, unparseable body, timeout). */
  final class KdsException extends Exception {
    private static final long serialVersionUID = 1L;

    public KdsException(String message) {
      super(message);
    }

    public KdsException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
