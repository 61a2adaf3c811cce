#!/usr/bin/env bash
# Soak test: runs the service's jar on loopback, drives a mixed load of valid and invalid
# requests at it with wrk for a bounded time and request count, and samples the process's
# resident memory (VmRSS) and ND4J's off-heap figure (nnfs_nd4j_offheap_bytes) as it goes.
# After the warm-up both must stay flat: it fails when either grows by 10% or more between the
# start and the end of the measured phase, when any request gets a 5xx other than 503, or when
# the service dies.
#
#   scripts/soak.sh                         # 10 min measured after 1 min warm-up
#   scripts/soak.sh --warmup 15 --duration 40   # the short run CI does
#   scripts/soak.sh --image-settings --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
#     --warmup 30 --duration 120 --max-rss 600  # the container's memory settings
#
# Options (or environment): --duration S (SOAK_DURATION, 600), --warmup S (SOAK_WARMUP, 60),
# --max-requests N (SOAK_MAX_REQUESTS, 2000000), --connections N (SOAK_CONNECTIONS, 8),
# --interval S (SOAK_INTERVAL, 10), --port P (SOAK_PORT, 8381), --jar PATH (SOAK_JAR),
# --heap SIZE (SOAK_HEAP, 256m), --java PATH (SOAK_JAVA, java), --max-rss MIB (SOAK_MAX_RSS:
# also fail when a sample's resident memory is above it), --image-settings
# (SOAK_IMAGE_SETTINGS=1: instead of the fixed heap, the Dockerfile's JAVA_TOOL_OPTIONS and
# OMP_NUM_THREADS (and MALLOC_ARENA_MAX if set there), read from it, and no AlwaysPreTouch; the container's memory limit, which
# the JVM sizes its heap from, is emulated with -XX:MaxRAM, --max-ram SIZE (SOAK_MAX_RAM, 3g,
# the deployment's limit)). Needs java, curl and wrk.
set -euo pipefail

cd "$(dirname "$0")/.."
duration=${SOAK_DURATION:-600}
warmup=${SOAK_WARMUP:-60}
max_requests=${SOAK_MAX_REQUESTS:-2000000}
connections=${SOAK_CONNECTIONS:-8}
interval=${SOAK_INTERVAL:-10}
port=${SOAK_PORT:-8381}
heap=${SOAK_HEAP:-256m}
jar=${SOAK_JAR:-}
java=${SOAK_JAVA:-java}
max_rss=${SOAK_MAX_RSS:-}
image_settings=${SOAK_IMAGE_SETTINGS:-}
max_ram=${SOAK_MAX_RAM:-3g}
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --max-requests) max_requests=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --java) java=$2; shift 2 ;;
    --max-rss) max_rss=$2; shift 2 ;;
    --image-settings) image_settings=1; shift ;;
    --max-ram) max_ram=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$jar" ]; then
  jar=$(ls target/nnfs-service-*.jar 2>/dev/null | grep -v plain | head -1 || true)
fi
[ -n "$jar" ] && [ -f "$jar" ] || { echo "no jar: build it with ./mvnw -DskipTests package" >&2; exit 2; }
for tool in "$java" curl wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

base="http://127.0.0.1:$port"
out=$(mktemp -d "${TMPDIR:-/tmp}/nnfs-soak.XXXXXX")
threads=2
per_thread=$(( (max_requests + threads - 1) / threads ))

if [ -n "$image_settings" ]; then
  # The image's JVM options and environment, read from the Dockerfile (its /app/.javacpp
  # becomes a directory of this run), and the container's memory limit as MaxRAM.
  tool_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
  omp_threads=$(grep -oE 'OMP_NUM_THREADS=[0-9]+' Dockerfile | head -1 | cut -d= -f2)
  [ -n "$tool_options" ] && [ -n "$omp_threads" ] || { echo "no JAVA_TOOL_OPTIONS in the Dockerfile" >&2; exit 2; }
  malloc_arenas=$(grep -oE 'MALLOC_ARENA_MAX=[0-9]+' Dockerfile | head -1 | cut -d= -f2)
  [ -z "$malloc_arenas" ] || export MALLOC_ARENA_MAX=$malloc_arenas
  settings="image settings (JAVA_TOOL_OPTIONS of the Dockerfile, -XX:MaxRAM=$max_ram${malloc_arenas:+, MALLOC_ARENA_MAX=$malloc_arenas})"
  JAVA_TOOL_OPTIONS="${tool_options//\/app\//$out/}" OMP_NUM_THREADS=$omp_threads \
    src/main/sh/with-blas-kernels "$java" -XX:MaxRAM="$max_ram" -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" --nnfs.models.dir="$out/models" >"$out/service.log" 2>&1 &
  pid=$!
else
  # A fixed, pre-touched heap: its pages are resident from the start, so growth of the resident
  # set after warm-up is native (off-heap) growth, not the heap filling up.
  settings="heap $heap"
  src/main/sh/with-blas-kernels "$java" -Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" >"$out/service.log" 2>&1 &
  pid=$!
fi
cleanup() { kill "$pid" 2>/dev/null || true; rm -rf "$out/.javacpp"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fs "$base/actuator/health/readiness" 2>/dev/null | grep -q UP; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "service died at start" >&2; tail -30 "$out/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$base/actuator/health/readiness" | grep -q UP || { echo "service not ready" >&2; exit 1; }

rss() { awk '/^VmRSS:/ {print $2 * 1024}' "/proc/$pid/status"; }
offheap() { curl -fs "$base/actuator/prometheus" | awk '/^nnfs_nd4j_offheap_bytes / {printf "%.0f\n", $2}'; }

echo "soak: jar $jar, $("$java" -version 2>&1 | head -1), pid $pid, $settings, warm-up ${warmup}s, measured ${duration}s, at most $max_requests requests, $connections connections; logs in $out"
echo "warm-up..."
SOAK_REQUESTS_PER_THREAD=0 wrk -t "$threads" -c "$connections" -d "${warmup}s" -s scripts/soak-mix.lua "$base" \
  >"$out/wrk-warmup.txt"

sampler() {
  local start=$SECONDS
  echo "seconds,rss_bytes,offheap_bytes"
  while kill -0 "$pid" 2>/dev/null; do
    echo "$((SECONDS - start)),$(rss),$(offheap)"
    sleep "$interval"
  done
}
sampler >"$out/samples.csv" &
sampler_pid=$!

SOAK_REQUESTS_PER_THREAD=$per_thread wrk -t "$threads" -c "$connections" -d "${duration}s" --latency \
  -s scripts/soak-mix.lua "$base" >"$out/wrk.txt" || true
echo "$(( $(date +%s) )),end" >/dev/null
sleep 1
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
echo "final,$(rss),$(offheap)" >>"$out/samples.csv"

alive=yes
kill -0 "$pid" 2>/dev/null || alive=no
grep -E "requests in|Requests/sec|statuses|latency:" "$out/wrk.txt" || true
echo "samples (MiB; heap = rss - offheap, the committed heap):"
awk -F, 'NR > 1 && $2 != "" { printf "  %6s s  rss %8.1f  offheap %8.1f  heap %8.1f\n", $1, $2 / 1048576, $3 / 1048576, ($2 - $3) / 1048576 }' \
  "$out/samples.csv"

verdict=$(awk -F, '
  NR > 1 && $2 != "" { n++; r[n] = $2; o[n] = $3 }
  END {
    if (n < 4) { print "FAIL too few samples"; exit }
    k = (n >= 6) ? 3 : 1
    for (i = 1; i <= k; i++) { rs += r[i]; os += o[i]; re += r[n - i + 1]; oe += o[n - i + 1] }
    rg = (re - rs) / rs * 100; og = (oe - os) / os * 100
    printf "%s rss %.1f -> %.1f MiB (%+.1f%%), offheap %.1f -> %.1f MiB (%+.1f%%)\n",
      (rg < 10 && og < 10) ? "PASS" : "FAIL", rs / k / 1048576, re / k / 1048576, rg, os / k / 1048576, oe / k / 1048576, og
  }' "$out/samples.csv")
echo "memory after warm-up (mean of first vs last samples): $verdict"

status=0
if [ -n "$image_settings" ]; then
  # the heap is not pre-touched here: the resident set also grows as the heap does
  echo "  (not a failure with --image-settings: the heap grows into its pages; --max-rss is the check)"
else
  case "$verdict" in PASS*) ;; *) status=1 ;; esac
fi
peak=$(awk -F, 'NR > 1 && $2 != "" && $2 > m { m = $2 } END { printf "%.1f", m / 1048576 }' "$out/samples.csv")
echo "peak resident memory of the samples: $peak MiB"
if [ -n "$max_rss" ] && awk -v p="$peak" -v m="$max_rss" 'BEGIN { exit !(p > m) }'; then
  echo "FAIL: resident memory above $max_rss MiB" >&2; status=1
fi
if grep -q "other5xx=[1-9]" "$out/wrk.txt"; then echo "FAIL: 5xx answers" >&2; status=1; fi
if grep -q "Socket errors" "$out/wrk.txt"; then grep "Socket errors" "$out/wrk.txt"; fi
[ "$alive" = yes ] || { echo "FAIL: the service died" >&2; status=1; }
if grep -v "^Picked up JAVA_TOOL_OPTIONS" "$out/service.log" | grep -qE "OutOfMemoryError|SIGSEGV|Unhandled error"; then
  echo "FAIL: errors in the service log" >&2
  grep -v "^Picked up JAVA_TOOL_OPTIONS" "$out/service.log" | grep -m5 -E "OutOfMemoryError|SIGSEGV|Unhandled error" >&2
  status=1
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -rf "$out/.javacpp"
trap - EXIT
exit $status
