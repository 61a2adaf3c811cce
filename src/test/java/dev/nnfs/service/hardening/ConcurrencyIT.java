package dev.nnfs.service.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 client threads send a shuffled mix of valid and invalid requests at once. Every
 * valid answer must be byte-identical to the answer the same request got alone, every
 * invalid one a 4xx; a 503 from load shedding is retried after its {@code Retry-After},
 * as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyIT {

	static final int THREADS = 32;

	static final int ROUNDS = 40;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Call(String method, String path, String body) {
	}

	static List<Call> valid() {
		List<Call> calls = new ArrayList<>();
		for (String body : HostileRequests.VALID_BODIES) {
			String path = body.contains("layers") ? "/network/forward"
					: body.contains("alpha") ? "/activations/leaky_relu" : "/activations/softmax";
			calls.add(new Call("POST", path, body));
		}
		for (String name : HostileRequests.ACTIVATIONS) {
			calls.add(new Call("POST", "/activations/" + name, "{\"inputs\": [[0.5, -1.25, 3], [100, -100, 1e-3]]}"));
		}
		calls.add(new Call("POST", "/network/forward",
				"""
						{"seed": 0, "spiral": {"samples": 300, "classes": 3}, "layers": [{"type": "dense", "neurons": 64},
						 {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}],
						 "returnLayers": true}"""));
		// Large, unlabelled (2 outputs for 3 classes): written while computed, sharing
		// the helper thread.
		for (int seed = 1; seed <= 2; seed++) {
			calls.add(new Call("POST", "/network/forward", """
					{"seed": %d, "spiral": {"samples": 1000, "classes": 3}, "layers": [{"type": "dense", "neurons": 64},
					 {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 64, "weightScale": 0.3},
					 {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 2, "weightScale": 0.3},
					 {"type": "activation", "name": "softmax"}]}""".formatted(seed)));
		}
		calls.add(new Call("GET", "/spiral?samples=100&classes=3&seed=5&skip=7", null));
		calls.add(new Call("GET", "/spiral?samples=20&classes=2&format=csv", null));
		return calls;
	}

	static List<Call> invalid() {
		return List.of(new Call("POST", "/activations/relu", "{\"inputs\": [[1, \"NaN\"]]}"),
				new Call("POST", "/activations/relu", "{\"inputs\": [[1, 1e39]]}"),
				new Call("POST", "/activations/relu", "{\"inputs\": [[1, 2]], \"inputs\": [[3]]}"),
				new Call("POST", "/activations/nope", "{\"inputs\": [[1]]}"),
				new Call("POST", "/network/forward",
						"{\"inputs\": [[1, 2]], \"layers\": [{\"type\": \"dense\", \"neurons\": 2, \"weights\": [[1]]}]}"),
				new Call("POST", "/activations/softmax", "{\"inputs\": [[1, 2"),
				new Call("GET", "/spiral?samples=-3", null));
	}

	private HttpResponse<String> send(Call call) throws Exception {
		for (int attempt = 0;; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
				.timeout(Duration.ofSeconds(60));
			if (call.body() == null) {
				request.GET();
			}
			else {
				request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(call.body()));
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 503 || attempt == 50) {
				return response;
			}
			retried.incrementAndGet();
			Thread.sleep(Math.min(1000, 20L * (attempt + 1)));
		}
	}

	private final AtomicInteger retried = new AtomicInteger();

	@Test
	void concurrentAnswersAreByteIdenticalToSingleThreadedOnes() throws Exception {
		List<Call> valid = valid();
		List<Call> invalid = invalid();
		Map<Call, String> alone = new HashMap<>();
		for (Call call : valid) {
			HttpResponse<String> response = send(call);
			assertThat(response.statusCode()).as("%s alone", call).isEqualTo(200);
			alone.put(call, response.body());
		}

		List<Call> all = new ArrayList<>(valid);
		all.addAll(invalid);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int offset = t;
				results.add(pool.submit(() -> {
					java.util.Random random = new java.util.Random(offset);
					int checked = 0;
					for (int i = 0; i < ROUNDS; i++) {
						Call call = all.get(random.nextInt(all.size()));
						HttpResponse<String> response = send(call);
						if (alone.containsKey(call)) {
							assertThat(response.statusCode()).as("%s", call).isEqualTo(200);
							assertThat(response.body()).as("%s under load", call).isEqualTo(alone.get(call));
						}
						else {
							assertThat(response.statusCode()).as("%s", call).isBetween(400, 499);
						}
						checked++;
					}
					return checked;
				}));
			}
			int total = 0;
			for (Future<Integer> result : results) {
				total += result.get();
			}
			assertThat(total).isEqualTo(THREADS * ROUNDS);
			System.out.println(total + " concurrent requests from " + THREADS + " threads, " + retried.get()
					+ " retried after a 503");
		}
		finally {
			pool.shutdownNow();
		}
	}

}
