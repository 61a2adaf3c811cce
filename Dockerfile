# syntax=docker/dockerfile:1

# --- Build: the Maven wrapper in a JDK image (glibc, like the runtime) -------------------
FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
 && cp target/nnfs-service-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination /layers

# --- Run: a glibc JRE (ND4J's natives do not load on musl/Alpine) -----------------------
# Java 25: its C2 vectorises the float64 <-> float32 conversions of the forward pass, which
# JDK 17's does not (the 100,000-row request 36.8 ms in process against 40.3 ms on JDK 17).
FROM eclipse-temurin:25-jre-noble
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin nnfs
WORKDIR /app
# Largest and least changing first: the dependencies layer holds ND4J's natives.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --chmod=755 src/main/sh/with-blas-kernels src/main/sh/aot-training /usr/local/bin/
# The model repository: mount a volume here (shared between replicas for a writable
# repository). Writes need NNFS_MODELS_ADMIN_TOKEN when it is set; NNFS_MODELS_WRITABLE=false
# serves the models read-only.
RUN mkdir -p /app/.javacpp /models && chown nnfs /app /app/.javacpp /models
USER nnfs
# A fixed 320 MB heap, sized to the default limits rather than to the container: what a request
# may hold on the heap is bounded by them (docs/operations.md, "Memory": bodies in flight, two
# passes at once, their answers), and G1 would otherwise grow the heap under a high allocation
# rate toward any larger bound, resident or not needed. Raise it together with the limits.
# The parallel collector: requests allocate fast and keep almost nothing, which it collects with
# less work per request than G1's barriers and concurrent marking, and less native memory (side
# by side on one host: W1 and W2 +5 %, the soak's mix +25 % requests/s at 525 instead of 585 MiB
# resident; docs/performance.md, "Garbage collector").
# ND4J's arrays live off-heap, outside it. JavaCPP
# caps them at 2 GB (the largest pass the limits allow needs far less) and skips its
# whole-process check (maxPhysicalBytes), which reads /proc on every allocation: the
# container's memory limit is that ceiling. One OpenMP thread: request threads use the cores.
# JavaCPP loads native libraries and uses sun.misc.Unsafe: allowed explicitly, as Java 25 warns
# about both otherwise.
# with-blas-kernels (below) sets OPENBLAS_CORETYPE for the host's CPU unless it is set here or
# by the operator: the bundled OpenBLAS falls back to slow kernels on CPUs it does not know.
# Two glibc malloc arenas instead of up to eight per core: the request threads' native
# allocations (ND4J, JavaCPP) share them, which keeps the resident set down
# (docs/performance.md, "Resident memory with the image's settings").
ENV JAVA_TOOL_OPTIONS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx320m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.cachedir=/app/.javacpp -Dorg.bytedeco.javacpp.maxBytes=2g -Dorg.bytedeco.javacpp.maxPhysicalBytes=0" \
    OMP_NUM_THREADS=1 \
    MALLOC_ARENA_MAX=2 \
    NNFS_MODELS_DIR=/models
# A training run for the JDK's ahead-of-time cache (JEP 483, 514): aot-training starts the
# service as the ENTRYPOINT does (same JDK, class path, options and directory, which the cache
# requires), drives every hot endpoint on loopback for 30 s, then stops it with SIGTERM; as it
# exits the JVM writes app.aot: the classes loaded and linked, so production starts without
# loading them again. Method profiles are not recorded (-XX:-AOTRecordTraining): replayed
# (JEP 515) they slowed the climb to full speed after readiness from 6 to 21 s, and the service
# warms its JIT itself before readiness (nnfs.warm-up.duration; docs/performance.md, "Warm-up").
# The run also leaves ND4J's natives unpacked in /app/.javacpp.
RUN aot-training with-blas-kernels java -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=app.aot -jar application.jar
VOLUME /models
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["with-blas-kernels", "java", "-XX:AOTCache=app.aot", "-jar", "application.jar"]
