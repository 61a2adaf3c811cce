package dev.nnfs.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HotPathFilter} against Spring MVC, over real HTTP: each request is sent once
 * with its length declared (the hot path may take it) and once chunked (the hot path
 * steps aside, so the dispatcher answers). Both must give the same status, headers and
 * bytes, and the hot path's counter must show it answered exactly the successful ones;
 * the mistakes fall back to the dispatcher, which answers them as it answers every
 * request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "nnfs.models.dir=target/test-models/${random.uuid}")
class HotPathApiTests {

	private static final String SEEDS_NETWORK = """
			{"seed": 0, "spiral": {"samples": 100, "classes": 3},
			 "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
			            {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}""";

	/** Headers that describe the connection or the moment, not the answer. */
	private static final Set<String> TRANSPORT = Set.of("date", "content-length", "transfer-encoding", "keep-alive",
			"connection");

	private static final Pattern COUNTER = Pattern.compile("(?m)^nnfs_hot_path_requests_total(?:\\{[^}]*})? (\\S+)$");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void theBooksNetworksAnswerFitsOneSocketWrite() throws Exception {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		int buffer = Integer.parseInt(String.valueOf(connector.getProperty("socket.appWriteBufSize")));
		assertThat(buffer).isEqualTo(16 * 1024);
		HttpResponse<byte[]> answer = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/network/forward"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SEEDS_NETWORK))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).isEqualTo(200);
		// the body and about 100 bytes of status line and headers
		assertThat(answer.body().length + 200).isLessThan(buffer);
	}

	static Stream<Arguments> requests() {
		return Stream.of(Arguments.of("/activations/softmax", "{\"inputs\": [[1, 2, 3]]}", 200),
				Arguments.of("/activations/relu", "{\"inputs\": [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]}", 200),
				Arguments.of("/activations/leaky_relu", "{\"inputs\": [[-2, 0.5]], \"params\": {\"alpha\": 0.1}}", 200),
				Arguments.of("/activations/softmax", "{\"inputs\": [[1, 2, 3]], \"dtype\": \"float64\"}", 200),
				Arguments
					.of("/activations/sigmoid", "{\"dtype\": \"float32\", \"inputs\": [[-1, 0, 1], [2, 3, 4]]}", 200),
				Arguments.of("/network/forward", SEEDS_NETWORK, 200),
				Arguments.of("/network/forward",
						SEEDS_NETWORK.replace("\"seed\": 0,", "\"seed\": 3, \"dtype\": \"float64\","), 200),
				Arguments.of("/network/forward",
						"{\"inputs\": [[1, 2], [3, 4]], \"labels\": [0, 1], \"layers\": [{\"type\": \"dense\", \"neurons\": 2,"
								+ " \"weights\": [[0.5, -1], [0.25, 2]], \"biases\": [0.1, 0]},"
								+ " {\"type\": \"activation\", \"name\": \"softmax\"}]}",
						200),
				Arguments.of("/activations/nosuch", "{\"inputs\": [[1]]}", 404),
				Arguments.of("/activations/softmax", "{\"inputs\": []}", 400),
				Arguments.of("/activations/softmax", "{\"inputs\": [[1, \"NaN\"]], \"params\": {\"x\": 1}}", 400),
				Arguments.of("/activations/softmax", "{\"inputs\": [[1, 2, 3]", 400),
				Arguments.of("/network/forward",
						"{\"inputs\": [[1e38, 1e38]], \"layers\": [{\"type\": \"dense\", \"neurons\": 1,"
								+ " \"weights\": [[1e38], [1e38]]}]}",
						422),
				Arguments.of("/network/forward", "{\"layers\": []}", 400));
	}

	@ParameterizedTest
	@MethodSource("requests")
	void theHotPathAnswersAsTheDispatcherDoes(String path, String body, int status) throws Exception {
		double before = served();
		HttpResponse<byte[]> hot = send(path, body, false);
		double after = served();
		HttpResponse<byte[]> dispatched = send(path, body, true);

		assertThat(hot.statusCode()).as("status").isEqualTo(status);
		assertThat(dispatched.statusCode()).isEqualTo(status);
		assertThat(answerHeaders(hot.headers())).isEqualTo(answerHeaders(dispatched.headers()));
		assertThat(new String(hot.body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(dispatched.body(), StandardCharsets.UTF_8));
		assertThat(after - before).as("answered by the hot path").isEqualTo(status == 200 ? 1.0 : 0.0);
		assertThat(served()).as("the chunked request is not").isEqualTo(after);
	}

	private HttpResponse<byte[]> send(String path, String body, boolean chunked)
			throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher publisher = chunked
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
				: HttpRequest.BodyPublishers.ofByteArray(bytes);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(publisher)
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private double served() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
			.build();
		String metrics = this.client.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = COUNTER.matcher(metrics);
		assertThat(m.find()).as("nnfs_hot_path_requests_total in %s", metrics).isTrue();
		return Double.parseDouble(m.group(1));
	}

	private static Map<String, Object> answerHeaders(HttpHeaders headers) {
		Map<String, Object> kept = new TreeMap<>();
		headers.map().forEach((name, values) -> {
			if (!TRANSPORT.contains(name.toLowerCase())) {
				kept.put(name.toLowerCase(), values);
			}
		});
		return kept;
	}

}
