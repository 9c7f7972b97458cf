#!/usr/bin/env bash
# Regenerates the kernels' PTX (compute_90) from src/main/cuda into OUT_DIR, assembles each
# module with `ptxas -arch=sm_90` to prove it compiles for the H100, and compares the result with
# the committed PTX under src/main/resources/dev/gpucc/kernels/ptx (PTX is generated code: commit
# what nvcc produces; run with --update to refresh the committed copies).
#
# Where nvcc is missing, the committed PTX is packaged as is, and this script says so.
# Where nvcc's release differs from the one that produced the committed PTX (the header line
# "Cuda compilation tools, release ..."), the text is not compared (other releases emit other
# PTX) unless GPUCC_PTX_STRICT=1; the PTX is still assembled.
set -euo pipefail
MODULE_DIR="$(cd "$(dirname "$0")/../../.." && pwd)"
OUT_DIR="${1:-$MODULE_DIR/target/ptx}"
UPDATE="${2:-}"
SRC="$MODULE_DIR/src/main/cuda"
COMMITTED="$MODULE_DIR/src/main/resources/dev/gpucc/kernels/ptx"
# GPUCC_NVCC names the nvcc to use (a path that does not exist simulates a machine without nvcc).
if [ -n "${GPUCC_NVCC:-}" ]; then
  NVCC="$GPUCC_NVCC"
else
  NVCC="$(command -v nvcc || true)"
  if [ -z "$NVCC" ] && [ -x /usr/local/bin/nvcc ]; then NVCC=/usr/local/bin/nvcc; fi
fi
if [ -z "$NVCC" ] || [ ! -x "$NVCC" ]; then
  echo "[gpucc] nvcc not found: using the committed PTX in src/main/resources (not rebuilt, not assembled)"
  exit 0
fi
PTXAS="$(command -v ptxas || true)"
[ -z "$PTXAS" ] && PTXAS="$(dirname "$(readlink -f "$NVCC")")/ptxas"
mkdir -p "$OUT_DIR"
status=0
for cu in "$SRC"/*.cu; do
  name="$(basename "$cu" .cu)"
  # Relative input path and no -lineinfo/-G: the PTX then holds no absolute path or timestamp.
  (cd "$SRC" && "$NVCC" -ptx -arch=compute_90 -o "$OUT_DIR/$name.ptx" "$name.cu")
  "$PTXAS" -arch=sm_90 -o "$OUT_DIR/$name.sm_90.cubin" "$OUT_DIR/$name.ptx"
  if [ "$UPDATE" = "--update" ]; then
    cp "$OUT_DIR/$name.ptx" "$COMMITTED/$name.ptx"
    continue
  fi
  if [ ! -f "$COMMITTED/$name.ptx" ]; then
    echo "[gpucc] ERROR: no committed PTX for $name.cu; run gpu-kernels/src/main/scripts/build-ptx.sh target/ptx --update" >&2
    status=1
    continue
  fi
  release() { grep -m1 '^// Cuda compilation tools' "$1" || true; }
  if [ "$(release "$OUT_DIR/$name.ptx")" != "$(release "$COMMITTED/$name.ptx")" ] && [ "${GPUCC_PTX_STRICT:-0}" != 1 ]; then
    echo "[gpucc] $name.ptx: nvcc release differs from the committed PTX's ($(release "$COMMITTED/$name.ptx")); text not compared"
    continue
  fi
  if ! cmp -s "$OUT_DIR/$name.ptx" "$COMMITTED/$name.ptx"; then
    echo "[gpucc] ERROR: committed PTX for $name.cu is stale: nvcc output differs from src/main/resources/dev/gpucc/kernels/ptx/$name.ptx." >&2
    echo "[gpucc]        Run gpu-kernels/src/main/scripts/build-ptx.sh target/ptx --update and commit the PTX." >&2
    diff -u "$COMMITTED/$name.ptx" "$OUT_DIR/$name.ptx" | head -20 >&2 || true
    status=1
  fi
done
[ $status = 0 ] && echo "[gpucc] PTX rebuilt with $("$NVCC" --version | tail -1), matches the committed PTX, and assembles for sm_90"
exit $status
