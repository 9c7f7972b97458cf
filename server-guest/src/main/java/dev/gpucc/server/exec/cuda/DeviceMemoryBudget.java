package dev.gpucc.server.exec.cuda;

import dev.gpucc.server.exec.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Device memory accounting: a limit per job and a limit for the whole server (all jobs on one
 * device together). Allocation is refused (RESOURCE_EXHAUSTED) before cuMemAlloc is called, so a
 * job cannot starve the others or the driver.
 */
public final class DeviceMemoryBudget {
  private final long perJobBytes;
  private final long serverBytes;
  private final AtomicLong inUse = new AtomicLong();

  public DeviceMemoryBudget(long perJobBytes, long serverBytes) {
    if (perJobBytes <= 0 || serverBytes <= 0) {
      throw new IllegalArgumentException("device memory limits must be positive");
    }
    this.perJobBytes = perJobBytes;
    this.serverBytes = serverBytes;
  }

  public long perJobBytes() {
    return perJobBytes;
  }

  public long inUse() {
    return inUse.get();
  }

  /** A job's share: reserve before each allocation, release everything when the job ends. */
  public Job open(String jobId) {
    return new Job(jobId);
  }

  /** The device memory one job holds. Not thread-safe: one job runs on one thread. */
  public final class Job implements AutoCloseable {
    private final String jobId;
    private long held;

    private Job(String jobId) {
      this.jobId = jobId;
    }

    public long held() {
      return held;
    }

    public void reserve(long bytes, String what) throws ExecutionException {
      if (bytes < 0 || held + bytes > perJobBytes) {
        throw new ExecutionException(ExecutionException.Kind.RESOURCE_EXHAUSTED,
            "job " + jobId + " needs " + (held + bytes) + " bytes of device memory (" + what
                + "); the limit per job is " + perJobBytes + " bytes (server setting max-device-bytes-per-job)");
      }
      long now = inUse.addAndGet(bytes);
      if (now > serverBytes) {
        inUse.addAndGet(-bytes);
        throw new ExecutionException(ExecutionException.Kind.RESOURCE_EXHAUSTED,
            "device memory budget exhausted: " + (now - bytes) + " of " + serverBytes
                + " bytes in use by running jobs, job " + jobId + " asks for " + bytes
                + " more (" + what + "); retry later (server setting max-device-bytes)");
      }
      held += bytes;
    }

    public void release(long bytes) {
      long r = Math.min(bytes, held);
      held -= r;
      inUse.addAndGet(-r);
    }

    @Override
    public void close() {
      release(held);
    }
  }
}
