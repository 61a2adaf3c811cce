package dev.nnfs.service.compute;

import dev.nnfs.service.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With every compute slot taken, a compute request waits out the short queue and gets a
 * 503 problem with {@code Retry-After}; health and metrics are not gated; an invalid body
 * is still refused on its merits (it never needs a slot); once a slot is free, requests
 * are served again.
 */
@ApiTest
class ComputeGateApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ComputeGate gate;

	@Autowired
	ComputeProperties properties;

	@Test
	void busySlotsGiveA503WithRetryAfterAndOnlyComputeIsGated() throws Exception {
		int slots = properties.concurrency();
		for (int i = 0; i < slots; i++) {
			gate.acquire();
		}
		try {
			mvc.perform(
					post("/activations/relu").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [[1]]}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(jsonPath("$.type").value("urn:nnfs:problem:overloaded"))
				.andExpect(jsonPath("$.detail").value(containsString("100 ms")));
			mvc.perform(get("/spiral?samples=2&classes=3")).andExpect(status().isServiceUnavailable());
			mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
				.content("{\"inputs\": [[1]], \"layers\": [{\"type\": \"activation\", \"name\": \"relu\"}]}"))
				.andExpect(status().isServiceUnavailable());

			mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON)
				.content("{\"inputs\": [[1, \"NaN\"]]}")).andExpect(status().isBadRequest());
			mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
			mvc.perform(get("/activations")).andExpect(status().isOk());
			mvc.perform(get("/activations/relu")).andExpect(status().isOk());
		}
		finally {
			for (int i = 0; i < slots; i++) {
				gate.release();
			}
		}
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [[1]]}"))
			.andExpect(status().isOk());
	}

}
