package dev.nnfs.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.OpenApiContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The OpenAPI document the service serves is a valid OpenAPI 3.0 document. */
@ApiTest
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentValidatesAgainstTheOpenApiMetaSchema() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		assertThat(OpenApiContract.violations(document)).isEmpty();
	}

	@Test
	void everyOperationHasAReadableIdExamplesAndItsErrors() throws Exception {
		JsonNode paths = document().get("paths");
		assertThat(paths.has("/error")).as("the container's error page is not an operation").isFalse();
		List<String> seen = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode operation = method.getValue();
				String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				seen.add(name);
				assertThat(operation.get("operationId").asString()).as(name).matches("[a-z][A-Za-z]+");
				// the success answer: 200, or 201 for a save; a 204 has no body to show
				String success = operation.at("/responses/200").isObject() ? "200"
						: operation.at("/responses/201").isObject() ? "201" : "204";
				JsonNode ok = operation.at("/responses/" + success + "/content");
				if (!success.equals("204") && !name.endsWith("/load") && !name.contains("{model}/unload")) {
					assertThat(ok.isObject()).as(name + " documents its answer").isTrue();
					assertThat(ok.findValues("examples")).as(name + " has an answer example").isNotEmpty();
				}
				else {
					assertThat(operation.at("/responses/" + success).isObject()).as(name + " documents its answer")
						.isTrue();
				}
				if (operation.has("requestBody")) {
					assertThat(operation.at("/requestBody/content").findValues("examples"))
						.as(name + " has a request example")
						.isNotEmpty();
					assertThat(operation.at("/responses/415/content/application~1problem+json/schema/$ref").asString())
						.as(name)
						.isEqualTo("#/components/schemas/Problem");
				}
				for (String status : List.of("400", "405", "406")) {
					assertThat(operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
						.asString()).as(name + " " + status).isEqualTo("#/components/schemas/Problem");
				}
			}
		}
		assertThat(paths.at("/~1activations~1{name}/get/responses").has("503"))
			.as("a catalogue entry takes no compute slot")
			.isFalse();
		assertThat(paths.at("/~1activations~1{name}/post/responses").has("503")).isTrue();
		assertThat(seen).contains("GET /activations", "GET /activations/{name}", "POST /activations/{name}",
				"GET /activations/{name}/plot", "GET /spiral", "POST /network/forward", "POST /network/plot");
	}

	@Test
	void numberArraysAreArrays() throws Exception {
		JsonNode schemas = document().at("/components/schemas");
		assertThat(schemas.has("FloatBatch")).isFalse();
		assertThat(schemas.at("/Batch/oneOf").findValuesAsString("$ref")).containsExactly("#/components/schemas/Matrix",
				"#/components/schemas/Vector");
		assertThat(schemas.at("/ActivationResponse/properties/outputs/$ref").asString())
			.isEqualTo("#/components/schemas/Batch");
		assertThat(schemas.at("/ForwardResponse/properties/outputs/$ref").asString())
			.isEqualTo("#/components/schemas/Batch");
		assertThat(schemas.at("/DenseSpec/properties/weights/$ref").asString())
			.isEqualTo("#/components/schemas/Matrix");
		assertThat(schemas.at("/ActivationName/enum").size()).isGreaterThanOrEqualTo(12);
		assertThat(schemas.at("/SpiralSpec/required").toString()).contains("samples", "classes");
	}

	private JsonNode document() throws Exception {
		return JsonMapper.builder()
			.build()
			.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
	}

	@Test
	void theMetaSchemaCatchesAHeaderWithoutASchema() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		String broken = document.replaceFirst(
				"\"ETag\":\\{\"description\":\"([^\"]*)\",\"style\":\"simple\",\"schema\":\\{\"type\":\"string\"\\}\\}",
				"\"ETag\":{\"description\":\"$1\",\"style\":\"simple\"}");
		assertThat(broken).isNotEqualTo(document);
		List<String> violations = OpenApiContract.violations(broken);
		assertThat(violations).anyMatch((v) -> v.contains("/headers/ETag"));
	}

}
