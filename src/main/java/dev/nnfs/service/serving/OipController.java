package dev.nnfs.service.serving;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.compute.DeadlineExceededException;
import dev.nnfs.service.compute.ComputeProperties;
import dev.nnfs.service.compute.NoComputeSlot;
import dev.nnfs.service.compute.OverloadedException;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.model.LoadedVersion;
import dev.nnfs.service.model.Lookup;
import dev.nnfs.service.model.ModelEntry;
import dev.nnfs.service.model.ModelNames;
import dev.nnfs.service.model.ModelState;
import dev.nnfs.service.model.ModelStore;
import dev.nnfs.service.model.ModelStoreException;
import dev.nnfs.service.model.ModelWriteGuard;
import dev.nnfs.service.model.VersionEntry;
import dev.nnfs.service.network.Network;
import dev.nnfs.service.network.NetworkBuilder;
import dev.nnfs.service.oip.Classification;
import dev.nnfs.service.oip.Datatype;
import dev.nnfs.service.oip.EncodedResponse;
import dev.nnfs.service.oip.ErrorResponse;
import dev.nnfs.service.oip.Health;
import dev.nnfs.service.oip.InferInput;
import dev.nnfs.service.oip.InferRequest;
import dev.nnfs.service.oip.InferRequestReader;
import dev.nnfs.service.oip.InferResponse;
import dev.nnfs.service.oip.InferResponseWriter;
import dev.nnfs.service.oip.ModelMetadata;
import dev.nnfs.service.oip.ModelSignature;
import dev.nnfs.service.oip.OipException;
import dev.nnfs.service.oip.OutputTensor;
import dev.nnfs.service.oip.RepositoryModel;
import dev.nnfs.service.oip.RequestedOutput;
import dev.nnfs.service.oip.ServerMetadata;
import dev.nnfs.service.oip.TensorMetadata;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.serving.ModelMetrics.Protocol;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Inference Protocol v2 (KServe, Triton and MLServer clients) over the saved
 * models and, under their own names, the activations: server and model metadata and
 * health, inference in JSON and with Triton's binary tensor data, classification, and the
 * model repository extension. Errors on these routes are {@code {"error": "..."}} as the
 * protocol has them. A saved model of an activation's name hides the built-in one.
 */
@RestController
@Tag(name = "open inference protocol v2",
		description = "KServe / Triton / MLServer clients: the saved models, and every activation as a built-in model")
class OipController {

	/** The request parameters the protocol itself uses; the rest go to an activation. */
	private static final Set<String> PROTOCOL_PARAMETERS = Set.of("binary_data_output", "headers", "timeout");

	private static final String VERSION = "1";

	static final String BOOK_INFER = """
			{"id": "book-1", "inputs": [{"name": "input", "shape": [2, 2], "datatype": "FP32", "data": [[0.1, 0.2], [-0.5, 0.3]]}],
			 "outputs": [{"name": "output", "parameters": {"classification": 2}}, {"name": "argmax"}]}""";

	private final ModelStore<StoredModel> store;

	private final Activations activations;

	private final ModelWriteGuard guard;

	private final ModelMetrics metrics;

	private final ApplicationAvailability availability;

	private final Limits limits;

	private final String retryAfter;

	private final InferRequestReader reader;

	private final InferResponseWriter writer = new InferResponseWriter();

	OipController(ModelStore<StoredModel> store, Activations activations, ModelWriteGuard guard, ModelMetrics metrics,
			ApplicationAvailability availability, Limits limits, ComputeProperties compute) {
		this.retryAfter = compute.retryAfterHeader();
		this.store = store;
		this.activations = activations;
		this.guard = guard;
		this.metrics = metrics;
		this.availability = availability;
		this.limits = limits;
		this.reader = new InferRequestReader(limits.maxValues(), limits.maxBodySize().toBytes());
	}

	@GetMapping(path = "/v2", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "oipServerMetadata", summary = "Server metadata: name, version, extensions")
	@ApiResponse(responseCode = "200", description = "the server",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "this service",
					value = "{\"name\":\"nnfs-service\",\"version\":\"1\",\"extensions\":[\"binary_tensor_data\",\"classification\",\"model_repository\"]}")))
	ServerMetadata server() {
		return new ServerMetadata("nnfs-service", VERSION, ServerMetadata.EXTENSIONS);
	}

	@GetMapping(path = "/v2/health/live", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "oipServerLive", summary = "Whether the server is live")
	@ApiResponse(responseCode = "200", description = "live",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "live", value = "{\"live\":true}")))
	Health live() {
		return Health.serverLive();
	}

	@GetMapping(path = "/v2/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "oipServerReady", summary = "Whether the server is ready (503 while it is not)")
	@ApiResponse(responseCode = "200", description = "ready")
	@ApiResponse(responseCode = "503", description = "not ready yet")
	@ApiResponse(responseCode = "200", description = "ready",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "ready", value = "{\"ready\":true}")))
	ResponseEntity<Health> ready() {
		boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
		return ResponseEntity.status(ready ? 200 : 503).body(new Health(null, null, ready));
	}

	@GetMapping(path = "/v2/models/{model}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "oipModelVersionMetadata", summary = "A model's metadata: versions, platform, tensors")
	@ApiResponse(responseCode = "503", description = "the model is not served",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "200", description = "the metadata",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "the book's network",
					value = "{\"name\":\"book\",\"versions\":[\"1\"],\"platform\":\"nnfs\",\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],\"outputs\":[{\"name\":\"output\",\"datatype\":\"FP32\",\"shape\":[-1,3]},{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"confidence\",\"datatype\":\"FP32\",\"shape\":[-1]}]}")))
	ModelMetadata versionMetadata(@Parameter(example = "book") @PathVariable String model,
			@Parameter(example = "1") @PathVariable String version) {
		return metadataOf(model, version);
	}

	@GetMapping(path = "/v2/models/{model}", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "oipModelMetadata", summary = "A model's metadata: versions, platform, tensors")
	@ApiResponse(responseCode = "503", description = "the model is not served",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "200", description = "the metadata",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "the book's network",
					value = "{\"name\":\"book\",\"versions\":[\"1\"],\"platform\":\"nnfs\",\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],\"outputs\":[{\"name\":\"output\",\"datatype\":\"FP32\",\"shape\":[-1,3]},{\"name\":\"argmax\",\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"confidence\",\"datatype\":\"FP32\",\"shape\":[-1]}]}")))
	ModelMetadata metadata(@Parameter(example = "book") @PathVariable String model) {
		return metadataOf(model, null);
	}

	private ModelMetadata metadataOf(String model, String version) {
		Target target = target(model, version);
		// the versions a client may ask for by path: the saved model's READY ones
		List<String> versions = new ArrayList<>();
		if (target.stored() == null) {
			versions.add(VERSION);
		}
		else {
			store.model(model)
				.ifPresent((e) -> e.versions()
					.stream()
					.filter((v) -> v.state() == ModelState.READY)
					.forEach((v) -> versions.add(Integer.toString(v.version()))));
		}
		return ModelMetadata.of(model, versions, target.signature(DType.FLOAT32));
	}

	@GetMapping(path = "/v2/models/{model}/versions/{version}/ready", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "oipModelVersionReady", summary = "Whether a model (version) is ready")
	@ApiResponse(responseCode = "503", description = "known, not ready")
	@ApiResponse(responseCode = "200", description = "ready",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "the book's network is ready",
							value = "{\"name\":\"book\",\"ready\":true}")))
	ResponseEntity<Health> versionReady(@Parameter(example = "book") @PathVariable String model,
			@Parameter(example = "1") @PathVariable String version) {
		return modelReadyOf(model, version);
	}

	@GetMapping(path = "/v2/models/{model}/ready", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "oipModelReady", summary = "Whether a model (version) is ready")
	@ApiResponse(responseCode = "503", description = "known, not ready")
	@ApiResponse(responseCode = "200", description = "ready",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "the book's network is ready",
							value = "{\"name\":\"book\",\"ready\":true}")))
	ResponseEntity<Health> modelReady(@Parameter(example = "book") @PathVariable String model) {
		return modelReadyOf(model, null);
	}

	private ResponseEntity<Health> modelReadyOf(String model, String version) {
		try {
			target(model, version);
			return ResponseEntity.ok(Health.modelReady(model, true));
		}
		catch (OipException ex) {
			if (ex.status() == 503) {
				return ResponseEntity.status(503).body(Health.modelReady(model, false));
			}
			throw ex;
		}
	}

	@PostMapping(path = "/v2/models/{model}/versions/{version}/infer")
	@Operation(operationId = "oipInferVersion", summary = "Inference: JSON or binary tensor data", description = """
			One input, `input` (`[n, k]`, FP32 or FP64, or an integer type computed in FP32; `data` nested or \
			flat), and the outputs `output` (`[n, m]`), `argmax` (INT64 `[n]`) and `confidence` (`[n]`). FP64 \
			computes in the float64 mode. `"parameters": {"classification": k}` on `output` answers a BYTES \
			tensor `[n, k]` of `"score:index[:label]"`. With Triton's binary tensor data extension \
			(`Inference-Header-Content-Length`, `binary_data_size`, `binary_data` / `binary_data_output`) \
			tensors travel as little-endian bytes after the JSON header, in the request and the answer \
			(`application/octet-stream`). An activation model takes its parameters (e.g. `alpha`) from the \
			request's `parameters`.""")
	@ApiResponse(responseCode = "200", description = "the outputs, JSON or JSON header + binary tensors", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "the book's model, classification top 2",
					value = """
							{"model_name":"book","model_version":"1","id":"book-1","outputs":[{"name":"output","datatype":"BYTES","shape":[2,2],"data":["0.333341:2:class 2","0.333329:1:class 1","0.333354:2:class 2","0.333323:0:class 0"]},{"name":"argmax","datatype":"INT64","shape":[2],"data":[2,2]}]}""")),
			@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string",
					format = "binary",
					description = "the JSON header (its length in Inference-Header-Content-Length), then each binary output's little-endian bytes")) })
	@ApiResponse(responseCode = "400", description = "the request is wrong; every mistake named",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "404", description = "unknown model or version",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "413", description = "too many values",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "503", description = "not served, or the service is at capacity",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	ResponseEntity<byte[]> inferVersion(@Parameter(example = "book") @PathVariable String model,
			@Parameter(example = "1") @PathVariable String version,
			@Parameter(description = "length of the JSON header when binary tensor data follows") @RequestHeader(
					name = InferRequestReader.HEADER_LENGTH, required = false) String headerLength,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "the book's model, two points, classification top 2",
									value = BOOK_INFER))) @RequestBody byte[] body) {
		return inferOf(model, version, headerLength, body);
	}

	@PostMapping(path = "/v2/models/{model}/infer")
	@Operation(operationId = "oipInfer", summary = "Inference: JSON or binary tensor data", description = """
			One input, `input` (`[n, k]`, FP32 or FP64, or an integer type computed in FP32; `data` nested or \
			flat), and the outputs `output` (`[n, m]`), `argmax` (INT64 `[n]`) and `confidence` (`[n]`). FP64 \
			computes in the float64 mode. `"parameters": {"classification": k}` on `output` answers a BYTES \
			tensor `[n, k]` of `"score:index[:label]"`. With Triton's binary tensor data extension \
			(`Inference-Header-Content-Length`, `binary_data_size`, `binary_data` / `binary_data_output`) \
			tensors travel as little-endian bytes after the JSON header, in the request and the answer \
			(`application/octet-stream`). An activation model takes its parameters (e.g. `alpha`) from the \
			request's `parameters`.""")
	@ApiResponse(responseCode = "200", description = "the outputs, JSON or JSON header + binary tensors", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "the book's model, classification top 2",
					value = """
							{"model_name":"book","model_version":"1","id":"book-1","outputs":[{"name":"output","datatype":"BYTES","shape":[2,2],"data":["0.333341:2:class 2","0.333329:1:class 1","0.333354:2:class 2","0.333323:0:class 0"]},{"name":"argmax","datatype":"INT64","shape":[2],"data":[2,2]}]}""")),
			@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string",
					format = "binary",
					description = "the JSON header (its length in Inference-Header-Content-Length), then each binary output's little-endian bytes")) })
	@ApiResponse(responseCode = "400", description = "the request is wrong; every mistake named",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "404", description = "unknown model or version",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "413", description = "too many values",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "503", description = "not served, or the service is at capacity",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	ResponseEntity<byte[]> infer(@Parameter(example = "book") @PathVariable String model,
			@Parameter(description = "length of the JSON header when binary tensor data follows") @RequestHeader(
					name = InferRequestReader.HEADER_LENGTH, required = false) String headerLength,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "the book's model, two points, classification top 2",
									value = BOOK_INFER))) @RequestBody byte[] body) {
		return inferOf(model, null, headerLength, body);
	}

	private ResponseEntity<byte[]> inferOf(String model, String version, String headerLength, byte[] body) {
		Target target = target(model, version);
		long start = System.nanoTime();
		String outcome = "server_error";
		try {
			InferRequest request = reader.read(body, headerLength, target.signature(null));
			EncodedResponse encoded = writer.write(answer(target, request));
			outcome = "success";
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.parseMediaType(encoded.contentType()));
			if (encoded.headerLength() != null) {
				headers.set(InferRequestReader.HEADER_LENGTH, Integer.toString(encoded.headerLength()));
			}
			return new ResponseEntity<>(encoded.toByteArray(), headers, 200);
		}
		catch (OipException ex) {
			outcome = ex.status() < 500 ? "client_error" : "server_error";
			throw ex;
		}
		finally {
			metrics.record(target.name(), target.version(), Protocol.OIP, outcome, System.nanoTime() - start);
		}
	}

	@PostMapping(path = "/v2/repository/index", produces = MediaType.APPLICATION_JSON_VALUE)
	@NoComputeSlot
	@Operation(operationId = "oipRepositoryIndex",
			summary = "Every model and version with its state (saved models and the built-in activations)")
	@ApiResponse(responseCode = "200", description = "every model version",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					name = "a saved model and the first built-in activations",
					value = "[{\"name\":\"book\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"},{\"name\":\"step\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"},{\"name\":\"linear\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"}]")))
	List<RepositoryModel> index(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "every model", value = "{}"))) @RequestBody(
							required = false) byte[] ignored) {
		List<RepositoryModel> out = new ArrayList<>();
		for (ModelEntry entry : store.models()) {
			for (VersionEntry v : entry.versions()) {
				out.add(new RepositoryModel(entry.name(), Integer.toString(v.version()), state(v.state().name()),
						v.reason() == null ? "" : v.reason()));
			}
		}
		for (Activation a : activations.all()) {
			if (store.model(a.name()).isEmpty()) {
				out.add(new RepositoryModel(a.name(), VERSION, "READY", ""));
			}
		}
		return out;
	}

	@PostMapping("/v2/repository/models/{model}/load")
	@NoComputeSlot
	@Operation(operationId = "oipRepositoryLoad",
			summary = "Load a saved model: read it again from the repository and serve it",
			description = "Needs the admin token when one is configured, as the other writes.")
	@ApiResponse(responseCode = "200", description = "done; no body", content = @Content)
	@ApiResponse(responseCode = "401", description = "an admin token is configured and none was sent",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "403", description = "a wrong token, or the repository is read-only",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	ResponseEntity<Void> load(@Parameter(example = "book") @PathVariable String model,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "no parameters", value = "{}"))) @RequestBody(
									required = false) byte[] ignored) {
		return loadOrUnload(model, authorization, true);
	}

	@PostMapping("/v2/repository/models/{model}/unload")
	@NoComputeSlot
	@Operation(operationId = "oipRepositoryUnload", summary = "Unload a saved model: stop serving it (its files stay)",
			description = "Needs the admin token when one is configured, as the other writes.")
	@ApiResponse(responseCode = "200", description = "done; no body", content = @Content)
	@ApiResponse(responseCode = "401", description = "an admin token is configured and none was sent",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	@ApiResponse(responseCode = "403", description = "a wrong token, or the repository is read-only",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ErrorResponse.class)))
	ResponseEntity<Void> unload(@Parameter(example = "book") @PathVariable String model,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "no parameters", value = "{}"))) @RequestBody(
									required = false) byte[] ignored) {
		return loadOrUnload(model, authorization, false);
	}

	private ResponseEntity<Void> loadOrUnload(String model, String authorization, boolean load) {
		ModelWriteGuard.Decision decision = guard.check(authorization);
		if (!decision.allowed()) {
			throw new OipException(decision.httpStatus(), List.of(decision.reason()));
		}
		if (!ModelNames.isValid(model)) {
			throw OipException.badRequest(ModelNames.RULE);
		}
		try {
			if (load) {
				ModelEntry entry = store.load(model)
					.orElseThrow(() -> OipException.notFound("unknown model '" + model + "'"));
				if (entry.latestReady().isEmpty()) {
					throw OipException.badRequest("model '" + model + "' has no version that loads: " + entry.reason());
				}
			}
			else if (!store.unload(model)) {
				throw OipException.notFound("unknown model '" + model + "'");
			}
		}
		catch (ModelStoreException ex) {
			throw OipException.unavailable("the model repository could not be read");
		}
		return ResponseEntity.ok().build();
	}

	@ExceptionHandler(OipException.class)
	ResponseEntity<ErrorResponse> oipError(OipException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(ex.toResponse());
	}

	@ExceptionHandler(OverloadedException.class)
	ResponseEntity<ErrorResponse> overloaded(OverloadedException ex) {
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, retryAfter)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorResponse("the service is at capacity; retry"));
	}

	@ExceptionHandler(DeadlineExceededException.class)
	ResponseEntity<ErrorResponse> deadline(DeadlineExceededException ex) {
		return ResponseEntity.status(503)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorResponse("the computation ran past the deadline (nnfs.compute.deadline)"));
	}

	private static String state(String modelState) {
		return switch (modelState) {
			case "READY", "LOADING", "UNAVAILABLE" -> modelState;
			default -> "UNAVAILABLE";
		};
	}

	/** What a path names: a saved model's version, or a built-in activation. */
	private Target target(String model, String version) {
		Lookup<StoredModel> lookup;
		if (version == null) {
			lookup = store.lookup(model);
		}
		else {
			int v;
			try {
				v = ModelController.version(version);
			}
			catch (RuntimeException ex) {
				throw OipException.badRequest("version must be a positive integer");
			}
			lookup = store.lookup(model, v);
		}
		if (lookup instanceof Lookup.Found<StoredModel> f) {
			return new Target(f.version().name(), f.version().version(), f.version(), null);
		}
		if (lookup instanceof Lookup.Unavailable<StoredModel> u) {
			throw OipException
				.unavailable("version " + u.version() + " of model '" + model + "' is not served: " + u.reason());
		}
		if (lookup instanceof Lookup.UnknownVersion<StoredModel> u) {
			throw OipException.notFound("model '" + model + "' has no version " + u.version());
		}
		Activation activation = activations.find(model).orElse(null);
		if (activation != null && (version == null || version.equals(VERSION))) {
			return new Target(model, 1, null, activation);
		}
		throw OipException.notFound(activation != null ? "activation '" + model + "' has only version 1"
				: "unknown model '" + dev.nnfs.service.tensor.JsonBody.quote(model) + "'");
	}

	/**
	 * The answer: the requested outputs, computed in the mode of the input's datatype.
	 */
	private InferResponse answer(Target target, InferRequest request) {
		InferInput input = request.inputs().get(0);
		long[] shape = input.shape();
		int rows = shape.length == 2 ? (int) shape[0] : 1;
		int cols = (int) shape[shape.length - 1];
		DType mode = input.computeType() == Datatype.FP64 ? DType.FLOAT64 : DType.FLOAT32;
		Batch out;
		if (target.activation() != null) {
			Activation a = target.activation();
			double[] params = activationParams(a, request.parameters());
			if (mode == DType.FLOAT64) {
				double[] v = input.doubles();
				a.applyInPlace(v, rows, cols, params);
				out = DoubleBatch.of(v, rows, cols);
			}
			else {
				float[] v = input.floats();
				a.applyInPlace(v, rows, cols, params);
				out = FloatBatch.of(v, rows, cols);
			}
		}
		else {
			Network network = target.stored().model().networkFor(mode);
			try {
				NetworkBuilder.checkOutputs(network.layers(), rows, cols, NetworkBuilder.Detail.NONE, limits,
						"/inputs/0/shape");
			}
			catch (LimitExceededException ex) {
				throw OipException.badRequest(ex.getMessage());
			}
			Batch in = mode == DType.FLOAT64 ? DoubleBatch.of(input.doubles(), rows, cols)
					: FloatBatch.of(input.floats(), rows, cols);
			out = network.forward(in, false).get(0);
		}
		checkFinite(out);
		List<RequestedOutput> wantedOutputs = request.outputsFor(List.of("output", "argmax", "confidence"));
		// argmax and confidence only when asked for: a 100,000-row call for "output"
		// alone
		// skips a pass over the whole output.
		Predictions predictions = wantedOutputs.stream().anyMatch((w) -> !w.name().equals("output"))
				? Predictions.of(out) : null;
		List<String> labels = target.stored() == null ? null : target.stored().model().labels();
		List<OutputTensor> outputs = new ArrayList<>();
		for (RequestedOutput wanted : wantedOutputs) {
			OutputTensor tensor = switch (wanted.name()) {
				case "output" -> output(out, wanted, labels);
				case "argmax" -> {
					long[] argmax = new long[rows];
					for (int r = 0; r < rows; r++) {
						argmax[r] = predictions.argmax()[r];
					}
					yield OutputTensor.int64("argmax", new long[] { rows }, argmax);
				}
				default -> predictions.confidence() instanceof FloatBatch f
						? OutputTensor.fp32("confidence", new long[] { rows }, f.values()) : OutputTensor
							.fp64("confidence", new long[] { rows }, ((DoubleBatch) predictions.confidence()).values());
			};
			outputs.add(tensor.withBinary(wanted.binaryData()));
		}
		return new InferResponse(target.name(), Integer.toString(target.version()), request.id(), Map.of(), outputs);
	}

	private static OutputTensor output(Batch out, RequestedOutput wanted, List<String> labels) {
		long[] shape = { out.rows(), out.cols() };
		if (wanted.classification() > 0) {
			return out instanceof FloatBatch f
					? Classification.topK("output", f.values(), out.rows(), out.cols(), wanted.classification(), labels)
					: Classification.topK("output", ((DoubleBatch) out).values(), out.rows(), out.cols(),
							wanted.classification(), labels);
		}
		return out instanceof FloatBatch f ? OutputTensor.fp32("output", shape, f.values())
				: OutputTensor.fp64("output", shape, ((DoubleBatch) out).values());
	}

	private static void checkFinite(Batch out) {
		int i = out.firstNonFinite();
		if (i >= 0) {
			throw new OipException(422, List.of("outputs[" + (i / out.cols()) + "][" + (i % out.cols())
					+ "]: the result overflowed to " + out.value(i) + " from finite inputs"));
		}
	}

	private static double[] activationParams(Activation a, Map<String, Object> parameters) {
		Map<String, Double> given = new LinkedHashMap<>();
		List<String> mistakes = new ArrayList<>();
		for (Map.Entry<String, Object> e : parameters.entrySet()) {
			if (PROTOCOL_PARAMETERS.contains(e.getKey())) {
				continue;
			}
			if (e.getValue() instanceof Number n) {
				given.put(e.getKey(), n.doubleValue());
			}
			else {
				mistakes.add("parameters." + e.getKey() + ": must be a number");
			}
		}
		double[] params = a.resolve(given, (name, message) -> mistakes.add("parameters." + name + ": " + message));
		if (!mistakes.isEmpty()) {
			throw OipException.badRequest(mistakes);
		}
		return params;
	}

	/**
	 * A model as a path names it.
	 *
	 * @param stored the saved version, or null for a built-in activation
	 * @param activation the activation, or null for a saved model
	 */
	private record Target(String name, int version, LoadedVersion<StoredModel> stored, Activation activation) {

		/**
		 * The tensors; {@code mode} null means either FP32 or FP64 input (as the reader
		 * checks it), else the datatype the metadata lists.
		 */
		ModelSignature signature(DType mode) {
			long width = stored == null ? -1 : stored.model().inputs();
			long outWidth = stored == null ? -1 : stored.model().outputs();
			DType shown = mode != null ? mode : stored == null ? DType.FLOAT32 : stored.model().dtype();
			String type = shown == DType.FLOAT64 ? "FP64" : "FP32";
			return new ModelSignature(List.of(new TensorMetadata("input", type, new long[] { -1, width })),
					List.of(new TensorMetadata("output", type, new long[] { -1, outWidth }),
							new TensorMetadata("argmax", "INT64", new long[] { -1 }),
							new TensorMetadata("confidence", type, new long[] { -1 })));
		}

	}

}
