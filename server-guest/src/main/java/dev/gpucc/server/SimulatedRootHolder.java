package dev.gpucc.server;

import java.security.cert.X509Certificate;

/** Implemented by simulated providers: the root their evidence chains to, for clients to pin. */
public interface SimulatedRootHolder {
  X509Certificate simulatedRoot();
}
