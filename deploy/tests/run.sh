#!/usr/bin/env bash
# Fast tests for the deploy/ scripts (no hardware, no network beyond apt for shellcheck,
# a few seconds). CI calls this; the slow image build + boot test is image-boot-test.sh.
#
#   deploy/tests/run.sh                 run all tests
#   UPDATE_GOLDEN=1 deploy/tests/run.sh rewrite the golden files from the current output
#                                       (review the diff before committing!)
#
# What is tested:
#   1. shellcheck on every script (installed with apt-get when missing; skipped LOUDLY otherwise)
#   2. check-host.sh against fake /proc, /sys, /dev trees: ready and not-ready SNP and TDX
#      hosts, exact verdict lines (golden files)
#   3. vfio-bind.sh: exact sysfs writes of the dry-runs, refusal without root, bad addresses
#   4. launch-cvm.sh: exact QEMU command lines for SNP and TDX (golden), config parsing errors
#   5. build-image.sh --dry-run steps (golden)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/.." && pwd)
golden="$here/golden"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gpucc-deploy-tests.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
failures=()

pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
flunk() { failed=$((failed + 1)); failures+=("$1"); printf 'FAIL %s\n' "$1"; [[ -n ${2:-} ]] && printf '%s\n' "$2" | sed 's/^/     /'; }

# Compares text with a golden file (or rewrites it when UPDATE_GOLDEN=1).
golden_eq() { # name golden_file actual_text
  local name=$1 file="$golden/$2" actual=$3
  if [[ ${UPDATE_GOLDEN:-0} == 1 ]]; then
    printf '%s\n' "$actual" >"$file"
    pass "$name (golden rewritten: $2)"
    return
  fi
  if [[ ! -f $file ]]; then flunk "$name" "missing golden file $file"; return; fi
  local d
  if d=$(diff -u "$file" <(printf '%s\n' "$actual")); then pass "$name"; else flunk "$name" "$d"; fi
}

expect_rc() { # name expected_rc actual_rc
  if [[ $2 == "$3" ]]; then pass "$1"; else flunk "$1" "exit code $3, expected $2"; fi
}

expect_contains() { # name needle haystack
  if [[ $3 == *"$2"* ]]; then pass "$1"; else flunk "$1" "output lacks: $2"$'\n'"got: $3"; fi
}

# ---------------------------------------------------------------------------------------
echo "== 1. shellcheck"
if ! command -v shellcheck >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "shellcheck missing: installing it with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck) >"$tmp/apt.log" 2>&1 \
      || tail -5 "$tmp/apt.log"
  fi
fi
if command -v shellcheck >/dev/null; then
  mapfile -t scripts < <(find "$deploy" -name '*.sh' -type f | sort)
  if out=$(cd "$deploy/.." && shellcheck -x "${scripts[@]}" 2>&1); then
    pass "shellcheck (${#scripts[@]} scripts, $(shellcheck --version | sed -n 's/^version: //p'))"
  else
    flunk "shellcheck" "$out"
  fi
else
  echo "################################################################################"
  echo "### SKIPPED: shellcheck is not installed and could not be installed.          ###"
  echo "### The scripts were NOT linted. Install it: apt-get install shellcheck        ###"
  echo "################################################################################"
fi

# ---------------------------------------------------------------------------------------
# Fake host trees. Real sysfs links devices into /sys/devices; plain directories and
# relative links are enough for what the scripts read.
mk_pci() { # root bdf vendor device class driver group
  local root=$1 bdf=$2 d="$1/sys/bus/pci/devices/$2"
  mkdir -p "$d" "$root/sys/kernel/iommu_groups/$7/devices" "$root/sys/bus/pci/drivers/$6"
  echo "$3" >"$d/vendor"
  echo "$4" >"$d/device"
  echo "$5" >"$d/class"
  : >"$d/driver_override"
  [[ $6 != none ]] && ln -s "../../drivers/$6" "$d/driver"
  ln -s "../../../kernel/iommu_groups/$7" "$d/iommu_group"
  ln -s "../../../../bus/pci/devices/$bdf" "$root/sys/kernel/iommu_groups/$7/devices/$bdf"
  : >"$root/sys/bus/pci/drivers/$6/bind"
  : >"$root/sys/bus/pci/drivers/$6/unbind"
}

mk_fake_tools() { # root qemu_version cc_mode
  mkdir -p "$1/bin"
  printf '#!/bin/sh\necho "QEMU emulator version %s"\n' "$2" >"$1/bin/qemu"
  # shellcheck disable=SC2016 # $1 belongs to the generated script
  printf '#!/bin/sh\necho "2025-01-01 INFO GPU $1 H100-PCIE 0x2331 BAR0 0x0"\necho "2025-01-01 INFO GPU $1 CC mode is %s"\n' "$3" >"$1/bin/gpu-tools"
  chmod +x "$1/bin/qemu" "$1/bin/gpu-tools"
}

mk_socket() { perl -e 'use Socket; socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die; bind($s, sockaddr_un($ARGV[0])) or die "$!"' "$1"; }

snp_tree() { # root ready|notready
  local r=$1
  mkdir -p "$r/proc" "$r/sys/module/kvm_amd/parameters" "$r/sys/class/iommu" "$r/dev"
  if [[ $2 == ready ]]; then
    printf 'processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sme svm sev sev_es sev_snp\n' >"$r/proc/cpuinfo"
    echo "BOOT_IMAGE=/vmlinuz root=/dev/sda1 mem_encrypt=on kvm_amd.sev=1 kvm_amd.sev_snp=1 iommu=pt amd_iommu=on" >"$r/proc/cmdline"
    for p in sev sev_es sev_snp; do echo Y >"$r/sys/module/kvm_amd/parameters/$p"; done
    mkdir -p "$r/sys/class/iommu/ivhd0"
    : >"$r/dev/kvm"
    : >"$r/dev/sev"
    echo "ccp 0000:22:00.1: SEV-SNP API:1.55 build:21" >"$r/dmesg"
    mk_pci "$r" 0000:41:00.0 0x10de 0x2331 0x030200 vfio-pci 42
    mk_pci "$r" 0000:40:01.1 0x1022 0x14ab 0x060400 pcieport 42
    mk_fake_tools "$r" 9.2.0 on
  else
    printf 'processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sme svm sev sev_es\n' >"$r/proc/cpuinfo"
    echo "BOOT_IMAGE=/vmlinuz root=/dev/sda1 kvm_amd.sev=1" >"$r/proc/cmdline"
    echo Y >"$r/sys/module/kvm_amd/parameters/sev"
    echo N >"$r/sys/module/kvm_amd/parameters/sev_es"
    echo N >"$r/sys/module/kvm_amd/parameters/sev_snp"
    : >"$r/dev/kvm"
    echo "ccp 0000:22:00.1: SEV: failed to INIT error 0x3" >"$r/dmesg"
    mk_pci "$r" 0000:41:00.0 0x10de 0x2331 0x030200 nvidia 42
    mk_pci "$r" 0000:41:00.1 0x10de 0x22a3 0x040300 snd_hda_intel 42
    mk_fake_tools "$r" 7.2.22 off
  fi
}

tdx_tree() { # root ready|notready
  local r=$1
  mkdir -p "$r/proc" "$r/sys/module/kvm_intel/parameters" "$r/sys/class/iommu" "$r/dev" "$r/run"
  if [[ $2 == ready ]]; then
    printf 'processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx tme tdx_host_platform\n' >"$r/proc/cpuinfo"
    echo "BOOT_IMAGE=/vmlinuz root=/dev/sda1 intel_iommu=on iommu=pt kvm_intel.tdx=1 nohibernate" >"$r/proc/cmdline"
    echo Y >"$r/sys/module/kvm_intel/parameters/tdx"
    mkdir -p "$r/sys/class/iommu/dmar0"
    : >"$r/dev/kvm"
    echo "virt/tdx: module initialized" >"$r/dmesg"
    mk_socket "$r/run/qgs.socket"
    mk_pci "$r" 0000:17:00.0 0x10de 0x2331 0x030200 vfio-pci 7
    mk_fake_tools "$r" 10.1.0 on
  else
    printf 'processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vmx\n' >"$r/proc/cpuinfo"
    echo "BOOT_IMAGE=/vmlinuz root=/dev/sda1 kvm_intel.tdx=1" >"$r/proc/cmdline"
    echo N >"$r/sys/module/kvm_intel/parameters/tdx"
    : >"$r/dev/kvm"
    echo "virt/tdx: BIOS enabled: private KeyID range [32, 64)" >"$r/dmesg"
    mk_pci "$r" 0000:17:00.0 0x10de 0x2331 0x030200 vfio-pci 7
    mk_fake_tools "$r" 10.1.0 devtools
  fi
}

run_check() { # root [args...]
  local r=$1
  shift
  GPUCC_PROC_ROOT="$r/proc" GPUCC_SYS_ROOT="$r/sys" GPUCC_DEV_ROOT="$r/dev" \
    GPUCC_DMESG_FILE="$r/dmesg" GPUCC_QEMU="$r/bin/qemu" GPUCC_GPU_TOOLS="$r/bin/gpu-tools" \
    GPUCC_QGS_SOCKET="$r/run/qgs.socket" "$deploy/host/check-host.sh" "$@" 2>&1
}

echo "== 2. check-host.sh on fake hosts"
for tee in snp tdx; do
  for state in ready notready; do
    r="$tmp/$tee-$state"
    "${tee}_tree" "$r" "$state"
    out=$(run_check "$r")
    rc=$?
    golden_eq "check-host $tee $state: verdict lines" "check-$tee-$state.txt" "${out//$r/@ROOT@}"
    if [[ $state == ready ]]; then expect_rc "check-host $tee $state: exit 0" 0 "$rc"
    else expect_rc "check-host $tee $state: exit 1" 1 "$rc"; fi
  done
done
out=$(run_check "$tmp/tdx-notready" --gpu 0000:99:00.0)
expect_contains "check-host: unknown GPU address is named" "[FAIL] GPU 0000:99:00.0: no such PCI device" "$out"
out=$(run_check "$tmp/snp-ready" --tee tdx)
expect_contains "check-host: --tee tdx on an AMD host fails on the vendor" "[FAIL] CPU vendor: AuthenticAMD, TDX needs Intel Xeon" "$out"
out=$(run_check "$tmp/snp-ready" --gpu 41:00.0)
rc=$?
expect_rc "check-host: short BDF is a usage error" 2 "$rc"
expect_contains "check-host: short BDF message" "not a PCI address (want 0000:41:00.0): '41:00.0'" "$out"
out=$(run_check "$tmp/snp-ready" --tee sgx)
expect_rc "check-host: bad --tee is a usage error" 2 "$?"

# ---------------------------------------------------------------------------------------
echo "== 3. vfio-bind.sh"
r="$tmp/vfio"
mkdir -p "$r"
mk_pci "$r" 0000:41:00.0 0x10de 0x2331 0x030200 nvidia 42
mk_pci "$r" 0000:42:00.0 0x10de 0x2331 0x030200 vfio-pci 43
mkdir -p "$r/sys/bus/pci/drivers/vfio-pci"
vfio() { GPUCC_SYS_ROOT="$r/sys" "$deploy/host/vfio-bind.sh" "$@" 2>&1; }
out=$(vfio --dry-run bind 0000:41:00.0)
expect_rc "vfio-bind: dry-run bind exits 0" 0 "$?"
golden_eq "vfio-bind: dry-run bind prints each sysfs write" vfio-bind.txt "${out//$r/@ROOT@}"
out=$(vfio --dry-run unbind 0000:42:00.0)
golden_eq "vfio-bind: dry-run unbind prints each sysfs write" vfio-unbind.txt "${out//$r/@ROOT@}"
out=$(vfio --dry-run bind 0000:42:00.0)
expect_contains "vfio-bind: already bound is a no-op" "already bound to vfio-pci; nothing to do" "$out"
for bad in 41:00.0 0000:41:00 0000:41:00.8 'x;rm -rf /' 0000:zz:00.0; do
  out=$(vfio --dry-run bind "$bad")
  rc=$?
  expect_rc "vfio-bind: refuses BDF '$bad' (exit 2)" 2 "$rc"
  expect_contains "vfio-bind: names the bad BDF '$bad'" "not a full PCI address" "$out"
done
out=$(vfio --dry-run bind 0000:55:00.0)
expect_rc "vfio-bind: unknown device exits 2" 2 "$?"
expect_contains "vfio-bind: unknown device message" "no PCI device 0000:55:00.0" "$out"
out=$(vfio --dry-run flip 0000:41:00.0)
expect_rc "vfio-bind: unknown action exits 2" 2 "$?"
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
  # A copy, so that the unprivileged user can read the scripts wherever the checkout lives.
  cp -r "$deploy" "$tmp/deploy-copy"
  chmod -R a+rX "$tmp"
  chmod a+x "$tmp"
  out=$(GPUCC_SYS_ROOT="$r/sys" setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/deploy-copy/host/vfio-bind.sh" bind 0000:41:00.0 2>&1)
  rc=$?
elif [[ $(id -u) -ne 0 ]]; then
  out=$(vfio bind 0000:41:00.0)
  rc=$?
else
  out="setpriv missing" rc=skip
fi
expect_rc "vfio-bind: a real run without root exits 3" 3 "$rc"
expect_contains "vfio-bind: a real run without root says why" "must run as root" "$out"
if [[ $(id -u) -eq 0 ]]; then
  # A real run against the fake tree: the writes land in the fake files; no kernel rebinds
  # the device, so the script must notice and fail.
  out=$(vfio bind 0000:41:00.0)
  rc=$?
  expect_rc "vfio-bind: real run notices the device did not move (exit 5)" 5 "$rc"
  got="$(cat "$r/sys/bus/pci/drivers/nvidia/unbind")|$(cat "$r/sys/bus/pci/devices/0000:41:00.0/driver_override")|$(cat "$r/sys/bus/pci/drivers/vfio-pci/bind")"
  if [[ $got == "0000:41:00.0|vfio-pci|0000:41:00.0" ]]; then pass "vfio-bind: real run writes unbind, driver_override, bind"
  else flunk "vfio-bind: real run writes unbind, driver_override, bind" "got $got"; fi
fi

# ---------------------------------------------------------------------------------------
echo "== 4. launch-cvm.sh"
launch() { "$deploy/launch/launch-cvm.sh" "$@" 2>&1; }
for tee in snp tdx; do
  out=$(launch --config "$deploy/launch/examples/$tee.conf" --dry-run --measure)
  expect_rc "launch-cvm: $tee dry-run exits 0" 0 "$?"
  golden_eq "launch-cvm: $tee command line and measurement step" "$tee.cmd" "$out"
done
cfg() { printf '%s\n' "$@" >"$tmp/c.conf"; }
base_snp=(TEE=snp FIRMWARE=/fw/OVMF.fd KERNEL=/i/vmlinuz INITRD=/i/initrd.img DISK=/i/rootfs.img 'CMDLINE="root=/dev/vda console=ttyS0"')
cfg "${base_snp[@]}"
out=$(launch --config "$tmp/c.conf" --dry-run)
expect_rc "launch-cvm: minimal SNP config with defaults" 0 "$?"
expect_contains "launch-cvm: defaults (16G, 8 vCPUs, policy 0x30000, no GPU)" \
  "-object sev-snp-guest,id=sev0,cbitpos=51,reduced-phys-bits=1,policy=0x30000,kernel-hashes=on" "$out"
if [[ $out != *vfio-pci* && $out != *X-PciMmio64Mb* ]]; then pass "launch-cvm: no GPU, no vfio-pci, no MMIO window"
else flunk "launch-cvm: no GPU, no vfio-pci, no MMIO window" "$out"; fi
cfg "${base_snp[@]}" "GPU_BDF=0000:41:00.0 0000:C1:00.0" MMIO64_MB=524288
out=$(launch --config "$tmp/c.conf" --dry-run)
expect_contains "launch-cvm: two GPUs get two root ports (lower-cased BDF)" \
  "-device pcie-root-port,id=rp2,bus=pcie.0,chassis=2 \\
-device vfio-pci,host=0000:c1:00.0,bus=rp2" "$out"
expect_contains "launch-cvm: MMIO window from config" "name=opt/ovmf/X-PciMmio64Mb,string=524288" "$out"
cfg "${base_snp[@]}" TDX_QGS=unix:/run/qgs.sock TEE=tdx
out=$(launch --config "$tmp/c.conf" --dry-run)
expect_contains "launch-cvm: TDX QGS over a UNIX socket" \
  "\"quote-generation-socket\":{\"type\":\"unix\",\"path\":\"/run/qgs.sock\"}" "$out"

config_error() { # name expected_message config_lines...
  local name=$1 msg=$2
  shift 2
  cfg "$@"
  local o rc
  o=$(launch --config "$tmp/c.conf" --dry-run)
  rc=$?
  expect_rc "launch-cvm config: $name (exit 2)" 2 "$rc"
  expect_contains "launch-cvm config: $name (message)" "$msg" "$o"
}
config_error "unknown key" "c.conf:7: unknown key MEMORY_SIZE" "${base_snp[@]}" MEMORY_SIZE=4G
config_error "missing TEE" "TEE is required" FIRMWARE=/fw KERNEL=/k INITRD=/i DISK=/d CMDLINE=x
config_error "bad TEE" "TEE='sev': must be snp, tdx or none" "${base_snp[@]}" TEE=sev
config_error "short BDF" "GPU_BDF: not a full PCI address (want 0000:41:00.0): '41:00.0'" "${base_snp[@]}" GPU_BDF=41:00.0
config_error "debug policy refused" "bit 19 (DEBUG) lets the host read guest memory; refused" "${base_snp[@]}" SNP_POLICY=0xb0000
config_error "reserved policy bit" "bit 17 is reserved and must be 1" "${base_snp[@]}" SNP_POLICY=0x10000
# shellcheck disable=SC2016 # the literal $(...) is the point of the test
config_error "shell syntax refused" "quotes, \$, \` and \\ are only allowed inside a fully quoted value" "${base_snp[@]}" 'NAME=$(reboot)'
config_error "not KEY=VALUE" "c.conf:7: not KEY=VALUE: export NAME=x" "${base_snp[@]}" "export NAME=x"
config_error "bad memory" "MEMORY='64GB': must be a size like 16G or 512M" "${base_snp[@]}" MEMORY=64GB
config_error "port range" "HOST_PORT='70000': must be <= 65535" "${base_snp[@]}" HOST_PORT=70000
config_error "host data size" "SNP_HOST_DATA='AAAA': must be base64 of exactly 32 bytes" "${base_snp[@]}" SNP_HOST_DATA=AAAA
config_error "comma in path" "DISK: commas are not allowed in paths" "${base_snp[@]}" "DISK=/i/a,b.img"
config_error "bad QGS" "TDX_QGS='tcp:1:2': must be vsock:CID:PORT or unix:/path" "${base_snp[@]}" TDX_QGS=tcp:1:2
cfg "${base_snp[@]}" "# comment" "" "  VCPUS=4  " "NAME='my-vm'"
out=$(launch --config "$tmp/c.conf" --dry-run)
expect_contains "launch-cvm config: comments, blanks, spaces and single quotes" "-name my-vm \\
-machine q35,confidential-guest-support=sev0,memory-backend=ram1,vmport=off \\
-accel kvm \\
-cpu EPYC-v4 \\
-smp 4" "$out"
out=$(launch --dry-run)
expect_rc "launch-cvm: no --config is a usage error" 2 "$?"
GPUCC_SYS_ROOT="$tmp/vfio/sys" launch --config "$deploy/launch/examples/snp.conf" >/dev/null 2>&1
expect_rc "launch-cvm: a real start refuses missing files" 1 "$?"

# ---------------------------------------------------------------------------------------
echo "== 5. build-image.sh"
out=$("$deploy/image/build-image.sh" --jar client/target/gpucc.jar --out /tmp/img --simulate --dry-run 2>&1)
golden_eq "build-image: dry-run steps" build-image.txt "$out"
out=$("$deploy/image/build-image.sh" --out /tmp/img 2>&1)
expect_rc "build-image: --jar is required" 2 "$?"
out=$("$deploy/image/build-image.sh" --jar x.jar --port 0 --dry-run 2>&1)
expect_rc "build-image: bad port refused" 2 "$?"
# shellcheck disable=SC2016 # the literal $(...) is the point of the test
out=$("$deploy/image/build-image.sh" --jar x.jar --serve-args '--port=1 $(reboot)' --dry-run 2>&1)
expect_rc "build-image: shell syntax in --serve-args refused" 2 "$?"
out=$("$deploy/image/build-image.sh" --jar x.jar --serve-args '--cpu-evidence=simulated' --dry-run 2>&1)
expect_contains "build-image: --serve-args appended to the service" \
  "serve --listen 0.0.0.0 --port 7443 --cpu-evidence=simulated" "$out"

echo
echo "deploy tests: $passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then
  printf '  failed: %s\n' "${failures[@]}"
  exit 1
fi
