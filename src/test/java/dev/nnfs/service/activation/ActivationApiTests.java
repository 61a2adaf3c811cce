package dev.nnfs.service.activation;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every activation through HTTP. Expected values are the seed notebooks' printouts, or
 * the formula evaluated here in float64 (independently of the service's kernels) and
 * compared within a few float32 ulps.
 */
@ApiTest
class ActivationApiTests {

	static final double[] SAMPLE = { -100, -7.5, -2, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 2, 7.5, 100 };

	@Autowired
	MockMvc mvc;

	private JsonNode apply(String name, String body) throws Exception {
		return Json
			.parse(mvc.perform(post("/activations/" + name).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_JSON))
				.andReturn());
	}

	@Test
	void softmaxOfTheSeedRowIsNumpysFloat32Result() throws Exception {
		// np.float32 softmax of [[1, 2, 3]] (exp(x - max) / sum, float32 throughout) is
		// 0x3db861f3 0x3e7a9a19 0x3f2a4d3b: shortest forms 0.09003057, 0.24472846,
		// 0.66524094.
		// The notebooks print 0.09003057 0.24472847 0.66524096 because a Python int list
		// takes
		// numpy's float64 path; those are within 2 float32 ulp (see the next test).
		mvc.perform(
				post("/activations/softmax").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\":[[1,2,3]]}"))
			.andExpect(status().isOk())
			.andExpect(content().json(
					"""
							{"activation":"softmax","dtype":"float32","shape":[1,3],"outputs":[[0.09003057,0.24472846,0.66524094]],
							 "argmax":[2],"confidence":[0.66524094]}""",
					org.springframework.test.json.JsonCompareMode.STRICT))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("[[0.09003057,0.24472846,0.66524094]]")));
	}

	@Test
	void softmaxIsShiftInvariantAsInSeed001() throws Exception {
		// In[38]: softmax([[-2, -1, 0]]) prints the same as [[1, 2, 3]]; In[14] of seed
		// 000: [[-1, -2, -3]].
		JsonNode a = apply("softmax", "{\"inputs\":[[-2,-1,0],[-1,-2,-3]]}");
		Json.assertWithinUlps(Json.floats2d(a.get("outputs")),
				new float[][] { { 0.09003057f, 0.24472847f, 0.66524096f }, { 0.66524096f, 0.24472847f, 0.09003057f } },
				2);
		assertThat(a.get("argmax").toString()).isEqualTo("[2,0]");
	}

	@Test
	void softmaxOfLargeInputsIsFiniteAndSumsToOne() throws Exception {
		JsonNode a = apply("softmax", "{\"inputs\":[[1000,1001],[-1000,1000],[3.0e38,-3.0e38]]}");
		float[][] out = Json.floats2d(a.get("outputs"));
		float expected = (float) (1 / (1 + Math.E));
		assertThat(out[0][0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(2 * Math.ulp(expected)));
		for (float[] row : out) {
			double sum = 0;
			for (float v : row) {
				assertThat(Float.isFinite(v)).isTrue();
				sum += v;
			}
			assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
		}
	}

	@Test
	void reluOfSeed001In10KeepsRankOne() throws Exception {
		// In[10]: np.maximum(0, [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]) prints [0. 2. 0.
		// 3.3 0. 1.1 2.2 0.]
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\":[0,2,-1,3.3,-2.7,1.1,2.2,-100]}"))
			.andExpect(status().isOk())
			.andExpect(content()
				.json("""
						{"activation":"relu","dtype":"float32","shape":[8],"outputs":[0.0,2.0,0.0,3.3,0.0,1.1,2.2,0.0],"argmax":[3],"confidence":[3.3]}""",
						org.springframework.test.json.JsonCompareMode.STRICT));
	}

	@Test
	void reluOfSeed000In5() throws Exception {
		JsonNode a = apply("relu", """
				{"inputs": [[-0.2812084, -0.18310302, 0.03890161], [0.22016223, 0.07894751, 0.07476425],
				            [0.06087673, 0.11874431, -0.13765632], [-0.0, 0.0, -0.0]]}""");
		assertThat(a.get("outputs").toString()).isEqualTo(
				// np.maximum(0, -0.0) is -0.0 in numpy 2.
				"[[0.0,0.0,0.03890161],[0.22016223,0.07894751,0.07476425],[0.06087673,0.11874431,0.0],[-0.0,0.0,-0.0]]");
		assertThat(a.get("argmax").toString()).isEqualTo("[2,0,1,0]");
	}

	@Test
	void stepFiresOnlyAboveZero() throws Exception {
		JsonNode a = apply("step", "{\"inputs\":[[-1, 0, -0.0, 1e-30, 0.5, 7]]}");
		assertThat(a.get("outputs").toString()).isEqualTo("[[0.0,0.0,0.0,1.0,1.0,1.0]]");
		assertThat(a.get("argmax").toString()).isEqualTo("[3]");
	}

	@Test
	void linearIsTheIdentity() throws Exception {
		JsonNode a = apply("linear", "{\"inputs\":[[-1.5, 0, 3.4028235E38, 1.0E-45]]}");
		assertThat(a.get("outputs").toString()).isEqualTo("[[-1.5,0.0,3.4028235E38,1.4E-45]]");
	}

	static Stream<Arguments> elementWise() {
		return Stream.of(Arguments.of("sigmoid", "{}", (DoubleUnaryOperator) (x) -> 1 / (1 + Math.exp(-x))),
				Arguments.of("tanh", "{}", (DoubleUnaryOperator) Math::tanh),
				Arguments.of("leaky_relu", "{}", (DoubleUnaryOperator) (x) -> x > 0 ? x : 0.01 * x),
				Arguments.of("leaky_relu", "{\"alpha\": 0.2}", (DoubleUnaryOperator) (x) -> x > 0 ? x : 0.2 * x),
				Arguments.of("elu", "{}", (DoubleUnaryOperator) (x) -> x > 0 ? x : Math.expm1(x)),
				Arguments.of("elu", "{\"alpha\": 0.5}", (DoubleUnaryOperator) (x) -> x > 0 ? x : 0.5 * Math.expm1(x)),
				Arguments.of("gelu", "{}", (DoubleUnaryOperator) (x) -> x * normalCdf(x)),
				Arguments.of("softplus", "{}",
						(DoubleUnaryOperator) (x) -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
				Arguments.of("silu", "{}", (DoubleUnaryOperator) (x) -> x / (1 + Math.exp(-x))));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("elementWise")
	void elementWiseActivationsFollowTheirFormula(String name, String params, DoubleUnaryOperator formula)
			throws Exception {
		StringBuilder row = new StringBuilder();
		for (double x : SAMPLE) {
			row.append(row.length() == 0 ? "" : ",").append(x);
		}
		JsonNode a = apply(name, "{\"inputs\":[[" + row + "]],\"params\":" + params + "}");
		float[] out = Json.floats(a.get("outputs").get(0));
		for (int i = 0; i < SAMPLE.length; i++) {
			float expected = (float) formula.applyAsDouble((float) SAMPLE[i]);
			float tolerance = Math.max(4 * Math.ulp(expected), 1e-7f);
			assertThat(out[i]).as("%s(%s)", name, SAMPLE[i])
				.isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
		}
	}

	@Test
	void logSoftmaxIsTheLogOfSoftmaxWithoutUnderflow() throws Exception {
		float[][] out = { Json.floats(apply("log_softmax", "{\"inputs\":[1,2,3]}").get("outputs")),
				Json.floats(apply("log_softmax", "{\"inputs\":[0,200]}").get("outputs")),
				Json.floats(apply("log_softmax", "{\"inputs\":[1000,1001]}").get("outputs")) };
		double lse = Math.log(Math.exp(-2) + Math.exp(-1) + 1);
		Json.assertWithinUlps(new float[][] { out[0] },
				new float[][] { { (float) (-2 - lse), (float) (-1 - lse), (float) (-lse) } }, 4);
		assertThat(out[1][0]).isCloseTo(-200f, org.assertj.core.data.Offset.offset(1e-4f));
		assertThat(out[1][1]).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-6f));
		float l = (float) -Math.log1p(Math.E);
		assertThat(out[2][0]).isCloseTo(l, org.assertj.core.data.Offset.offset(4 * Math.ulp(l)));
	}

	@Test
	void catalogueListsEveryActivationWithFormulaRangeAndParams() throws Exception {
		mvc.perform(get("/activations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.containsInAnyOrder("step", "linear", "sigmoid",
					"relu", "softmax", "tanh", "leaky_relu", "elu", "gelu", "softplus", "silu", "log_softmax")))
			.andExpect(jsonPath("$[?(@.name == 'leaky_relu')].params.alpha").value(0.01))
			.andExpect(jsonPath("$[?(@.name == 'elu')].params.alpha").value(1.0))
			.andExpect(jsonPath("$[?(@.name == 'relu')].formula").value("y = x if x > 0 else 0"))
			.andExpect(jsonPath("$[0].range").isString())
			.andExpect(jsonPath("$[0].description").isString());
	}

	/** Φ(x), the standard normal CDF. */
	static double normalCdf(double x) {
		return 0.5 * (1 + erf(x / Math.sqrt(2)));
	}

	/**
	 * erf by its Maclaurin series below 3 (error ~1e-14) and by the asymptotic series of
	 * erfc above (absolute error below 1e-9 there).
	 */
	static double erf(double x) {
		double z = Math.abs(x);
		if (z < 3) {
			double term = z;
			double sum = z;
			for (int n = 1; n < 200 && Math.abs(term) > 1e-18; n++) {
				term *= -z * z / n;
				sum += term / (2 * n + 1);
			}
			return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum;
		}
		double z2 = z * z;
		double series = 1 - 1 / (2 * z2) + 3 / (4 * z2 * z2) - 15 / (8 * z2 * z2 * z2) + 105 / (16 * z2 * z2 * z2 * z2);
		double erfc = Math.exp(-z2) / (z * Math.sqrt(Math.PI)) * series;
		return Math.signum(x) * (1 - erfc);
	}

}
