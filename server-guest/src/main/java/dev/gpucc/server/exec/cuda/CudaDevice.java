package dev.gpucc.server.exec.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceGetUuid;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxReset;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.ExecutionException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUuuid;

/**
 * One GPU: its identity, launch limits, its (primary) context and the modules of built-in kernels
 * loaded into it. Jobs hold the read lock while they use the context; after a sticky error the
 * context is reset under the write lock (cuDevicePrimaryCtxReset destroys every allocation and
 * module in it), so the server stays up and the next job gets a clean context.
 */
public final class CudaDevice {
  private final int index;
  private final CUdevice device;
  private final String name;
  private final String uuid;
  private final long totalBytes;
  private final DeviceLimits limits;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final Map<String, CUmodule> modules = new HashMap<>();
  private CUcontext context;
  private long generation;

  private CudaDevice(int index, CUdevice device, String name, String uuid, long totalBytes,
      DeviceLimits limits) {
    this.index = index;
    this.device = device;
    this.name = name;
    this.uuid = uuid;
    this.totalBytes = totalBytes;
    this.limits = limits;
  }

  /** Opens device {@code index} (cuInit must have succeeded). */
  static CudaDevice open(int index) throws ExecutionException {
    CUdevice dev = new CUdevice();
    check(cuDeviceGet(dev, index), "getting device " + index);
    byte[] nameBuf = new byte[256];
    check(cuDeviceGetName(nameBuf, nameBuf.length, dev), "reading the device name");
    int len = 0;
    while (len < nameBuf.length && nameBuf[len] != 0) {
      len++;
    }
    CUuuid id = new CUuuid();
    check(cuDeviceGetUuid(id, dev), "reading the device UUID");
    long[] total = new long[1];
    check(cuDeviceTotalMem(total, dev), "reading the device memory size");
    DeviceLimits limits = new DeviceLimits(
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z),
        attr(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN));
    CudaDevice d = new CudaDevice(index, dev, new String(nameBuf, 0, len, StandardCharsets.UTF_8),
        formatUuid(id.bytes), total[0], limits);
    d.lock.writeLock().lock();
    try {
      d.retainContext();
    } finally {
      d.lock.writeLock().unlock();
    }
    return d;
  }

  /** "GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", as nvidia-smi prints it. */
  static String formatUuid(byte[] b) {
    String h = HexFormat.of().formatHex(b);
    return "GPU-" + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }

  private static int attr(CUdevice dev, int attribute) throws ExecutionException {
    int[] v = new int[1];
    check(cuDeviceGetAttribute(v, attribute, dev), "reading device attribute " + attribute);
    return v[0];
  }

  private static void check(int rc, String doing) throws ExecutionException {
    CudaErrors.check(rc, doing, Kind.DEVICE_ERROR);
  }

  private void retainContext() throws ExecutionException {
    CUcontext ctx = new CUcontext();
    check(cuDevicePrimaryCtxRetain(ctx, device), "creating the context of GPU " + index);
    context = ctx;
    generation++;
  }

  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  public String uuid() {
    return uuid;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public DeviceLimits limits() {
    return limits;
  }

  /**
   * Makes the context current on this thread for one job and returns the generation it belongs to.
   * The caller must hold {@link #enter()}'s lock until the job is done.
   */
  long enter() throws ExecutionException {
    lock.readLock().lock();
    try {
      check(cuCtxSetCurrent(context), "making the context of GPU " + index + " current");
      return generation;
    } catch (ExecutionException | RuntimeException e) {
      lock.readLock().unlock();
      throw e;
    }
  }

  void leave() {
    lock.readLock().unlock();
  }

  /** The function {@code entry} of a built-in module, loading the module once per context. */
  synchronized CUfunction builtInFunction(String digestHex, byte[] ptx, String entry)
      throws ExecutionException {
    CUmodule module = modules.get(digestHex);
    if (module == null) {
      module = new CUmodule();
      byte[] text = new byte[ptx.length + 1]; // NUL-terminated
      System.arraycopy(ptx, 0, text, 0, ptx.length);
      CudaErrors.check(cuModuleLoadData(module, text), "loading the PTX module of " + entry,
          Kind.KERNEL_FAILED);
      modules.put(digestHex, module);
    }
    CUfunction f = new CUfunction();
    CudaErrors.check(cuModuleGetFunction(f, module, entry), "finding kernel " + entry,
        Kind.KERNEL_FAILED);
    return f;
  }

  /**
   * Resets the context after a sticky error seen in {@code seenGeneration}; later jobs get a fresh
   * context. A no-op if another job already reset it.
   */
  void resetAfterFault(long seenGeneration) throws ExecutionException {
    lock.writeLock().lock();
    try {
      if (generation != seenGeneration) {
        return;
      }
      synchronized (this) {
        modules.clear(); // the reset unloads them
      }
      check(cuDevicePrimaryCtxReset(device), "resetting the context of GPU " + index + " after a fault");
      retainContext();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
