#!/usr/bin/env bash
# Graceful shutdown check: starts the jar on loopback, sends a slow request (a large forward
# pass), sends SIGTERM while it is in flight, and shows that
#   1. readiness reports OUT_OF_SERVICE (503) before the server stops taking requests,
#   2. the in-flight request still completes with 200,
#   3. new connections are refused once the server has stopped, and the process exits 0.
# Usage: scripts/shutdown-check.sh [--port 8381] [--jar PATH]. Needs java and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
port=${SHUTDOWN_PORT:-8381}
jar=${SHUTDOWN_JAR:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$jar" ] || jar=$(ls target/nnfs-service-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$jar" ] && [ -f "$jar" ] || { echo "no jar: build it with ./mvnw -DskipTests package" >&2; exit 2; }

base="http://127.0.0.1:$port"
out=$(mktemp -d "${TMPDIR:-/tmp}/nnfs-shutdown.XXXXXX")
src/main/sh/with-blas-kernels java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
  --nnfs.compute.deadline=60s --logging.level.org.springframework.boot.availability=debug \
  >"$out/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  sleep 1
done
curl -fs "$base/actuator/health/readiness" | grep -q UP || { echo "service not ready" >&2; exit 1; }

# About a second or more of work: 120k spiral points through three 64-wide float64 layers
# (plain Java), each layer's output within nnfs.limits.max-layer-output-values.
slow='{"seed": 1, "dtype": "float64", "spiral": {"samples": 40000, "classes": 3}, "layers": [{"type": "dense", "neurons": 64}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64}, {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}'
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
start=$(now)
curl -s -o "$out/slow.json" -w "%{http_code}" -H "Content-Type: application/json" -d "$slow" \
  "$base/network/forward" >"$out/slow.status" &
curl_pid=$!
sleep 0.3
kill -TERM "$pid"
echo "SIGTERM sent $(since "$start") s after the slow request started"

# Readiness goes down first; the server stops accepting connections right after, so a probe
# sees either 503 (OUT_OF_SERVICE) or a refused connection (000). The log shows the order.
readiness=""
for _ in $(seq 1 50); do
  readiness=$(curl -s -o /dev/null -w "%{http_code}" "$base/actuator/health/readiness" 2>/dev/null || true)
  [ "$readiness" = 503 ] && break
  [ "$readiness" = 000 ] && break
  sleep 0.05
done
echo "readiness during shutdown: HTTP $readiness"

wait "$curl_pid" || true
slow_status=$(cat "$out/slow.status")
echo "in-flight request: HTTP $slow_status, $(wc -c <"$out/slow.json") bytes, finished $(since "$start") s after it started"

set +e
wait "$pid"
exit_code=$?
set -e
trap - EXIT
after=$(curl -s -o /dev/null -w "%{http_code}" --max-time 2 "$base/activations" 2>/dev/null || true)
echo "new request after shutdown: HTTP $after (000 = connection refused)"
echo "process exit code: $exit_code (143 = ended by SIGTERM, after the graceful shutdown)"
grep -E "REFUSING_TRAFFIC|Commencing graceful shutdown|Graceful shutdown complete" "$out/service.log" \
  | sed -E 's/^([^ ]+) .*(ReadinessState.*|Commencing.*|Graceful.*)$/  log: \1 \2/'

status=0
[ "$slow_status" = 200 ] || { echo "FAIL: the in-flight request did not complete" >&2; status=1; }
order=$(grep -nE "REFUSING_TRAFFIC|Commencing graceful shutdown" "$out/service.log" | head -1)
case "$order" in *REFUSING_TRAFFIC*) ;; *) echo "FAIL: readiness did not go down before the server drained" >&2; status=1 ;; esac
case "$readiness" in 503|000) ;; *) echo "FAIL: readiness still answered $readiness during shutdown" >&2; status=1 ;; esac
[ "$after" = 000 ] || { echo "FAIL: a new request was accepted after shutdown" >&2; status=1; }
grep -q "Graceful shutdown complete" "$out/service.log" || { echo "FAIL: no graceful shutdown in the log" >&2; status=1; }
[ $status = 0 ] && echo "PASS: graceful shutdown"
exit $status
