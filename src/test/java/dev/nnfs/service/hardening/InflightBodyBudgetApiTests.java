package dev.nnfs.service.hardening;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code nnfs.limits.max-inflight-body-size}: a body that would take the bytes held at
 * once over the budget is refused with 503 and {@code Retry-After} before it is read; the
 * reservation of every request, answered or refused, is given back.
 */
@ApiTest
@TestPropertySource(properties = "nnfs.limits.max-inflight-body-size=2KB")
class InflightBodyBudgetApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	private MockHttpServletResponse relu(String body) throws Exception {
		return mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

	/** A body of exactly {@code bytes} bytes. */
	private static String body(int bytes) {
		String head = "{\"inputs\": [[1";
		String tail = "]]}";
		return head + " ".repeat(bytes - head.length() - tail.length()) + tail;
	}

	private double inflight() {
		return registry.get("nnfs.requests.inflight.body").gauge().value();
	}

	@Test
	void aBodyOverTheBudgetIsRefusedAndNothingIsKept() throws Exception {
		MockHttpServletResponse refused = relu(body(2049));
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = Json.parse(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains("2049")
			.contains("2048")
			.contains("nnfs.limits.max-inflight-body-size");
		assertThat(inflight()).isZero();

		MockHttpServletResponse answered = relu(body(2048));
		assertThat(answered.getStatus()).isEqualTo(200);
		assertThat(answered.getContentAsString()).contains("\"outputs\":[[1.0]]");
		assertThat(inflight()).isZero();
	}

	@Test
	void aRefusedRequestDoesNotAffectTheNext() throws Exception {
		assertThat(relu(body(4096)).getStatus()).isEqualTo(503);
		assertThat(relu("{\"inputs\": [[-1, 2]]}").getContentAsString()).contains("\"outputs\":[[0.0,2.0]]");
		assertThat(inflight()).isZero();
	}

}
