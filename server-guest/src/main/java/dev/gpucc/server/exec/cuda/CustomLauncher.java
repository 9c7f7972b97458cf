package dev.gpucc.server.exec.cuda;

import static jcuda.driver.JCudaDriver.cuFuncSetAttribute;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import dev.gpucc.server.exec.ExecutionException;
import dev.gpucc.server.exec.ExecutionException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;

/**
 * Runs a client-supplied PTX kernel: loads the module (JIT by the driver), copies each referenced
 * input once, allocates zero-filled outputs, launches once, copies the outputs back in arg order,
 * and unloads the module. Client modules are never cached.
 */
final class CustomLauncher {
  private CustomLauncher() {}

  static List<byte[]> run(CustomKernelPlan plan, List<byte[]> inputs, CudaJob job)
      throws ExecutionException {
    CUmodule module = new CUmodule();
    CudaErrors.check(cuModuleLoadData(module, plan.ptxForLoad()),
        "loading the PTX of " + plan.describe(), Kind.KERNEL_FAILED);
    try {
      CUfunction f = new CUfunction();
      CudaErrors.check(cuModuleGetFunction(f, module, plan.entry()),
          "finding entry '" + plan.entry() + "' in the PTX", Kind.KERNEL_FAILED);
      if (plan.sharedBytes() > DeviceLimits.DEFAULT_SHARED_BYTES) {
        CudaErrors.check(cuFuncSetAttribute(f,
                CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, plan.sharedBytes()),
            "allowing " + plan.sharedBytes() + " bytes of shared memory", Kind.KERNEL_FAILED);
      }
      Map<Integer, CUdeviceptr> in = new HashMap<>();
      for (int i : plan.usedInputs()) {
        in.put(i, job.upload(inputs.get(i), "input " + i));
      }
      List<Pointer> params = new ArrayList<>();
      List<CUdeviceptr> outs = new ArrayList<>();
      List<Long> outSizes = new ArrayList<>();
      for (CustomKernelPlan.Param p : plan.params()) {
        if (p instanceof CustomKernelPlan.InputBuffer ib) {
          params.add(Pointer.to(in.get(ib.index())));
        } else if (p instanceof CustomKernelPlan.OutputBuffer ob) {
          CUdeviceptr d = job.zeroedOutput(ob.bytes(), "output " + ob.output());
          outs.add(d);
          outSizes.add(ob.bytes());
          params.add(Pointer.to(d));
        } else {
          params.add(scalar(((CustomKernelPlan.Scalar) p).value()));
        }
      }
      job.launch(f, plan.describe(), plan.grid(), plan.block(), plan.sharedBytes(),
          Pointer.to(params.toArray(new Pointer[0])));
      job.await(plan.describe());
      List<byte[]> results = new ArrayList<>();
      for (int i = 0; i < outs.size(); i++) {
        results.add(job.download(outs.get(i), Math.toIntExact(outSizes.get(i)), "output " + i));
      }
      return results;
    } finally {
      if (!job.abandoned()) {
        cuModuleUnload(module);
      }
    }
  }

  /** A kernel parameter passed by value, with the C type's size. */
  static Pointer scalar(Object v) {
    if (v instanceof Integer i) {
      return Pointer.to(new int[] {i});
    } else if (v instanceof Long l) {
      return Pointer.to(new long[] {l});
    } else if (v instanceof Float f) {
      return Pointer.to(new float[] {f});
    } else if (v instanceof Double d) {
      return Pointer.to(new double[] {d});
    }
    throw new IllegalArgumentException("not a scalar: " + v);
  }
}
