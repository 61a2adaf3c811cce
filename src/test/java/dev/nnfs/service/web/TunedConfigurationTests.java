package dev.nnfs.service.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service with settings changed from their defaults: a compute deadline no network
 * can meet, and CORS opened to one origin.
 */
@SpringBootTest(properties = { "nnfs.compute.deadline=1ns", "nnfs.compute.retry-after=3s",
		"nnfs.cors.allowed-origins=https://notebook.example.org" })
@AutoConfigureMockMvc
class TunedConfigurationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aComputationPastItsDeadlineIsStoppedWithA503() throws Exception {
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"seed\": 0, \"spiral\": {\"samples\": 100, \"classes\": 3}, \"layers\": [{\"type\": \"dense\", \"neurons\": 3}]}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "3"))
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:timeout"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nnfs.compute.deadline")));
	}

	@Test
	void corsAnswersTheConfiguredOriginOnly() throws Exception {
		mvc.perform(options("/activations/relu").header("Origin", "https://notebook.example.org")
			.header("Access-Control-Request-Method", "POST"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "https://notebook.example.org"));
		mvc.perform(options("/activations/relu").header("Origin", "https://evil.example.com")
			.header("Access-Control-Request-Method", "POST"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

}
