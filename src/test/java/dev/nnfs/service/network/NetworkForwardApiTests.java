package dev.nnfs.service.network;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every printed number of the seed notebooks' forward passes, through HTTP. Expected
 * values are the notebooks' printouts (NNFS-COMPAT.md gives each cell's stream position):
 * exact before softmax, within 2 ulp for softmax.
 */
@ApiTest
class NetworkForwardApiTests {

	@Autowired
	MockMvc mvc;

	private JsonNode forward(String body) throws Exception {
		return Json.parse(mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andReturn());
	}

	private static float[][] first5(float[][] rows) {
		return java.util.Arrays.copyOf(rows, 5);
	}

	@Test
	void seed000In5WeightsThenXTimesWThenRelu() throws Exception {
		// In[5]: X is the second spiral_data(2, 3) (stream position 6), then
		// np.random.seed(0) and
		// Layer_Dense(2, 3) with 0.10 * randn, forward without bias, ReLU.
		JsonNode x = forward("""
				{"seed": 0, "skip": 6, "spiral": {"samples": 2, "classes": 3},
				 "layers": [{"type": "activation", "name": "linear"}], "returnLayers": "all"}""");
		Json.assertPrintsAs(Json.floats2d(x.get("outputs")), ("""
				[[ 0.          0.        ]
				 [-0.47902483 -0.87780136]
				 [-0.         -0.        ]
				 [ 0.97696507  0.2133992 ]
				 [ 0.          0.        ]
				 [-0.63560337  0.7720158 ]]"""));

		JsonNode answer = forward(
				"""
						{"seed": 0, "inputs": %s,
						 "layers": [{"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "relu"}],
						 "returnLayers": "all"}"""
					.formatted(x.get("outputs").toString()));
		JsonNode dense = answer.get("layers").get(0);
		Json.assertPrintsAs(Json.floats2d(dense.get("weights")), ("""
				[[ 0.17640524  0.04001572  0.0978738 ]
				 [ 0.22408931  0.1867558  -0.09772779]]"""));
		Json.assertPrintsAs(Json.floats2d(dense.get("outputs")), ("""
				[[ 0.          0.          0.        ]
				 [-0.2812084  -0.18310302  0.03890161]
				 [ 0.          0.          0.        ]
				 [ 0.22016223  0.07894751  0.07476425]
				 [ 0.          0.          0.        ]
				 [ 0.06087673  0.11874431 -0.13765632]]"""));
		Json.assertPrintsAs(Json.floats2d(answer.get("outputs")), ("""
				[[0.         0.         0.        ]
				 [0.         0.         0.03890161]
				 [0.         0.         0.        ]
				 [0.22016223 0.07894751 0.07476425]
				 [0.         0.         0.        ]
				 [0.06087673 0.11874431 0.        ]]"""));
		assertThat(answer.get("rng").get("draws").asLong()).isEqualTo(6);
		assertThat(answer.get("layers").get(1).get("deadNeurons").size()).isZero();
	}

	@Test
	void seed000In15SpiralDenseSoftmax() throws Exception {
		JsonNode answer = forward(
				"""
						{"seed": 0, "skip": 6, "spiral": {"samples": 2, "classes": 3},
						 "layers": [{"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "softmax"}]}""");
		Json.assertWithinUlps(Json.floats2d(answer.get("outputs")), Json.numpy("""
				[[0.33333334 0.33333334 0.33333334]
				 [0.33380836 0.3108572  0.3553344 ]
				 [0.33333334 0.33333334 0.33333334]
				 [0.34230095 0.32963628 0.32806274]
				 [0.33333334 0.33333334 0.33333334]
				 [0.3207316  0.3653398  0.31392863]]"""), 2);
		assertThat(answer.get("rng").get("draws").asLong()).isEqualTo(18);
	}

	@Test
	void seed000In16TwoLayerNetwork() throws Exception {
		JsonNode answer = forward(
				"""
						{"seed": 0, "skip": 18, "spiral": {"samples": 100, "classes": 3},
						 "layers": [{"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "relu"},
						            {"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "softmax"}]}""");
		assertThat(answer.get("shape").toString()).isEqualTo("[300,3]");
		Json.assertWithinUlps(first5(Json.floats2d(answer.get("outputs"))), Json.numpy("""
				[[0.33333334 0.33333334 0.33333334]
				 [0.33334747 0.3333181  0.33333445]
				 [0.3333639  0.3332918  0.33334434]
				 [0.33335617 0.33330873 0.33333513]
				 [0.33335337 0.33331177 0.33333492]]"""), 2);
		assertThat(answer.get("rng").get("draws").asLong()).isEqualTo(18 + 300 + 6 + 9);
	}

	@Test
	void seed001In16DenseRelu() throws Exception {
		JsonNode answer = forward("""
				{"seed": 0, "skip": 606, "spiral": {"samples": 100, "classes": 3},
				 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"}]}""");
		Json.assertPrintsAs(first5(Json.floats2d(answer.get("outputs"))), ("""
				[[0.0000000e+00 0.0000000e+00 0.0000000e+00]
				 [1.3520580e-04 1.8173116e-05 0.0000000e+00]
				 [2.3245417e-04 0.0000000e+00 0.0000000e+00]
				 [3.8226307e-04 0.0000000e+00 0.0000000e+00]
				 [5.7436468e-04 0.0000000e+00 0.0000000e+00]]"""));
	}

	@Test
	void seed001In40TwoLayerNetwork() throws Exception {
		JsonNode answer = forward("""
				{"seed": 0, "skip": 912, "spiral": {"samples": 100, "classes": 3},
				 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
				            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}""");
		Json.assertWithinUlps(first5(Json.floats2d(answer.get("outputs"))), Json.numpy("""
				[[0.33333334 0.33333334 0.33333334]
				 [0.33333322 0.33333343 0.33333334]
				 [0.33333296 0.33333388 0.3333332 ]
				 [0.3333323  0.33333504 0.33333266]
				 [0.33333194 0.33333552 0.33333248]]"""), 2);
	}

	@Test
	void bookNetworkLossAndAccuracy() throws Exception {
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content(NetworkController.BOOK_NETWORK))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"loss\":1.0986104,")))
			.andExpect(jsonPath("$.accuracy").value(0.34))
			.andExpect(jsonPath("$.rng.draws").value(315));
	}

	@Test
	void seededLayersSentBackAsExplicitWeightsGiveIdenticalOutputs() throws Exception {
		String seeded = """
				{"seed": 7, "skip": 3, "spiral": {"samples": 50, "classes": 4},
				 "layers": [{"type": "dense", "neurons": 16, "weightScale": 0.5}, {"type": "activation", "name": "relu"},
				            {"type": "dense", "neurons": 4, "weightScale": 0.5}, {"type": "activation", "name": "softmax"}],
				 "returnLayers": true}""";
		JsonNode first = forward(seeded);
		JsonNode data = forward("""
				{"seed": 7, "skip": 3, "spiral": {"samples": 50, "classes": 4},
				 "layers": [{"type": "activation", "name": "linear"}]}""");
		JsonNode l0 = first.get("layers").get(0);
		JsonNode l2 = first.get("layers").get(2);
		String explicit = """
				{"inputs": %s,
				 "layers": [{"type": "dense", "neurons": 16, "weights": %s, "biases": %s}, {"type": "activation", "name": "relu"},
				            {"type": "dense", "neurons": 4, "weights": %s, "biases": %s}, {"type": "activation", "name": "softmax"}]}"""
			.formatted(data.get("outputs"), l0.get("weights"), l0.get("biases"), l2.get("weights"), l2.get("biases"));
		JsonNode second = forward(explicit);
		assertThat(second.get("outputs").toString()).isEqualTo(first.get("outputs").toString());
		assertThat(second.get("argmax").toString()).isEqualTo(first.get("argmax").toString());
	}

	@Test
	void handComputedLossAndAccuracy() throws Exception {
		// Softmax of [ln 1, ln 3] is [0.25, 0.75]; of [0, 0] is [0.5, 0.5] (argmax 0, the
		// first on ties).
		// Labels [1, 1]: loss = (-ln 0.75 - ln 0.5) / 2 = 0.4904146..., accuracy = 1/2.
		JsonNode answer = forward("""
				{"inputs": [[0, 1.0986123], [0, 0]],
				 "layers": [{"type": "activation", "name": "softmax"}], "labels": [[0, 1], [0, 1]]}""");
		float expectedLoss = (float) ((-Math.log(0.75) - Math.log(0.5)) / 2);
		assertThat(answer.get("loss").floatValue()).isCloseTo(expectedLoss, org.assertj.core.data.Offset.offset(2e-7f));
		assertThat(answer.get("accuracy").doubleValue()).isEqualTo(0.5);
		assertThat(answer.get("argmax").toString()).isEqualTo("[1,0]");
	}

	@Test
	void deadNeuronsAreReluUnitsThatNeverFire() throws Exception {
		// Neuron 1 has weights [-1, -1]: with inputs ≥ 0 it outputs ≤ 0 for every row, so
		// ReLU kills it.
		JsonNode answer = forward("""
				{"inputs": [[1, 2], [0.5, 0], [3, 1]],
				 "layers": [{"type": "dense", "neurons": 3, "weights": [[1, -1, 0], [1, -1, 0]], "biases": [0, 0, 0]},
				            {"type": "activation", "name": "relu"}], "returnLayers": true}""");
		assertThat(answer.get("layers").get(1).get("deadNeurons").toString()).isEqualTo("[1,2]");
		assertThat(answer.get("outputs").toString()).isEqualTo("[[3.0,0.0,0.0],[0.5,0.0,0.0],[4.0,0.0,0.0]]");
	}

}
