package dev.nnfs.service.serving;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;
import dev.nnfs.service.model.ModelStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /models} through HTTP: a saved network answers exactly as
 * {@code /network/forward} answers with the same weights, the stored document round-trips
 * through PUT, and the repository's files (copied in by hand, broken, deleted) are what
 * is served.
 */
@ApiTest
class ModelApiTests {

	/** The book's network through /network/forward, with the weights it draws. */
	private static final String BOOK_FORWARD = """
			{"seed": 0, "spiral": {"samples": 100, "classes": 3}, "returnLayers": true,
			 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ModelStore<StoredModel> store;

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body) throws Exception {
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private JsonNode json(ResultActions actions) throws Exception {
		return Json.parse(actions.andReturn());
	}

	private int save(String name, String body) throws Exception {
		JsonNode saved = json(send(put("/models/" + name), body).andExpect(status().isCreated()));
		return saved.get("version").asInt();
	}

	@Test
	void theBooksNetworkSavedAndCalledAnswersAsNetworkForward() throws Exception {
		JsonNode reference = json(send(post("/network/forward"), BOOK_FORWARD).andExpect(status().isOk()));
		int version = save("book", ModelController.BOOK_MODEL);
		mvc.perform(get("/models/book/versions/" + version)).andExpect(status().isOk());
		JsonNode stored = json(mvc.perform(get("/models/book/versions/" + version)));
		// drawn once at save time, from seed 0 after the 300 normals of the spiral
		assertThat(stored.get("layers").get(0).get("weights")).isEqualTo(reference.get("layers").get(0).get("weights"));
		assertThat(stored.get("layers").get(2).get("weights")).isEqualTo(reference.get("layers").get(2).get("weights"));

		JsonNode spiral = json(send(post("/network/forward"), """
				{"spiral": {"samples": 100, "classes": 3}, "layers": [{"type": "activation", "name": "linear"}]}"""));
		String inputs = spiral.get("outputs").toString();
		JsonNode answer = json(
				send(post("/models/book/forward"), "{\"inputs\": " + inputs + ", \"labels\": " + labels() + "}")
					.andExpect(status().isOk()));
		assertThat(answer.get("outputs")).isEqualTo(reference.get("outputs"));
		assertThat(answer.get("loss")).isEqualTo(reference.get("loss"));
		assertThat(answer.get("accuracy")).isEqualTo(reference.get("accuracy"));
		assertThat(answer.get("model").toString()).isEqualTo("{\"name\":\"book\",\"version\":" + version + "}");
		assertThat(answer.has("rng")).isFalse();
	}

	private static String labels() {
		StringBuilder sb = new StringBuilder("[");
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < 100; i++) {
				sb.append(c == 0 && i == 0 ? "" : ",").append(c);
			}
		}
		return sb.append(']').toString();
	}

	@Test
	void theStoredDocumentRoundTripsThroughPut() throws Exception {
		int first = save("roundtrip", ModelController.BOOK_MODEL);
		String document = mvc.perform(get("/models/roundtrip/versions/" + first))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int second = save("roundtrip", document);
		assertThat(second).isEqualTo(first + 1);
		String again = mvc.perform(get("/models/roundtrip/versions/" + second))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(document);
		JsonNode meta = json(mvc.perform(get("/models/roundtrip")).andExpect(status().isOk()));
		assertThat(meta.get("version").asInt()).isEqualTo(second);
		assertThat(meta.get("inputs").asInt()).isEqualTo(2);
		assertThat(meta.get("outputs").asInt()).isEqualTo(3);
		assertThat(meta.get("layers").toString()).doesNotContain("weights");
		String listed = mvc.perform(get("/models")).andReturn().getResponse().getContentAsString();
		assertThat(listed).contains("\"name\":\"roundtrip\"");
	}

	@Test
	void everyMistakeOfADefinitionIsNamed() throws Exception {
		send(put("/models/bad"), """
				{"inputs": 0, "dtype": "float16", "labels": ["a", ""],
				 "layers": [{"type": "dense"}, {"type": "activation", "name": "nope"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.hasItems("/inputs", "/dtype",
					"/labels/1", "/layers/0/neurons", "/layers/1/name")));
		mvc.perform(get("/models/bad")).andExpect(status().isNotFound());
	}

	@Test
	void namesOutsideTheRuleAreRefusedBeforeAnyFile() throws Exception {
		send(put("/models/.hidden"), ModelController.BOOK_MODEL).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("name"));
		send(put("/models/" + "x".repeat(65)), ModelController.BOOK_MODEL).andExpect(status().isBadRequest());
		mvc.perform(get("/models/..")).andExpect(status().is4xxClientError());
		mvc.perform(get("/models/%2E%2E%2Fetc")).andExpect(status().is4xxClientError());
		assertThat(Files.exists(store.root().resolve("..").resolve("etc"))).isFalse();
	}

	@Test
	void aFileCopiedInIsServedABrokenOneIsUnavailableADeletedOneIsGone() throws Exception {
		int v = save("source", ModelController.BOOK_MODEL);
		byte[] document = mvc.perform(get("/models/source/versions/" + v))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path copied = store.root().resolve("copied").resolve("1");
		Files.createDirectories(copied);
		Files.write(copied.resolve("model.json"), document);
		Path broken = store.root().resolve("broken").resolve("1");
		Files.createDirectories(broken);
		Files.writeString(broken.resolve("model.json"), "{\"inputs\": 2, \"layers\": [", StandardCharsets.UTF_8);
		store.scan();
		store.scan();
		mvc.perform(get("/models/copied")).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/models/broken"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:model-unavailable"));
		String listed = mvc.perform(get("/models")).andReturn().getResponse().getContentAsString();
		assertThat(listed).contains("UNAVAILABLE");
		send(post("/models/copied/forward"), "{\"inputs\": [[0.5, -0.5]]}").andExpect(status().isOk());

		mvc.perform(delete("/models/copied/versions/1")).andExpect(status().isNoContent());
		mvc.perform(get("/models/copied")).andExpect(status().isNotFound());
		mvc.perform(delete("/models/copied/versions/1")).andExpect(status().isNotFound());
	}

	@Test
	void inputsMustFitTheModel() throws Exception {
		save("narrow", ModelController.BOOK_MODEL);
		send(post("/models/narrow/forward"), "{\"inputs\": [[1, 2, 3]], \"labels\": [5]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/inputs"));
		send(post("/models/nosuch/forward"), "{\"inputs\": [[1, 2]]}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:unknown-model"));
		send(post("/models/narrow/versions/0/forward"), "{\"inputs\": [[1, 2]]}").andExpect(status().isBadRequest());
		send(post("/models/narrow/versions/99/forward"), "{\"inputs\": [[1, 2]]}").andExpect(status().isNotFound());
	}

	@Test
	void aFloat64ModelAnswersAsTheFloat64NetworkForward() throws Exception {
		JsonNode reference = json(send(post("/network/forward"),
				"""
						{"dtype": "float64", "inputs": [[0.25, -1.5], [3, 0.125]],
						 "layers": [{"type": "dense", "weights": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], "biases": [0.01, 0, -0.01]},
						            {"type": "activation", "name": "softmax"}]}"""));
		save("wide",
				"""
						{"dtype": "float64", "inputs": 2,
						 "layers": [{"type": "dense", "weights": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], "biases": [0.01, 0, -0.01]},
						            {"type": "activation", "name": "softmax"}]}""");
		JsonNode answer = json(send(post("/models/wide/forward"), "{\"inputs\": [[0.25, -1.5], [3, 0.125]]}"));
		assertThat(answer.get("dtype").asString()).isEqualTo("float64");
		assertThat(answer.get("outputs")).isEqualTo(reference.get("outputs"));
	}

	@Test
	void callsAreCountedPerModelAndVersion() throws Exception {
		int v = save("counted", ModelController.BOOK_MODEL);
		send(post("/models/counted/forward"), "{\"inputs\": [[0.5, -0.5]]}").andExpect(status().isOk());
		String metrics = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
		assertThat(metrics).containsPattern(
				"nnfs_model_requests_seconds_count\\{[^}]*model=\"counted\"[^}]*outcome=\"success\"[^}]*version=\"" + v
						+ "\"[^}]*\\} 1");
	}

	@Test
	void aSaveAnswersWithItsLocation() throws Exception {
		send(put("/models/located"), ModelController.BOOK_MODEL).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/models/located/versions/1"));
	}

	@Test
	void aModelReplacedUnderLoadAnswersWhollyFromOneVersion() throws Exception {
		// odd versions double the input, even versions negate it: an answer's outputs say
		// which version computed them, and must agree with the version it names
		String odd = "{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"weights\": [[2, 0], [0, 2]]}]}";
		String even = "{\"inputs\": 2, \"layers\": [{\"type\": \"dense\", \"weights\": [[-1, 0], [0, -1]]}]}";
		save("swapped", odd);
		java.util.concurrent.atomic.AtomicBoolean saving = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
		java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
		for (int t = 0; t < 3; t++) {
			running.add(callers.submit(() -> {
				while (saving.get()) {
					JsonNode a = json(send(post("/models/swapped/forward"), "{\"inputs\": [[1.5, -3]]}"));
					int version = a.get("model").get("version").asInt();
					String expected = version % 2 == 1 ? "[[3.0,-6.0]]" : "[[-1.5,3.0]]";
					assertThat(a.get("outputs").toString()).as("version %d", version).isEqualTo(expected);
					answers.incrementAndGet();
				}
				return null;
			}));
		}
		for (int v = 2; v <= 21; v++) {
			save("swapped", v % 2 == 1 ? odd : even);
		}
		saving.set(false);
		for (java.util.concurrent.Future<?> f : running) {
			f.get();
		}
		callers.shutdown();
		assertThat(answers.get()).isPositive();
	}

}
