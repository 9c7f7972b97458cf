package dev.gpucc.server.exec.cuda;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD8;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamQuery;

import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.ExecutionException.Kind;
import dev.gpucc.server.exec.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * The device resources of one job: its stream, its allocations (each checked against the memory
 * budget first) and the timing events around its kernels. {@link #close()} frees everything.
 *
 * <p>Copies use the synchronous cuMemcpyHtoD/DtoH on pageable Java arrays: in confidential-
 * computing mode the driver moves them through its encrypted bounce buffers, and host memory is
 * never registered or pinned (cuMemHostRegister is not available in CC mode). The stream is a
 * blocking stream, so it is ordered after those copies.
 */
final class CudaJob implements AutoCloseable {
  private final JobContext context;
  private final DeviceMemoryBudget.Job memory;
  private final boolean poisonOutputs;
  private final CUstream stream = new CUstream();
  private final List<CUdeviceptr> allocations = new ArrayList<>();
  private final List<Long> sizes = new ArrayList<>();
  private CUevent start;
  private CUevent stop;
  private boolean abandoned;

  CudaJob(JobContext context, DeviceMemoryBudget budget, boolean poisonOutputs)
      throws ExecutionException {
    this.context = context;
    this.memory = budget.open(context.jobId());
    this.poisonOutputs = poisonOutputs;
    check(cuStreamCreate(stream, CUstream_flags.CU_STREAM_DEFAULT), "creating the job's stream");
  }

  private static void check(int rc, String doing) throws ExecutionException {
    CudaErrors.check(rc, doing, Kind.DEVICE_ERROR);
  }

  /** A device buffer of {@code bytes} (at least 1), contents undefined. */
  CUdeviceptr alloc(long bytes, String what) throws ExecutionException {
    long n = Math.max(1, bytes);
    memory.reserve(n, what);
    CUdeviceptr p = new CUdeviceptr();
    int rc = cuMemAlloc(p, n);
    if (rc != CudaErrors.CUDA_SUCCESS) {
      memory.release(n);
      throw CudaErrors.error(rc, "allocating " + n + " bytes of device memory for " + what,
          Kind.DEVICE_ERROR);
    }
    allocations.add(p);
    sizes.add(n);
    return p;
  }

  /** A built-in kernel's output buffer: zero-filled, or 0xFF-filled when poisoning (GPU check). */
  CUdeviceptr output(long bytes, String what) throws ExecutionException {
    return filled(bytes, what, poisonOutputs ? (byte) 0xff : 0);
  }

  /** A custom kernel's output buffer: always zero-filled, as job.proto promises. */
  CUdeviceptr zeroedOutput(long bytes, String what) throws ExecutionException {
    return filled(bytes, what, (byte) 0);
  }

  private CUdeviceptr filled(long bytes, String what, byte value) throws ExecutionException {
    CUdeviceptr p = alloc(bytes, what);
    check(cuMemsetD8(p, value, Math.max(1, bytes)), "filling " + what);
    return p;
  }

  CUdeviceptr upload(byte[] data, String what) throws ExecutionException {
    CUdeviceptr p = alloc(data.length, what);
    if (data.length > 0) {
      check(cuMemcpyHtoD(p, Pointer.to(data), data.length), "copying " + what + " to the device");
    }
    return p;
  }

  CUdeviceptr upload(int[] data, String what) throws ExecutionException {
    CUdeviceptr p = alloc(4L * data.length, what);
    check(cuMemcpyHtoD(p, Pointer.to(data), 4L * data.length), "copying " + what + " to the device");
    return p;
  }

  byte[] download(CUdeviceptr p, int bytes, String what) throws ExecutionException {
    byte[] out = new byte[bytes];
    if (bytes > 0) {
      check(cuMemcpyDtoH(Pointer.to(out), p, bytes), "copying " + what + " from the device");
    }
    return out;
  }

  int[] downloadInts(CUdeviceptr p, int count, String what) throws ExecutionException {
    int[] out = new int[count];
    check(cuMemcpyDtoH(Pointer.to(out), p, 4L * count), "copying " + what + " from the device");
    return out;
  }

  /** Queues a kernel on the job's stream; the first launch starts the timing. */
  void launch(CUfunction f, String name, int[] grid, int[] block, int sharedBytes, Pointer params)
      throws ExecutionException {
    if (start == null) {
      start = new CUevent();
      stop = new CUevent();
      check(cuEventCreate(start, 0), "creating a timing event");
      check(cuEventCreate(stop, 0), "creating a timing event");
      check(cuEventRecord(start, stream), "recording a timing event");
    }
    CudaErrors.check(
        cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], sharedBytes,
            stream, params, null),
        "launching " + name, Kind.KERNEL_FAILED);
    check(cuEventRecord(stop, stream), "recording a timing event");
  }

  /**
   * Waits for the stream, checking between polls whether the client went away or the deadline
   * passed. A kernel cannot be stopped once running: on cancel or timeout the job is marked
   * abandoned and the executor resets the context instead of freeing memory under a running kernel.
   */
  void await(String what) throws ExecutionException {
    long sleep = 20_000; // ns; grows to 1 ms so long kernels cost little CPU
    while (true) {
      int rc = cuStreamQuery(stream);
      if (rc == CudaErrors.CUDA_SUCCESS) {
        return;
      }
      if (rc != CudaErrors.CUDA_ERROR_NOT_READY) {
        throw CudaErrors.error(rc, "running " + what, Kind.KERNEL_FAILED);
      }
      try {
        context.checkAlive();
      } catch (ExecutionException e) {
        abandoned = true;
        throw e;
      }
      LockSupport.parkNanos(sleep);
      sleep = Math.min(1_000_000, sleep * 2);
    }
  }

  /** Milliseconds between the first launch and the end of the last one (CUDA events). */
  float kernelMillis() throws ExecutionException {
    if (start == null) {
      return 0f;
    }
    float[] ms = new float[1];
    check(cuEventElapsedTime(ms, start, stop), "reading the kernel time");
    return ms[0];
  }

  boolean abandoned() {
    return abandoned;
  }

  /** Frees the job's memory, events and stream; skipped when abandoned (the context is reset). */
  @Override
  public void close() {
    try {
      if (!abandoned) {
        for (CUdeviceptr p : allocations) {
          cuMemFree(p);
        }
        if (start != null) {
          cuEventDestroy(start);
          cuEventDestroy(stop);
        }
        cuStreamDestroy(stream);
      }
    } finally {
      memory.close();
    }
  }
}
