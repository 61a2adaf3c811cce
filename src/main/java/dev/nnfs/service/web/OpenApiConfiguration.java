package dev.nnfs.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.compute.ComputeProperties;
import dev.nnfs.service.compute.NoComputeSlot;
import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.NonFiniteResultException;
import dev.nnfs.service.problem.ProblemType;
import dev.nnfs.service.problem.Problems;
import dev.nnfs.service.problem.UnknownActivationException;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's shared parts, so that it tells the truth where Swagger UI and
 * generated clients rely on it: number arrays as arrays ({@code Batch}, {@code Matrix},
 * {@code Vector}), the problem body, the activation names as an enum, and every error
 * status each operation can answer, with the problem schema and an example.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM_JSON = "application/problem+json";

	static {
		// A batch travels as JSON arrays, whatever its Java fields are.
		SpringDocUtils.getConfig().replaceWithSchema(FloatBatch.class, ref("Batch"));
		SpringDocUtils.getConfig().replaceWithSchema(DoubleBatch.class, ref("Batch"));
		SpringDocUtils.getConfig().replaceWithSchema(Batch.class, ref("Batch"));
	}

	@Bean
	OpenAPI nnfsOpenApi(Activations activations) {
		Components components = new Components();
		Schema<?> number = new NumberSchema();
		components.addSchemas("Vector",
				new ArraySchema().items(number)
					.minItems(1)
					.description("One sample: a non-empty array of finite numbers"));
		components.addSchemas("Matrix",
				new ArraySchema().items(ref("Vector"))
					.minItems(1)
					.description("A batch of rows: a non-empty array of samples, every row the same length"));
		components.addSchemas("Batch", new Schema<>().oneOf(List.of(ref("Matrix"), ref("Vector")))
			.description(
					"A batch (an array of rows, every row the same length) or a single sample (an array of numbers)"));
		components.addSchemas("ActivationName", new StringSchema()._enum(activations.names())
			.description("The name of an activation of the catalogue (GET /activations)"));
		components.addSchemas("ReturnLayers",
				new Schema<>().oneOf(List.of(new BooleanSchema(), new StringSchema()._enum(List.of("all"))))
					.description("false (default): outputs only; true: each layer's weights, biases and dead neurons; "
							+ "\"all\": each layer's outputs too"));
		return new OpenAPI().components(components)
			.info(new Info().title("nnfs forward-pass service")
				.version("0.1")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
				.description(
						"""
								The forward pass of *Neural Networks from Scratch* over JSON: activation functions on batches, \
								the nnfs spiral dataset, and dense-layer + activation pipelines.

								**Numbers.** All arithmetic is float32, as under `nnfs.init()`; dense products are accumulated in \
								float64 and rounded to float32. Responses write each float32 in its shortest round-trip form \
								(`0.33333334`, `1.352058E-4`). Inputs must be finite JSON numbers within the float32 range.

								**Random stream.** `seed` and `skip` reproduce numpy's `np.random.seed(seed)` followed by `skip` \
								discarded standard normals, bit for bit; `rng.draws` in an answer is the position to continue from.

								**Batches.** A batch is a 2-D array, one row per sample; a 1-D array is a single sample and its \
								`outputs` stay 1-D. `argmax` and `confidence` are always one entry per row.

								**Strict input.** Integer fields (`seed`, `skip`, `samples`, `classes`, `neurons`, `inputs`) take \
								whole numbers only (`3` or `3.0`, never `2.9`). Unknown body fields and unknown query parameters \
								are 400s. Every mistake in a body is reported at once, one `errors` entry each with its JSON \
								Pointer. A body needs `Content-Type: application/json`.

								**Pictures.** `GET /spiral?format=svg`, `GET /activations/{name}/plot` and `POST /network/plot` \
								answer `image/svg+xml`; Swagger UI shows them in the response panel.

								**Errors** are `application/problem+json` (RFC 9457) with `errors[].pointer` (JSON Pointer into \
								the body) or `errors[].parameter` (query or path parameter). Limits (body size, values, rows, \
								layers, neurons, weights, spiral points, skip) are configuration; going over one is 413 (body) \
								or 400, naming the limit's property in `limit` and its value in `limitValue`. The compute \
								endpoints answer 503 with `Retry-After` when every compute slot is busy."""));
	}

	/**
	 * Every error status an operation can answer, each with the problem schema and an
	 * example.
	 */
	@Bean
	OpenApiCustomizer errorResponses(ComputeProperties compute, Limits limits, Activations activations,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			// under a gated path, the operations that take no compute slot, and so never
			// answer 503
			Set<String> ungated = handlers.getHandlerMethods()
				.values()
				.stream()
				.filter((method) -> method.hasMethodAnnotation(NoComputeSlot.class)
						&& method.hasMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class))
				.map((method) -> method.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class)
					.operationId())
				.collect(Collectors.toSet());
			for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
					Operation operation = entry.getValue();
					boolean hasBody = operation.getRequestBody() != null;
					boolean gated = compute.paths().stream().anyMatch(path.getKey()::startsWith)
							&& !ungated.contains(operation.getOperationId());
					Map<String, String> errors = new LinkedHashMap<>();
					errors.put("400", "The request is invalid: a body or parameter mistake (`errors` lists each, with "
							+ "its pointer or parameter), an unknown query parameter, or a limit crossed (`limit`, `limitValue`)");
					if (path.getKey().contains("{")) {
						errors.put("404", path.getKey().contains("/models") ? "No model or version of that name"
								: "No activation of that name; `known` lists the names");
					}
					errors.put("405", "The path does not take this method");
					errors.put("406",
							"The Accept header allows nothing this operation answers; `supported` lists what it does");
					if (hasBody) {
						errors.put("413", "The body is larger than nnfs.limits.max-body-size");
						errors.put("415", "The body was not sent as `Content-Type: application/json`");
					}
					if (hasBody && entry.getKey() == PathItem.HttpMethod.POST && !path.getKey().endsWith("/plot")) {
						errors.put("422", "Finite inputs overflowed float32 on the way; `resultPointer` says where");
					}
					if (gated) {
						errors.put("503",
								"Every compute slot is busy, or the computation ran past its deadline; retry after `Retry-After` seconds");
					}
					ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
							: operation.getResponses();
					errors.forEach((code, description) -> {
						ApiResponse response = responses.get(code);
						if (response == null) {
							response = new ApiResponse().description(description);
							responses.addApiResponse(code, response);
						}
						Content content = new Content()
							.addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))
								.addExamples(code, example(code, path.getKey(), hasBody, limits, activations.names())));
						if (path.getKey().startsWith("/v2")) {
							// the protocol's own errors; the framework's (405, 406, a
							// body over the
							// size limit) stay problems
							content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
									new MediaType().schema(ref("ErrorResponse")));
						}
						response.setContent(content);
					});
					operation.setResponses(responses);
				}
			}
			// A float32 is written in its shortest form, which is a JSON number like any
			// other; "format: float"
			// would tell clients to expect something narrower than what JSON parsers
			// read.
			openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::plainNumbers);
			// added here, after springdoc has dropped the schemas nothing referred to yet
			problemSchemas(openApi.getComponents());
			openApi.getComponents().getSchemas().remove("ProblemDetail");
			openApi.getComponents().getSchemas().remove("FloatBatch");
		};
	}

	/** The configured limits as maximums of the fields and parameters they bound. */
	@Bean
	OpenApiCustomizer limitsAsMaximums(Limits limits) {
		return (openApi) -> {
			Map<String, Long> parameters = Map.of("resolution", (long) limits.maxPlotResolution(), "points",
					(long) limits.maxPlotResolution(), "samples", (long) limits.maxSpiralPoints(), "classes",
					(long) limits.maxSpiralPoints(), "skip", limits.maxSkip());
			if (openApi.getPaths() != null) {
				openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
					if (operation.getParameters() != null) {
						operation.getParameters().forEach((parameter) -> {
							Long max = parameters.get(parameter.getName());
							if (max != null && parameter.getSchema() != null) {
								parameter.getSchema().setMaximum(java.math.BigDecimal.valueOf(max));
							}
						});
					}
				}));
			}
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			maximum(schemas, "ForwardRequest", "skip", limits.maxSkip());
			maximum(schemas, "SpiralSpec", "samples", limits.maxSpiralPoints());
			maximum(schemas, "SpiralSpec", "classes", limits.maxSpiralPoints());
			maximum(schemas, "DenseSpec", "neurons", limits.maxNeurons());
			property(schemas, "DenseSpec", "weights", ref("Matrix"));
			property(schemas, "DenseSpec", "biases", ref("Vector"));
			property(schemas, "LayerReport", "weights", ref("Matrix"));
			property(schemas, "LayerReport", "biases", ref("Vector"));
			Schema<?> request = schemas.get("ForwardRequest");
			if (request != null && request.getProperties() != null && request.getProperties().get("layers") != null) {
				request.getProperties().get("layers").setMaxItems(limits.maxLayers());
			}
		};
	}

	private static void property(Map<String, Schema> schemas, String schema, String property, Schema<?> value) {
		Schema<?> s = schemas.get(schema);
		if (s != null && s.getProperties() != null && s.getProperties().containsKey(property)) {
			s.getProperties().put(property, value);
		}
	}

	private static void maximum(Map<String, Schema> schemas, String schema, String property, long max) {
		Schema<?> s = schemas.get(schema);
		if (s != null && s.getProperties() != null && s.getProperties().get(property) != null) {
			s.getProperties().get(property).setMaximum(java.math.BigDecimal.valueOf(max));
		}
	}

	private static void plainNumbers(Schema<?> schema) {
		if (schema == null) {
			return;
		}
		if ("float".equals(schema.getFormat()) || "double".equals(schema.getFormat())) {
			schema.setFormat(null);
		}
		plainNumbers(schema.getItems());
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(OpenApiConfiguration::plainNumbers);
		}
	}

	private static void problemSchemas(Components components) {
		components
			.addSchemas("Violation",
					new ObjectSchema()
						.addProperty("pointer",
								new StringSchema()
									.description("JSON Pointer (RFC 6901) into the body; \"\" is the body"))
						.addProperty("parameter", new StringSchema().description("the query or path parameter"))
						.addProperty("message", new StringSchema().description("what is wrong, for people"))
						.required(List.of("message"))
						.description("One thing wrong with the request, and where: pointer or parameter"));
		components.addSchemas("Problem",
				new ObjectSchema()
					.addProperty("type",
							new StringSchema().format("uri")
								.description("the kind of problem, urn:nnfs:problem:<kind>"))
					.addProperty("title", new StringSchema().description("fixed per type"))
					.addProperty("status", new IntegerSchema().description("the HTTP status"))
					.addProperty("detail", new StringSchema().description("what went wrong, for people"))
					.addProperty("instance", new StringSchema().description("the request path"))
					.addProperty("errors",
							new ArraySchema().items(ref("Violation"))
								.description("every mistake found, each with where"))
					.addProperty("limit",
							new StringSchema()
								.description("limit-exceeded, payload-too-large: the limit's configuration property"))
					.addProperty("limitValue", new IntegerSchema().format("int64").description("the limit's value"))
					.addProperty("known",
							new ArraySchema().items(new StringSchema())
								.description("unknown-activation: the known names"))
					.addProperty("supported",
							new ArraySchema().items(new StringSchema())
								.description("unsupported-media-type, not-acceptable: the media types on offer"))
					.addProperty("resultPointer",
							new StringSchema().description("non-finite-result: where in the answer"))
					.required(List.of("type", "title", "status", "detail"))
					.description("An RFC 9457 problem: every error answer of the service"));
	}

	/** An example of each error, made by the same factory as the real answers. */
	private static Example example(String code, String path, boolean hasBody, Limits limits, List<String> known) {
		String nan = "must be a finite number, not \"NaN\" (NaN and infinities are not allowed, as strings or otherwise)";
		String unknownParameter = "unknown query parameter; this endpoint takes samples, classes, seed, skip, format";
		ProblemDetail problem = switch (code) {
			case "400" -> Problems.invalid(hasBody ? List.of(Violation.at("/inputs/0/1", nan))
					: List.of(Violation.parameter("sample", unknownParameter)), path);
			case "404" -> {
				UnknownActivationException unknown = new UnknownActivationException("swish2", known);
				ProblemDetail p = Problems.create(ProblemType.UNKNOWN_ACTIVATION, HttpStatus.NOT_FOUND,
						unknown.getMessage(), path, List.of(Violation.parameter("name", unknown.getMessage())));
				p.setProperty("known", unknown.known());
				yield p;
			}
			case "405" -> Problems.create(ProblemType.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED,
					"Method PUT is not supported here; use POST.", path, List.of());
			case "406" -> supported(Problems.create(ProblemType.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE,
					"None of the types in Accept ('text/html') is on offer here; this endpoint answers application/json.",
					path, List.of()));
			case "413" -> Problems.limit(LimitExceededException.bodyTooLarge(limits.maxBodySize().toBytes()), path);
			case "415" -> supported(Problems.create(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"This endpoint reads a JSON body: send it with the header 'Content-Type: application/json' (the request "
							+ "had Content-Type 'application/x-www-form-urlencoded'; curl -d sends "
							+ "application/x-www-form-urlencoded unless told otherwise).",
					path, List.of()));
			case "422" -> {
				NonFiniteResultException overflow = new NonFiniteResultException("/outputs/0/0",
						Float.POSITIVE_INFINITY);
				ProblemDetail p = Problems.create(ProblemType.NON_FINITE_RESULT, HttpStatus.UNPROCESSABLE_CONTENT,
						Problems.sentence(overflow.getMessage()), path, List.of());
				p.setProperty("resultPointer", overflow.resultPointer());
				yield p;
			}
			default -> Problems.create(ProblemType.OVERLOADED, HttpStatus.SERVICE_UNAVAILABLE,
					"The service is at capacity: every compute slot is busy and the queue is full. "
							+ "Retry after the time in Retry-After.",
					path, List.of());
		};
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", path);
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return new Example().value(body);
	}

	private static ProblemDetail supported(ProblemDetail problem) {
		problem.setProperty("supported", List.of("application/json"));
		return problem;
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
