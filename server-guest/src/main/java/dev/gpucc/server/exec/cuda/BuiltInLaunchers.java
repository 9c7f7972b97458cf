package dev.gpucc.server.exec.cuda;

import dev.gpucc.kernels.KaratsubaPlan;
import dev.gpucc.kernels.KernelDefinition;
import dev.gpucc.kernels.KernelInputException;
import dev.gpucc.kernels.KernelLimits;
import dev.gpucc.kernels.PrimeMultiplyKernel;
import dev.gpucc.kernels.ReduceSumKernel;
import dev.gpucc.kernels.SaxpyKernel;
import dev.gpucc.kernels.SgemmKernel;
import dev.gpucc.kernels.Sha256BatchKernel;
import dev.gpucc.kernels.VectorAddKernel;
import dev.gpucc.proto.v1.JobSpec;
import dev.gpucc.proto.v1.SgemmParams;
import dev.gpucc.proto.v1.Sha256BatchParams;
import dev.gpucc.server.exec.ExecutionException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;

/**
 * Runs each catalog kernel on the GPU: inputs copied to the device once, the kernels of
 * src/main/cuda launched on the job's stream, outputs copied back once. Inputs were validated by
 * the kernel definition (same rules as the CPU reference) before this is called.
 */
final class BuiltInLaunchers {
  /** Threads per block for the element-wise kernels. */
  static final int THREADS = 256;
  /** Cap on blocks for grid-stride kernels: enough to fill an H100 (132 SMs) many times over. */
  static final long MAX_BLOCKS = 1L << 16;

  private final CudaDevice device;

  BuiltInLaunchers(CudaDevice device) {
    this.device = device;
  }

  List<byte[]> run(KernelDefinition k, JobSpec spec, List<byte[]> inputs, KernelLimits limits,
      CudaJob job) throws ExecutionException, KernelInputException {
    return switch (k.name()) {
      case PrimeMultiplyKernel.NAME -> primeMultiply(k, spec, inputs, limits, job);
      case VectorAddKernel.NAME -> vectorAdd(k, inputs, job);
      case SaxpyKernel.NAME -> saxpy(k, spec, inputs, job);
      case SgemmKernel.NAME -> sgemm(k, spec, inputs, job);
      case Sha256BatchKernel.NAME -> sha256(k, spec, inputs, job);
      case ReduceSumKernel.NAME -> reduceSum(k, inputs, job);
      default -> throw new ExecutionException(ExecutionException.Kind.UNSUPPORTED,
          "kernel " + k.name() + " has no GPU launcher in this server version");
    };
  }

  private CUfunction function(KernelDefinition k, String entry) throws ExecutionException {
    byte[] ptx = k.ptx().orElseThrow(() -> new ExecutionException(ExecutionException.Kind.UNSUPPORTED,
        "kernel " + k.name() + " has no packaged PTX in this server build"));
    return device.builtInFunction(HexFormat.of().formatHex(k.digest()), ptx, entry);
  }

  static int blocksFor(long n, int threads) {
    return (int) Math.max(1, Math.min(MAX_BLOCKS, (n + threads - 1) / threads));
  }

  private static int[] dim(int x) {
    return new int[] {x, 1, 1};
  }

  private List<byte[]> primeMultiply(KernelDefinition k, JobSpec spec, List<byte[]> inputs,
      KernelLimits limits, CudaJob job) throws ExecutionException, KernelInputException {
    PrimeMultiplyKernel.Operands ops = PrimeMultiplyKernel.parse(spec, inputs, limits);
    CUfunction f = function(k, PrimeMultiplyKernel.ENTRY);
    BigInteger[] products = KaratsubaPlan.multiplyAll(ops.a(), ops.b(),
        KaratsubaPlan.DEFAULT_THRESHOLD_LIMBS, (limbs, pairs, a, b) -> {
          CUdeviceptr da = job.upload(a, "operands a");
          CUdeviceptr db = job.upload(b, "operands b");
          int outLimbs = 2 * limbs * pairs;
          CUdeviceptr dout = job.output(4L * outLimbs, "products");
          // One thread per product column, rounded to whole warps, at most 256.
          int threads = Math.min(256, ((2 * limbs + 31) / 32) * 32);
          Pointer params = Pointer.to(Pointer.to(da), Pointer.to(db), Pointer.to(dout),
              Pointer.to(new int[] {limbs}), Pointer.to(new int[] {pairs}));
          job.launch(f, PrimeMultiplyKernel.ENTRY, dim(pairs), dim(threads), 32 * limbs, params);
          job.await(PrimeMultiplyKernel.ENTRY);
          return job.downloadInts(dout, outLimbs, "products");
        });
    return PrimeMultiplyKernel.encode(ops, products);
  }

  private List<byte[]> vectorAdd(KernelDefinition k, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    int bytes = inputs.get(0).length;
    long n = bytes / 4;
    CUdeviceptr a = job.upload(inputs.get(0), "a");
    CUdeviceptr b = job.upload(inputs.get(1), "b");
    CUdeviceptr c = job.output(bytes, "c");
    if (n > 0) {
      job.launch(function(k, VectorAddKernel.ENTRY), VectorAddKernel.ENTRY, dim(blocksFor(n, THREADS)),
          dim(THREADS), 0,
          Pointer.to(Pointer.to(a), Pointer.to(b), Pointer.to(c), Pointer.to(new long[] {n})));
      job.await(VectorAddKernel.ENTRY);
    }
    return List.of(job.download(c, bytes, "c"));
  }

  private List<byte[]> saxpy(KernelDefinition k, JobSpec spec, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    int bytes = inputs.get(1).length;
    long n = bytes / 4;
    CUdeviceptr x = job.upload(inputs.get(0), "x");
    CUdeviceptr y = job.upload(inputs.get(1), "y");
    if (n > 0) {
      job.launch(function(k, SaxpyKernel.ENTRY), SaxpyKernel.ENTRY, dim(blocksFor(n, THREADS)),
          dim(THREADS), 0,
          Pointer.to(Pointer.to(new float[] {spec.getSaxpy().getAlpha()}), Pointer.to(x), Pointer.to(y),
              Pointer.to(new long[] {n})));
      job.await(SaxpyKernel.ENTRY);
    }
    return List.of(job.download(y, bytes, "y"));
  }

  private List<byte[]> sgemm(KernelDefinition k, JobSpec spec, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    SgemmParams p = spec.getSgemm();
    CUdeviceptr a = job.upload(inputs.get(0), "A");
    CUdeviceptr b = job.upload(inputs.get(1), "B");
    CUdeviceptr c = job.upload(inputs.get(2), "C");
    int t = SgemmKernel.TILE;
    int[] grid = {(p.getN() + t - 1) / t, (p.getM() + t - 1) / t, 1};
    job.launch(function(k, SgemmKernel.ENTRY), SgemmKernel.ENTRY, grid, new int[] {t, t, 1}, 0,
        Pointer.to(Pointer.to(a), Pointer.to(b), Pointer.to(c),
            Pointer.to(new int[] {p.getM()}), Pointer.to(new int[] {p.getN()}),
            Pointer.to(new int[] {p.getK()}),
            Pointer.to(new float[] {p.getAlpha()}), Pointer.to(new float[] {p.getBeta()})));
    job.await(SgemmKernel.ENTRY);
    return List.of(job.download(c, inputs.get(2).length, "C"));
  }

  private List<byte[]> sha256(KernelDefinition k, JobSpec spec, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    Sha256BatchParams p = spec.getSha256Batch();
    long count = Integer.toUnsignedLong(p.getMessageCount());
    long len = Integer.toUnsignedLong(p.getMessageBytes());
    CUdeviceptr in = job.upload(inputs.get(0), "messages");
    CUdeviceptr out = job.output(32 * count, "digests");
    int threads = 128;
    job.launch(function(k, Sha256BatchKernel.ENTRY), Sha256BatchKernel.ENTRY,
        dim((int) ((count + threads - 1) / threads)), dim(threads), 0,
        Pointer.to(Pointer.to(in), Pointer.to(out), Pointer.to(new long[] {len}),
            Pointer.to(new long[] {count})));
    job.await(Sha256BatchKernel.ENTRY);
    return List.of(job.download(out, (int) (32 * count), "digests"));
  }

  private List<byte[]> reduceSum(KernelDefinition k, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    long n = inputs.get(0).length / 8;
    if (n == 0) {
      return List.of(new byte[8]); // +0.0, as defined
    }
    CUfunction f = function(k, ReduceSumKernel.ENTRY);
    CUdeviceptr in = job.upload(inputs.get(0), "values");
    do { // at least one pass, like the reference (it turns -0.0 into +0.0)
      long chunks = (n + ReduceSumKernel.CHUNK - 1) / ReduceSumKernel.CHUNK;
      CUdeviceptr out = job.output(8 * chunks, "partial sums");
      job.launch(f, ReduceSumKernel.ENTRY, dim((int) chunks), dim(ReduceSumKernel.THREADS), 0,
          Pointer.to(Pointer.to(in), Pointer.to(out), Pointer.to(new long[] {n})));
      in = out;
      n = chunks;
    } while (n > 1);
    job.await(ReduceSumKernel.ENTRY);
    return List.of(job.download(in, 8, "sum"));
  }
}
