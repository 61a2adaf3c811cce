package dev.nnfs.service.network;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Large batches without labels or layer details are written while they are computed
 * ({@link StreamedForwardResponse}): the same bytes as the answer computed in full, and
 * only when every output is proven finite beforehand.
 */
@ApiTest
class StreamedForwardApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NetworkController controller;

	@Autowired
	NetworkBuilder builder;

	@Autowired
	JsonMapper mapper;

	/**
	 * {@code rows} points in [-1, 1)² through 2 → 64 → 64 → 3 (relu, relu, softmax),
	 * seeded weights.
	 */
	static String bigRequest(int rows, String extra) {
		SplittableRandom random = new SplittableRandom(rows);
		StringBuilder sb = new StringBuilder("{\"seed\": 3, \"inputs\": [");
		for (int i = 0; i < rows; i++) {
			sb.append(i == 0 ? "[" : ", [")
				.append(String.format(Locale.ROOT, "%.7g, %.7g", random.nextDouble(-1, 1), random.nextDouble(-1, 1)))
				.append(']');
		}
		return sb
			.append("""
					], "layers": [{"type": "dense", "neurons": 64, "weightScale": 0.5}, {"type": "activation", "name": "relu"},
					 {"type": "dense", "neurons": 64, "weightScale": 0.3}, {"type": "activation", "name": "relu"},
					 {"type": "dense", "neurons": 3, "weightScale": 0.3}, {"type": "activation", "name": "softmax"}]%s}"""
				.formatted(extra))
			.toString();
	}

	private String answer(String body) throws Exception {
		return mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aLargeBatchIsStreamedWithTheBytesOfTheWholeAnswer() throws Exception {
		for (int rows : new int[] { 300, 5_000, 20_011 }) {
			String body = bigRequest(rows, "");
			ForwardRequest request = mapper.readValue(body, ForwardRequest.class);
			assertThat(controller.forward(request)).as("%d rows", rows).isInstanceOf(StreamedForwardResponse.class);
			String whole = mapper.writeValueAsString(NetworkController.whole(builder.build(request)));
			assertThat(answer(body)).as("%d rows", rows).isEqualTo(whole);
		}
	}

	@Test
	void aStreamedAnswerIsACompleteForwardPass() throws Exception {
		JsonNode answer = Json.parse(answer(bigRequest(20_011, "")));
		assertThat(answer.propertyNames()).containsExactly("dtype", "shape", "outputs", "argmax", "confidence", "rng");
		assertThat(Json.floats(answer.get("shape"))).containsExactly(20_011, 3);
		float[][] outputs = Json.floats2d(answer.get("outputs"));
		assertThat(outputs).hasNumberOfRows(20_011);
		for (int r = 0; r < outputs.length; r++) {
			float[] row = outputs[r];
			assertThat(row[0] + row[1] + row[2]).as("row %d sums to 1", r)
				.isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
			int best = row[1] > row[0] ? (row[2] > row[1] ? 2 : 1) : (row[2] > row[0] ? 2 : 0);
			assertThat(answer.get("argmax").get(r).asInt()).isEqualTo(best);
			assertThat(answer.get("confidence").get(r).floatValue()).isEqualTo(row[best]);
		}
		assertThat(answer.get("rng").get("draws").asLong()).isEqualTo(2 * 64 + 64 * 64 + 64 * 3);
	}

	@Test
	void labelsOrLayerDetailsAreAnsweredWhole() throws Exception {
		StringBuilder labels = new StringBuilder(", \"labels\": [");
		for (int i = 0; i < 300; i++) {
			labels.append(i == 0 ? "" : ", ").append(i % 3);
		}
		labels.append(']');
		for (String extra : new String[] { labels.toString(), ", \"returnLayers\": true" }) {
			ForwardRequest request = mapper.readValue(bigRequest(300, extra), ForwardRequest.class);
			assertThat(controller.forward(request)).isInstanceOf(ForwardResponse.class);
		}
	}

	@Test
	void aSpiralWhoseLabelsAreNotScoredIsStreamed() throws Exception {
		// 2 outputs for 3 classes: no loss or accuracy, so nothing needs the whole output
		// first.
		String body = """
				{"seed": 1, "spiral": {"samples": 1000, "classes": 3}, "layers": [{"type": "dense", "neurons": 64},
				 {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64, "weightScale": 0.3},
				 {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 2, "weightScale": 0.3},
				 {"type": "activation", "name": "softmax"}]}""";
		ForwardRequest request = mapper.readValue(body, ForwardRequest.class);
		assertThat(controller.forward(request)).isInstanceOf(StreamedForwardResponse.class);
		assertThat(answer(body)).isEqualTo(mapper.writeValueAsString(NetworkController.whole(builder.build(request))));
	}

	/**
	 * 2,000 rows of {@code [1, 1]} through one dense layer of 1,024 neurons, every weight
	 * {@code w}.
	 */
	private static String wide(String w) {
		String row = "[" + (w + ", ").repeat(1_023) + w + "]";
		return "{\"inputs\": [" + "[1, 1], ".repeat(1_999)
				+ "[1, 1]], \"layers\": [{\"type\": \"dense\", \"neurons\": 1024, " + "\"weights\": [" + row + ", "
				+ row + "]}]}";
	}

	@Test
	void aLargeBatchNotProvenFiniteIsComputedFirst() throws Exception {
		// |x . W| <= 1 * (1e37 + 1e37): past the bound that proves a value finite, though
		// 2e37 is.
		String finite = wide("1e37");
		assertThat(controller.forward(mapper.readValue(finite, ForwardRequest.class)))
			.isInstanceOf(ForwardResponse.class);
		assertThat(Json.parse(answer(finite)).get("outputs").get(1_999).get(1_023).floatValue()).isEqualTo(2e37f);
		// 3e38 + 3e38 overflows: refused before anything is written.
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(wide("3e38")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:non-finite-result"))
			.andExpect(jsonPath("$.resultPointer").value("/outputs/0/0"));
		// 1e36 + 1e36 is proven finite: streamed.
		assertThat(controller.forward(mapper.readValue(wide("1e36"), ForwardRequest.class)))
			.isInstanceOf(StreamedForwardResponse.class);
	}

}
