package dev.nnfs.service.network;

import dev.nnfs.service.ApiTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every mistake in a network request is a 400 problem pointing at the offending field.
 */
@ApiTest
class NetworkProblemApiTests {

	static final String DENSE3 = "{\"type\": \"dense\", \"neurons\": 3}";

	static final String SOFTMAX = "{\"type\": \"activation\", \"name\": \"softmax\"}";

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					neither inputs nor spiral  | {"layers": [%D3%]}                                                        | /inputs
					both inputs and spiral     | {"inputs": [[1, 2]], "spiral": {"samples": 2, "classes": 3}, "layers": [%D3%]} | /spiral
					no layers                  | {"inputs": [[1, 2]]}                                                      | /layers
					empty layers               | {"inputs": [[1, 2]], "layers": []}                                        | /layers
					unknown layer type         | {"inputs": [[1, 2]], "layers": [{"type": "conv"}]}                        | /layers/0/type
					missing layer type         | {"inputs": [[1, 2]], "layers": [{"neurons": 3}]}                          | /layers/0/type
					unknown activation         | {"inputs": [[1, 2]], "layers": [%D3%, {"type": "activation", "name": "swish2"}]} | /layers/1/name
					bad activation param       | {"inputs": [[1, 2]], "layers": [{"type": "activation", "name": "elu", "params": {"alpha": -1}}]} | /layers/0/params/alpha
					missing neurons            | {"inputs": [[1, 2]], "layers": [{"type": "dense"}]}                       | /layers/0/neurons
					zero neurons               | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 0}]}          | /layers/0/neurons
					weights rows ≠ width       | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weights": [[1, 2], [3, 4], [5, 6]]}]} | /layers/0/weights
					weights cols ≠ neurons     | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 3, "weights": [[1, 2], [3, 4]]}]} | /layers/0/weights
					weights in a later layer   | {"inputs": [[1, 2]], "layers": [%D3%, {"type": "dense", "neurons": 2, "weights": [[1, 2], [3, 4]]}]} | /layers/1/weights
					biases of wrong length     | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weights": [[1, 2], [3, 4]], "biases": [1, 2, 3]}]} | /layers/0/biases
					declared inputs ≠ width    | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "inputs": 3}]} | /layers/0/inputs
					dense field on activation  | {"inputs": [[1, 2]], "layers": [{"type": "activation", "name": "relu", "neurons": 3}]} | /layers/0/neurons
					labels count ≠ rows        | {"inputs": [[1, 2], [3, 4]], "layers": [%D3%, %SM%], "labels": [0]}       | /labels
					label out of range         | {"inputs": [[1, 2], [3, 4]], "layers": [%D3%, %SM%], "labels": [0, 3]}    | /labels/1
					label not whole            | {"inputs": [[1, 2], [3, 4]], "layers": [%D3%, %SM%], "labels": [0, 1.5]}  | /labels/1
					one-hot width ≠ outputs    | {"inputs": [[1, 2], [3, 4]], "layers": [%D3%, %SM%], "labels": [[1, 0], [0, 1]]} | /labels
					one-hot not one-hot        | {"inputs": [[1, 2], [3, 4]], "layers": [%D3%, %SM%], "labels": [[1, 0, 0], [0, 1, 1]]} | /labels/1
					ragged inputs              | {"inputs": [[1, 2], [3]], "layers": [%D3%]}                               | /inputs/1
					ragged weights             | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weights": [[1, 2], [3]]}]} | /layers/0/weights/1
					NaN string in weights      | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weights": [[1, 2], [3, "NaN"]]}]} | /layers/0/weights/1/1
					seed out of range          | {"seed": 4294967296, "inputs": [[1, 2]], "layers": [%D3%]}                | /seed
					negative skip              | {"skip": -1, "inputs": [[1, 2]], "layers": [%D3%]}                        | /skip
					bad returnLayers           | {"inputs": [[1, 2]], "layers": [%D3%], "returnLayers": "some"}            | /returnLayers
					spiral without samples     | {"spiral": {"classes": 3}, "layers": [%D3%]}                              | /spiral/samples
					spiral with zero classes   | {"spiral": {"samples": 3, "classes": 0}, "layers": [%D3%]}                | /spiral/classes
					weightScale not finite     | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2, "weightScale": 1e300}]} | /layers/0/weightScale
					""")
	void mistakesPointAtTheField(String name, String body, String pointer) throws Exception {
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("%D3%", DENSE3).replace("%SM%", SOFTMAX)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].pointer").value(pointer));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			too many layers   | 33 | 1    | nnfs.limits.max-layers   | 32
			too many neurons  | 1  | 4097 | nnfs.limits.max-neurons  | 4096
			""")
	void limitsAreNamed(String name, int layers, int neurons, String limit, int value) throws Exception {
		StringBuilder body = new StringBuilder("{\"inputs\": [[1, 2]], \"layers\": [");
		for (int i = 0; i < layers; i++) {
			body.append(i == 0 ? "" : ",").append("{\"type\": \"dense\", \"neurons\": ").append(neurons).append("}");
		}
		body.append("]}");
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.limit").value(limit))
			.andExpect(jsonPath("$.limitValue").value(value));
	}

}
