#!/usr/bin/env bash
# Load test on loopback: builds the jar, starts it, measures start-up to readiness, runs fixed
# workloads with wrk for a bounded time each, prints requests/s, latency percentiles and the
# server's resident memory, then stops the server.
#
#   bench/load.sh                      # build, then run every workload for 15 s
#   DURATION=30s OMP_NUM_THREADS=2 bench/load.sh
#   JAR=old.jar SKIP_BUILD=1 bench/load.sh   # another build of the service, for before/after
#
# Needs wrk (Debian: apt-get install -y wrk) and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-8481}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
BIG_CONNECTIONS=${BIG_CONNECTIONS:-2}
BIG_ROWS=${BIG_ROWS:-100000}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
JAVA_OPTS=${JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseG1GC -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.maxBytes=2g}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [[ -z "${JAR:-}" ]]; then
  [[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -B package -DskipTests
  JAR=$(ls target/nnfs-service-*.jar | grep -v plain | head -1)
fi

work=$(mktemp -d)
server=
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server"; wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- Request bodies ---------------------------------------------------------------------
echo '{"inputs": [[1, 2, 3]]}' > "$work/softmax.json"
cat > "$work/seeds.json" <<'JSON'
{"seed": 0, "spiral": {"samples": 100, "classes": 3},
 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}
JSON
awk -v rows="$BIG_ROWS" 'BEGIN {
  srand(7); printf "{\"seed\":0,\"inputs\":[";
  for (i = 0; i < rows; i++) printf "%s[%.7g,%.7g]", (i ? "," : ""), 2 * rand() - 1, 2 * rand() - 1;
  printf "],\"layers\":[{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.5},{\"type\":\"activation\",\"name\":\"relu\"},";
  printf "{\"type\":\"dense\",\"neurons\":64,\"weightScale\":0.3},{\"type\":\"activation\",\"name\":\"relu\"},";
  printf "{\"type\":\"dense\",\"neurons\":3,\"weightScale\":0.3},{\"type\":\"activation\",\"name\":\"softmax\"}]}\n" }' > "$work/big.json"
for name in softmax seeds big; do
  cat > "$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$work/$name.json", "rb")); wrk.body = f:read("*a"); f:close()
LUA
done

# --- Start-up ---------------------------------------------------------------------------
base="http://127.0.0.1:$PORT"
start=$(date +%s%N)
# shellcheck disable=SC2086
src/main/sh/with-blas-kernels java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 2400); do
  if curl -fs -o /dev/null "$base/actuator/health/readiness"; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
curl -fs -o /dev/null "$base/actuator/health/readiness" || { echo "not ready after 120 s" >&2; exit 1; }
echo "jar:        $JAR"
echo "settings:   OMP_NUM_THREADS=$OMP_NUM_THREADS JAVA_OPTS=$JAVA_OPTS"
echo "blas:       $(curl -fs "$base/actuator/info" | grep -o '"blas":{[^}]*}' || echo unknown)"
echo "java:       $(java -version 2>&1 | head -1)"
echo "start-up:   ${ready} ms to readiness ($(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$work/server.log" || true))"
echo "rss idle:   $(( $(ps -o rss= -p "$server") / 1024 )) MB"

# --- Workloads --------------------------------------------------------------------------
run() { # label connections url [lua]
  local label=$1 conns=$2 url=$3 script=${4:-}
  local args=(-t"$THREADS" -c"$conns" -d"$DURATION" --latency --timeout 10s)
  [[ -n "$script" ]] && args+=(-s "$script")
  wrk "${args[@]/#-d*/-d3s}" "$url" > /dev/null # warm-up
  local out="$work/wrk-$RANDOM.txt"
  wrk "${args[@]}" "$url" > "$out"
  awk -v label="$label" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%-22s %10s req/s   p50 %9s   p90 %9s   p99 %9s%s\n", label, rps, p50, p90, p99, (bad ? "   NON-2XX: " bad : "") }' \
    "$out"
}
echo
echo "workload (${DURATION} each, ${THREADS} wrk threads)"
run "GET /activations" "$CONNECTIONS" "$base/activations"
run "softmax [[1,2,3]]" "$CONNECTIONS" "$base/activations/softmax" "$work/softmax.lua"
run "seeds network" "$CONNECTIONS" "$base/network/forward" "$work/seeds.lua"
run "${BIG_ROWS}-row batch" "$BIG_CONNECTIONS" "$base/network/forward" "$work/big.lua"
echo
echo "rss after:  $(( $(ps -o rss= -p "$server") / 1024 )) MB"
