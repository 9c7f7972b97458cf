#!/usr/bin/env bash
# Builds a minimal Debian guest image for a gpucc confidential VM, from Debian's archive only.
#
# Output (in --out DIR):
#   rootfs.img   raw ext4 file system (the whole disk: no partition table, no boot loader)
#   vmlinuz      the guest kernel, booted directly by QEMU (-kernel), so that SEV-SNP
#   initrd.img   (kernel-hashes=on) and TDX (RTMR via OVMF) measure exactly these files
#   cmdline      the kernel command line the image expects
#   MANIFEST     SHA-256 of every output file, the package list and the build inputs
#
# Needs root (debootstrap, chroot), debootstrap and e2fsprogs >= 1.43 (mkfs.ext4 -d).
# See docs/DEPLOY.md for the walk-through and the NVIDIA driver notes.
set -euo pipefail

GPUCC_SCRIPT_NAME=build-image
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

usage() {
  cat <<'USAGE'
Usage: build-image.sh --jar PATH [options]

  --jar PATH            gpucc shaded jar (client/target/gpucc.jar) to install as /opt/gpucc/gpucc.jar
  --out DIR             output directory (default: ./gpucc-image)
  --suite NAME          Debian suite (default: bookworm)
  --mirror URL          Debian mirror (default: http://deb.debian.org/debian)
  --backports-kernel    install linux-image-amd64 from <suite>-backports (needed for TDX guests
                        and for configfs-tsm; the bookworm 6.1 kernel has neither)
  --size SIZE           file system size for mkfs.ext4 (default: 2G)
  --simulate            start the server with --simulate (no TEE: simulated evidence, labelled)
  --port N              port the server listens on inside the guest (default: 7443)
  --java-opts 'OPTS'    extra JVM options for the service (default: none)
  --serve-args 'ARGS'   extra arguments for 'gpucc serve' (appended; see 'gpucc help serve')
  --probe-jar PATH      TEST ONLY: also install a tiny JVM probe service on port 7444
  --extra-packages 'P'  more Debian packages to install (space separated)
  --dry-run             print the steps and exit
  -h, --help            this text
USAGE
}

jar="" out="./gpucc-image" suite="bookworm" mirror="http://deb.debian.org/debian"
backports=0 size="2G" simulate=0 port=7443 java_opts="" serve_extra="" probe_jar="" extra="" dry_run=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar=${2:?--jar needs a path}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --suite) suite=${2:?}; shift 2 ;;
    --mirror) mirror=${2:?}; shift 2 ;;
    --backports-kernel) backports=1; shift ;;
    --size) size=${2:?}; shift 2 ;;
    --simulate) simulate=1; shift ;;
    --port) port=${2:?}; shift 2 ;;
    --java-opts) java_opts=${2?}; shift 2 ;;
    --serve-args) serve_extra=${2?}; shift 2 ;;
    --probe-jar) probe_jar=${2:?}; shift 2 ;;
    --extra-packages) extra=${2?}; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gpucc_die 2 "unknown option: $1" ;;
  esac
done

[[ -n $jar ]] || { usage >&2; gpucc_die 2 "--jar is required"; }
[[ $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ]] || gpucc_die 2 "--port must be 1..65535, got '$port'"
[[ $suite =~ ^[a-z]+$ ]] || gpucc_die 2 "--suite must be a Debian suite name, got '$suite'"
# Both end up inside double quotes in /etc/default/gpucc: keep shell syntax out.
for v in "$java_opts" "$serve_extra"; do
  [[ $v != *[\"\$\`\\]* ]] || gpucc_die 2 "--java-opts / --serve-args must not contain quotes, \$, \` or \\: '$v'"
done

# Packages: the smallest set that boots with systemd, gets an address by DHCP and runs Java.
# The NVIDIA driver is NOT installed here (it is not in Debian main and the CC-capable
# driver comes from NVIDIA); see docs/DEPLOY.md "GPU driver in the guest".
base_pkgs="systemd-sysv,udev,dbus,iproute2,ca-certificates"
chroot_pkgs="openjdk-17-jre-headless initramfs-tools kmod"
kernel_pkg="linux-image-amd64"
cmdline="root=/dev/vda rw console=ttyS0 net.ifnames=0 panic=-1"

serve_args="--listen 0.0.0.0 --port $port"
[[ $simulate -eq 1 ]] && serve_args+=" --simulate"
[[ -n $serve_extra ]] && serve_args+=" $serve_extra"

if [[ $dry_run -eq 1 ]]; then
  echo "debootstrap --variant=minbase --include=$base_pkgs $suite ROOT $mirror"
  if [[ $backports -eq 1 ]]; then
    echo "chroot ROOT apt-get install -t $suite-backports $kernel_pkg"
  else
    echo "chroot ROOT apt-get install $kernel_pkg"
  fi
  echo "chroot ROOT apt-get install --no-install-recommends $chroot_pkgs${extra:+ $extra}"
  echo "install $jar -> ROOT/opt/gpucc/gpucc.jar"
  echo "install gpucc.service: java ${java_opts:+$java_opts }-jar /opt/gpucc/gpucc.jar serve $serve_args"
  [[ -n $probe_jar ]] && echo "install $probe_jar -> ROOT/opt/gpucc/probe.jar (gpucc-probe.service, port 7444)"
  echo "mkfs.ext4 -d ROOT $out/rootfs.img $size"
  echo "kernel command line: $cmdline"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || gpucc_die "must run as root (debootstrap and chroot need it)"
[[ -f $jar ]] || gpucc_die "jar not found: $jar (build it with: mvn -B -q package -DskipTests)"
[[ -z $probe_jar || -f $probe_jar ]] || gpucc_die "probe jar not found: $probe_jar"
command -v debootstrap >/dev/null || gpucc_die "debootstrap missing (apt-get install debootstrap)"
command -v mkfs.ext4 >/dev/null || gpucc_die "mkfs.ext4 missing (apt-get install e2fsprogs)"

here=$(dirname "$(readlink -f "$0")")
mkdir -p "$out"
out=$(readlink -f "$out")
work=$(mktemp -d "${TMPDIR:-/tmp}/gpucc-image.XXXXXX")
root="$work/root"
mounted=()

cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m=${mounted[$i]}
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

start=$(date +%s)
gpucc_log "debootstrap $suite (minbase) into $root"
debootstrap --variant=minbase --include="$base_pkgs" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; gpucc_die "debootstrap failed"; }

for fs in proc sys dev dev/pts; do
  mount --bind "/$fs" "$root/$fs"
  mounted+=("$root/$fs")
done

# Keep the image small: no docs, man pages or locales beyond C.
cat >"$root/etc/dpkg/dpkg.cfg.d/01-gpucc-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
EOF
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/01-gpucc-norecommends"

{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  [[ $backports -eq 1 ]] && echo "deb $mirror $suite-backports main"
} >"$root/etc/apt/sources.list"

# Debian's initramfs-tools: include the virtio drivers the guest boots from.
mkdir -p "$root/etc/initramfs-tools"
printf 'virtio_pci\nvirtio_blk\nvirtio_net\next4\n' >>"$root/etc/initramfs-tools/modules"

gpucc_log "installing kernel, Java runtime and tools"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; gpucc_die "apt-get update failed"; }
# shellcheck disable=SC2086 # package lists are deliberately word-split
{
  in_root apt-get install -y -q $chroot_pkgs $extra
  if [[ $backports -eq 1 ]]; then
    in_root apt-get install -y -q -t "$suite-backports" "$kernel_pkg"
  else
    in_root apt-get install -y -q "$kernel_pkg"
  fi
} >>"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log" >&2; gpucc_die "package installation failed"; }

gpucc_log "configuring the guest"
echo "gpucc-guest" >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 gpucc-guest\n' >"$root/etc/hosts"
printf '/dev/vda / ext4 defaults,errors=remount-ro 0 1\n' >"$root/etc/fstab"
# No interactive login: the root account stays locked (debootstrap leaves it without a password hash).
in_root passwd -l root >/dev/null

mkdir -p "$root/etc/systemd/network"
cat >"$root/etc/systemd/network/20-dhcp.network" <<'EOF'
[Match]
Name=eth* en*

[Network]
DHCP=yes
EOF
in_root systemctl enable systemd-networkd.service systemd-networkd-wait-online.service >/dev/null 2>&1

install -D -m 0644 "$jar" "$root/opt/gpucc/gpucc.jar"
{
  echo "# Read by gpucc.service. Changing this changes the guest image (and so its measurement"
  echo "# under TDX RTMRs / dm-verity setups); see docs/DEPLOY.md."
  echo "GPUCC_SERVE_ARGS=\"$serve_args\""
  echo "GPUCC_JAVA_OPTS=\"$java_opts\""
} >"$root/etc/default/gpucc"
install -m 0644 "$here/gpucc.service" "$root/etc/systemd/system/gpucc.service"
in_root systemctl enable gpucc.service >/dev/null 2>&1

if [[ -n $probe_jar ]]; then
  install -D -m 0644 "$probe_jar" "$root/opt/gpucc/probe.jar"
  install -m 0644 "$here/gpucc-probe.service" "$root/etc/systemd/system/gpucc-probe.service"
  in_root systemctl enable gpucc-probe.service >/dev/null 2>&1
fi

kernel=$(find "$root/boot" -maxdepth 1 -name 'vmlinuz-*' | sort -V | tail -1)
initrd=$(find "$root/boot" -maxdepth 1 -name 'initrd.img-*' | sort -V | tail -1)
[[ -n $kernel && -n $initrd ]] || gpucc_die "kernel or initrd missing in $root/boot"
kver=${kernel##*/vmlinuz-}
# shellcheck disable=SC2016 # dpkg-query format, not shell
java_ver=$(in_root dpkg-query -W -f '${Version}' openjdk-17-jre-headless)
# shellcheck disable=SC2016 # dpkg-query format, not shell
in_root dpkg-query -W -f '${Package} ${Version}\n' >"$work/packages.txt"

in_root apt-get clean
rm -rf "$root/var/lib/apt/lists/"* "$root/var/cache/debconf/"*-old "$root/var/log/"*.log

for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}"; done
mounted=()

cp "$kernel" "$out/vmlinuz"
cp "$initrd" "$out/initrd.img"
echo "$cmdline" >"$out/cmdline"
rm -f "$out/rootfs.img"
gpucc_log "creating $out/rootfs.img ($size)"
mkfs.ext4 -q -F -L gpucc-root -d "$root" "$out/rootfs.img" "$size"

{
  echo "# gpucc guest image manifest"
  echo "built_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "suite=$suite"
  echo "mirror=$mirror"
  echo "kernel=$kver"
  echo "openjdk=$java_ver"
  echo "cmdline=$cmdline"
  echo "serve_args=$serve_args"
  echo "build_seconds=$(($(date +%s) - start))"
  echo "# sha256"
  (cd "$out" && sha256sum vmlinuz initrd.img cmdline rootfs.img)
  sha256sum "$jar" | sed 's#  .*#  gpucc.jar (input)#'
  echo "# packages"
  cat "$work/packages.txt"
} >"$out/MANIFEST"
gpucc_log "done in $(($(date +%s) - start)) s: $out (kernel $kver, openjdk $java_ver)"
