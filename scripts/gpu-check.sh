#!/usr/bin/env bash
# One-command GPU check for an H100/H200 machine without Java (prepare .carry/ first with
# scripts/prepare-gpu-carry.sh and carry it along). It prints the card and driver, rebuilds the
# PTX with the machine's nvcc and assembles it for sm_90 (when nvcc is there), unpacks the JRE in
# a temporary folder and runs dev.gpucc.server.exec.cuda.GpuCheck: every catalog kernel on the GPU
# against its CPU reference on fresh random inputs with poisoned outputs, custom PTX and fault
# paths, timings from CUDA events, and a table at the end. Extra arguments go to GpuCheck
# (--quick, --seed N). Exit code: GpuCheck's (0 = all correct).
set -uo pipefail
cd "$(dirname "$0")/.."
CARRY="$PWD/.carry"
if [ ! -f "$CARRY/jre.tgz" ] || [ ! -d "$CARRY/lib" ]; then
  echo "gpu-check: $CARRY is missing; run scripts/prepare-gpu-carry.sh on a machine with a JDK first" >&2
  exit 2
fi
echo "== device"
nvidia-smi --query-gpu=name,uuid,driver_version,memory.total,compute_cap --format=csv,noheader 2>&1 || true
echo "== PTX build check"
if command -v nvcc >/dev/null 2>&1 || [ -x /usr/local/bin/nvcc ]; then
  bash gpu-kernels/src/main/scripts/build-ptx.sh "$(mktemp -d)" || echo "gpu-check: PTX build check FAILED (continuing)"
else
  echo "nvcc not found: PTX not rebuilt here"
fi
echo "== GPU check"
RT="$(mktemp -d)"
trap 'rm -rf "$RT"' EXIT
tar -C "$RT" -xzf "$CARRY/jre.tgz"
"$RT/jre/bin/java" -Djava.io.tmpdir="$RT" -cp "$CARRY/lib/*" dev.gpucc.server.exec.cuda.GpuCheck "$@"
