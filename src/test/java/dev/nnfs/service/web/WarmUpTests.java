package dev.nnfs.service.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up runs before readiness over a real socket, every one of its requests is
 * answered as expected, and it leaves no trace in the HTTP metrics; a request that merely
 * names its header, without the process's token, is an ordinary request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nnfs.warm-up.duration=1s", "nnfs.models.dir=target/test-models/${random.uuid}" })
class WarmUpTests {

	@LocalServerPort
	int port;

	@Autowired
	WarmUp warmUp;

	private final HttpClient client = HttpClient.newHttpClient();

	private String get(String path) throws Exception {
		return client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static long count(String prometheus, String prefix) {
		return prometheus.lines()
			.filter((line) -> line.startsWith(prefix))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void warmsUpBeforeReadinessAndIsNotCounted() throws Exception {
		assertThat(warmUp.sent()).isGreaterThan(13);
		assertThat(warmUp.unexpected()).isZero();
		assertThat(get("/actuator/health/readiness")).contains("UP");
		String metrics = get("/actuator/prometheus");
		// the warm-up's softmax calls took the hot path, and none of them is in the
		// metrics
		assertThat(count(metrics, "nnfs_hot_path_requests_total")).isPositive();
		assertThat(count(metrics, "http_server_requests_seconds_count{")
				- count(metrics, "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\""))
			.isZero();

		HttpResponse<String> named = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/activations/softmax"))
				.header(WarmUp.HEADER, "guess")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[1, 2, 3]]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(named.statusCode()).isEqualTo(200);
		assertThat(count(get("/actuator/prometheus"),
				"http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"POST\""))
			.isEqualTo(1);
	}

}
