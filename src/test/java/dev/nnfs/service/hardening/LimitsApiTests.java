package dev.nnfs.service.hardening;

import dev.nnfs.service.ApiTest;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One request just over each limit of the limits table in docs/operations.md, at its
 * default, refused with the documented status and a problem naming the limit's property
 * and value.
 */
@ApiTest
class LimitsApiTests {

	@Autowired
	MockMvc mvc;

	static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String layers(int n) {
		return String.join(",", java.util.Collections.nCopies(n, "{\"type\": \"activation\", \"name\": \"relu\"}"));
	}

	static Stream<Arguments> overEachLimit() {
		return Stream.of(
				Arguments.of("nnfs.limits.max-body-size", 16L * 1024 * 1024, 413,
						json("/activations/relu", "{\"inputs\": [[1]]}").header("Content-Length",
								16L * 1024 * 1024 + 1)),
				Arguments.of("nnfs.limits.max-values", 4_000_000L, 400,
						json("/activations/relu",
								"{\"inputs\": [[" + "0,".repeat(2_000_000) + "0], [" + "0,".repeat(1_999_999)
										+ "0]]}")),
				Arguments.of("nnfs.limits.max-rows", 1_000_000L, 400,
						json("/activations/relu", "{\"inputs\": [" + "[0],".repeat(1_000_000) + "[0]]}")),
				Arguments.of("nnfs.limits.max-layers", 32L, 400,
						json("/network/forward", "{\"inputs\": [[1]], \"layers\": [" + layers(33) + "]}")),
				Arguments.of("nnfs.limits.max-neurons", 4096L, 400,
						json("/network/forward",
								"{\"inputs\": [[1]], \"layers\": [{\"type\": \"dense\", \"neurons\": 4097}]}")),
				Arguments.of("nnfs.limits.max-weights", 4_000_000L, 400,
						json("/network/forward",
								"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 2048},"
										+ " {\"type\": \"dense\", \"neurons\": 2048}]}")),
				Arguments.of("nnfs.limits.max-layer-output-values", 8_000_000L, 400, json("/network/forward",
						"{\"spiral\": {\"samples\": 250000, \"classes\": 4}, \"layers\": [{\"type\": \"dense\", \"neurons\": 9}]}")),
				Arguments.of("nnfs.limits.max-spiral-points", 1_000_000L, 400, get("/spiral?samples=500001&classes=2")),
				Arguments.of("nnfs.limits.max-spiral-points", 1_000_000L, 400,
						json("/network/forward",
								"{\"spiral\": {\"samples\": 1000001, \"classes\": 1}, \"layers\": [" + layers(1)
										+ "]}")),
				Arguments.of("nnfs.limits.max-skip", 100_000_000L, 400,
						get("/spiral?samples=1&classes=1&skip=100000001")),
				Arguments.of("nnfs.limits.max-skip", 100_000_000L, 400,
						json("/network/forward",
								"{\"skip\": 100000001, \"inputs\": [[1]], \"layers\": [" + layers(1) + "]}")),
				Arguments.of("nnfs.limits.max-json-nesting-depth", 16L, 400,
						json("/network/forward", "{\"returnLayers\": " + "[".repeat(17) + "]".repeat(17) + "}")),
				Arguments.of("nnfs.limits.max-json-number-length", 64L, 400,
						json("/activations/relu", "{\"inputs\": [[1" + "0".repeat(64) + "]]}")),
				Arguments.of("nnfs.limits.max-json-string-length", 1000L, 400, json("/activations/relu",
						"{\"inputs\": [[1]], \"params\": {\"" + "a".repeat(1001) + "\": 1}}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void overEachLimit(String limit, long value, int status, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = mvc.perform(asyncDispatch(result)).andReturn();
		}
		org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
			.as("%s", result.getResponse().getContentAsString())
			.isEqualTo(status);
		content().contentType(MediaType.APPLICATION_PROBLEM_JSON).match(result);
		jsonPath("$.status").value(status).match(result);
		jsonPath("$.limit").value(limit).match(result);
		jsonPath("$.limitValue").value(value).match(result);
	}

}
