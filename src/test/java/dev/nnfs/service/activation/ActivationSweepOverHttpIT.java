package dev.nnfs.service.activation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accuracy sweep through HTTP, as a client sees it: every 3,583rd float32 bit pattern
 * (about 1.2 million inputs, both signs) plus the kernels' edges, sent to {@code POST
 * /activations/{name}} in bodies of 250,000 values, each answer within 1 ulp of the
 * correctly rounded value ({@link Reference32}). Inputs are written as the exact decimal
 * of the float (its double's shortest form), so the service rounds them back to the same
 * float; answers are read as float32, as numpy reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivationSweepOverHttpIT {

	private static final long STRIDE = 3583;

	private static final int CHUNK = 250_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@ParameterizedTest
	@ValueSource(
			strings = { "step", "linear", "relu", "leaky_relu", "sigmoid", "tanh", "elu", "gelu", "softplus", "silu" })
	void everyAnswerIsWithinOneUlp(String name) throws Exception {
		Activation activation = Activations.standard().get(name);
		double[] params = activation.defaults();
		DoubleUnaryOperator reference = Reference32.of(name, params.length > 0 ? params[0] : Double.NaN);
		Accuracy32 accuracy = new Accuracy32(name + " over HTTP");
		float[] chunk = new float[CHUNK];
		int n = 0;
		for (long bits = 0; bits < (1L << 32); bits += STRIDE) {
			float x = Float.intBitsToFloat((int) bits);
			if (!Float.isFinite(x)) {
				continue;
			}
			chunk[n++] = x;
			if (n == CHUNK) {
				send(name, chunk, n, accuracy, reference);
				n = 0;
			}
		}
		send(name, chunk, n, accuracy, reference);
		float[] edges = Kernels32Tests.edges();
		send(name, edges, edges.length, accuracy, reference);
		System.out.println(accuracy.summary());
		assertThat(accuracy.count).isGreaterThan(1_100_000);
		assertThat(accuracy.violations).isEmpty();
	}

	private void send(String name, float[] values, int n, Accuracy32 accuracy, DoubleUnaryOperator reference)
			throws Exception {
		StringBuilder body = new StringBuilder(n * 24).append("{\"inputs\":[");
		for (int i = 0; i < n; i++) {
			body.append(i == 0 ? "" : ",").append(Double.toString(values[i]));
		}
		body.append("]}");
		HttpResponse<byte[]> response = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/activations/" + name))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(120))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(name).isEqualTo(200);
		float[] outputs = new float[n];
		try (JsonParser p = JSON.createParser(response.body())) {
			while (p.nextToken() != null) {
				if (p.currentToken() == JsonToken.PROPERTY_NAME && p.currentName().equals("outputs")) {
					p.nextToken();
					int i = 0;
					while (p.nextToken() != JsonToken.END_ARRAY) {
						outputs[i++] = Float.parseFloat(p.getString());
					}
					assertThat(i).isEqualTo(n);
					break;
				}
			}
		}
		accuracy.check(Arrays.copyOf(values, n), outputs, n, reference);
	}

}
