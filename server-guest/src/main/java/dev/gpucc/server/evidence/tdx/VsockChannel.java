package dev.gpucc.server.evidence.tdx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * A connected AF_VSOCK stream socket via JNA (the JDK has no vsock support). UNVERIFIED: no vsock
 * is available where this was written; {@code struct sockaddr_vm} (16 bytes: u16 family, u16
 * reserved1, u32 port, u32 cid, u8 zero[4]) and AF_VSOCK = 40 are from linux/vm_sockets.h.
 */
public final class VsockChannel implements ByteChannel {
  public static final int AF_VSOCK = 40;
  public static final int CID_HOST = 2;
  private static final int SOCK_STREAM = 1;

  interface LibC extends Library {
    int socket(int domain, int type, int protocol);

    int connect(int fd, SockaddrVm addr, int len);

    long read(int fd, byte[] buf, long n);

    long write(int fd, byte[] buf, long n);

    int close(int fd);
  }

  /** {@code struct sockaddr_vm}. */
  @Structure.FieldOrder({"svm_family", "svm_reserved1", "svm_port", "svm_cid", "svm_zero"})
  public static class SockaddrVm extends Structure {
    public short svm_family = AF_VSOCK;
    public short svm_reserved1;
    public int svm_port;
    public int svm_cid;
    public byte[] svm_zero = new byte[4];

    public int offsetOf(String field) {
      return fieldOffset(field);
    }
  }

  private final LibC libc;
  private final int fd;
  private boolean open = true;

  private VsockChannel(LibC libc, int fd) {
    this.libc = libc;
    this.fd = fd;
  }

  public static VsockChannel connect(int cid, int port) throws IOException {
    LibC libc;
    try {
      libc = Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError e) {
      throw new IOException("libc not loadable: " + e.getMessage(), e);
    }
    int fd = libc.socket(AF_VSOCK, SOCK_STREAM, 0);
    if (fd < 0) {
      throw new IOException("socket(AF_VSOCK) failed (errno " + Native.getLastError() + "; no vsock in this VM?)");
    }
    SockaddrVm addr = new SockaddrVm();
    addr.svm_cid = cid;
    addr.svm_port = port;
    if (libc.connect(fd, addr, addr.size()) != 0) {
      int errno = Native.getLastError();
      libc.close(fd);
      throw new IOException("vsock connect to cid " + cid + " port " + port + " failed (errno " + errno + ")");
    }
    return new VsockChannel(libc, fd);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    byte[] buf = new byte[dst.remaining()];
    long n = libc.read(fd, buf, buf.length);
    if (n < 0) {
      throw new IOException("vsock read failed (errno " + Native.getLastError() + ")");
    }
    if (n == 0) {
      return -1;
    }
    dst.put(buf, 0, (int) n);
    return (int) n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    byte[] buf = new byte[src.remaining()];
    src.get(buf);
    long n = libc.write(fd, buf, buf.length);
    if (n < 0) {
      throw new IOException("vsock write failed (errno " + Native.getLastError() + ")");
    }
    src.position(src.position() - buf.length + (int) n);
    return (int) n;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      libc.close(fd);
    }
  }
}
