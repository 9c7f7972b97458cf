package dev.gpucc.client;

import dev.gpucc.attestation.Digests;
import dev.gpucc.attestation.transcript.TranscriptDigests;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.net.Socket;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS trust for an attested server. The server's certificate is self-signed (its key is made in
 * the VM), so no PKI can vouch for it; instead the key is pinned on first use and then checked
 * against the attestation evidence: the client sends input only after the evidence binds exactly
 * the key recorded here. Once pinned, a handshake with any other key fails, so a reconnect to a
 * different machine (or a man in the middle) can never receive input.
 */
public final class ServerKeyPin extends X509ExtendedTrustManager {
  // Extending X509ExtendedTrustManager keeps the JDK from wrapping this class with host-name
  // checks: the certificate names no host, and identity comes from the evidence instead.
  private volatile byte[] pinnedDigest;

  /** TranscriptDigests.tlsKeyDigest of the key seen on the first handshake, if any. */
  public Optional<byte[]> observedKeyDigest() {
    byte[] d = pinnedDigest;
    return d == null ? Optional.empty() : Optional.of(d.clone());
  }

  @Override
  public synchronized void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("server sent no certificate");
    }
    byte[] digest = TranscriptDigests.tlsKeyDigest(chain[0].getPublicKey().getEncoded());
    if (pinnedDigest == null) {
      pinnedDigest = digest;
    } else if (!Digests.equal(pinnedDigest, digest)) {
      throw new CertificateException(
          "server TLS key changed since it was attested (pinned key digest does not match): refusing the connection");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
