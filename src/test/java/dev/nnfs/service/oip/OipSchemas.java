package dev.nnfs.service.oip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas (draft 2020-12) of the Open Inference Protocol's bodies, written from
 * the published specification into {@code src/test/resources/oip/schema/}: a test checks
 * a body against one by name ({@code "infer-response"}, {@code "error"}, ...). Their
 * {@code $id}s live under {@code https://nnfs.dev/oip/schema/}, mapped to the classpath,
 * so {@code defs.json} references resolve without a network.
 */
public final class OipSchemas {

	private static final String BASE = "https://nnfs.dev/oip/schema/";

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaIdResolvers((ids) -> ids.mapPrefix(BASE, "classpath:oip/schema/")));

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	/** The schema names: one file each under {@code oip/schema/}. */
	public static final List<String> NAMES = List.of("server-metadata", "server-live", "server-ready", "model-metadata",
			"model-ready", "infer-request", "infer-response", "error", "repository-index");

	private OipSchemas() {
	}

	/** One line per violation, "location [keyword]: message"; empty when valid. */
	public static List<String> violations(String schema, String json) {
		Schema s = SCHEMAS.computeIfAbsent(schema,
				(name) -> REGISTRY.getSchema(SchemaLocation.of(BASE + name + ".json")));
		return s.validate(json, InputFormat.JSON)
			.stream()
			.map((e) -> e.getInstanceLocation() + " [" + e.getKeyword() + "]: " + e.getMessage())
			.distinct()
			.toList();
	}

	/** Asserts that {@code json} is valid against {@code schema}. */
	public static void assertValid(String schema, String json) {
		assertThat(violations(schema, json)).as("%s against %s", json, schema).isEmpty();
	}

}
