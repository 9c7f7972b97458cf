package dev.gpucc.server;

/** The version string a server reports and writes into transcripts. */
public final class ServerVersion {
  private ServerVersion() {}

  public static String get() {
    String v = ServerVersion.class.getPackage().getImplementationVersion();
    return "gpucc-server/" + (v == null ? "dev" : v);
  }
}
