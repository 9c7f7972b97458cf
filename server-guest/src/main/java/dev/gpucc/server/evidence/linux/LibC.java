package dev.gpucc.server.evidence.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The three libc calls the device providers need; errno arrives as {@link LastErrorException}. */
public interface LibC extends Library {
  int open(String path, int flags) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

  /** Loaded on first use so that machines without the device never touch native code. */
  static LibC load() {
    return Native.load("c", LibC.class);
  }
}
