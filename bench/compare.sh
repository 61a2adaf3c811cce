#!/usr/bin/env bash
# Side-by-side benchmark: the service against the peers a user could run instead, every
# workload in one run on one machine, each side warmed up first, and the table of figures and
# ratios printed at the end (docs/performance.md keeps the latest).
#
#   PEERS_DIR=/path/to/peers bench/compare.sh
#   PEERS_DIR=... SKIP_BUILD=1 DURATION=15s bench/compare.sh
#
# PEERS_DIR holds the peers: fast_service.py (the strong one: FastAPI, orjson, numpy, started
# with 2 workers), numpy_service.py (the naive one, 2 workers) and spring-floor/ (a bare
# Spring Boot app answering W1: the framework's floor). A peer that is missing is left out.
#
# Workloads (bench/bodies.py writes the bodies):
#   W1  POST /activations/softmax {"inputs": [[1, 2, 3]]}          wrk -t1 -c16, req/s
#   W2  POST /network/forward, the seeds' network                   wrk -t1 -c16, req/s
#   W3  POST /network/forward, 100,000 x 2 float32 through dense 64, relu, dense 64, relu,
#       dense 3, softmax, JSON both ways                            median of RUNS timed requests
#   W4  the W3 batch to the same network saved as a model, through the Open Inference
#       Protocol with binary tensors (FP32 bytes in and out)       median of RUNS timed requests
#
# The service starts as the image starts it (with-blas-kernels, the Dockerfile's
# JAVA_TOOL_OPTIONS and OMP_NUM_THREADS=1), on JAVA (default: java on the PATH; the image runs
# JDK 25). The sides take turns (ROUNDS rounds of every side, each figure the median of its
# rounds), so that a drift in the host's load reaches every side alike. Environment: PEERS_DIR,
# JAVA, JAR, SKIP_BUILD, DURATION (one wrk window, 10s), ROUNDS (3), WARMUP (wrk warm-up per
# side and workload, 10s), RUNS (7), WARM_RUNS (large requests sent first to warm
# each side up, 30; a JVM compiles the large-batch loops only after a few dozen), ROWS (100000). Needs wrk, curl, python3 with
# numpy, and for the peers fastapi, uvicorn, uvloop, httptools and orjson.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
JAVA=${JAVA:-java}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
RUNS=${RUNS:-7}
ROUNDS=${ROUNDS:-3}
WARM_RUNS=${WARM_RUNS:-30}
ROWS=${ROWS:-100000}
PEERS_DIR=${PEERS_DIR:-}
SERVICE_PORT=18480 STRONG_PORT=18402 NAIVE_PORT=18401 FLOOR_PORT=18495

for tool in wrk curl python3 "$JAVA"; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done
[[ -n "$PEERS_DIR" && -d "$PEERS_DIR" ]] || { echo "set PEERS_DIR to the peers' directory" >&2; exit 2; }
PEERS_DIR=$(cd "$PEERS_DIR" && pwd)

if [[ -z "${JAR:-}" ]]; then
  [[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -B package -DskipTests
  JAR=$(ls target/nnfs-service-*.jar | grep -v plain | head -1)
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

work=$(mktemp -d "${TMPDIR:-/tmp}/nnfs-compare.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/bodies.py "$work/bodies" "$ROWS"
for name in softmax seeds; do
  cat > "$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$work/bodies/$name.json", "rb")); wrk.body = f:read("*a"); f:close()
LUA
done

# A port already taken would have this run measure whatever holds it.
for p in $SERVICE_PORT $STRONG_PORT $NAIVE_PORT $FLOOR_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is already in use" >&2; exit 2; fi
done

# --- Start every side ---------------------------------------------------------------------
# The image's JVM options, read from the Dockerfile so that they cannot drift apart.
image_opts=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile | sed 's#-Dorg.bytedeco.javacpp.cachedir=[^ ]*##')
mkdir -p "$work/models"
OMP_NUM_THREADS=1 JAVA_TOOL_OPTIONS="$image_opts" src/main/sh/with-blas-kernels "$JAVA" -jar "$JAR" \
  --server.address=127.0.0.1 --server.port=$SERVICE_PORT --nnfs.models.dir="$work/models" \
  > "$work/service.log" 2>&1 &
pids+=($!)
sides=(service)
if [[ -f "$PEERS_DIR/fast_service.py" ]]; then
  python3 "$PEERS_DIR/fast_service.py" $STRONG_PORT 2 > "$work/strong.log" 2>&1 &
  pids+=($!); sides+=(strong)
fi
if [[ -f "$PEERS_DIR/numpy_service.py" ]]; then
  python3 "$PEERS_DIR/numpy_service.py" $NAIVE_PORT 2 > "$work/naive.log" 2>&1 &
  pids+=($!); sides+=(naive)
fi
if [[ -f "$PEERS_DIR/spring-floor/pom.xml" ]]; then
  cp -r "$PEERS_DIR/spring-floor" "$work/floor"
  ./mvnw -q -B -f "$work/floor/pom.xml" -DskipTests package
  "$JAVA" -jar "$work/floor/target/"spring-floor-*.jar --server.address=127.0.0.1 --server.port=$FLOOR_PORT \
    > "$work/floor.log" 2>&1 &
  pids+=($!); sides+=(floor)
fi
port() { case $1 in service) echo $SERVICE_PORT ;; strong) echo $STRONG_PORT ;; naive) echo $NAIVE_PORT ;; floor) echo $FLOOR_PORT ;; esac; }
for side in "${sides[@]}"; do
  p=$(port "$side")
  for _ in $(seq 1 1200); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @"$work/bodies/softmax.json" \
      "http://127.0.0.1:$p/activations/softmax" && break
    sleep 0.1
  done
done
curl -fs -o /dev/null -X PUT -H 'Content-Type: application/json' --data-binary @"$work/bodies/model.json" \
  "http://127.0.0.1:$SERVICE_PORT/models/bench-w3"

# --- Measure ------------------------------------------------------------------------------
# The host's own load drifts over minutes, so the sides take turns: every side is warmed up,
# then each round measures every side once, and a side's figure is its median over the rounds.
declare -A fig
rate() { # side lua path duration -> req/s; fails on errors
  local out; out=$(wrk -t1 -c16 -d"$4" -s "$2" "http://127.0.0.1:$(port "$1")$3")
  if grep -qE "Non-2xx|Socket errors" <<< "$out"; then echo "errors from $1 at $3:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$out"
}
median() { # numbers on stdin -> their median (the lower middle one of an even count)
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
rates() { # workload lua path sides... -> fig[workload,side], the median of ROUNDS windows
  local w=$1 lua=$2 path=$3 side round; shift 3
  declare -A got
  for side in "$@"; do rate "$side" "$lua" "$path" "$WARMUP" > /dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    for side in "$@"; do got[$side]+="$(rate "$side" "$lua" "$path" "$DURATION") "; done
  done
  for side in "$@"; do fig[$w,$side]=$(tr ' ' '\n' <<< "${got[$side]}" | grep . | median); done
}
once() { # url curl-args... -> seconds one request took
  local url=$1; shift
  curl -fs -o /dev/null -w '%{time_total}\n' "$@" "$url"
}
w3() { once "http://127.0.0.1:$(port "$1")/network/forward" -H 'Content-Type: application/json' \
  --data-binary @"$work/bodies/big.json"; }
w4() { once "http://127.0.0.1:$SERVICE_PORT/v2/models/bench-w3/infer" -H 'Content-Type: application/octet-stream' \
  -H "Inference-Header-Content-Length: $(cat "$work/bodies/big.bin.header-length")" --data-binary @"$work/bodies/big.bin"; }
rates W1 "$work/softmax.lua" /activations/softmax "${sides[@]}"
rate_sides=()
for side in "${sides[@]}"; do [[ $side == floor ]] || rate_sides+=("$side"); done
rates W2 "$work/seeds.lua" /network/forward "${rate_sides[@]}"
# W3 and W4: WARM_RUNS requests to each side first, then RUNS rounds of one timed request
# per side; the figure is the median in ms.
for side in "${rate_sides[@]}"; do for _ in $(seq 1 "$WARM_RUNS"); do w3 "$side" > /dev/null; done; done
for _ in $(seq 1 "$WARM_RUNS"); do w4 > /dev/null; done
declare -A took
for _ in $(seq 1 "$RUNS"); do
  for side in "${rate_sides[@]}"; do took[W3,$side]+="$(w3 "$side") "; done
  took[W4,service]+="$(w4) "
done
for key in "${!took[@]}"; do
  fig[$key]=$(tr ' ' '\n' <<< "${took[$key]}" | grep . | median | awk '{ printf "%.1f", 1000 * $1 }')
done
rss=$(( $(ps -o rss= -p "${pids[0]}") / 1024 ))

# --- Report -------------------------------------------------------------------------------
ratio() { # a b -> a/b with 2 decimals, or - when either is missing
  if [[ -n "${1:-}" && -n "${2:-}" ]]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f x", a / b }'; else echo -; fi
}
v() { echo "${fig[$1]:--}"; }
echo
echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -r)"
echo "service:  $("$JAVA" -version 2>&1 | head -1), $(basename "$JAR"), OPENBLAS_CORETYPE from with-blas-kernels"
echo "settings: wrk -t1 -c16, $WARMUP warm-up per side, then the median of $ROUNDS rounds of $DURATION per side; W3/W4 median of $RUNS rounds after $WARM_RUNS"
echo
echo "| workload | service | strong peer | naive peer | bare Spring floor | service vs strong | service vs floor |"
echo "|---|---|---|---|---|---|---|"
echo "| W1 softmax [[1,2,3]], req/s | $(v W1,service) | $(v W1,strong) | $(v W1,naive) | $(v W1,floor) | $(ratio "${fig[W1,service]:-}" "${fig[W1,strong]:-}") | $(ratio "${fig[W1,service]:-}" "${fig[W1,floor]:-}") |"
echo "| W2 seeds' network, req/s | $(v W2,service) | $(v W2,strong) | $(v W2,naive) | | $(ratio "${fig[W2,service]:-}" "${fig[W2,strong]:-}") | |"
echo "| W3 $ROWS rows JSON, ms | $(v W3,service) | $(v W3,strong) | $(v W3,naive) | | $(ratio "${fig[W3,strong]:-}" "${fig[W3,service]:-}") | |"
echo "| W4 $ROWS rows OIP binary, ms (vs the peers' W3) | $(v W4,service) | | | | $(ratio "${fig[W3,strong]:-}" "${fig[W4,service]:-}") | |"
echo
echo "service resident memory after the run: $rss MB"
