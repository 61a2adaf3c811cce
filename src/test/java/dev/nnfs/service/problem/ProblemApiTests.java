package dev.nnfs.service.problem;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.config.Limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of client mistake gets an RFC 9457 problem with a pointer to what was wrong,
 * and never a 500, a stack trace or a class name.
 */
@ApiTest
class ProblemApiTests {

	@Autowired
	MockMvc mvc;

	private ResultActions postJson(String path, String body) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static void isProblem(ResultActions result, int status) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith("urn:nnfs:problem:")))
			.andExpect(jsonPath("$.title").isString())
			.andExpect(jsonPath("$.detail").isString())
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("java."))))
			.andExpect(content().string(not(containsString("tools.jackson"))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			ragged rows                 | {"inputs": [[1, 2], [3]]}                 | /inputs/1
			string value                | {"inputs": [[1, "2"]]}                    | /inputs/0/1
			string NaN                  | {"inputs": [[1, "NaN"]]}                  | /inputs/0/1
			string Infinity             | {"inputs": [[1, 2], [3, "-Infinity"]]}    | /inputs/1/1
			null value                  | {"inputs": [[1, null]]}                   | /inputs/0/1
			boolean value               | {"inputs": [true]}                        | /inputs/0
			object value                | {"inputs": [[1, {"a": 1}]]}               | /inputs/0/1
			float32 overflow            | {"inputs": [[1, 1e39]]}                   | /inputs/0/1
			empty array                 | {"inputs": []}                            | /inputs
			empty row                   | {"inputs": [[]]}                          | /inputs/0
			nesting deeper than 2       | {"inputs": [[[1, 2]]]}                    | /inputs/0/0
			rows mixed with numbers     | {"inputs": [[1, 2], 3]}                   | /inputs/1
			numbers mixed with rows     | {"inputs": [1, [2]]}                      | /inputs/1
			inputs not an array         | {"inputs": 5}                             | /inputs
			missing inputs              | {"params": {}}                            | /inputs
			unknown field               | {"inputs": [[1]], "input": [[1]]}         | /input
			unknown param               | {"inputs": [[1]], "params": {"beta": 1}}  | /params/beta
			param not a number          | {"inputs": [[1]], "params": {"alpha": "x"}} | /params/alpha
			""")
	void invalidBodiesNameTheElement(String name, String body, String pointer) throws Exception {
		String path = body.contains("alpha") ? "/activations/leaky_relu" : "/activations/relu";
		ResultActions result = postJson(path, body);
		isProblem(result, 400);
		result.andExpect(jsonPath("$.errors[0].pointer").value(pointer))
			.andExpect(jsonPath("$.errors[0].message").isString());
	}

	@Test
	void outOfRangeParamIsRejected() throws Exception {
		ResultActions result = postJson("/activations/leaky_relu", "{\"inputs\": [[1]], \"params\": {\"alpha\": 5}}");
		isProblem(result, 400);
		result.andExpect(jsonPath("$.errors[0].pointer").value("/params/alpha"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("from 0.0 to 1.0")));
	}

	@Test
	void paramsOfAnActivationWithoutParamsAreRejected() throws Exception {
		isProblem(postJson("/activations/softmax", "{\"inputs\": [[1]], \"params\": {\"alpha\": 0.1}}"), 400);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			bare NaN token        | {"inputs": [[1, NaN]]}
			bare Infinity token   | {"inputs": [[1, Infinity]]}
			truncated document    | {"inputs": [[1, 2
			not JSON              | inputs=1,2
			duplicate key         | {"inputs": [[1]], "inputs": [[2]]}
			trailing tokens       | {"inputs": [[1]]} {"inputs": [[2]]}
			""")
	void malformedJsonIsA400(String name, String body) throws Exception {
		ResultActions result = postJson("/activations/relu", body);
		isProblem(result, 400);
	}

	@Test
	void emptyBodyIsA400() throws Exception {
		isProblem(postJson("/activations/relu", ""), 400);
	}

	@Test
	void unknownActivationIs404ListingTheKnownNames() throws Exception {
		ResultActions result = postJson("/activations/swish2", "{\"inputs\": [[1]]}");
		isProblem(result, 404);
		result.andExpect(jsonPath("$.type").value("urn:nnfs:problem:unknown-activation"))
			.andExpect(jsonPath("$.detail").value(containsString("softmax")))
			.andExpect(jsonPath("$.detail").value(containsString("leaky_relu")))
			.andExpect(jsonPath("$.errors[0].parameter").value("name"));
	}

	@Test
	void wrongContentTypeIs415() throws Exception {
		isProblem(
				mvc.perform(post("/activations/relu").contentType(MediaType.TEXT_PLAIN).content("{\"inputs\": [[1]]}")),
				415);
	}

	@Test
	void wrongMethodIs405() throws Exception {
		ResultActions result = mvc.perform(delete("/activations/relu"));
		isProblem(result, 405);
		result.andExpect(header().exists("Allow"));
	}

	@Test
	void unknownRouteIs404() throws Exception {
		isProblem(mvc.perform(get("/no/such/thing")), 404);
	}

	@Test
	void tooManyValuesIsA400NamingTheLimit() throws Exception {
		StringBuilder body = new StringBuilder("{\"inputs\": [");
		int n = Limits.defaults().maxValues() + 1;
		for (int i = 0; i < n; i++) {
			body.append(i == 0 ? "0" : ",0");
		}
		body.append("]}");
		ResultActions result = postJson("/activations/relu", body.toString());
		isProblem(result, 400);
		result.andExpect(jsonPath("$.limit").value("nnfs.limits.max-values"))
			.andExpect(jsonPath("$.limitValue").value(Limits.defaults().maxValues()));
	}

	@Test
	void bodyOverTheDeclaredLimitIs413() throws Exception {
		long max = Limits.defaults().maxBodySize().toBytes();
		ResultActions result = mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
			.header("Content-Length", String.valueOf(max + 1))
			.content("{\"inputs\": [[1]]}"));
		isProblem(result, 413);
		result.andExpect(jsonPath("$.limit").value("nnfs.limits.max-body-size"))
			.andExpect(jsonPath("$.limitValue").value(max));
	}

	@Test
	void bodyOverTheLimitWithoutLengthIsCutOffWith413() throws Exception {
		long max = Limits.defaults().maxBodySize().toBytes();
		StringBuilder body = new StringBuilder("{\"inputs\": [[0");
		while (body.length() <= max) {
			body.append(",                                                               0");
		}
		body.append("]]}");
		byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ResultActions result = mvc
			.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON).with((request) -> {
				request.setContent(bytes);
				request.removeHeader("Content-Length");
				return request;
			}));
		isProblem(result, 413);
	}

}
