#!/usr/bin/env bash
# Hands a PCI device (the H100) to vfio-pci for passthrough, or gives it back to the host.
#
#   vfio-bind.sh [--dry-run] bind BDF      unbind from the current driver, set driver_override
#                                          to vfio-pci, bind to vfio-pci
#   vfio-bind.sh [--dry-run] unbind BDF    unbind from vfio-pci, clear driver_override, let
#                                          the kernel probe the default driver (e.g. nvidia)
#
# --dry-run prints every step as the exact shell command it would run (one sysfs write per
# line) and changes nothing; it needs no root. A real run needs root.
# GPUCC_SYS_ROOT (default /sys) points the script at another tree (tests use a fake one).
set -euo pipefail

GPUCC_SCRIPT_NAME=vfio-bind
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

SYS=${GPUCC_SYS_ROOT:-/sys}

usage() {
  cat <<'USAGE'
Usage: vfio-bind.sh [--dry-run] bind|unbind BDF

  BDF        full PCI address with domain, e.g. 0000:41:00.0 (lspci -D -d 10de:)
  --dry-run  print each step (the exact sysfs writes) and change nothing
USAGE
}

dry_run=0
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; gpucc_die 2 "unknown option: $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ ${#args[@]} -eq 2 ]] || { usage >&2; gpucc_die 2 "expected an action and a PCI address"; }
action=${args[0]}
bdf=${args[1]}
case "$action" in bind|unbind) ;; *) usage >&2; gpucc_die 2 "action must be bind or unbind, got '$action'" ;; esac
gpucc_is_bdf "$bdf" || gpucc_die 2 "not a full PCI address (want domain:bus:device.function, e.g. 0000:41:00.0): '$bdf'"
bdf=${bdf,,}

dev="$SYS/bus/pci/devices/$bdf"
[[ -e $dev ]] || gpucc_die 2 "no PCI device $bdf under $SYS/bus/pci/devices (check: lspci -D)"

if [[ $dry_run -eq 0 && $(id -u) -ne 0 ]]; then
  gpucc_die 3 "must run as root to write to $SYS (use --dry-run to see the steps)"
fi

# One step = one write of a value to a sysfs file. Dry-run prints it; a real run does it.
step() { # value file
  if [[ $dry_run -eq 1 ]]; then
    printf 'echo %s > %s\n' "${1:-''}" "$2"
  else
    printf '%s\n' "$1" >"$2" || gpucc_die "writing '$1' to $2 failed"
  fi
}

current_driver() {
  if [[ -L $dev/driver ]]; then basename "$(readlink "$dev/driver")"; fi
}

drv=$(current_driver)
vendor=$(head -n1 "$dev/vendor" 2>/dev/null || echo unknown)
[[ $vendor == 0x10de ]] || gpucc_log "note: $bdf is not an NVIDIA device (vendor $vendor); continuing"

group=""
if [[ -L $dev/iommu_group ]]; then group=$(basename "$(readlink "$dev/iommu_group")"); fi
[[ -n $group ]] || gpucc_die 4 "$bdf has no IOMMU group: enable the IOMMU first (deploy/host/check-host.sh)"

if [[ $action == bind ]]; then
  if [[ $drv == vfio-pci ]]; then
    gpucc_log "$bdf is already bound to vfio-pci; nothing to do"
    exit 0
  fi
  if [[ ! -d $SYS/bus/pci/drivers/vfio-pci ]]; then
    if [[ $dry_run -eq 1 ]]; then echo "modprobe vfio-pci"; else modprobe vfio-pci; fi
  fi
  if [[ -n $drv ]]; then
    step "$bdf" "$dev/driver/unbind"
  fi
  step vfio-pci "$dev/driver_override"
  step "$bdf" "$SYS/bus/pci/drivers/vfio-pci/bind"
  for other in "$SYS/kernel/iommu_groups/$group/devices/"*; do
    other=$(basename "$other")
    [[ $other == "$bdf" ]] && continue
    gpucc_log "note: IOMMU group $group also holds $other; every endpoint in the group must be bound to vfio-pci before QEMU starts"
  done
else
  if [[ $drv != vfio-pci ]]; then
    gpucc_log "$bdf is bound to ${drv:-no driver}, not vfio-pci; nothing to do"
    exit 0
  fi
  step "$bdf" "$SYS/bus/pci/drivers/vfio-pci/unbind"
  step "" "$dev/driver_override"
  step "$bdf" "$SYS/bus/pci/drivers_probe"
fi

if [[ $dry_run -eq 0 ]]; then
  now=$(current_driver)
  if [[ $action == bind && $now != vfio-pci ]]; then
    gpucc_die 5 "$bdf is bound to '${now:-nothing}' after the bind, not vfio-pci (see dmesg)"
  fi
  gpucc_log "$bdf is now bound to ${now:-no driver}"
fi
