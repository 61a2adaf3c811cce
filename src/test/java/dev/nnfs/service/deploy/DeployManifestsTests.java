package dev.nnfs.service.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The manifests under {@code deploy/} parse, carry the fields their kinds require (a
 * hand-written check per kind, so a typo fails the build), refer to each other by the
 * right names and labels, and agree with the {@code Dockerfile} and
 * {@code application.properties}: port, user, probe paths, model directory, shutdown
 * time. No cluster runs here.
 */
class DeployManifestsTests {

	private static final Path DEPLOY = Path.of("deploy");

	private static final Path DOCKERFILE = Path.of("Dockerfile");

	private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	private static List<Manifest> manifests;

	private static String dockerfile;

	private static Properties properties;

	record Manifest(Path file, Map<String, Object> doc) {

		String kind() {
			return (String) this.doc.get("kind");
		}

		String name() {
			return str(this.doc, "metadata.name");
		}

		@Override
		public String toString() {
			return this.file + " (" + kind() + " " + name() + ")";
		}

	}

	@BeforeAll
	static void load() throws IOException {
		manifests = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(DEPLOY)) {
			files = walk.filter((p) -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		assertThat(files).as("YAML files under deploy/").isNotEmpty();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		for (Path file : files) {
			try (Reader reader = Files.newBufferedReader(file)) {
				for (Object doc : yaml.loadAll(reader)) {
					if (doc == null) {
						continue;
					}
					assertThat(doc).as(file + ": a document is a mapping").isInstanceOf(Map.class);
					manifests.add(new Manifest(file, map(doc)));
				}
			}
		}
		dockerfile = Files.readString(DOCKERFILE);
		properties = new Properties();
		properties.load(new StringReader(Files.readString(PROPERTIES)));
	}

	@Test
	void everyDocumentHasApiVersionKindAndName() {
		for (Manifest m : manifests) {
			assertThat(m.doc().get("apiVersion")).as(m + ": apiVersion").isInstanceOf(String.class);
			assertThat(m.kind()).as(m.file() + ": kind").isNotBlank();
			if (!"Kustomization".equals(m.kind())) {
				assertThat(m.name()).as(m.file() + ": metadata.name").isNotBlank();
			}
		}
	}

	@Test
	void everyKindIsKnownAndHasItsRequiredFields() {
		for (Manifest m : manifests) {
			switch (m.kind()) {
				case "Deployment" -> checkDeployment(m);
				case "Service" -> checkService(m);
				case "HorizontalPodAutoscaler" -> checkHpa(m);
				case "PodDisruptionBudget" -> checkPdb(m);
				case "PersistentVolumeClaim" -> checkPvc(m);
				case "Secret" -> checkSecret(m);
				case "Kustomization" -> checkKustomization(m);
				case "ServingRuntime" -> checkServingRuntime(m);
				case "InferenceService" -> checkInferenceService(m);
				default -> fail(m + ": a kind this test has no schema for");
			}
		}
	}

	@Test
	void theExpectedManifestsArePresent() {
		assertThat(manifests).extracting(Manifest::kind)
			.contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
					"PersistentVolumeClaim", "Secret", "Kustomization", "ServingRuntime", "InferenceService");
		assertThat(deployments()).extracting((m) -> m.file().getFileName().toString())
			.containsExactlyInAnyOrder("deployment.yaml", "deployment-readonly.yaml");
	}

	@Test
	void theServiceHpaAndPdbPointAtTheDeployments() {
		for (Manifest service : ofKind("Service")) {
			Map<String, Object> selector = map(get(service.doc(), "spec.selector"));
			for (Manifest deployment : deployments()) {
				assertThat(podLabels(deployment)).as(service + " selects the pods of " + deployment)
					.containsAllEntriesOf(selector);
				List<Integer> containerPorts = containers(deployment).stream()
					.flatMap((c) -> list(c.get("ports")).stream())
					.map((p) -> (Integer) map(p).get("containerPort"))
					.toList();
				for (Object port : list(get(service.doc(), "spec.ports"))) {
					assertThat(map(port).get("targetPort")).as(service + ": targetPort").isIn(containerPorts.toArray());
				}
			}
		}
		List<String> deploymentNames = deployments().stream().map(Manifest::name).toList();
		for (Manifest hpa : ofKind("HorizontalPodAutoscaler")) {
			assertThat(str(hpa.doc(), "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
			assertThat(str(hpa.doc(), "spec.scaleTargetRef.name")).as(hpa + ": scaleTargetRef").isIn(deploymentNames);
		}
		for (Manifest pdb : ofKind("PodDisruptionBudget")) {
			Map<String, Object> selector = map(get(pdb.doc(), "spec.selector.matchLabels"));
			for (Manifest deployment : deployments()) {
				assertThat(podLabels(deployment)).as(pdb + " selects the pods of " + deployment)
					.containsAllEntriesOf(selector);
			}
			assertThat((Integer) get(pdb.doc(), "spec.minAvailable")).as(pdb + ": minAvailable")
				.isLessThan((Integer) get(deployments().get(0).doc(), "spec.replicas"));
		}
	}

	@Test
	void theSecretAndTheClaimTheDeploymentUsesExist() {
		Manifest deployment = plainDeployment();
		List<String> secrets = ofKind("Secret").stream().map(Manifest::name).toList();
		for (Map<String, Object> env : env(mainContainer(deployment))) {
			Object ref = get(env, "valueFrom.secretKeyRef.name");
			if (ref != null) {
				assertThat(ref).as(deployment + ": secret of " + env.get("name")).isIn(secrets);
			}
		}
		List<String> claims = ofKind("PersistentVolumeClaim").stream().map(Manifest::name).toList();
		for (Object volume : list(get(deployment.doc(), "spec.template.spec.volumes"))) {
			Object claim = get(map(volume), "persistentVolumeClaim.claimName");
			if (claim != null) {
				assertThat(claim).as(deployment + ": claim").isIn(claims);
			}
		}
	}

	@Test
	void theDeploymentsAgreeWithTheDockerfile() {
		int exposed = Integer.parseInt(group(dockerfile, "(?m)^EXPOSE\\s+(\\d+)"));
		int uid = Integer.parseInt(group(dockerfile, "useradd[^\\n]*--uid\\s+(\\d+)"));
		String modelsDir = group(dockerfile, "NNFS_MODELS_DIR=(\\S+)");
		String healthcheck = group(dockerfile, "(?s)HEALTHCHECK.*?http://localhost:" + exposed + "(/\\S+)");
		assertThat(healthcheck).as("the Dockerfile's HEALTHCHECK").isEqualTo(READINESS);

		for (Manifest deployment : deployments()) {
			Map<String, Object> container = mainContainer(deployment);
			assertThat(list(container.get("ports"))).as(deployment + ": container port = EXPOSE")
				.extracting((p) -> map(p).get("containerPort"))
				.containsExactly(exposed);
			assertThat(get(deployment.doc(), "spec.template.spec.securityContext.runAsUser"))
				.as(deployment + ": runAsUser = the Dockerfile's useradd --uid")
				.isEqualTo(uid);
			assertThat(str(container, "livenessProbe.httpGet.path")).as(deployment + ": liveness").isEqualTo(LIVENESS);
			assertThat(str(container, "readinessProbe.httpGet.path")).as(deployment + ": readiness")
				.isEqualTo(READINESS)
				.isEqualTo(healthcheck);
			assertThat(str(container, "startupProbe.httpGet.path")).as(deployment + ": startup")
				.isIn(LIVENESS, READINESS);

			String dir = envValue(container, "NNFS_MODELS_DIR");
			assertThat(dir).as(deployment + ": NNFS_MODELS_DIR = the Dockerfile's ENV").isEqualTo(modelsDir);
			assertThat(list(container.get("volumeMounts"))).as(deployment + ": a volume mounted at " + dir)
				.extracting((v) -> map(v).get("mountPath"))
				.contains(dir);
		}
		assertThat(envValue(mainContainer(readOnlyDeployment()), "NNFS_MODELS_WRITABLE")).isEqualTo("false");
		assertThat(list(get(readOnlyDeployment().doc(), "spec.template.spec.initContainers")))
			.as("the read-only deployment fetches its models in an init container")
			.isNotEmpty();
	}

	@Test
	void theImageStartsFromTheAheadOfTimeCacheItsTrainingRunWrites() {
		Matcher run = Pattern.compile("(?m)^RUN (aot-training) (.*)$").matcher(dockerfile);
		assertThat(run.find()).as("the Dockerfile's training run (RUN aot-training ...)").isTrue();
		List<String> training = new ArrayList<>(List.of(run.group(2).trim().split("\\s+")));
		String cache = training.stream()
			.filter((a) -> a.startsWith("-XX:AOTCacheOutput="))
			.map((a) -> a.substring("-XX:AOTCacheOutput=".length()))
			.findFirst()
			.orElse(null);
		assertThat(cache).as("the training run writes a cache (-XX:AOTCacheOutput=...)").isNotBlank();
		assertThat(Path.of("src/main/sh/aot-training")).as("the training script").isRegularFile().isExecutable();
		assertThat(dockerfile).as("the training script is copied into the image")
			.containsPattern("(?m)^COPY [^\\n]*src/main/sh/aot-training[^\\n]* /usr/local/bin/");

		List<String> entrypoint = new ArrayList<>(
				List.of(group(dockerfile, "(?m)^ENTRYPOINT \\[(.*)\\]").replace("\"", "").split(",\\s*")));
		assertThat(entrypoint).as("the ENTRYPOINT uses the cache the training run writes")
			.contains("-XX:AOTCache=" + cache);
		training.remove("-XX:AOTCacheOutput=" + cache);
		entrypoint.remove("-XX:AOTCache=" + cache);
		// what the training records, not how the service runs: no method profiles (their
		// replay slowed the climb after readiness, docs/performance.md "Warm-up")
		assertThat(training).as("the training run records no method profiles")
			.containsSequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");
		training.removeAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"));
		assertThat(training)
			.as("the training run starts the service as the ENTRYPOINT does (the cache needs "
					+ "the same JDK, class path and options)")
			.isEqualTo(entrypoint);

		int trainingAt = run.start();
		assertThat(dockerfile.lastIndexOf("ENV JAVA_TOOL_OPTIONS=")).as("JAVA_TOOL_OPTIONS set before the training run")
			.isBetween(0, trainingAt);
		assertThat(dockerfile.lastIndexOf("\nUSER ")).as("the user set before the training run")
			.isBetween(0, trainingAt);
		String after = dockerfile.substring(trainingAt);
		assertThat(after).as("nothing after the training run changes what the cache was trained with")
			.doesNotContainPattern("(?m)^(FROM|WORKDIR|USER|COPY|ADD) ")
			.doesNotContain("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
	}

	@Test
	void theDeploymentsAreLockedDown() {
		for (Manifest deployment : deployments()) {
			Map<String, Object> pod = map(get(deployment.doc(), "spec.template.spec"));
			assertThat(get(pod, "securityContext.runAsNonRoot")).as(deployment + ": runAsNonRoot").isEqualTo(true);
			for (Object c : concat(list(pod.get("initContainers")), list(pod.get("containers")))) {
				Map<String, Object> container = map(c);
				String what = deployment + ", container " + container.get("name");
				assertThat(get(container, "securityContext.readOnlyRootFilesystem")).as(what).isEqualTo(true);
				assertThat(get(container, "securityContext.allowPrivilegeEscalation")).as(what).isEqualTo(false);
				assertThat(list(get(container, "securityContext.capabilities.drop"))).as(what).contains("ALL");
				for (Object mount : list(container.get("volumeMounts"))) {
					assertThat(volumeNames(pod)).as(what + ": the volume of a mount")
						.contains((String) map(mount).get("name"));
				}
			}
			List<Object> mounts = list(mainContainer(deployment).get("volumeMounts"));
			assertThat(mounts).as(deployment + ": writable paths of a read-only root file system")
				.extracting((v) -> map(v).get("mountPath"))
				.contains("/tmp", group(dockerfile, "cachedir=(\\S+)"));
		}
	}

	@Test
	void theDeploymentsOutlastTheGracefulShutdownAndFitTheMeasuredMemory() {
		Duration drain = Duration
			.parse("PT" + properties.getProperty("spring.lifecycle.timeout-per-shutdown-phase").toUpperCase());
		for (Manifest deployment : deployments()) {
			Map<String, Object> container = mainContainer(deployment);
			int grace = (Integer) get(deployment.doc(), "spec.template.spec.terminationGracePeriodSeconds");
			List<Object> preStop = list(get(container, "lifecycle.preStop.exec.command"));
			assertThat(preStop).as(deployment + ": preStop").isNotEmpty();
			int preStopSleep = Integer.parseInt(String.valueOf(preStop.get(preStop.size() - 1)));
			assertThat(grace).as(deployment + ": terminationGracePeriodSeconds > preStop sleep + drain")
				.isGreaterThan(preStopSleep + (int) drain.toSeconds());
			assertThat(mebibytes(str(container, "resources.limits.memory"))).as(deployment + ": memory limit")
				.isGreaterThanOrEqualTo(600);
			assertThat(mebibytes(str(container, "resources.requests.memory"))).as(deployment + ": memory request")
				.isGreaterThanOrEqualTo(600)
				.isLessThanOrEqualTo(mebibytes(str(container, "resources.limits.memory")));
		}
	}

	@Test
	void theKServeRuntimeServesTheInferenceService() {
		List<String> runtimes = ofKind("ServingRuntime").stream().map(Manifest::name).toList();
		int exposed = Integer.parseInt(group(dockerfile, "(?m)^EXPOSE\\s+(\\d+)"));
		for (Manifest runtime : ofKind("ServingRuntime")) {
			Map<String, Object> container = map(list(get(runtime.doc(), "spec.containers")).get(0));
			assertThat(list(container.get("ports"))).extracting((p) -> map(p).get("containerPort"))
				.containsExactly(exposed);
			assertThat(envValue(container, "NNFS_MODELS_DIR")).isEqualTo("/mnt/models");
			assertThat(envValue(container, "NNFS_MODELS_WRITABLE")).isEqualTo("false");
		}
		for (Manifest isvc : ofKind("InferenceService")) {
			assertThat(str(isvc.doc(), "spec.predictor.model.runtime")).as(isvc + ": runtime").isIn(runtimes);
			String format = str(isvc.doc(), "spec.predictor.model.modelFormat.name");
			Manifest runtime = ofKind("ServingRuntime").stream()
				.filter((r) -> r.name().equals(str(isvc.doc(), "spec.predictor.model.runtime")))
				.findFirst()
				.orElseThrow();
			assertThat(list(get(runtime.doc(), "spec.supportedModelFormats"))).extracting((f) -> map(f).get("name"))
				.as(isvc + ": a format the runtime supports")
				.contains(format);
		}
	}

	// --- the per-kind schema
	// ---------------------------------------------------------------

	private static void checkDeployment(Manifest m) {
		assertThat(m.doc().get("apiVersion")).as(m + ": apiVersion").isEqualTo("apps/v1");
		assertThat(get(m.doc(), "spec.replicas")).as(m + ": spec.replicas").isInstanceOf(Integer.class);
		Map<String, Object> matchLabels = map(get(m.doc(), "spec.selector.matchLabels"));
		assertThat(matchLabels).as(m + ": spec.selector.matchLabels").isNotEmpty();
		assertThat(podLabels(m)).as(m + ": the selector matches the template's labels")
			.containsAllEntriesOf(matchLabels);
		List<Object> containers = list(get(m.doc(), "spec.template.spec.containers"));
		assertThat(containers).as(m + ": containers").isNotEmpty();
		for (Object c : concat(list(get(m.doc(), "spec.template.spec.initContainers")), containers)) {
			assertThat(str(map(c), "name")).as(m + ": container name").isNotBlank();
			assertThat(str(map(c), "image")).as(m + ": container image").isNotBlank();
		}
		for (Object c : containers) {
			List<Object> ports = list(map(c).get("ports"));
			assertThat(ports).as(m + ": container ports").isNotEmpty();
			for (Object p : ports) {
				assertThat(map(p).get("containerPort")).as(m + ": containerPort").isInstanceOf(Integer.class);
			}
		}
	}

	private static void checkService(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("v1");
		assertThat(str(m.doc(), "spec.type")).as(m + ": type").isEqualTo("ClusterIP");
		assertThat(map(get(m.doc(), "spec.selector"))).as(m + ": selector").isNotEmpty();
		List<Object> ports = list(get(m.doc(), "spec.ports"));
		assertThat(ports).as(m + ": ports").isNotEmpty();
		for (Object p : ports) {
			assertThat(map(p)).as(m + ": port").containsKeys("name", "port", "targetPort");
		}
	}

	private static void checkHpa(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("autoscaling/v2");
		assertThat(str(m.doc(), "spec.scaleTargetRef.name")).as(m + ": scaleTargetRef.name").isNotBlank();
		int min = (Integer) get(m.doc(), "spec.minReplicas");
		int max = (Integer) get(m.doc(), "spec.maxReplicas");
		assertThat(min).as(m + ": minReplicas").isPositive().isLessThanOrEqualTo(max);
		assertThat(list(get(m.doc(), "spec.metrics"))).as(m + ": metrics")
			.extracting((x) -> str(map(x), "resource.name"))
			.contains("cpu");
	}

	private static void checkPdb(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("policy/v1");
		assertThat(get(m.doc(), "spec.minAvailable")).as(m + ": minAvailable").isInstanceOf(Integer.class);
		assertThat(map(get(m.doc(), "spec.selector.matchLabels"))).as(m + ": selector").isNotEmpty();
	}

	private static void checkPvc(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("v1");
		assertThat(list(get(m.doc(), "spec.accessModes"))).as(m + ": accessModes").contains("ReadWriteMany");
		assertThat(str(m.doc(), "spec.resources.requests.storage")).as(m + ": storage").isNotBlank();
	}

	private static void checkSecret(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("v1");
		assertThat(map(get(m.doc(), "stringData"))).as(m + ": stringData").containsKey("token");
	}

	private static void checkKustomization(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("kustomize.config.k8s.io/v1beta1");
		List<Object> resources = list(m.doc().get("resources"));
		assertThat(resources).as(m + ": resources").isNotEmpty();
		for (Object resource : resources) {
			assertThat(m.file().resolveSibling((String) resource)).as(m + ": resource " + resource).isRegularFile();
		}
	}

	private static void checkServingRuntime(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("serving.kserve.io/v1alpha1");
		assertThat(list(get(m.doc(), "spec.protocolVersions"))).as(m + ": protocolVersions").contains("v2");
		assertThat(list(get(m.doc(), "spec.supportedModelFormats"))).as(m + ": supportedModelFormats")
			.extracting((f) -> map(f).get("name"))
			.contains("nnfs");
		List<Object> containers = list(get(m.doc(), "spec.containers"));
		assertThat(containers).as(m + ": containers").isNotEmpty();
		assertThat(str(map(containers.get(0)), "image")).as(m + ": image").isNotBlank();
	}

	private static void checkInferenceService(Manifest m) {
		assertThat(m.doc().get("apiVersion")).isEqualTo("serving.kserve.io/v1beta1");
		assertThat(str(m.doc(), "spec.predictor.model.modelFormat.name")).as(m + ": modelFormat").isEqualTo("nnfs");
		assertThat(str(m.doc(), "spec.predictor.model.runtime")).as(m + ": runtime").isNotBlank();
		assertThat(str(m.doc(), "spec.predictor.model.protocolVersion")).as(m + ": protocolVersion").isEqualTo("v2");
		assertThat(str(m.doc(), "spec.predictor.model.storageUri")).as(m + ": storageUri").contains("://");
	}

	// --- helpers
	// ---------------------------------------------------------------------------

	private static List<Manifest> ofKind(String kind) {
		return manifests.stream().filter((m) -> kind.equals(m.kind())).toList();
	}

	private static List<Manifest> deployments() {
		return ofKind("Deployment");
	}

	private static Manifest plainDeployment() {
		return deployments().stream()
			.filter((m) -> m.file().getFileName().toString().equals("deployment.yaml"))
			.findFirst()
			.orElseThrow();
	}

	private static Manifest readOnlyDeployment() {
		return deployments().stream()
			.filter((m) -> m.file().getFileName().toString().equals("deployment-readonly.yaml"))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> podLabels(Manifest deployment) {
		return map(get(deployment.doc(), "spec.template.metadata.labels"));
	}

	private static List<Map<String, Object>> containers(Manifest deployment) {
		return list(get(deployment.doc(), "spec.template.spec.containers")).stream()
			.map(DeployManifestsTests::map)
			.toList();
	}

	private static Map<String, Object> mainContainer(Manifest deployment) {
		List<Map<String, Object>> containers = containers(deployment);
		assertThat(containers).as(deployment + ": one container").hasSize(1);
		return containers.get(0);
	}

	private static List<Map<String, Object>> env(Map<String, Object> container) {
		return list(container.get("env")).stream().map(DeployManifestsTests::map).toList();
	}

	private static String envValue(Map<String, Object> container, String name) {
		return env(container).stream()
			.filter((e) -> name.equals(e.get("name")))
			.map((e) -> (String) e.get("value"))
			.findFirst()
			.orElse(null);
	}

	private static List<String> volumeNames(Map<String, Object> pod) {
		return list(pod.get("volumes")).stream().map((v) -> (String) map(v).get("name")).toList();
	}

	private static int mebibytes(String quantity) {
		Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
		assertThat(m.matches()).as("a quantity in Mi or Gi: " + quantity).isTrue();
		int n = Integer.parseInt(m.group(1));
		return m.group(2).equals("Gi") ? n * 1024 : n;
	}

	private static String group(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as("the Dockerfile matches " + regex).isTrue();
		return m.group(1);
	}

	private static List<Object> concat(List<Object> a, List<Object> b) {
		List<Object> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static Object get(Map<String, Object> doc, String path) {
		Object node = doc;
		for (String key : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(key);
		}
		return node;
	}

	private static String str(Map<String, Object> doc, String path) {
		Object value = get(doc, path);
		return (value != null) ? String.valueOf(value) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		return (node instanceof Map) ? (Map<String, Object>) node : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object node) {
		return (node instanceof List) ? (List<Object>) node : List.of();
	}

}
