#!/usr/bin/env bash
# Warm-up on loopback: how long after readiness the service reaches 80% of its steady rate for
# W1 (POST /activations/softmax with {"inputs": [[1, 2, 3]]}, wrk -t1 -c16), started the way
# the image starts it and as a plain `java -jar`. Each run launches the service, polls
# /actuator/health/readiness every 50 ms, and from readiness on runs W1 in back-to-back windows
# of 1 s; the steady rate is the median of the last STEADY windows, and the warm-up is the end
# of the first window at or above THRESHOLD% of it, counted from readiness. Only 2xx answers
# count.
#
#   bench/warmup.sh                        # build, then image and jar modes, 2 runs each
#   JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/warmup.sh
#   MODES="image extracted cds autocds" RUNS=3 SKIP_BUILD=1 bench/warmup.sh
#
# Modes:
#   image      the image's layout and start: the jar's layers extracted into a directory, the
#              Dockerfile's training run (RUN aot-training ..., which writes the AOT cache) and
#              its ENTRYPOINT, with its JAVA_TOOL_OPTIONS, OMP_NUM_THREADS and MALLOC_ARENA_MAX,
#              on JAVA25. Commands and options are read from the Dockerfile, so they cannot drift.
#   jar        with-blas-kernels $JAVA $JAVA_OPTS -jar target/nnfs-service-*.jar
#   extracted  the image without a cache: its ENTRYPOINT without -XX:AOTCache, on JAVA25
#   cds        the extracted layout with an AppCDS archive written at the end of start-up
#              (-XX:ArchiveClassesAtExit with -Dspring.context.exit=onRefresh), on JAVA25
#   autocds    the extracted layout with -XX:+AutoCreateSharedArchive (one unmeasured run
#              writes the archive first), on JAVA25
#
# Environment: JAVA (java), JAVA25 ($JAVA; must be a JDK 25 or later for image mode), MODES
# ("image jar"), RUNS (2), DURATION (windows per run, 40), STEADY (10), THRESHOLD (80),
# CONNECTIONS (16), PORT (8581), JAVA_OPTS (jar mode, none), JAR, SKIP_BUILD,
# AOT_TRAINING_SECONDS (the training's load time, 30). Needs wrk and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
JAVA=${JAVA:-java}
JAVA25=${JAVA25:-$JAVA}
MODES=${MODES:-image jar}
RUNS=${RUNS:-2}
DURATION=${DURATION:-40}
STEADY=${STEADY:-10}
THRESHOLD=${THRESHOLD:-80}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-8581}
JAVA_OPTS=${JAVA_OPTS:-}
base="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }
if [[ -z "${JAR:-}" ]]; then
  [[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -B package -DskipTests
  JAR=$(ls target/nnfs-service-*.jar | grep -v plain | head -1)
fi
JAR=$(realpath "$JAR")

work=$(mktemp -d "${TMPDIR:-/tmp}/nnfs-warmup.XXXXXX")
server=
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server"; wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo '{"inputs": [[1, 2, 3]]}' >"$work/softmax.json"
cat >"$work/softmax.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$work/softmax.json", "rb")); wrk.body = f:read("*a"); f:close()
LUA

# --- The image, from the Dockerfile -------------------------------------------------------
dockerfile=$(cat Dockerfile)
tool_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
omp_threads=$(grep -oE 'OMP_NUM_THREADS=[0-9]+' <<<"$dockerfile" | head -1 | cut -d= -f2)
malloc_arenas=$(grep -oE 'MALLOC_ARENA_MAX=[0-9]+' <<<"$dockerfile" | head -1 | cut -d= -f2 || true)
training=$(sed -n 's/^RUN \(aot-training .*\)/\1/p' Dockerfile)
read -r -a entrypoint <<<"$(sed -n 's/^ENTRYPOINT \[\(.*\)\]/\1/p' Dockerfile | tr -d '",')"
[[ -n "$tool_options" && -n "$training" && ${#entrypoint[@]} -gt 0 ]] \
  || { echo "the Dockerfile's JAVA_TOOL_OPTIONS, training RUN or ENTRYPOINT not found" >&2; exit 1; }

app=$work/app
layout() { # the runtime stage's /app: the extracted layers, copied in the Dockerfile's order
  [[ -d "$app" ]] && return
  mkdir -p "$work/layers" "$app" "$work/bin"
  cp "$JAR" "$work/application.jar"
  (cd "$work" && "$JAVA25" -Djarmode=tools -jar application.jar extract --layers --destination "$work/layers")
  local layer
  for layer in $(grep -oE 'COPY --from=build /layers/[a-z-]+/' Dockerfile | cut -d/ -f3); do
    cp -r "$work/layers/$layer/." "$app/"
  done
  ln -s "$(command -v "$JAVA25")" "$work/bin/java"
  ln -s "$root/src/main/sh/with-blas-kernels" "$work/bin/with-blas-kernels"
  ln -s "$root/src/main/sh/aot-training" "$work/bin/aot-training"
}
# the image's environment, with the /app of its options pointing at the local layout
image_env() {
  image_env=(env "PATH=$work/bin:$PATH" "JAVA_TOOL_OPTIONS=${tool_options//\/app\//$app/}"
    "OMP_NUM_THREADS=$omp_threads" "NNFS_MODELS_DIR=$work/models")
  [[ -z "$malloc_arenas" ]] || image_env+=("MALLOC_ARENA_MAX=$malloc_arenas")
}
in_image() { # runs its arguments as the image would: in /app, with its environment
  image_env
  (cd "$app" && exec "${image_env[@]}" "$@")
}
prepared=
prepare() { # mode: whatever the mode needs before its runs, once
  local mode=$1 start
  case " $prepared " in *" $mode "*) return ;; esac
  prepared="$prepared $mode"
  [[ "$mode" == jar ]] && return
  layout
  start=$EPOCHREALTIME
  case "$mode" in
    image)
      # shellcheck disable=SC2086
      in_image $training
      echo "image: training run and cache $(elapsed "$start") s"
      ;;
    cds)
      in_image with-blas-kernels java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh \
        -jar application.jar --server.port="$PORT" >"$work/cds-training.log" 2>&1
      echo "cds: archive written in $(elapsed "$start") s"
      ;;
    autocds)
      launch autocds
      stop
      echo "autocds: archive written by a first run in $(elapsed "$start") s"
      ;;
  esac
}
launch() { # mode
  local dir=$app cmd=() a
  image_env
  case "$1" in
    image) cmd=("${image_env[@]}" "${entrypoint[@]}") ;;
    extracted)
      cmd=("${image_env[@]}")
      for a in "${entrypoint[@]}"; do [[ "$a" == -XX:AOTCache=* ]] || cmd+=("$a"); done
      ;;
    cds) cmd=("${image_env[@]}" with-blas-kernels java -XX:SharedArchiveFile=application.jsa -jar application.jar) ;;
    autocds)
      cmd=("${image_env[@]}" with-blas-kernels java -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=auto.jsa
        -jar application.jar)
      ;;
    jar)
      dir=$root
      # shellcheck disable=SC2206
      cmd=(env "OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}" "NNFS_MODELS_DIR=$work/models"
        src/main/sh/with-blas-kernels "$JAVA" $JAVA_OPTS -jar "$JAR")
      ;;
    *) echo "unknown mode $1" >&2; exit 2 ;;
  esac
  (cd "$dir" && exec "${cmd[@]}" --server.address=127.0.0.1 --server.port="$PORT" >"$work/service.log" 2>&1) &
  server=$!
  launched=$EPOCHREALTIME
  until curl -fs "$base/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$server" 2>/dev/null || { echo "the service died at start" >&2; tail -30 "$work/service.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$EPOCHREALTIME
}
stop() {
  kill -TERM "$server"; wait "$server" 2>/dev/null || true
  server=
}
elapsed() { awk -v a="$1" -v b="${2:-$EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }'; }

results=$work/results.txt
for mode in $MODES; do
  prepare "$mode"
  for run in $(seq 1 "$RUNS"); do
    launch "$mode"
    : >"$work/windows.txt"
    for _ in $(seq 1 "$DURATION"); do
      out=$(wrk -t1 -c"$CONNECTIONS" -d1s -s "$work/softmax.lua" "$base/activations/softmax")
      end=$(elapsed "$ready")
      awk -v end="$end" '
        / requests in / { n = $1; t = $(NF - 2); sub(/s,?$/, "", t); if (t ~ /ms$/) { sub(/ms$/, "", t); t /= 1000 } }
        /Non-2xx/ { bad = $NF }
        END { printf "%s %.0f\n", end, (n - bad) / t }' <<<"$out" >>"$work/windows.txt"
    done
    stop
    awk -v mode="$mode" -v run="$run" -v ready="$(elapsed "$launched" "$ready")" -v steady="$STEADY" \
      -v threshold="$THRESHOLD" '
      { t[NR] = $1; r[NR] = $2 }
      END {
        for (i = NR - steady + 1; i <= NR; i++) s[i - NR + steady] = r[i]
        for (i = 1; i <= steady; i++) for (j = i + 1; j <= steady; j++) if (s[j] < s[i]) { x = s[i]; s[i] = s[j]; s[j] = x }
        median = (steady % 2) ? s[(steady + 1) / 2] : (s[steady / 2] + s[steady / 2 + 1]) / 2
        at = "never"
        for (i = 1; i <= NR; i++) if (r[i] >= median * threshold / 100) { at = t[i]; break }
        line = ""
        for (i = 1; i <= NR; i++) line = line " " r[i]
        printf "%-9s %3d %9s %9s %10.0f   %s\n", mode, run, ready, at, median, line
      }' "$work/windows.txt" | tee -a "$results"
  done
done

echo
echo "JAVA: $("$JAVA" -version 2>&1 | head -1); JAVA25: $("$JAVA25" -version 2>&1 | head -1)"
echo "W1: wrk -t1 -c$CONNECTIONS, $DURATION windows of 1 s from readiness; steady = median of the last $STEADY"
printf "%-9s %3s %9s %9s %10s   %s\n" mode run "ready(s)" "${THRESHOLD}%at(s)" "steady/s" "2xx/s per window"
cat "$results"
