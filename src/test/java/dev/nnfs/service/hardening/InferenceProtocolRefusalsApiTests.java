package dev.nnfs.service.hardening;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;

import java.nio.charset.StandardCharsets;

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
 * The refusals written before a request reaches a controller (a body over
 * {@code max-body-size}, a body that does not fit {@code max-inflight-body-size}) take
 * the Open Inference Protocol's error shape on its routes: {@code application/json} with
 * {@code {"error": "<what is wrong>"}} (the protocol's own words, which allow other
 * members beside it), as KServe's and Triton's clients read it; elsewhere they stay
 * problem+json.
 */
@ApiTest
@TestPropertySource(properties = { "nnfs.limits.max-body-size=4KB", "nnfs.limits.max-inflight-body-size=2KB" })
class InferenceProtocolRefusalsApiTests {

	@Autowired
	MockMvc mvc;

	private MockHttpServletResponse send(String path, int bytes) throws Exception {
		String head = "{\"inputs\": [";
		String tail = "]}";
		String body = head + " ".repeat(bytes - head.length() - tail.length()) + tail;
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return Json.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void aBodyOverTheSizeLimitIsTheProtocols413() throws Exception {
		MockHttpServletResponse refused = send("/v2/models/anything/infer", 4097);
		assertThat(refused.getStatus()).isEqualTo(413);
		assertThat(refused.getContentType()).isEqualTo("application/json");
		assertThat(json(refused).get("error").asString()).contains("nnfs.limits.max-body-size").contains("4096");
	}

	@Test
	void aBodyOverTheInflightBudgetIsTheProtocols503WithRetryAfter() throws Exception {
		MockHttpServletResponse refused = send("/v2/models/anything/versions/1/infer", 3000);
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentType()).isEqualTo("application/json");
		assertThat(json(refused).get("error").asString()).contains("nnfs.limits.max-inflight-body-size")
			.contains("3000");
	}

	@Test
	void theServicesOwnRoutesKeepProblemJson() throws Exception {
		MockHttpServletResponse tooLarge = send("/activations/relu", 4097);
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getContentType()).isEqualTo("application/problem+json");
		assertThat(json(tooLarge).has("error")).isFalse();
		assertThat(json(tooLarge).get("limit").asString()).isEqualTo("nnfs.limits.max-body-size");
		MockHttpServletResponse overloaded = send("/v2x/models", 3000);
		assertThat(overloaded.getStatus()).isEqualTo(503);
		assertThat(overloaded.getContentType()).isEqualTo("application/problem+json");
	}

}
