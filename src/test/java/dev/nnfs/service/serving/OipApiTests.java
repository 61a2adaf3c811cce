package dev.nnfs.service.serving;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;
import dev.nnfs.service.oip.OipSchemas;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The Open Inference Protocol v2 through HTTP: every answer checked against the schemas
 * written from the specification ({@code oip/schema/}), the bodies KServe's and Triton's
 * Python clients send ({@code oip/clients/}) answered, and a saved model's numbers the
 * same through both protocols, JSON and binary, FP32 and FP64, with classification.
 */
@ApiTest
class OipApiTests {

	@Autowired
	MockMvc mvc;

	private static final String POINTS = "[[0.0, 0.0], [-0.0053, 0.0096], [0.25, -0.75]]";

	@BeforeEach
	void book() throws Exception {
		if (mvc.perform(get("/models/oipbook")).andReturn().getResponse().getStatus() == 404) {
			mvc.perform(
					put("/models/oipbook").contentType(MediaType.APPLICATION_JSON).content(ModelController.BOOK_MODEL));
		}
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static String body(MockHttpServletResponse r) throws Exception {
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] fixture(String name) throws Exception {
		try (InputStream in = OipApiTests.class.getResourceAsStream("/oip/clients/" + name)) {
			return in.readAllBytes();
		}
	}

	@Test
	void serverAndHealthAnswerAsTheSchemasSay() throws Exception {
		OipSchemas.assertValid("server-metadata", body(send(get("/v2"))));
		OipSchemas.assertValid("server-live", body(send(get("/v2/health/live"))));
		MockHttpServletResponse ready = send(get("/v2/health/ready"));
		assertThat(ready.getStatus()).isEqualTo(200);
		OipSchemas.assertValid("server-ready", body(ready));
		OipSchemas.assertValid("model-metadata", body(send(get("/v2/models/oipbook"))));
		OipSchemas.assertValid("model-metadata", body(send(get("/v2/models/softmax"))));
		OipSchemas.assertValid("model-ready", body(send(get("/v2/models/oipbook/ready"))));
		OipSchemas.assertValid("model-ready", body(send(get("/v2/models/oipbook/versions/1/ready"))));
		JsonNode meta = Json.parse(body(send(get("/v2/models/oipbook"))));
		assertThat(meta.get("platform").asString()).isEqualTo("nnfs");
		assertThat(meta.get("inputs").get(0).get("shape").toString()).isEqualTo("[-1,2]");
		MockHttpServletResponse index = send(post("/v2/repository/index"));
		OipSchemas.assertValid("repository-index", body(index));
		assertThat(body(index)).contains("\"name\":\"oipbook\"").contains("\"name\":\"relu\"");
	}

	@Test
	void errorsAreErrorObjects() throws Exception {
		MockHttpServletResponse unknown = send(get("/v2/models/nosuch"));
		assertThat(unknown.getStatus()).isEqualTo(404);
		OipSchemas.assertValid("error", body(unknown));
		MockHttpServletResponse bad = send(post("/v2/models/oipbook/infer").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 3], \"datatype\": \"FP32\", \"data\": [1, 2, \"x\"]}]}"));
		assertThat(bad.getStatus()).isEqualTo(400);
		OipSchemas.assertValid("error", body(bad));
		assertThat(Json.parse(body(bad)).get("error").asString()).contains("inputs[0].shape").contains("data");
		assertThat(send(get("/v2/models/oipbook/versions/9")).getStatus()).isEqualTo(404);
	}

	@Test
	void theClientsBodiesAreAnswered() throws Exception {
		// relu of the fixtures' input [[0, 0], [0.1, -0.25], [-0.7, 0.3]] is x where x >
		// 0, else 0
		for (String name : List.of("kserve-json-fp32.json", "triton-json-fp32.json")) {
			MockHttpServletResponse r = send(
					post("/v2/models/relu/infer").contentType(MediaType.APPLICATION_JSON).content(fixture(name)));
			assertThat(r.getStatus()).as(name).isEqualTo(200);
			OipSchemas.assertValid("infer-response", body(r));
			JsonNode output = Json.parse(body(r)).get("outputs").get(0);
			assertThat(output.get("data").toString()).as(name).isEqualTo("[0.0,0.0,0.1,0.0,0.0,0.3]");
		}
		for (String name : List.of("triton-binary-fp32.bin", "kserve-binary-fp32.bin",
				"triton-binary-fp64-classification.bin")) {
			String length = new String(fixture("inference-header-content-length.properties"), StandardCharsets.UTF_8)
				.lines()
				.filter((l) -> l.startsWith(name + "="))
				.findFirst()
				.orElseThrow()
				.substring(name.length() + 1);
			// the classification fixture sends leaky_relu's alpha as a request parameter
			MockHttpServletRequestBuilder request = post(
					name.contains("classification") ? "/v2/models/leaky_relu/infer" : "/v2/models/relu/infer")
				.header("Inference-Header-Content-Length", length)
				.content(fixture(name));
			if (name.startsWith("kserve")) {
				request = request.contentType(MediaType.APPLICATION_OCTET_STREAM);
			}
			MockHttpServletResponse r = send(request);
			assertThat(r.getStatus()).as(name + ": " + body(r)).isEqualTo(200);
			int header = Integer.parseInt(r.getHeader("Inference-Header-Content-Length"));
			byte[] bytes = r.getContentAsByteArray();
			String json = new String(bytes, 0, header, StandardCharsets.UTF_8);
			OipSchemas.assertValid("infer-response", json);
			JsonNode first = Json.parse(json).get("outputs").get(0);
			if (name.contains("classification")) {
				// FP64 relu with alpha ignored; top 2 of each row as "score:index"
				assertThat(first.get("datatype").asString()).isEqualTo("BYTES");
				continue;
			}
			float[] values = new float[6];
			ByteBuffer.wrap(bytes, header, 24).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
			assertThat(values).as(name).containsExactly(0f, 0f, 0.1f, 0f, 0f, 0.3f);
		}
	}

	@Test
	void theSavedModelGivesTheSameNumbersThroughBothProtocols() throws Exception {
		JsonNode rest = Json.parse(body(send(post("/models/oipbook/forward").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": " + POINTS + "}"))));
		String expected = rest.get("outputs").toString().replace("[[", "[").replace("]]", "]").replace("],[", ",");

		String nested = "{\"inputs\": [{\"name\": \"input\", \"shape\": [3, 2], \"datatype\": \"FP32\", \"data\": "
				+ POINTS + "}]}";
		String flat = "{\"inputs\": [{\"name\": \"input\", \"shape\": [3, 2], \"datatype\": \"FP32\", \"data\": "
				+ POINTS.replace("[[", "[").replace("]]", "]").replace("], [", ", ") + "}]}";
		for (String request : List.of(nested, flat)) {
			MockHttpServletResponse r = send(
					post("/v2/models/oipbook/infer").contentType(MediaType.APPLICATION_JSON).content(request));
			OipSchemas.assertValid("infer-response", body(r));
			JsonNode answer = Json.parse(body(r));
			assertThat(answer.get("model_version").asString()).isEqualTo("1");
			assertThat(answer.get("outputs").get(0).get("data").toString()).isEqualTo(expected);
			assertThat(answer.get("outputs").get(1).get("data").toString()).isEqualTo(rest.get("argmax").toString());
		}

		// binary in, binary out: FP32 bytes
		float[] in = { 0f, 0f, -0.0053f, 0.0096f, 0.25f, -0.75f };
		String header = "{\"inputs\":[{\"name\":\"input\",\"shape\":[3,2],\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":24}}],"
				+ "\"outputs\":[{\"name\":\"output\",\"parameters\":{\"binary_data\":true}}]}";
		ByteBuffer bytes = ByteBuffer.allocate(header.length() + 24).order(ByteOrder.LITTLE_ENDIAN);
		bytes.put(header.getBytes(StandardCharsets.UTF_8));
		for (float f : in) {
			bytes.putFloat(f);
		}
		MockHttpServletResponse r = send(post("/v2/models/oipbook/infer")
			.header("Inference-Header-Content-Length", Integer.toString(header.length()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.content(bytes.array()));
		assertThat(r.getContentType()).startsWith("application/octet-stream");
		int length = Integer.parseInt(r.getHeader("Inference-Header-Content-Length"));
		float[] out = new float[9];
		ByteBuffer.wrap(r.getContentAsByteArray(), length, 36).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
		List<String> printed = new ArrayList<>();
		for (float f : out) {
			printed.add(Float.toString(f));
		}
		assertThat(Arrays.toString(out).replace(" ", "")).isEqualTo(expected);

		// classification: top 2 with the model's labels
		MockHttpServletResponse c = send(post("/v2/models/oipbook/infer").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [{\"name\": \"input\", \"shape\": [3, 2], \"datatype\": \"FP32\", \"data\": "
					+ POINTS + "}], \"outputs\": [{\"name\": \"output\", \"parameters\": {\"classification\": 2}}]}"));
		OipSchemas.assertValid("infer-response", body(c));
		JsonNode classes = Json.parse(body(c)).get("outputs").get(0);
		assertThat(classes.get("shape").toString()).isEqualTo("[3,2]");
		String top = classes.get("data").get(0).asString();
		int best = rest.get("argmax").get(0).asInt();
		assertThat(top).endsWith(":" + best + ":class " + best);
		assertThat(Double.parseDouble(top.substring(0, top.indexOf(':'))))
			.isCloseTo(rest.get("confidence").get(0).doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void fp64ComputesInTheFloat64Mode() throws Exception {
		JsonNode rest = Json.parse(body(send(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"dtype": "float64", "inputs": [[0.25, -1.5]],
							 "layers": [{"type": "dense", "weights": [[0.1, -0.2], [0.4, 0.5]]}, {"type": "activation", "name": "softmax"}]}"""))));
		mvc.perform(put("/models/oip64").contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
									{"dtype": "float64", "inputs": 2,
							"layers": [{"type": "dense", "weights": [[0.1, -0.2], [0.4, 0.5]]}, {"type": "activation", "name": "softmax"}]}"""));
		MockHttpServletResponse r = send(post("/v2/models/oip64/infer").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 2], \"datatype\": \"FP64\", \"data\": [0.25, -1.5]}]}"));
		OipSchemas.assertValid("infer-response", body(r));
		JsonNode output = Json.parse(body(r)).get("outputs").get(0);
		assertThat(output.get("datatype").asString()).isEqualTo("FP64");
		assertThat(output.get("data").toString()).isEqualTo(rest.get("outputs").get(0).toString());
	}

	@Test
	void unloadStopsServingAndLoadBringsItBack() throws Exception {
		mvc.perform(put("/models/toggled").contentType(MediaType.APPLICATION_JSON).content(ModelController.BOOK_MODEL));
		assertThat(send(post("/v2/repository/models/toggled/unload")).getStatus()).isEqualTo(200);
		assertThat(send(get("/v2/models/toggled/ready")).getStatus()).isEqualTo(503);
		assertThat(send(post("/v2/repository/models/toggled/load")).getStatus()).isEqualTo(200);
		assertThat(send(get("/v2/models/toggled/ready")).getStatus()).isEqualTo(200);
		OipSchemas.assertValid("error", body(send(post("/v2/repository/models/nothere/load"))));
	}

	@Test
	void fp64OnTheBooksModelIsTheFloat64ForwardPassWithTheStoredWeights() throws Exception {
		// an FP64 call widens the float32 model's weights exactly; /network/forward gets
		// the same doubles written out
		JsonNode stored = Json.parse(body(send(get("/models/oipbook/versions/1"))));
		JsonNode layers = stored.get("layers");
		String network = "{\"dtype\": \"float64\", \"inputs\": " + POINTS + ", \"layers\": ["
				+ "{\"type\": \"dense\", \"weights\": " + widened(layers.get(0).get("weights"))
				+ "}, {\"type\": \"activation\", \"name\": \"relu\"}, " + "{\"type\": \"dense\", \"weights\": "
				+ widened(layers.get(2).get("weights")) + "}, {\"type\": \"activation\", \"name\": \"softmax\"}]}";
		JsonNode rest = Json
			.parse(body(send(post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(network))));
		MockHttpServletResponse r = send(post("/v2/models/oipbook/infer").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [{\"name\": \"input\", \"shape\": [3, 2], \"datatype\": \"FP64\", \"data\": "
					+ POINTS + "}]}"));
		OipSchemas.assertValid("infer-response", body(r));
		JsonNode output = Json.parse(body(r)).get("outputs").get(0);
		assertThat(output.get("datatype").asString()).isEqualTo("FP64");
		String expected = rest.get("outputs").toString().replace("[[", "[").replace("]]", "]").replace("],[", ",");
		assertThat(output.get("data").toString()).isEqualTo(expected);
	}

	/** float32 weights as the exact decimals of their float64 widening. */
	private static String widened(JsonNode matrix) {
		List<String> rows = new ArrayList<>();
		for (JsonNode row : matrix) {
			List<String> values = new ArrayList<>();
			row.forEach((v) -> values.add(Double.toString((double) Float.parseFloat(v.asString()))));
			rows.add("[" + String.join(",", values) + "]");
		}
		return "[" + String.join(",", rows) + "]";
	}

}
