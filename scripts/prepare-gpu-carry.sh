#!/usr/bin/env bash
# Prepares what the GPU check needs on a machine without Java (docs/BENCHMARKS.md, gpu-device.md):
#   .carry/jre.tgz  a jlink'd Java 17 runtime (--strip-debug --compress=2)
#   .carry/lib/     the jars GpuCheck needs: server-guest, gpu-kernels, proto, protobuf-java,
#                   jcuda, and a slim copy of jcuda-natives with ONLY libJCudaDriver (the driver
#                   API binding; libJNvPTXCompiler (24 MB), libJCudaRuntime and libJNvrtc are left
#                   out: PTX is loaded with cuModuleLoadData and JIT-compiled by the driver).
# .carry/ is git-ignored and must stay under 64 MiB. Then run scripts/gpu-check.sh there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CARRY="$ROOT/.carry"
rm -rf "$CARRY"
mkdir -p "$CARRY/lib"

echo "[carry] building the jars (mvn package, tests skipped)"
mvn -B -q -o -pl server-guest -am package -DskipTests
cp server-guest/target/gpucc-server-guest-*.jar gpu-kernels/target/gpucc-gpu-kernels-*.jar \
   proto/target/gpucc-proto-*.jar "$CARRY/lib/"
rm -f "$CARRY"/lib/*-tests.jar "$CARRY"/lib/*-sources.jar

M2="${MAVEN_REPO:-$HOME/.m2/repository}"
PROTOBUF_VERSION="$(sed -n 's:.*<protobuf.version>\(.*\)</protobuf.version>.*:\1:p' pom.xml)"
cp "$M2/com/google/protobuf/protobuf-java/$PROTOBUF_VERSION/protobuf-java-$PROTOBUF_VERSION.jar" "$CARRY/lib/"
cp "$M2/org/jcuda/jcuda/12.0.0/jcuda-12.0.0.jar" "$CARRY/lib/"

# Slim natives jar: JCuda's LibUtils loads /lib/libJCudaDriver-12.0.0-linux-x86_64.so from the classpath.
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && unzip -q "$M2/org/jcuda/jcuda-natives/12.0.0/jcuda-natives-12.0.0-linux-x86_64.jar" \
   lib/libJCudaDriver-12.0.0-linux-x86_64.so && jar cf "$CARRY/lib/jcuda-natives-driver-only-12.0.0-linux-x86_64.jar" lib)

echo "[carry] jlink'ing a Java 17 runtime"
JAVA_HOME_17="${JAVA_HOME_17:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
"$JAVA_HOME_17/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.unsupported \
  --strip-debug --compress=2 --no-header-files --no-man-pages --output "$TMP/jre"
tar -C "$TMP" -czf "$CARRY/jre.tgz" jre

du -sh "$CARRY"/jre.tgz "$CARRY"/lib
TOTAL_KB="$(du -sk "$CARRY" | cut -f1)"
if [ "$TOTAL_KB" -gt $((64 * 1024)) ]; then
  echo "[carry] ERROR: .carry is ${TOTAL_KB} KiB, over the 64 MiB a device run may carry" >&2
  exit 1
fi
echo "[carry] ready: .carry (${TOTAL_KB} KiB); on the GPU machine run scripts/gpu-check.sh"
