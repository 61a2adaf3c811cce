package dev.nnfs.service.hardening;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * What bounds the heap a request may take (docs/operations.md, "Memory"): the layer
 * output limit holds for stored models, over both protocols, as for
 * {@code /network/forward}, and with {@code returnLayers: "all"} it bounds every kept
 * output together.
 */
@ApiTest
class MemoryBoundsApiTests {

	@Autowired
	MockMvc mvc;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String rows(int n) {
		return "[" + "[0.5, -0.25],".repeat(n - 1) + "[0.5, -0.25]]";
	}

	private void saveWide() throws Exception {
		MockHttpServletResponse saved = send(put("/models/wide").contentType(MediaType.APPLICATION_JSON)
			.content("{\"seed\": 0, \"layers\": [{\"type\": \"dense\", \"neurons\": 4096},"
					+ " {\"type\": \"activation\", \"name\": \"relu\"}], \"inputs\": 2}"));
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isIn(200, 201);
	}

	@Test
	void aStoredModelsLayerOutputsAreBoundOverRest() throws Exception {
		saveWide();
		MockHttpServletResponse under = send(json("/models/wide/forward", "{\"inputs\": " + rows(1953) + "}"));
		assertThat(under.getStatus()).isEqualTo(200);
		MockHttpServletResponse over = send(json("/models/wide/forward", "{\"inputs\": " + rows(1954) + "}"));
		assertThat(over.getStatus()).isEqualTo(400);
		JsonNode problem = Json.parse(over.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("limit").asString()).isEqualTo("nnfs.limits.max-layer-output-values");
		assertThat(problem.get("limitValue").asLong()).isEqualTo(8_000_000L);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/inputs");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("1954 rows through layer 0");
	}

	@Test
	void aStoredModelsLayerOutputsAreBoundOverTheInferenceProtocol() throws Exception {
		saveWide();
		String data = "0.5, -0.25, ".repeat(1953) + "0.5, -0.25";
		MockHttpServletResponse over = send(json("/v2/models/wide/infer",
				"{\"inputs\": [{\"name\": \"input\", \"shape\": [1954, 2], \"datatype\": \"FP32\", \"data\": [" + data
						+ "]}]}"));
		assertThat(over.getStatus()).isEqualTo(400);
		String error = Json.parse(over.getContentAsString(StandardCharsets.UTF_8)).get("error").asString();
		assertThat(error).contains("nnfs.limits.max-layer-output-values").contains("8000000").contains("1954 rows");
	}

	@Test
	void keptLayerOutputsAreBoundTogether() throws Exception {
		// 1,000,000 rows × 3 neurons: 3,000,000 values per layer, each under the limit;
		// returning all three (dense, relu, dense) keeps 9,000,000, over it
		String network = "\"spiral\": {\"samples\": 250000, \"classes\": 4}, \"layers\": [{\"type\": \"dense\","
				+ " \"neurons\": 3}, {\"type\": \"activation\", \"name\": \"relu\"}, {\"type\": \"dense\", \"neurons\": 3}]";
		MockHttpServletResponse over = send(json("/network/forward", "{" + network + ", \"returnLayers\": \"all\"}"));
		assertThat(over.getStatus()).isEqualTo(400);
		JsonNode problem = Json.parse(over.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("limit").asString()).isEqualTo("nnfs.limits.max-layer-output-values");
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/layers/2");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("returnLayers: all");
	}

}
