#!/usr/bin/env bash
# Starts a gpucc confidential VM (AMD SEV-SNP or Intel TDX) with NVIDIA GPUs passed through
# by VFIO, from a small KEY=VALUE config file (see deploy/launch/examples/*.conf).
#
#   launch-cvm.sh --config FILE [--dry-run] [--measure]
#
# --dry-run  print the exact QEMU command line (one option per line) and the measurement
#            step, and start nothing
# --measure  print the expected launch measurement (SNP, via sev-snp-measure when installed)
#            or the command that computes it; with --dry-run, only the command
#
# The config file is parsed, never sourced: only the keys below are accepted, each value is
# checked, and anything else is an error (a launch config decides what gets measured).
set -euo pipefail

GPUCC_SCRIPT_NAME=launch-cvm
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

usage() {
  cat <<'USAGE'
Usage: launch-cvm.sh --config FILE [--dry-run] [--measure]

Config keys (KEY=VALUE, one per line, '#' comments, optional "quotes"):
  TEE                   snp | tdx | none (none: a plain VM for testing, NOT confidential) (required)
  FIRMWARE              OVMF for SNP (AmdSev build, -bios) or TDVF for TDX   (required)
  IMAGE_DIR             directory made by deploy/image/build-image.sh; gives KERNEL,
                        INITRD, DISK and CMDLINE defaults (vmlinuz, initrd.img, rootfs.img, cmdline)
  KERNEL INITRD DISK    override the files from IMAGE_DIR
  CMDLINE               kernel command line (default: IMAGE_DIR/cmdline)
  NAME                  VM name (default gpucc-cvm)
  QEMU                  QEMU binary (default qemu-system-x86_64; SNP needs >= 9.1, TDX >= 10.1)
  MEMORY                guest RAM, e.g. 64G (default 16G)
  VCPUS                 vCPU count (default 8)
  CPU_MODEL             SNP default EPYC-v4; TDX always 'host'
  GPU_BDF               space-separated PCI addresses to pass through (e.g. 0000:41:00.0)
  MMIO64_MB             OVMF 64-bit MMIO window in MiB for the GPU BARs (default 262144)
  HOST_ADDR HOST_PORT   host side of the forwarded server port (default 127.0.0.1 7443)
  GUEST_PORT            server port in the guest (default 7443)
  SERIAL                QEMU -serial target (default stdio)
  ACCEL                 kvm | tcg (default kvm; tcg only with TEE=none)
  EXTRA_PORTS           more forwarded ports, space-separated HOSTPORT:GUESTPORT pairs
  SNP_POLICY            guest policy (default 0x30000: reserved bit 17 + SMT allowed, no debug)
  SNP_CBITPOS           C-bit position (default 51; read it on the host: cpuid 0x8000001f EBX[5:0])
  SNP_REDUCED_PHYS_BITS physical address bits lost (default 1)
  SNP_KERNEL_HASHES     on | off: measure kernel, initrd and cmdline (default on)
  SNP_HOST_DATA         optional base64 of 32 bytes, copied into the report's HOST_DATA
  TDX_QGS               quote generation service: vsock:CID:PORT or unix:PATH (default vsock:2:4050)
  TDX_SEPT_VE_DISABLE   on | off (default on)
USAGE
}

config="" dry_run=0 measure=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --config) config=${2:-}; shift 2 || true ;;
    --dry-run) dry_run=1; shift ;;
    --measure) measure=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gpucc_die 2 "unknown option: $1" ;;
  esac
done
[[ -n $config ]] || { usage >&2; gpucc_die 2 "--config FILE is required"; }
[[ -r $config ]] || gpucc_die 2 "cannot read config file: $config"

declare -A C=(
  [NAME]=gpucc-cvm [QEMU]=qemu-system-x86_64 [MEMORY]=16G [VCPUS]=8 [MMIO64_MB]=262144
  [HOST_ADDR]=127.0.0.1 [HOST_PORT]=7443 [GUEST_PORT]=7443 [SERIAL]=stdio
  [SNP_POLICY]=0x30000 [SNP_CBITPOS]=51 [SNP_REDUCED_PHYS_BITS]=1 [SNP_KERNEL_HASHES]=on
  [TDX_QGS]=vsock:2:4050 [TDX_SEPT_VE_DISABLE]=on [ACCEL]=kvm
)
known=" TEE FIRMWARE IMAGE_DIR KERNEL INITRD DISK CMDLINE NAME QEMU MEMORY VCPUS CPU_MODEL GPU_BDF
  MMIO64_MB HOST_ADDR HOST_PORT GUEST_PORT SERIAL SNP_POLICY SNP_CBITPOS SNP_REDUCED_PHYS_BITS
  SNP_KERNEL_HASHES SNP_HOST_DATA TDX_QGS TDX_SEPT_VE_DISABLE ACCEL EXTRA_PORTS "
known=$(tr -s ' \n' '  ' <<<"$known")

errors=()
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
  lineno=$((lineno + 1))
  line=${line%$'\r'}
  [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
  if [[ ! $line =~ ^[[:space:]]*([A-Z0-9_]+)=(.*)$ ]]; then
    errors+=("$config:$lineno: not KEY=VALUE: $line")
    continue
  fi
  key=${BASH_REMATCH[1]}
  val=${BASH_REMATCH[2]}
  val=${val%"${val##*[![:space:]]}"} # trailing blanks
  if [[ $val =~ ^\"(.*)\"$ || $val =~ ^\'(.*)\'$ ]]; then
    val=${BASH_REMATCH[1]}
  elif [[ $val == *[\"\'\$\`\\]* ]]; then
    errors+=("$config:$lineno: $key: quotes, \$, \` and \\ are only allowed inside a fully quoted value")
    continue
  fi
  if [[ $known != *" $key "* ]]; then
    errors+=("$config:$lineno: unknown key $key")
    continue
  fi
  C[$key]=$val
done <"$config"

need() { [[ -n ${C[$1]:-} ]] || errors+=("$1 is required"); }
match() { # key regex what
  [[ -z ${C[$1]:-} || ${C[$1]} =~ $2 ]] || errors+=("$1='${C[$1]}': must be $3")
}

need TEE
[[ ${C[TEE]:-} == none ]] || need FIRMWARE
match TEE '^(snp|tdx|none)$' "snp, tdx or none"
match ACCEL '^(kvm|tcg)$' "kvm or tcg"
match EXTRA_PORTS '^([1-9][0-9]{0,4}:[1-9][0-9]{0,4}( +|$))*$' "space-separated HOSTPORT:GUESTPORT pairs"
[[ ${C[TEE]:-} != none && ${C[ACCEL]} != kvm ]] && errors+=("ACCEL='${C[ACCEL]}': confidential guests need kvm")
match NAME '^[A-Za-z0-9_.-]+$' "letters, digits, . _ -"
match MEMORY '^[1-9][0-9]*[MG]$' "a size like 16G or 512M"
match VCPUS '^[1-9][0-9]*$' "a positive integer"
match MMIO64_MB '^[1-9][0-9]*$' "a positive integer (MiB)"
match HOST_ADDR '^[0-9]{1,3}(\.[0-9]{1,3}){3}$' "an IPv4 address"
match HOST_PORT '^[1-9][0-9]{0,4}$' "a port number"
match GUEST_PORT '^[1-9][0-9]{0,4}$' "a port number"
match CPU_MODEL '^[A-Za-z0-9_.-]+$' "a QEMU CPU model name"
match SNP_POLICY '^0x[0-9a-fA-F]{1,16}$' "a hex number like 0x30000"
match SNP_CBITPOS '^[0-9]{2}$' "a bit position like 51"
match SNP_REDUCED_PHYS_BITS '^[0-9]{1,2}$' "a small integer"
match SNP_KERNEL_HASHES '^(on|off)$' "on or off"
match SNP_HOST_DATA '^[A-Za-z0-9+/]{43}=$' "base64 of exactly 32 bytes"
match TDX_QGS '^(vsock:[0-9]+:[0-9]+|unix:/[^,]+)$' "vsock:CID:PORT or unix:/path"
match TDX_SEPT_VE_DISABLE '^(on|off)$' "on or off"
for p in HOST_PORT GUEST_PORT; do
  [[ ${C[$p]} =~ ^[0-9]+$ && ${C[$p]} -gt 65535 ]] && errors+=("$p='${C[$p]}': must be <= 65535")
done
if [[ ${C[TEE]:-} == snp ]]; then
  pol=$((C[SNP_POLICY]))
  ((pol & 0x20000)) || errors+=("SNP_POLICY='${C[SNP_POLICY]}': bit 17 is reserved and must be 1")
  ((pol & 0x80000)) && errors+=("SNP_POLICY='${C[SNP_POLICY]}': bit 19 (DEBUG) lets the host read guest memory; refused")
fi
gpus=()
if [[ -n ${C[GPU_BDF]:-} ]]; then
  read -r -a gpus <<<"${C[GPU_BDF]}"
  for g in "${gpus[@]}"; do
    gpucc_is_bdf "$g" || errors+=("GPU_BDF: not a full PCI address (want 0000:41:00.0): '$g'")
  done
fi

if [[ -n ${C[IMAGE_DIR]:-} ]]; then
  : "${C[KERNEL]:=${C[IMAGE_DIR]}/vmlinuz}"
  : "${C[INITRD]:=${C[IMAGE_DIR]}/initrd.img}"
  : "${C[DISK]:=${C[IMAGE_DIR]}/rootfs.img}"
  if [[ -z ${C[CMDLINE]:-} ]]; then
    if [[ -r ${C[IMAGE_DIR]}/cmdline ]]; then C[CMDLINE]=$(head -n1 "${C[IMAGE_DIR]}/cmdline")
    else errors+=("CMDLINE not set and ${C[IMAGE_DIR]}/cmdline not readable"); fi
  fi
fi
need KERNEL
need INITRD
need DISK
need CMDLINE
for k in FIRMWARE KERNEL INITRD DISK; do
  [[ ${C[$k]:-} == *,* ]] && errors+=("$k: commas are not allowed in paths (QEMU option syntax)")
done

if [[ ${#errors[@]} -gt 0 ]]; then
  for e in "${errors[@]}"; do gpucc_log "config error: $e"; done
  exit 2
fi

# ---- the QEMU command line ---------------------------------------------------------------
# Each element of `lines` is one option with its value; printed one per line in --dry-run.
lines=()
argv=()
opt() { lines+=("$(gpucc_quote_cmd "$@")"); argv+=("$@"); }

mem=${C[MEMORY]}
if [[ ${C[TEE]} == snp ]]; then
  cpu=${C[CPU_MODEL]:-EPYC-v4}
  snp="sev-snp-guest,id=sev0,cbitpos=${C[SNP_CBITPOS]},reduced-phys-bits=${C[SNP_REDUCED_PHYS_BITS]}"
  snp+=",policy=${C[SNP_POLICY]},kernel-hashes=${C[SNP_KERNEL_HASHES]}"
  [[ -n ${C[SNP_HOST_DATA]:-} ]] && snp+=",host-data=${C[SNP_HOST_DATA]}"
  opt "${C[QEMU]}"
  opt -name "${C[NAME]}"
  opt -machine q35,confidential-guest-support=sev0,memory-backend=ram1,vmport=off
  opt -accel kvm
  opt -cpu "$cpu"
  opt -smp "${C[VCPUS]}"
  opt -m "$mem"
  opt -object "memory-backend-memfd,id=ram1,size=$mem,share=true,prealloc=false"
  opt -object "$snp"
elif [[ ${C[TEE]} == none ]]; then
  gpucc_log "TEE=none: a plain VM for tests; nothing in it is confidential or attestable"
  opt "${C[QEMU]}"
  opt -name "${C[NAME]}"
  opt -machine q35
  opt -accel "${C[ACCEL]}"
  opt -cpu "${C[CPU_MODEL]:-max}"
  opt -smp "${C[VCPUS]}"
  opt -m "$mem"
else
  if [[ ${C[TDX_QGS]} =~ ^vsock:([0-9]+):([0-9]+)$ ]]; then
    qgs="{\"type\":\"vsock\",\"cid\":\"${BASH_REMATCH[1]}\",\"port\":\"${BASH_REMATCH[2]}\"}"
  else
    qgs="{\"type\":\"unix\",\"path\":\"${C[TDX_QGS]#unix:}\"}"
  fi
  sept=false
  [[ ${C[TDX_SEPT_VE_DISABLE]} == on ]] && sept=true
  opt "${C[QEMU]}"
  opt -name "${C[NAME]}"
  opt -machine q35,kernel-irqchip=split,confidential-guest-support=tdx0,memory-backend=ram1
  opt -accel kvm
  opt -cpu host
  opt -smp "${C[VCPUS]}"
  opt -m "$mem"
  opt -object "memory-backend-ram,id=ram1,size=$mem"
  opt -object "{\"qom-type\":\"tdx-guest\",\"id\":\"tdx0\",\"sept-ve-disable\":$sept,\"quote-generation-socket\":$qgs}"
fi
[[ -n ${C[FIRMWARE]:-} ]] && opt -bios "${C[FIRMWARE]}"
opt -kernel "${C[KERNEL]}"
opt -initrd "${C[INITRD]}"
opt -append "${C[CMDLINE]}"
opt -drive "if=none,id=disk0,format=raw,file=${C[DISK]}"
opt -device virtio-blk-pci,drive=disk0,disable-legacy=on,iommu_platform=true
fwd="hostfwd=tcp:${C[HOST_ADDR]}:${C[HOST_PORT]}-:${C[GUEST_PORT]}"
for pair in ${C[EXTRA_PORTS]:-}; do
  fwd+=",hostfwd=tcp:${C[HOST_ADDR]}:${pair%%:*}-:${pair##*:}"
done
opt -netdev "user,id=net0,$fwd"
opt -device virtio-net-pci,netdev=net0,disable-legacy=on,iommu_platform=true,romfile=
i=0
for g in "${gpus[@]}"; do
  i=$((i + 1))
  opt -device "pcie-root-port,id=rp$i,bus=pcie.0,chassis=$i"
  opt -device "vfio-pci,host=${g,,},bus=rp$i"
done
if [[ ${#gpus[@]} -gt 0 ]]; then
  opt -fw_cfg "name=opt/ovmf/X-PciMmio64Mb,string=${C[MMIO64_MB]}"
fi
opt -nodefaults
opt -display none
opt -serial "${C[SERIAL]}"
opt -no-reboot

# ---- the expected measurement ------------------------------------------------------------
measure_lines() {
  if [[ ${C[TEE]} == none ]]; then
    echo "# TEE=none: no launch measurement exists; this VM cannot be attested."
  elif [[ ${C[TEE]} == snp ]]; then
    if [[ ${C[SNP_KERNEL_HASHES]} != on ]]; then
      echo "# SNP measurement: kernel-hashes=off, so MEASUREMENT covers only the firmware; the kernel,"
      echo "# initrd and command line are NOT measured. Set SNP_KERNEL_HASHES=on for a useful pin."
    fi
    echo "# Expected SNP MEASUREMENT (pin it as snp.measurement in the client policy):"
    gpucc_quote_cmd sev-snp-measure --mode snp --vcpus "${C[VCPUS]}" --vcpu-type "${C[CPU_MODEL]:-EPYC-v4}" \
      --ovmf "${C[FIRMWARE]}" --kernel "${C[KERNEL]}" --initrd "${C[INITRD]}" --append "${C[CMDLINE]}"
    echo "# sev-snp-measure is on PyPI (pip install sev-snp-measure), not in Debian. The policy"
    echo "# (${C[SNP_POLICY]}) is not part of MEASUREMENT: pin it separately (snp.policy)."
  else
    echo "# TDX: MRTD is fixed by the TDVF (FIRMWARE) alone; the kernel, initrd and command line are"
    echo "# measured by the TDVF into RTMR[1] and RTMR[2]. No tool in Debian computes them; compute"
    echo "# MRTD from $(gpucc_quote_cmd "${C[FIRMWARE]}") with a TDX measurement tool, or read"
    echo "# MRTD/RTMRs from 'gpucc attest' on a host you trust, and pin them in the client policy."
  fi
}

run_measure() {
  if [[ ${C[TEE]} == snp ]] && command -v sev-snp-measure >/dev/null; then
    local m
    m=$(sev-snp-measure --mode snp --vcpus "${C[VCPUS]}" --vcpu-type "${C[CPU_MODEL]:-EPYC-v4}" \
      --ovmf "${C[FIRMWARE]}" --kernel "${C[KERNEL]}" --initrd "${C[INITRD]}" --append "${C[CMDLINE]}")
    echo "expected SNP MEASUREMENT: $m"
  else
    [[ ${C[TEE]} == snp ]] && gpucc_log "sev-snp-measure not installed; printing the command instead"
    measure_lines
  fi
}

if [[ $dry_run -eq 1 ]]; then
  n=${#lines[@]}
  for ((j = 0; j < n; j++)); do
    if ((j < n - 1)); then printf '%s \\\n' "${lines[$j]}"; else printf '%s\n' "${lines[$j]}"; fi
  done
  if [[ $measure -eq 1 ]]; then measure_lines; fi
  exit 0
fi

[[ $measure -eq 1 ]] && { run_measure; exit 0; }

for k in FIRMWARE KERNEL INITRD DISK; do
  [[ $k == FIRMWARE && -z ${C[FIRMWARE]:-} ]] && continue
  [[ -r ${C[$k]} ]] || gpucc_die "$k not readable: ${C[$k]}"
done
for g in "${gpus[@]}"; do
  d=$(basename "$(readlink "${GPUCC_SYS_ROOT:-/sys}/bus/pci/devices/${g,,}/driver" 2>/dev/null)" 2>/dev/null || true)
  [[ $d == vfio-pci ]] || gpucc_die "GPU $g is bound to '${d:-nothing}', not vfio-pci: run deploy/host/vfio-bind.sh bind $g"
done
gpucc_log "starting ${C[TEE]^^} guest ${C[NAME]}; server will be at ${C[HOST_ADDR]}:${C[HOST_PORT]}"
# argv holds exactly the words the dry-run prints.
exec "${argv[@]}"
