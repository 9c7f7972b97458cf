#!/usr/bin/env bash
# Says, in plain words, whether this host can run a gpucc confidential VM (AMD SEV-SNP or
# Intel TDX) with an NVIDIA H100 passed through, and what to change when it cannot.
#
# Every fact is read from files, so the check runs the same against fake trees in tests:
#   GPUCC_PROC_ROOT  (default /proc)  cpuinfo, cmdline
#   GPUCC_SYS_ROOT   (default /sys)   module parameters, IOMMU, PCI devices
#   GPUCC_DEV_ROOT   (default /dev)   kvm, sev
#   GPUCC_DMESG_FILE (default: output of `dmesg`, when readable) kernel log lines
#   GPUCC_QEMU       (default qemu-system-x86_64) QEMU binary asked for its version
#   GPUCC_GPU_TOOLS  (default nvidia_gpu_tools.py on PATH) NVIDIA gpu-admin-tools, for CC mode
#
# Output: one line per check, "[OK]", "[WARN]" or "[FAIL]" followed by what was found and,
# for WARN/FAIL, "-> what to do". The last line is "VERDICT: READY", "VERDICT: READY WITH
# WARNINGS (n)" or "VERDICT: NOT READY (n problems)". Exit 0 = ready, 1 = not ready, 2 = usage.
set -uo pipefail

GPUCC_SCRIPT_NAME=check-host
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

PROC=${GPUCC_PROC_ROOT:-/proc}
SYS=${GPUCC_SYS_ROOT:-/sys}
DEV=${GPUCC_DEV_ROOT:-/dev}
QEMU=${GPUCC_QEMU:-qemu-system-x86_64}

usage() {
  cat <<'USAGE'
Usage: check-host.sh [--tee snp|tdx|auto] [--gpu BDF]...

  --tee      which confidential-VM technology to check for (default: auto, from the CPU vendor)
  --gpu BDF  the GPU to pass through, e.g. 0000:41:00.0 (repeatable; default: every NVIDIA
             3D controller found under /sys/bus/pci/devices)
USAGE
}

tee_kind=auto
gpus=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tee) tee_kind=${2:-}; shift 2 || { usage >&2; exit 2; } ;;
    --gpu) gpus+=("${2:-}"); shift 2 || { usage >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gpucc_log "error: unknown option: $1"; exit 2 ;;
  esac
done
case "$tee_kind" in auto|snp|tdx) ;; *) gpucc_log "error: --tee must be snp, tdx or auto"; exit 2 ;; esac
for g in "${gpus[@]}"; do
  gpucc_is_bdf "$g" || { gpucc_log "error: not a PCI address (want 0000:41:00.0): '$g'"; exit 2; }
done

fails=0
warns=0
ok() { printf '[OK]   %s\n' "$1"; }
warn() { printf '[WARN] %s -> %s\n' "$1" "$2"; warns=$((warns + 1)); }
fail() { printf '[FAIL] %s -> %s\n' "$1" "$2"; fails=$((fails + 1)); }

read_first() { [[ -r $1 ]] && head -n1 "$1" 2>/dev/null; }

cpuinfo_field() {
  awk -F': *' -v k="$1" '$1 ~ "^"k"[ \t]*$" {print $2; exit}' "$PROC/cpuinfo" 2>/dev/null
}

has_flag() { [[ " $cpu_flags " == *" $1 "* ]]; }

cmdline=$(read_first "$PROC/cmdline")
has_param() { [[ " $cmdline " == *" $1 "* ]]; }

dmesg_text=""
if [[ -n ${GPUCC_DMESG_FILE:-} ]]; then
  dmesg_text=$(cat "$GPUCC_DMESG_FILE" 2>/dev/null)
elif command -v dmesg >/dev/null; then
  dmesg_text=$(dmesg 2>/dev/null)
fi

vendor=$(cpuinfo_field vendor_id)
cpu_flags=$(cpuinfo_field flags)

if [[ $tee_kind == auto ]]; then
  case "$vendor" in
    AuthenticAMD) tee_kind=snp ;;
    GenuineIntel) tee_kind=tdx ;;
    *) gpucc_log "error: cannot tell the TEE from CPU vendor '${vendor:-unknown}'; pass --tee snp or --tee tdx"; exit 2 ;;
  esac
fi

grub_hint="add it to GRUB_CMDLINE_LINUX in /etc/default/grub, run update-grub and reboot"

# A kernel parameter is satisfied by the command line or, for module parameters, by the
# module's live value (the module may take it from /etc/modprobe.d instead).
check_module_param() { # name module param expected_live_values...
  local name=$1 module=$2 param=$3 live
  shift 3
  live=$(read_first "$SYS/module/$module/parameters/$param")
  local v
  for v in "$@"; do
    if [[ -n $live && $live == "$v" ]]; then
      ok "$name: $module.$param is '$live'"
      return
    fi
  done
  if has_param "$name"; then
    if [[ -z $live ]]; then
      fail "$name is on the kernel command line but module $module is not loaded" "load it: modprobe $module"
    else
      fail "$name is on the kernel command line but $module.$param is '$live'" \
        "the firmware or kernel refused it; look for '$module' in dmesg (BIOS: enable the feature)"
    fi
  else
    fail "kernel parameter $name: missing (live value: ${live:-module not loaded})" "$grub_hint"
  fi
}

check_cmdline_param() { # name severity why
  if has_param "$1"; then
    ok "kernel parameter $1: present"
  elif [[ $2 == warn ]]; then
    warn "kernel parameter $1: missing ($3)" "$grub_hint"
  else
    fail "kernel parameter $1: missing ($3)" "$grub_hint"
  fi
}

check_snp() {
  echo "gpucc host check: AMD SEV-SNP"
  if [[ $vendor == AuthenticAMD ]]; then ok "CPU vendor: AuthenticAMD"; else
    fail "CPU vendor: ${vendor:-unknown}, SEV-SNP needs AMD EPYC (Milan, Genoa, Turin or later)" "use an AMD EPYC host or --tee tdx"; fi
  local f
  for f in sev sev_es sev_snp; do
    if has_flag "$f"; then ok "CPU flag $f: present"; else
      fail "CPU flag $f: missing" "enable SME, SEV and SEV-SNP (and SNP memory coverage) in the BIOS; needs a host kernel >= 6.11 with SNP host support"; fi
  done
  check_cmdline_param mem_encrypt=on fail "memory encryption for the host"
  check_module_param kvm_amd.sev=1 kvm_amd sev Y 1
  check_module_param kvm_amd.sev_es=1 kvm_amd sev_es Y 1
  check_module_param kvm_amd.sev_snp=1 kvm_amd sev_snp Y 1
  check_cmdline_param iommu=pt fail "IOMMU in pass-through mode for VFIO"
  check_cmdline_param amd_iommu=on warn "recommended by vendor guides; the AMD IOMMU is on by default when the BIOS enables it"
  if [[ -e $DEV/sev ]]; then ok "$DEV/sev: present (ccp driver loaded)"; else
    fail "$DEV/sev: missing" "load the ccp driver (modprobe ccp) and check dmesg for 'SEV-SNP' firmware errors"; fi
  if [[ -n $dmesg_text ]]; then
    local api
    api=$(grep -o 'SEV-SNP API:[0-9.]*[^ ]* build:[0-9]*' <<<"$dmesg_text" | tail -n1)
    if [[ -n $api ]]; then ok "SNP firmware: $api"; else
      warn "SNP firmware: no 'SEV-SNP API' line in the kernel log" "check the SEV firmware (dmesg | grep -i sev); update the BIOS/AGESA or load a newer amd_sev_fam19h_model*.sbin"; fi
  else
    warn "kernel log: not readable" "run as root (dmesg) or set GPUCC_DMESG_FILE"
  fi
}

check_tdx() {
  echo "gpucc host check: Intel TDX"
  if [[ $vendor == GenuineIntel ]]; then ok "CPU vendor: GenuineIntel"; else
    fail "CPU vendor: ${vendor:-unknown}, TDX needs Intel Xeon (Sapphire Rapids 5th gen / Emerald Rapids or later)" "use an Intel Xeon host or --tee snp"; fi
  if has_flag vmx; then ok "CPU flag vmx: present"; else
    fail "CPU flag vmx: missing" "enable VT-x in the BIOS"; fi
  # Only a warning: the flag's name differs between kernel versions (UNVERIFIED); the live
  # kvm_intel.tdx value and the TDX module's kernel log line below are what decide.
  if has_flag tdx_host_platform; then ok "CPU flag tdx_host_platform: present"; else
    warn "CPU flag tdx_host_platform: missing" "enable TME, TME-MT (multi-key), TDX and the SEAM loader in the BIOS; needs a host kernel with TDX host support (>= 6.16)"; fi
  check_module_param kvm_intel.tdx=1 kvm_intel tdx Y 1
  check_cmdline_param intel_iommu=on fail "VT-d for VFIO"
  check_cmdline_param iommu=pt fail "IOMMU in pass-through mode for VFIO"
  check_cmdline_param nohibernate warn "TDX host kernels refuse hibernation; vendor guides set it"
  if [[ -n $dmesg_text ]]; then
    if grep -q 'virt/tdx: module initialized' <<<"$dmesg_text"; then ok "TDX module: initialized (kernel log)"; else
      warn "TDX module: no 'virt/tdx: module initialized' in the kernel log" "install the TDX module (intel_tdx_module.so / SEAM loader) via BIOS update; check dmesg | grep -i tdx"; fi
  else
    warn "kernel log: not readable" "run as root (dmesg) or set GPUCC_DMESG_FILE"
  fi
  local qgs=${GPUCC_QGS_SOCKET:-/var/run/tdx-qgs/qgs.socket}
  if [[ -S $qgs ]]; then ok "quote generation service socket: $qgs"; else
    warn "quote generation service socket $qgs: not found (QGS may listen on vsock port 4050 instead)" \
      "install and start Intel's QGS (tdx-qgs) and a PCCS; without it the guest gets no quote"; fi
}

check_common() {
  if [[ -e $DEV/kvm ]]; then ok "$DEV/kvm: present"; else
    fail "$DEV/kvm: missing" "load kvm_amd / kvm_intel and enable virtualization in the BIOS"; fi
  local n
  n=$(find "$SYS/class/iommu" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  if [[ $n -gt 0 ]]; then ok "IOMMU: $n unit(s) active"; else
    fail "IOMMU: none active" "enable IOMMU (AMD-Vi / VT-d) in the BIOS and set the kernel parameters above"; fi
  local ver
  if ver=$("$QEMU" --version 2>/dev/null | head -n1) && [[ $ver =~ version\ ([0-9]+)\.([0-9]+) ]]; then
    local major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} need_major need_minor
    if [[ $tee_kind == snp ]]; then need_major=9 need_minor=1; else need_major=10 need_minor=1; fi
    if ((major > need_major || (major == need_major && minor >= need_minor))); then
      ok "QEMU $major.$minor (>= $need_major.$need_minor)"
    else
      fail "QEMU $major.$minor is too old for ${tee_kind^^} guests (needs >= $need_major.$need_minor)" \
        "install a newer QEMU (distribution backports or a source build)"
    fi
  else
    fail "QEMU: '$QEMU' not found" "install qemu-system-x86 (>= 9.1 for SNP, >= 10.1 for TDX)"
  fi
}

list_nvidia_gpus() {
  local d
  for d in "$SYS"/bus/pci/devices/*; do
    [[ -e $d/vendor ]] || continue
    [[ $(read_first "$d/vendor") == 0x10de ]] || continue
    [[ $(read_first "$d/class") == 0x0302* ]] || continue
    basename "$d"
  done
}

cc_mode() { # bdf -> prints on|off|devtools|unknown:<why>
  local tool=${GPUCC_GPU_TOOLS:-}
  if [[ -z $tool ]]; then tool=$(command -v nvidia_gpu_tools.py 2>/dev/null) || tool=""; fi
  if [[ -z $tool ]]; then echo "unknown:no-tool"; return; fi
  local outp
  outp=$("$tool" --gpu-bdf="$1" --query-cc-mode 2>&1)
  if [[ $outp =~ CC\ mode\ is\ (on|off|devtools) ]]; then echo "${BASH_REMATCH[1]}"; else echo "unknown:unparsed"; fi
}

check_gpu() {
  local bdf=$1 d="$SYS/bus/pci/devices/$1"
  if [[ ! -e $d ]]; then
    fail "GPU $bdf: no such PCI device" "check the address with: lspci -D -d 10de:"
    return
  fi
  local vendor_id device_id drv group
  vendor_id=$(read_first "$d/vendor")
  device_id=$(read_first "$d/device")
  if [[ $vendor_id != 0x10de ]]; then
    fail "GPU $bdf: vendor $vendor_id is not NVIDIA (0x10de)" "pass the NVIDIA GPU's address"
    return
  fi
  ok "GPU $bdf: NVIDIA device $device_id"
  drv=$(basename "$(readlink "$d/driver" 2>/dev/null)" 2>/dev/null)
  if [[ $drv == vfio-pci ]]; then ok "GPU $bdf: bound to vfio-pci"; else
    fail "GPU $bdf: bound to ${drv:-no driver}, not vfio-pci" "deploy/host/vfio-bind.sh bind $bdf"; fi
  group=$(basename "$(readlink "$d/iommu_group" 2>/dev/null)" 2>/dev/null)
  if [[ -z $group ]]; then
    fail "GPU $bdf: no IOMMU group" "enable the IOMMU (see above)"
  else
    local other odrv oclass clean=1
    for other in "$SYS/kernel/iommu_groups/$group/devices/"*; do
      [[ -e $other ]] || continue
      other=$(basename "$other")
      [[ $other == "$bdf" ]] && continue
      oclass=$(read_first "$SYS/bus/pci/devices/$other/class")
      [[ $oclass == 0x0604* ]] && continue # PCI bridges stay with the host
      odrv=$(basename "$(readlink "$SYS/bus/pci/devices/$other/driver" 2>/dev/null)" 2>/dev/null)
      if [[ $odrv != vfio-pci ]]; then
        clean=0
        fail "GPU $bdf: IOMMU group $group also holds $other (driver: ${odrv:-none})" \
          "bind $other to vfio-pci too (deploy/host/vfio-bind.sh bind $other) or move the GPU to another slot"
      fi
    done
    [[ $clean -eq 1 ]] && ok "GPU $bdf: IOMMU group $group holds no other endpoint outside vfio-pci"
  fi
  local mode
  mode=$(cc_mode "$bdf")
  case "$mode" in
    on) ok "GPU $bdf: CC mode is on" ;;
    devtools) warn "GPU $bdf: CC mode is devtools (not production; evidence says so)" \
      "nvidia_gpu_tools.py --gpu-bdf=$bdf --set-cc-mode=on --reset-after-cc-mode-switch" ;;
    off) fail "GPU $bdf: CC mode is off" \
      "nvidia_gpu_tools.py --gpu-bdf=$bdf --set-cc-mode=on --reset-after-cc-mode-switch" ;;
    unknown:no-tool) warn "GPU $bdf: CC mode unknown (NVIDIA gpu-admin-tools not found)" \
      "get https://github.com/NVIDIA/gpu-admin-tools and set GPUCC_GPU_TOOLS=/path/nvidia_gpu_tools.py" ;;
    *) warn "GPU $bdf: CC mode unknown (could not read the tool's answer)" \
      "run: nvidia_gpu_tools.py --gpu-bdf=$bdf --query-cc-mode" ;;
  esac
}

if [[ $tee_kind == snp ]]; then check_snp; else check_tdx; fi
check_common
if [[ ${#gpus[@]} -eq 0 ]]; then
  mapfile -t gpus < <(list_nvidia_gpus)
fi
if [[ ${#gpus[@]} -eq 0 ]]; then
  fail "GPU: no NVIDIA 3D controller found" "install the H100, or pass --gpu BDF"
fi
for g in "${gpus[@]}"; do check_gpu "$g"; done

if [[ $fails -gt 0 ]]; then
  echo "VERDICT: NOT READY ($fails problems)"
  exit 1
elif [[ $warns -gt 0 ]]; then
  echo "VERDICT: READY WITH WARNINGS ($warns)"
else
  echo "VERDICT: READY"
fi
exit 0
