package dev.gpucc.server.evidence.snp;

import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;

/**
 * An open /dev/sev-guest: the seam between the provider's protocol logic and the kernel, so that
 * the logic is tested against a fake (go-sev-guest's Device interface plays the same role).
 */
public interface SevGuestDevice extends Closeable {
  /**
   * Issues an ioctl whose argument is a {@code struct snp_guest_request_ioctl} at {@code arg}.
   *
   * @throws IoctlException with the errno when the ioctl returns -1
   */
  void ioctl(long request, Pointer arg) throws IoctlException;

  @Override
  void close() throws IOException;

  /** An ioctl failed with {@code errno}. */
  final class IoctlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public IoctlException(int errno) {
      super("ioctl failed, errno " + errno);
      this.errno = errno;
    }

    public int errno() {
      return errno;
    }
  }
}
