import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Test-only probe for the guest image boot test: answers every TCP connection with one line
 * naming the JVM and the guest's view of itself, then closes. It proves that the JVM starts
 * under the image's systemd and that a forwarded host port reaches a guest service.
 */
public final class GpuccProbe {
  private GpuccProbe() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket server = new ServerSocket(port)) {
      while (true) {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
          String line = "gpucc-probe ok java=" + System.getProperty("java.version")
              + " os=" + System.getProperty("os.name") + "/" + System.getProperty("os.version")
              + " jvm_uptime_ms=" + ManagementFactory.getRuntimeMXBean().getUptime() + "\n";
          out.write(line.getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
  }
}
