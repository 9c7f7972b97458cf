#!/usr/bin/env bash
# Replaces /opt/gpucc/gpucc.jar inside a built rootfs.img without mounting it (debugfs), so a
# new server build can be tried without rebuilding the whole image.
#
#   replace-jar.sh IMAGE_DIR JAR
#
# The root file system is NOT covered by the SNP launch measurement or the TDX MRTD (only the
# firmware, kernel, initrd and command line are); see docs/DEPLOY.md "What the measurement
# covers". Rebuilding the image with build-image.sh records the jar digest in MANIFEST; this
# script appends the new digest there.
set -euo pipefail

GPUCC_SCRIPT_NAME=replace-jar
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

[[ $# -eq 2 ]] || gpucc_die 2 "usage: replace-jar.sh IMAGE_DIR JAR"
img="$1/rootfs.img"
jar=$2
[[ -f $img ]] || gpucc_die 2 "no rootfs.img in $1"
[[ -f $jar ]] || gpucc_die 2 "jar not found: $jar"
[[ $jar != *[[:space:]]* ]] || gpucc_die 2 "the jar path must not contain spaces (debugfs command syntax)"
command -v debugfs >/dev/null || gpucc_die "debugfs missing (apt-get install e2fsprogs)"

debugfs -w -R "rm /opt/gpucc/gpucc.jar" "$img" >/dev/null 2>&1 || true
debugfs -w -R "write $jar /opt/gpucc/gpucc.jar" "$img" >/dev/null 2>&1
got=$(debugfs -R "cat /opt/gpucc/gpucc.jar" "$img" 2>/dev/null | sha256sum | cut -d' ' -f1)
want=$(sha256sum "$jar" | cut -d' ' -f1)
[[ $got == "$want" ]] || gpucc_die "the jar in the image does not match (got $got, want $want)"
echo "replaced_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ) gpucc.jar sha256=$want" >>"$1/MANIFEST"
gpucc_log "gpucc.jar in $img replaced (sha256 $want)"
