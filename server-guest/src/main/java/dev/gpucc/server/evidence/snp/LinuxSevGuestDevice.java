package dev.gpucc.server.evidence.snp;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.gpucc.server.evidence.linux.LibC;
import dev.gpucc.server.evidence.linux.SevGuestAbi;
import java.io.IOException;
import java.nio.file.Path;

/** The real device through JNA: open(2), ioctl(2), close(2). */
public final class LinuxSevGuestDevice implements SevGuestDevice {
  public static final Path DEFAULT_PATH = Path.of("/dev/sev-guest");

  private final LibC libc;
  private final int fd;

  private LinuxSevGuestDevice(LibC libc, int fd) {
    this.libc = libc;
    this.fd = fd;
  }

  public static LinuxSevGuestDevice open(Path path) throws IOException {
    LibC libc = LibC.load();
    try {
      return new LinuxSevGuestDevice(libc, libc.open(path.toString(), SevGuestAbi.O_RDWR));
    } catch (LastErrorException e) {
      throw new IOException("cannot open " + path + ": errno " + e.getErrorCode(), e);
    }
  }

  @Override
  public void ioctl(long request, Pointer arg) throws IoctlException {
    try {
      libc.ioctl(fd, new NativeLong(request), arg);
    } catch (LastErrorException e) {
      throw new IoctlException(e.getErrorCode());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      libc.close(fd);
    } catch (LastErrorException e) {
      throw new IOException("close failed: errno " + e.getErrorCode(), e);
    }
  }
}
