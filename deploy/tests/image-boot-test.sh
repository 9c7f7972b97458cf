#!/usr/bin/env bash
# Slow end-to-end test of the guest image (NOT part of CI; minutes, needs root and the
# Debian archive): builds the image with deploy/image/build-image.sh, boots it in plain QEMU
# (TCG emulation by default, no TEE: the server runs with --simulate) through
# deploy/launch/launch-cvm.sh (TEE=none), and checks from the host, over forwarded ports:
#
#   1. `gpucc capabilities --target 127.0.0.1:PORT` answers (the real server), and
#   2. the test-only JVM probe in the guest answers (the JVM and the port forwarding work).
#
#   deploy/tests/image-boot-test.sh [--jar PATH] [--work DIR] [--reuse] [--accel tcg|kvm]
#                                   [--timeout SECONDS] [--allow-stub-server] [--keep]
#                                   [--serve-args 'ARGS']
#
#   --jar PATH           server jar (default client/target/gpucc.jar; built with Maven if missing)
#   --work DIR           where the image and logs go (default /tmp/gpucc-boot-test)
#   --reuse              reuse an image already in DIR, replacing only the jar
#   --accel              tcg (default, plain emulation) or kvm
#   --timeout SECONDS    how long to wait for each answer after QEMU starts (default 900)
#   --allow-stub-server  pass when only the probe answers (for server builds whose `serve` or
#                        `capabilities` is not implemented yet); says PARTIAL loudly
#   --keep               leave the VM running at the end
#   --serve-args 'ARGS'  arguments for 'gpucc serve' after --listen/--port (default --simulate)
#
# GPUCC_CAPABILITIES_CMD overrides the capabilities call; the string PORT in it is replaced
# by the forwarded port. Result lines go to stdout and to DIR/result.txt.
set -uo pipefail

GPUCC_SCRIPT_NAME=image-boot-test
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar="$repo/client/target/gpucc.jar"
work=/tmp/gpucc-boot-test
reuse=0 accel=tcg timeout=900 allow_stub=0 keep=0 serve_args="--simulate"
# Not -XX:TieredStopAtLevel=1 for the server: C1-only code lacks the BigInteger intrinsics,
# and the simulated RSA-4096 roots made at start-up then take many minutes under TCG.
java_opts="-XX:+UseSerialGC"
host_port=17443 probe_port=17444

while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --accel) accel=${2:?}; shift 2 ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    --allow-stub-server) allow_stub=1; shift ;;
    --keep) keep=1; shift ;;
    --serve-args) serve_args=${2?}; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) gpucc_die 2 "unknown option: $1" ;;
  esac
done
[[ $accel == tcg || $accel == kvm ]] || gpucc_die 2 "--accel must be tcg or kvm"
[[ $timeout =~ ^[0-9]+$ ]] || gpucc_die 2 "--timeout must be a number of seconds"
[[ $(id -u) -eq 0 ]] || gpucc_die "must run as root (the image build uses debootstrap and chroot)"
for tool in qemu-system-x86_64 debootstrap mkfs.ext4 debugfs javac jar java; do
  command -v "$tool" >/dev/null || gpucc_die "$tool missing (apt-get install qemu-system-x86 debootstrap e2fsprogs openjdk-17-jdk-headless)"
done

mkdir -p "$work"
work=$(readlink -f "$work")
result="$work/result.txt"
: >"$result"
say() { printf '%s\n' "$*" | tee -a "$result"; }

if [[ ! -f $jar ]]; then
  gpucc_log "no $jar: building it (mvn -B -q package -DskipTests)"
  (cd "$repo" && mvn -B -q package -DskipTests) || gpucc_die "Maven build failed"
fi
jar=$(readlink -f "$jar")

# The test-only probe: compiled here, installed as gpucc-probe.service on guest port 7444.
mkdir -p "$work/probe/classes"
javac --release 17 -d "$work/probe/classes" "$here/probe/GpuccProbe.java" || gpucc_die "javac failed"
jar --create --file "$work/probe/probe.jar" --main-class GpuccProbe -C "$work/probe/classes" . \
  || gpucc_die "jar failed"

img="$work/image"
t_build=0
if [[ $reuse -eq 1 && -f $img/rootfs.img && -f $img/pristine.img ]]; then
  cp --sparse=always "$img/pristine.img" "$img/rootfs.img"
  "$repo/deploy/image/replace-jar.sh" "$img" "$jar" || gpucc_die "replacing the jar failed"
  # The service settings may differ from the build's: rewrite them the way build-image.sh does.
  printf '# Rewritten by image-boot-test.sh --reuse\nGPUCC_SERVE_ARGS="--listen 0.0.0.0 --port 7443 %s"\nGPUCC_JAVA_OPTS="%s"\n' \
    "$serve_args" "$java_opts" >"$work/gpucc.default"
  debugfs -w -R "rm /etc/default/gpucc" "$img/rootfs.img" >/dev/null 2>&1
  debugfs -w -R "write $work/gpucc.default /etc/default/gpucc" "$img/rootfs.img" >/dev/null 2>&1 \
    || gpucc_die "rewriting /etc/default/gpucc failed"
else
  t0=$(date +%s)
  "$repo/deploy/image/build-image.sh" --jar "$jar" --out "$img" --serve-args "$serve_args" \
    --probe-jar "$work/probe/probe.jar" --java-opts "$java_opts" \
    || gpucc_die "image build failed"
  t_build=$(($(date +%s) - t0))
  cp --sparse=always "$img/rootfs.img" "$img/pristine.img"
fi

cat >"$work/vm.conf" <<EOF
TEE=none
NAME=gpucc-boot-test
ACCEL=$accel
IMAGE_DIR=$img
MEMORY=1536M
VCPUS=2
HOST_PORT=$host_port
GUEST_PORT=7443
EXTRA_PORTS=$probe_port:7444
SERIAL=file:$work/serial.log
EOF
rm -f "$work/serial.log"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
"$repo/deploy/launch/launch-cvm.sh" --config "$work/vm.conf" >"$work/qemu.log" 2>&1 &
qemu_pid=$!
t_start=$(date +%s)
# shellcheck disable=SC2317 # called from the EXIT trap
stop_vm() {
  if [[ $keep -eq 0 ]] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill "$qemu_pid" 2>/dev/null
    wait "$qemu_pid" 2>/dev/null
  fi
}
trap stop_vm EXIT

elapsed() { echo $(($(date +%s) - t_start)); }

probe_answer="" probe_at=""
caps_answer="" caps_at=""
caps_cmd=${GPUCC_CAPABILITIES_CMD:-"java -jar $jar capabilities --target 127.0.0.1:PORT"}
caps_cmd=${caps_cmd//PORT/$host_port}
read -r -a caps_argv <<<"$caps_cmd"

while [[ $(elapsed) -lt $timeout ]]; do
  kill -0 "$qemu_pid" 2>/dev/null || { say "FAIL: QEMU exited early (see $work/qemu.log)"; cat "$work/qemu.log"; exit 1; }
  if [[ -z $probe_answer ]]; then
    probe_answer=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$probe_port && cat <&3" 2>/dev/null)
    [[ -n $probe_answer ]] && probe_at=$(elapsed)
  fi
  # The host-side client is a JVM too: only start polling it once the guest JVM is up.
  if [[ -n $probe_answer && -z $caps_answer ]] && out=$(timeout 60 "${caps_argv[@]}" 2>&1); then
    caps_answer=$out
    caps_at=$(elapsed)
  fi
  [[ -n $probe_answer && -n $caps_answer ]] && break
  # Once the probe answered, the JVM is up: give the server a bounded extra time, not the
  # whole timeout, when it is a stub.
  if [[ -n $probe_answer && $allow_stub -eq 1 && $(($(elapsed) - probe_at)) -gt 120 ]]; then break; fi
  sleep 3
done

first_server_line=$(grep -a -m1 -E 'java\[[0-9]+\]' "$work/serial.log" 2>/dev/null | sed 's/\x1b\[[0-9;]*[A-Za-z]//g')
unit_started=no
grep -aq 'Started .*gpucc.service' "$work/serial.log" 2>/dev/null && unit_started=yes
server_lines=$(grep -a -E 'java\[[0-9]+\]|gpucc' "$work/serial.log" 2>/dev/null | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | tail -n 8)

say "image boot test ($(date -u +%Y-%m-%dT%H:%M:%SZ), accel=$accel, $(nproc) host CPUs, load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg))"
say "  server: gpucc serve --listen 0.0.0.0 --port 7443 $serve_args (JVM options: $java_opts)"
say "  image build: ${t_build}s (0 = reused); kernel $(sed -n 's/^kernel=//p' "$img/MANIFEST"), openjdk $(sed -n 's/^openjdk=//p' "$img/MANIFEST")"
say "  gpucc.service started by systemd: $unit_started; first server output on the console: ${first_server_line:-none}"
if [[ -n $probe_answer ]]; then say "  probe (guest :7444 -> host :$probe_port) answered after ${probe_at}s: $probe_answer"
else say "  probe: no answer within ${timeout}s"; fi
if [[ -n $caps_answer ]]; then
  say "  '${caps_cmd}' answered after ${caps_at}s:"
  printf '%s\n' "$caps_answer" | sed 's/^/    /' | tee -a "$result"
else
  say "  '${caps_cmd}': no answer"
  say "  server console lines (last 8):"
  printf '%s\n' "$server_lines" | sed 's/^/    /' | tee -a "$result"
fi

if [[ -n $probe_answer && -n $caps_answer ]]; then
  say "PASS: the image boots and the gpucc server answers 'gpucc capabilities' over the forwarded port"
  exit 0
elif [[ -n $probe_answer && $allow_stub -eq 1 && $unit_started == yes ]]; then
  say "PARTIAL (allowed by --allow-stub-server): the image boots, systemd starts gpucc.service and a"
  say "JVM service answers over a forwarded port, but 'gpucc capabilities' got no answer"
  exit 0
fi
say "FAIL: see $work/serial.log"
exit 1
