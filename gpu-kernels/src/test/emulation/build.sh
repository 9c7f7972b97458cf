#!/usr/bin/env bash
# Builds the CPU emulator of gpucc's CUDA kernels (see emu_prelude.h) into OUT_DIR/emu.
# The kernels are compiled from src/main/cuda unchanged, except that the dynamic shared memory
# declaration becomes a pointer to the emulator's per-launch buffer.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$HERE/../../main/cuda"
OUT="${1:?usage: build.sh OUT_DIR}"
mkdir -p "$OUT"
{
  echo '#include "emu_prelude.h"'
  for cu in "$SRC"/*.cu; do
    sed 's/extern __shared__ uint32_t smem\[\];/uint32_t* smem = reinterpret_cast<uint32_t*>(emu_dynamic_shared.data());/' "$cu"
  done
  echo '#include "emu_main.cpp"'
} > "$OUT/emu_all.cpp"
g++ -std=c++20 -O1 -ffp-contract=off -pthread -I"$HERE" -o "$OUT/emu" "$OUT/emu_all.cpp"
