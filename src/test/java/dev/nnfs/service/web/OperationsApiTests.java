package dev.nnfs.service.web;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.network.BlasSummationOrder;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Metrics, the access log, actuator exposure, CORS defaults and the error page. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void metricsCountRequestsPerEndpointAndStatusAndShowNd4jMemory() throws Exception {
		mvc.perform(post("/activations/relu").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [[1]]}"))
			.andExpect(status().isOk());
		mvc.perform(
				post("/activations/relu").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [[\"x\"]]}"))
			.andExpect(status().isBadRequest());
		String metrics = mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics)
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/activations/\\{name\\}\"")
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"400\"[^}]*uri=\"/activations/\\{name\\}\"")
			.containsPattern("(?m)^nnfs_nd4j_offheap_bytes [0-9.E]+$")
			.containsPattern("(?m)^nnfs_process_resident_bytes [0-9.E]+$")
			.contains("nnfs_compute_slots", "nnfs_compute_refused_total");
	}

	@Test
	void oneAccessLinePerRequestWithoutTheBody(CapturedOutput output) throws Exception {
		mvc.perform(post("/activations/softmax").contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [[12345.678, 2]]}")).andExpect(status().isOk());
		// Console lines leave in batches, at least every
		// nnfs.logging.console-flush-interval.
		Pattern line = Pattern.compile("nnfs\\.access +: POST /activations/softmax 200 [0-9.]+ ms");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!line.matcher(output.getOut()).find() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(output.getOut()).containsPattern(line).doesNotContain("12345.678");
	}

	@Test
	void actuatorExposesOnlyHealthInfoAndPrometheus() throws Exception {
		mvc.perform(get("/actuator"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$._links.health").exists())
			.andExpect(jsonPath("$._links.prometheus").exists())
			.andExpect(jsonPath("$._links.env").doesNotExist())
			.andExpect(jsonPath("$._links.beans").doesNotExist());
		for (String hidden : new String[] { "env", "beans", "heapdump", "threaddump", "configprops", "loggers",
				"mappings", "shutdown", "metrics" }) {
			mvc.perform(get("/actuator/" + hidden))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void corsIsOffByDefault() throws Exception {
		mvc.perform(options("/activations/relu").header("Origin", "https://elsewhere.example.org")
			.header("Access-Control-Request-Method", "POST"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		mvc.perform(post("/activations/relu").header("Origin", "https://elsewhere.example.org")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"inputs\": [[1]]}")).andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

	@Test
	void infoAndMetricsGiveTheSameBlasVerdict() throws Exception {
		String info = mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		boolean inOrder = JsonPath.read(info, "$.blas.sumsInInputOrder");
		String metrics = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
		assertThat(metrics).containsPattern("(?m)^nnfs_blas_sums_in_input_order " + (inOrder ? "1" : "0") + "(\\.0)?$");
	}

	@Test
	void theErrorPageIsAProblemToo() throws Exception {
		mvc.perform(get("/error"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("timestamp"))));
	}

	@Test
	void aResultThatOverflowsFloat32IsRefusedNotSentAsInfinity() throws Exception {
		mvc.perform(post("/network/forward").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"inputs\": [[3e38, 3e38]], \"layers\": [{\"type\": \"dense\", \"neurons\": 1, \"weights\": [[3e38], [3e38]]}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:nnfs:problem:non-finite-result"))
			.andExpect(jsonPath("$.resultPointer").value("/outputs/0/0"))
			.andExpect(content().string(not(containsString("Infinity\""))));
	}

}
