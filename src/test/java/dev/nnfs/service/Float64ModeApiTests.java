package dev.nnfs.service;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The {@code "dtype": "float64"} mode through HTTP against plain numpy: the seeds'
 * float64 cells as the notebooks print them, and spirals, draws and seeded networks
 * against numpy's own output ({@code golden64/numpy-float64.json}, written by
 * {@code golden64/numpy-float64.py} with numpy 2.4 on glibc 2.36).
 */
@ApiTest
class Float64ModeApiTests {

	private static final JsonNode NUMPY = golden();

	@Autowired
	MockMvc mvc;

	private static JsonNode golden() {
		try (InputStream in = Float64ModeApiTests.class.getResourceAsStream("/golden64/numpy-float64.json")) {
			return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode spiral(String uri) throws Exception {
		org.springframework.test.web.servlet.MvcResult started = mvc.perform(get(uri)).andReturn();
		return Json.parse(
				mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
					.andExpect(status().isOk())
					.andReturn());
	}

	private JsonNode post200(String path, String body) throws Exception {
		return Json.parse(mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn());
	}

	/** A float64 row as numpy prints it with {@code np.set_printoptions(precision=8)}. */
	private static String printed(JsonNode row) {
		List<String> parts = new ArrayList<>();
		for (JsonNode v : row) {
			parts.add(String.format(Locale.ROOT, "%.8f", v.doubleValue()));
		}
		return "[" + String.join(" ", parts) + "]";
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			000 In[13] | [[1, 2, 3]]        | [0.09003057 0.24472847 0.66524096]
			000 In[14] | [[-1, -2, -3]]     | [0.66524096 0.24472847 0.09003057]
			001 In[37] | [[1, 2, 3]]        | [0.09003057 0.24472847 0.66524096]
			001 In[38] | [[-2, -1, 0]]      | [0.09003057 0.24472847 0.66524096]
			001 In[39] | [[0.5, 1, 1.5]]    | [0.18632372 0.30719589 0.50648039]
			""")
	void softmaxListCellsPrintAsTheNotebooks(String cell, String inputs, String notebook) throws Exception {
		JsonNode a = post200("/activations/softmax", "{\"inputs\": " + inputs + ", \"dtype\": \"float64\"}");
		assertThat(a.get("dtype").asString()).isEqualTo("float64");
		assertThat(printed(a.get("outputs").get(0))).as(cell).isEqualTo(notebook);
	}

	@Test
	void seed000In10TwoRowsPrintAsTheNotebook() throws Exception {
		// In[10] divides exp(x) by its row sum without subtracting the maximum; softmax
		// subtracts it, and the printed digits are the same.
		JsonNode a = post200("/activations/softmax", "{\"dtype\": \"float64\", \"inputs\": [[1, 2], [-1, -2]]}");
		assertThat(printed(a.get("outputs").get(0))).isEqualTo("[0.26894142 0.73105858]");
		assertThat(printed(a.get("outputs").get(1))).isEqualTo("[0.73105858 0.26894142]");
	}

	@Test
	void softmaxOfTheSeedRowIsNumpysFloat64BitsInShortestForm() throws Exception {
		// (e / np.sum(e, axis=1, keepdims=True)).tolist() with e = np.exp(x - x.max()),
		// x = [[1., 2., 3.]]: numpy 2.4.6, glibc 2.36, x86-64 without AVX-512
		String body = mvc
			.perform(post("/activations/softmax").contentType(MediaType.APPLICATION_JSON)
				.content("{\"inputs\": [[1, 2, 3]], \"dtype\": \"float64\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).isEqualTo("{\"activation\":\"softmax\",\"dtype\":\"float64\",\"shape\":[1,3],"
				+ "\"outputs\":[[0.09003057317038046,0.24472847105479764,0.6652409557748218]],"
				+ "\"argmax\":[2],\"confidence\":[0.6652409557748218]}");
	}

	@Test
	void softmaxIsWithinOneUlpOfTheContractsExample() throws Exception {
		// The contract's example, [0.09003057317038046, 0.24472847105479767,
		// 0.6652409557748219], is numpy's answer on another platform (its float64 exp
		// differs from glibc's in the last bit); the answer is within 1 ulp of it.
		JsonNode a = post200("/activations/softmax", "{\"inputs\": [[1, 2, 3]], \"dtype\": \"float64\"}");
		double[] other = { 0.09003057317038046, 0.24472847105479767, 0.6652409557748219 };
		for (int i = 0; i < other.length; i++) {
			double v = a.get("outputs").get(0).get(i).doubleValue();
			assertThat(Math.abs(v - other[i])).as("output %d", i).isLessThanOrEqualTo(Math.ulp(other[i]));
		}
	}

	@Test
	void float64KeepsValuesBeyondTheFloat32Range() throws Exception {
		JsonNode a = post200("/activations/relu", "{\"inputs\": [1e300, -1e300, 1e-320], \"dtype\": \"float64\"}");
		assertThat(a.get("outputs").toString()).isEqualTo("[1.0E300,0.0,1.0E-320]");
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [1e300, 2], \"dtype\": \"float32\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].pointer")
				.value("/inputs/0"));
	}

	@Test
	void anUnknownDtypeIsNamedWithTheOtherMistakes() throws Exception {
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [1], \"dtype\": \"float16\", \"params\": {\"beta\": 1}}"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors.length()")
				.value(2))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[1].pointer")
				.value("/dtype"));
		mvc.perform(get("/spiral?dtype=float16")).andExpect(status().isBadRequest());
	}

	@Test
	void spiralIsNumpysFloat64BitForBit() throws Exception {
		JsonNode s = spiral("/spiral?samples=100&classes=3&dtype=float64");
		assertThat(s.get("dtype").asString()).isEqualTo("float64");
		List<Double> actual = new ArrayList<>();
		s.get("inputs").forEach((row) -> row.forEach((v) -> actual.add(v.doubleValue())));
		List<Double> expected = new ArrayList<>();
		NUMPY.get("spiral_100_3_seed0").forEach((v) -> expected.add(Double.parseDouble(v.asString())));
		assertThat(bits(actual)).isEqualTo(bits(expected));
		assertThat(s.get("rng").get("draws").asLong()).isEqualTo(300);
	}

	@Test
	void aLargerSpiralHashesAsNumpys() throws Exception {
		JsonNode s = spiral("/spiral?samples=1000&classes=5&seed=3&dtype=float64");
		ByteBuffer bytes = ByteBuffer.allocate(1000 * 5 * 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
		s.get("inputs").forEach((row) -> row.forEach((v) -> bytes.putDouble(v.doubleValue())));
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())))
			.isEqualTo(NUMPY.get("spiral_1000_5_seed3_sha256").asString());
	}

	@Test
	void spiralCsvWritesShortestDoubles() throws Exception {
		org.springframework.test.web.servlet.MvcResult started = mvc
			.perform(get("/spiral?samples=2&classes=3&dtype=float64&format=csv"))
			.andReturn();
		String csv = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// numpy: repr(X[1]) of the float64 spiral_data(2, 3) at seed 0
		assertThat(csv.lines().skip(2).findFirst()).hasValue("-0.699930829699815,-0.7142106367422209,0");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "book, 0, 0, 0.01", "seed000_in16, 0, 18, 0.1" })
	void seededNetworkIsNumpysWithin1e15(String name, long seed, long skip, double scale) throws Exception {
		JsonNode r = post200("/network/forward",
				"""
						{"dtype": "float64", "seed": %d, "skip": %d, "spiral": {"samples": 100, "classes": 3},
						 "layers": [{"type": "dense", "neurons": 3, "weightScale": %s}, {"type": "activation", "name": "relu"},
						            {"type": "dense", "neurons": 3, "weightScale": %s}, {"type": "activation", "name": "softmax"}],
						 "returnLayers": true}"""
					.formatted(seed, skip, scale, scale));
		JsonNode numpy = NUMPY.get(name);
		assertThat(r.get("dtype").asString()).isEqualTo("float64");
		assertThat(values(r.get("layers").get(0).get("weights"))).as("drawn weights, bit for bit")
			.isEqualTo(doubles(numpy.get("w1")));
		assertThat(values(r.get("layers").get(2).get("weights"))).isEqualTo(doubles(numpy.get("w2")));
		double[] outputs = values(r.get("outputs"));
		double[] expected = doubles(numpy.get("outputs"));
		assertThat(outputs).hasSameSizeAs(expected);
		for (int i = 0; i < outputs.length; i++) {
			assertThat(Math.abs(outputs[i] - expected[i])).as("output %d", i)
				.isLessThanOrEqualTo(1e-15 * Math.abs(expected[i]));
		}
		double loss = Double.parseDouble(numpy.get("loss").asString());
		assertThat(Math.abs(r.get("loss").doubleValue() - loss)).isLessThanOrEqualTo(1e-15 * loss);
		assertThat(r.get("accuracy").doubleValue()).isEqualTo(Double.parseDouble(numpy.get("accuracy").asString()));
	}

	@Test
	void normalDrawsAreNumpysBitForBit() throws Exception {
		// the drawn weights of a 1 → 8 layer with scale 1 are randn(1, 8) itself
		JsonNode r = post200("/network/forward", """
				{"dtype": "float64", "inputs": [[1]], "layers": [{"type": "dense", "neurons": 8, "weightScale": 1}],
				 "returnLayers": true}""");
		assertThat(values(r.get("layers").get(0).get("weights"))).isEqualTo(doubles(NUMPY.get("randn_seed0_first8")));
	}

	@Test
	void thePlotTakesTheDtype() throws Exception {
		mvc.perform(post("/network/plot").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.valueOf("image/svg+xml"))
			.content("""
					{"dtype": "float64", "spiral": {"samples": 20, "classes": 3},
					 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}"""))
			.andExpect(status().isOk());
	}

	private static double[] values(JsonNode batch) {
		List<Double> out = new ArrayList<>();
		batch.forEach((row) -> {
			if (row.isArray()) {
				row.forEach((v) -> out.add(v.doubleValue()));
			}
			else {
				out.add(row.doubleValue());
			}
		});
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double[] doubles(JsonNode strings) {
		List<Double> out = new ArrayList<>();
		strings.forEach((v) -> out.add(Double.parseDouble(v.asString())));
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static List<Long> bits(List<Double> values) {
		return values.stream().map(Double::doubleToRawLongBits).toList();
	}

}
