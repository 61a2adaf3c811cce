package dev.nnfs.service.web;

import dev.nnfs.service.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contract's strict-input rules, each from a mistake a new user makes: fractional
 * integers, unknown query parameters, a missing Content-Type, several mistakes in one
 * body, broken JSON, an Accept the endpoint cannot meet; and the conveniences a newcomer
 * expects.
 */
@ApiTest
class StrictContractApiTests {

	private static final String DENSE3 = "{\"type\": \"dense\", \"neurons\": 3}";

	@Autowired
	MockMvc mvc;

	private ResultActions postJson(String path, String body) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					neurons 2.9999  | {"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 2.9999}]}           | /layers/0/neurons | 2.9999
					seed 1.7        | {"seed": 1.7, "inputs": [[1, 2]], "layers": [%D3%]}                                | /seed             | 1.7
					samples 2.7     | {"spiral": {"samples": 2.7, "classes": 3}, "layers": [%D3%]}                       | /spiral/samples   | 2.7
					skip as string  | {"skip": "6", "inputs": [[1, 2]], "layers": [%D3%]}                                | /skip             | "6"
					""")
	void integerFieldsTakeIntegersOnly(String name, String body, String pointer, String shown) throws Exception {
		postJson("/network/forward", body.replace("%D3%", DENSE3)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:invalid-input"))
			.andExpect(jsonPath("$.errors[0].pointer").value(pointer))
			.andExpect(jsonPath("$.errors[0].message")
				.value(allOf(containsString("must be an integer"), containsString(shown))));
	}

	@Test
	void wholeNumbersWrittenWithAPointAreIntegers() throws Exception {
		postJson("/network/forward",
				"{\"seed\": 0.0, \"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 3.0}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shape[1]").value(3));
	}

	@Test
	void anUnknownQueryParameterOfSpiralIsNamed() throws Exception {
		mvc.perform(get("/spiral?sample=5&classes=2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].parameter").value("sample"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(containsString("samples, classes, seed, skip, dtype, format")));
	}

	@Test
	void anActivationParameterInTheQueryIsRefused() throws Exception {
		mvc.perform(post("/activations/leaky_relu?alpha=0.1").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [[-1]]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("alpha"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("JSON body")));
	}

	@Test
	void aMisspelledPlotResolutionIsRefused() throws Exception {
		mvc.perform(post("/network/plot?res=50").contentType(MediaType.APPLICATION_JSON)
			.content("{\"spiral\": {\"samples\": 10, \"classes\": 3}, \"layers\": [" + DENSE3 + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("res"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("resolution")));
	}

	@Test
	void aBodyWithoutJsonContentTypeIsToldWhatToSend() throws Exception {
		// curl -d sends application/x-www-form-urlencoded
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("{\"inputs\":[[1,2]]}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Content-Type: application/json")))
			.andExpect(jsonPath("$.supported[0]").value("application/json"));
	}

	@Test
	void threeMistakesAreReportedTogether() throws Exception {
		postJson("/network/forward", "{\"input\": [[1, 2]], \"layer\": [" + DENSE3 + "], \"sed\": 3}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer").value(hasItems("/input", "/layer", "/sed")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("unknown field 'input'")))
			.andExpect(jsonPath("$.detail").value(containsString("more")));
	}

	@Test
	void mistakesInDifferentLayersAreReportedTogether() throws Exception {
		postJson("/network/forward", """
				{"inputs": [[1, 2]], "layers": [{"type": "dense", "neurons": 0},
				 {"type": "activation", "name": "swish2"}, {"type": "dense", "neurons": 2, "name": "relu"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer")
				.value(hasItems("/layers/0/neurons", "/layers/1/name", "/layers/2/name")));
	}

	@Test
	void truncatedJsonIsDescribedWithoutParserInternals() throws Exception {
		postJson("/activations/relu", "{\"inputs\": [[1, 2]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:malformed-json"))
			.andExpect(jsonPath("$.detail").value(allOf(containsString("ends before"), not(containsString("Source")),
					not(containsString("REDACTED")), not(containsString("#UNKNOWN")))));
	}

	@Test
	void nullWhereABatchBelongsIsAMistakeNotAFailure() throws Exception {
		postJson("/activations/softmax", "{\"inputs\": null}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/inputs"));
		postJson("/activations/softmax", "{\"params\": {}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("is required")));
		postJson("/network/forward", "{\"inputs\": null, \"layers\": null}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer").value(hasItems("/inputs", "/layers")));
	}

	@Test
	void trailingContentIsNamedAsSuch() throws Exception {
		postJson("/activations/relu", "{\"inputs\": [[1, 2]]} {\"inputs\": [[3]]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(allOf(containsString("more after"), not(containsString("must be an object")))));
	}

	@Test
	void notAcceptableListsWhatIsOnOffer() throws Exception {
		mvc.perform(get("/spiral").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.supported").value(hasItems("application/json", "text/csv", "image/svg+xml")))
			.andExpect(jsonPath("$.detail").value(containsString("text/csv")));
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_HTML)
			.content("{\"inputs\": [[1]]}"))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.supported[0]").value("application/json"));
	}

	@Test
	void neuronsMayBeLeftOutWhenWeightsAreGiven() throws Exception {
		postJson("/network/forward",
				"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"weights\": [[1, 0, 2], [0, 1, 3]]}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outputs[0][0]").value(1.0))
			.andExpect(jsonPath("$.outputs[0][1]").value(2.0))
			.andExpect(jsonPath("$.outputs[0][2]").value(8.0));
	}

	@Test
	void oneActivationsEntryIsServedByName() throws Exception {
		mvc.perform(get("/activations/leaky_relu"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("leaky_relu"))
			.andExpect(jsonPath("$.params.alpha").value(0.01));
		mvc.perform(get("/activations/swish2"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.known").isArray());
	}

	@Test
	void theRootServesThePlayground() throws Exception {
		// Spring Boot's welcome page: "/" forwards to the static index.html, which links
		// Swagger UI.
		mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("index.html"));
		mvc.perform(get("/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("playground/app.js"), containsString("swagger-ui.html"))));
		mvc.perform(get("/playground/app.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"));
	}

}
