package dev.nnfs.service.serving;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.compute.NoComputeSlot;
import dev.nnfs.service.model.InvalidModelException;
import dev.nnfs.service.model.LoadedVersion;
import dev.nnfs.service.model.Lookup;
import dev.nnfs.service.model.ModelEntry;
import dev.nnfs.service.model.ModelNames;
import dev.nnfs.service.model.ModelStore;
import dev.nnfs.service.model.ModelStoreException;
import dev.nnfs.service.model.ModelWriteGuard;
import dev.nnfs.service.model.VersionEntry;
import dev.nnfs.service.network.ForwardResponse;
import dev.nnfs.service.network.NetworkBuilder;
import dev.nnfs.service.network.NetworkBuilder.Plan;
import dev.nnfs.service.network.NetworkController;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.ProblemException;
import dev.nnfs.service.problem.ProblemType;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.serving.ModelMetrics.Protocol;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /models}: networks saved once under a name, versioned in the repository
 * ({@link ModelStore}), and called by name. Writes need the admin token when one is
 * configured ({@link ModelWriteGuard}); reads and calls do not.
 */
@RestController
@Tag(name = "models", description = "Networks saved once under a name and called by name")
class ModelController {

	private static final Logger log = LoggerFactory.getLogger(ModelController.class);

	static final String BOOK_MODEL = """
			{"description": "the nnfs book's network: spiral 2 → dense 3 → relu → dense 3 → softmax, seed 0",
			 "inputs": 2, "labels": ["class 0", "class 1", "class 2"], "seed": 0, "skip": 300,
			 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}""";

	private final ModelStore<StoredModel> store;

	private final ModelService models;

	private final ModelWriteGuard guard;

	private final ModelMetrics metrics;

	private final Limits limits;

	ModelController(ModelStore<StoredModel> store, ModelService models, ModelWriteGuard guard, ModelMetrics metrics,
			Limits limits) {
		this.limits = limits;
		this.store = store;
		this.models = models;
		this.guard = guard;
		this.metrics = metrics;
	}

	@PutMapping(path = "/models/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "saveModel", summary = "Save a network as the model's next version", description = """
			Checks the network as `/network/forward` does (every mistake at once, with its pointer), draws the \
			weights of dense layers that have none from `seed` and `skip` (as `/network/forward` would, without \
			a spiral), and stores the result with explicit weights as version *n + 1* of the model. The answer \
			is 201 with `Location: /models/{name}/versions/{v}` and the version's metadata.

			* `inputs`: the width of an input row; `labels`: optional names of the outputs (for classification); \
			`dtype`: `float32` (default) or `float64`; `description`: free text.
			* Names match `[A-Za-z0-9][A-Za-z0-9_.-]{0,63}`.
			* Needs `Authorization: Bearer <nnfs.models.admin-token>` when a token is configured (401 without, \
			403 with a wrong one); 403 when `nnfs.models.writable` is false.
			* Saving the book's network with `seed` 0 and `skip` 300 gives the weights `/network/forward` draws \
			for it after its 300-point spiral.""")
	@ApiResponse(responseCode = "401", description = "an admin token is configured and none was sent",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "a wrong token, or the repository is read-only",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "507",
			description = "the repository could not be written (a full disk); nothing was stored",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "201", description = "saved; Location names the new version", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ModelInfo.class),
			examples = @ExampleObject(name = "the book's network saved as version 1",
					value = "{\"name\":\"book\",\"version\":1,\"description\":\"the nnfs book's network: spiral 2 → dense 3 → relu → dense 3 → softmax, seed 0\",\"dtype\":\"float32\",\"inputs\":2,\"outputs\":3,\"labels\":[\"class 0\",\"class 1\",\"class 2\"],\"layers\":[{\"type\":\"dense\",\"inputs\":2,\"neurons\":3},{\"type\":\"activation\",\"name\":\"relu\"},{\"type\":\"dense\",\"inputs\":3,\"neurons\":3},{\"type\":\"activation\",\"name\":\"softmax\"}],\"versions\":[{\"version\":1,\"state\":\"READY\"}]}")))
	ResponseEntity<ModelInfo> save(@Parameter(description = "model name", example = "book") @PathVariable String name,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					name = "the nnfs book's network, weights drawn at seed 0 after the spiral",
					value = BOOK_MODEL))) @RequestBody ModelDefinition definition) {
		authorize(authorization);
		checkName(name);
		StoredModel prepared = models.prepare(definition);
		int version;
		try {
			version = store.save(name, prepared.document());
		}
		catch (InvalidModelException ex) {
			throw new InvalidInputException(List.of(Violation.at(null, ex.reason())));
		}
		catch (ModelStoreException ex) {
			log.warn("Saving model {} failed: {}", name, ex.getMessage());
			throw new ProblemException(ProblemType.STORAGE_FAILURE, HttpStatus.INSUFFICIENT_STORAGE,
					"the model could not be written to the repository; nothing was stored");
		}
		LoadedVersion<StoredModel> saved = store.version(name, version)
			.orElseGet(() -> new LoadedVersion<>(name, version, prepared, "", null));
		return ResponseEntity.created(URI.create("/models/" + name + "/versions/" + version))
			.body(ModelInfo.of(saved, store.model(name).orElse(null)));
	}

	@GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listModels", summary = "Every model in the repository",
			description = "Each model's name, its versions with their state (READY, LOADING, UNAVAILABLE with a reason, UNLOADED), the latest ready version and the model's state.")
	@ApiResponse(responseCode = "200", description = "every model", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @io.swagger.v3.oas.annotations.media.ArraySchema(
					schema = @Schema(implementation = ModelSummary.class)),
			examples = @ExampleObject(name = "two models, one with a broken version",
					value = "[{\"name\":\"book\",\"state\":\"READY\",\"latest\":1,\"versions\":[{\"version\":1,\"state\":\"READY\"},{\"version\":2,\"state\":\"UNAVAILABLE\",\"reason\":\"model.json is not a JSON document of the model's form\"}]},{\"name\":\"nnfs-book\",\"state\":\"READY\",\"latest\":1,\"versions\":[{\"version\":1,\"state\":\"READY\"}]}]")))
	List<ModelSummary> list() {
		return store.models().stream().map(ModelSummary::of).toList();
	}

	@GetMapping(path = "/models/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "getModel", summary = "The latest ready version's metadata",
			description = "Name, version, dtype, input and output widths, labels and layers (without weights).")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "the model or version exists but is not served (its reason in detail)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "200", description = "the metadata", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ModelInfo.class),
			examples = @ExampleObject(name = "the book's network",
					value = "{\"name\":\"book\",\"version\":1,\"description\":\"the nnfs book's network: spiral 2 → dense 3 → relu → dense 3 → softmax, seed 0\",\"dtype\":\"float32\",\"inputs\":2,\"outputs\":3,\"labels\":[\"class 0\",\"class 1\",\"class 2\"],\"layers\":[{\"type\":\"dense\",\"inputs\":2,\"neurons\":3},{\"type\":\"activation\",\"name\":\"relu\"},{\"type\":\"dense\",\"inputs\":3,\"neurons\":3},{\"type\":\"activation\",\"name\":\"softmax\"}],\"versions\":[{\"version\":1,\"state\":\"READY\"}]}")))
	ModelInfo model(@Parameter(description = "model name", example = "book") @PathVariable String name) {
		return ModelInfo.of(found(store.lookup(name), name), store.model(name).orElse(null));
	}

	@GetMapping(path = "/models/{name}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "getModelVersion", summary = "A version's stored definition, weights included",
			description = "The document the repository holds (`<name>/<version>/model.json`); `PUT /models/{name}` accepts it as is.")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "the model or version exists but is not served (its reason in detail)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "200", description = "the stored definition, dense weights explicit",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ModelDefinition.class),
					examples = @ExampleObject(name = "the book's network as stored",
							value = "{\"description\":\"the nnfs book's network: spiral 2 → dense 3 → relu → dense 3 → softmax, seed 0\",\"dtype\":\"float32\",\"inputs\":2,\"labels\":[\"class 0\",\"class 1\",\"class 2\"],\"layers\":[{\"type\":\"dense\",\"inputs\":2,\"neurons\":3,\"weights\":[[-0.013065268,0.016581306,-0.0011816404],[-0.006801782,0.006663831,-0.004607198]],\"biases\":[0.0,0.0,0.0]},{\"type\":\"activation\",\"name\":\"relu\"},{\"type\":\"dense\",\"inputs\":3,\"neurons\":3,\"weights\":[[-0.0133425845,-0.013467174,0.0069377315],[-0.0015957343,-0.0013370157,0.010777437],[-0.011268258,-0.007306777,-0.0038487979]],\"biases\":[0.0,0.0,0.0]},{\"type\":\"activation\",\"name\":\"softmax\"}]}")))
	ResponseEntity<byte[]> definition(
			@Parameter(description = "model name", example = "book") @PathVariable String name,
			@Parameter(description = "version, a positive integer", example = "1") @PathVariable String version) {
		LoadedVersion<StoredModel> found = found(store.lookup(name, version(version)), name);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found.model().document());
	}

	@DeleteMapping("/models/{name}/versions/{version}")
	@NoComputeSlot
	@Operation(operationId = "deleteModelVersion", summary = "Remove a version")
	@ApiResponse(responseCode = "204", description = "removed")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "401", description = "an admin token is configured and none was sent",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "a wrong token, or the repository is read-only",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "507",
			description = "the repository could not be written (a full disk); nothing was stored",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Void> deleteVersion(
			@Parameter(description = "model name", example = "book") @PathVariable String name,
			@Parameter(description = "version", example = "1") @PathVariable String version,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		authorize(authorization);
		int v = version(version);
		checkName(name);
		if (!write(() -> store.deleteVersion(name, v))) {
			throw unknown(name, "version " + v + " of model '" + name + "' does not exist");
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/models/{name}")
	@NoComputeSlot
	@Operation(operationId = "deleteModel", summary = "Remove a model and all its versions")
	@ApiResponse(responseCode = "204", description = "removed")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "401", description = "an admin token is configured and none was sent",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "a wrong token, or the repository is read-only",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "507",
			description = "the repository could not be written (a full disk); nothing was stored",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Void> deleteModel(@Parameter(description = "model name", example = "book") @PathVariable String name,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		authorize(authorization);
		checkName(name);
		if (!write(() -> store.deleteModel(name))) {
			throw unknown(name, "model '" + name + "' does not exist");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/models/{name}/forward", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "forwardModel", summary = "Run the latest ready version on a batch", description = """
			The `/network/forward` answer for the stored layers (`outputs`, `argmax`, `confidence`; `loss` and \
			`accuracy` with `labels`; `layers` with `returnLayers`), plus `model`: the name and version that \
			answered. Every answer comes wholly from one version, also while a new one is being saved.""")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "the model or version exists but is not served (its reason in detail)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "200", description = "the forward pass, with the model and version that answered",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = dev.nnfs.service.network.ForwardResponse.class),
					examples = @ExampleObject(name = "two points through the book's network",
							value = "{\"dtype\":\"float32\",\"shape\":[2,3],\"outputs\":[[0.33333334,0.33333334,0.33333334],[0.3333333,0.3333333,0.33333334]],\"argmax\":[0,2],\"confidence\":[0.33333334,0.33333334],\"model\":{\"name\":\"book\",\"version\":1}}")))
	ForwardResponse forward(@Parameter(description = "model name", example = "book") @PathVariable String name,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					name = "two points of the spiral",
					value = "{\"inputs\": [[0.0, 0.0], [-0.0053, 0.0096]]}"))) @RequestBody ForwardOnModel body) {
		return run(store.lookup(name), name, body);
	}

	@PostMapping(path = "/models/{name}/versions/{version}/forward", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "forwardModelVersion", summary = "Run one version on a batch",
			description = "As `POST /models/{name}/forward`, with the version named.")
	@ApiResponse(responseCode = "404", description = "no such model or version",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "the model or version exists but is not served (its reason in detail)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "200", description = "the forward pass, with the model and version that answered",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = dev.nnfs.service.network.ForwardResponse.class),
					examples = @ExampleObject(name = "two points through version 1",
							value = "{\"dtype\":\"float32\",\"shape\":[2,3],\"outputs\":[[0.33333334,0.33333334,0.33333334],[0.3333333,0.3333333,0.33333334]],\"argmax\":[0,2],\"confidence\":[0.33333334,0.33333334],\"model\":{\"name\":\"book\",\"version\":1}}")))
	ForwardResponse forwardVersion(@Parameter(description = "model name", example = "book") @PathVariable String name,
			@Parameter(description = "version", example = "1") @PathVariable String version,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					name = "two points of the spiral, with labels",
					value = "{\"inputs\": [[0.0, 0.0], [-0.0053, 0.0096]], \"labels\": [0, 0]}"))) @RequestBody ForwardOnModel body) {
		return run(store.lookup(name, version(version)), name, body);
	}

	private ForwardResponse run(Lookup<StoredModel> lookup, String name, ForwardOnModel body) {
		LoadedVersion<StoredModel> found = found(lookup, name);
		long start = System.nanoTime();
		String outcome = "server_error";
		try {
			ForwardResponse answer = NetworkController.whole(plan(found.model(), body, limits))
				.fromModel(found.name(), found.version());
			outcome = "success";
			return answer;
		}
		catch (InvalidInputException ex) {
			outcome = "client_error";
			throw ex;
		}
		finally {
			metrics.record(found.name(), found.version(), Protocol.REST, outcome, System.nanoTime() - start);
		}
	}

	/** The model's network on the body's data, checked as /network/forward checks it. */
	static Plan plan(StoredModel model, ForwardOnModel body, Limits limits) {
		Violations v = new Violations();
		DoubleBatch given = body.inputs();
		Batch inputs = given;
		if (given.cols() != model.inputs()) {
			v.at("/inputs", "rows have " + given.cols() + " values but the model takes " + model.inputs());
		}
		else if (model.dtype() == DType.FLOAT32) {
			inputs = given.toFloat32("/inputs", v);
		}
		int[] labels = null;
		if (body.labels() != null) {
			labels = NetworkBuilder.labels(body.labels(), given.rows(), model.outputs(), v);
		}
		v.throwIfAny();
		NetworkBuilder.Detail detail = NetworkBuilder.detail(body.returnLayers());
		NetworkBuilder.checkOutputs(model.network().layers(), given.rows(), given.cols(), detail, limits, "/inputs");
		return new Plan(0, model.dtype(), inputs, labels, model.network(), detail, 0);
	}

	private void authorize(String authorization) {
		ModelWriteGuard.Decision decision = guard.check(authorization);
		if (decision == ModelWriteGuard.Decision.MISSING_TOKEN) {
			throw new ProblemException(ProblemType.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, decision.reason(), List.of(),
					Map.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"models\""));
		}
		if (!decision.allowed()) {
			throw new ProblemException(ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN, decision.reason());
		}
	}

	private static boolean write(java.util.function.BooleanSupplier change) {
		try {
			return change.getAsBoolean();
		}
		catch (ModelStoreException ex) {
			log.warn("Changing the model repository failed: {}", ex.getMessage());
			throw new ProblemException(ProblemType.STORAGE_FAILURE, HttpStatus.INSUFFICIENT_STORAGE,
					"the repository could not be changed");
		}
	}

	private static void checkName(String name) {
		if (!ModelNames.isValid(name)) {
			throw new InvalidInputException(List.of(Violation.parameter("name", ModelNames.RULE)));
		}
	}

	static int version(String raw) {
		if (raw.isEmpty() || raw.length() > 9 || !raw.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| raw.charAt(0) == '0') {
			throw new InvalidInputException(
					List.of(Violation.parameter("version", "must be a positive integer without leading zeros, not '"
							+ dev.nnfs.service.tensor.JsonBody.quote(raw) + "'")));
		}
		return Integer.parseInt(raw);
	}

	/** The version a lookup found, or the problem that says why there is none. */
	static LoadedVersion<StoredModel> found(Lookup<StoredModel> lookup, String name) {
		if (lookup instanceof Lookup.Found<StoredModel> f) {
			return f.version();
		}
		if (lookup instanceof Lookup.UnknownVersion<StoredModel> u) {
			throw unknown(name, "version " + u.version() + " of model '" + name + "' does not exist");
		}
		if (lookup instanceof Lookup.Unavailable<StoredModel> u) {
			throw new ProblemException(ProblemType.MODEL_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
					"version " + u.version() + " of model '" + name + "' is " + u.state() + ": " + u.reason());
		}
		throw unknown(name, ModelNames.isValid(name) ? "model '" + name + "' does not exist" : ModelNames.RULE);
	}

	private static ProblemException unknown(String name, String detail) {
		return new ProblemException(ProblemType.UNKNOWN_MODEL, HttpStatus.NOT_FOUND, detail);
	}

	/** One model in the list. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record ModelSummary(String name, @Schema(description = "READY when a version serves") String state,
			@Schema(description = "the highest READY version") Integer latest, List<VersionInfo> versions) {

		static ModelSummary of(ModelEntry e) {
			return new ModelSummary(e.name(), e.state().name(),
					e.latestReady().isPresent() ? e.latestReady().getAsInt() : null,
					e.versions().stream().map(VersionInfo::of).toList());
		}

	}

	/** A version's state, and why it is not served when it is not. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record VersionInfo(int version, String state, String reason) {

		static VersionInfo of(VersionEntry v) {
			return new VersionInfo(v.version(), v.state().name(), v.reason());
		}

	}

	/** A version's metadata: everything but the weights. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record ModelInfo(String name, int version, String description, String dtype, int inputs, int outputs,
			List<String> labels, List<StoredModel.LayerSummary> layers,
			@Schema(description = "every version of the model") List<VersionInfo> versions) {

		static ModelInfo of(LoadedVersion<StoredModel> v, ModelEntry entry) {
			StoredModel m = v.model();
			return new ModelInfo(v.name(), v.version(), m.description(), m.dtype().toString(), m.inputs(), m.outputs(),
					m.labels(), m.layers(),
					entry == null ? null : entry.versions().stream().map(VersionInfo::of).toList());
		}

	}

}
