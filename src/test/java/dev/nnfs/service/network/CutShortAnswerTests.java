package dev.nnfs.service.network;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed answer that runs past the compute deadline after its first rows went out is
 * cut short: the client sees the connection close before the end of the body, never a 200
 * whose body looks complete. A request refused before it started is a 503 problem as
 * usual.
 */
// 300,000 rows through 64 neurons: over the default layer output limit, raised here
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nnfs.compute.deadline=60ms", "nnfs.limits.max-layer-output-values=20000000" })
class CutShortAnswerTests {

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final CountDownLatch release = new CountDownLatch(1);

	private Future<?> occupied;

	@BeforeEach
	void helperBusy() throws InterruptedException {
		// With the helper thread busy elsewhere, the request thread computes every block
		// itself, as
		// under load, and checks the deadline in each one: 300,000 rows take well over 60
		// ms, so the
		// deadline passes mid-answer.
		long until = System.nanoTime() + 5_000_000_000L;
		while ((occupied = HelperThread.shared().lend(this::awaitRelease)) == null && System.nanoTime() < until) {
			Thread.sleep(10);
		}
		assertThat(occupied).as("the helper thread, lent to this test").isNotNull();
	}

	private void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@AfterEach
	void helperFree() throws Exception {
		release.countDown();
		if (occupied != null) {
			occupied.get();
		}
	}

	@Test
	void anAnswerPastItsDeadlineMidwayEndsWithTheConnectionNotWithAComplete200() throws Exception {
		String body = StreamedForwardApiTests.bigRequest(300_000, "");
		int cut = 0;
		for (int attempt = 0; attempt < 3; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/network/forward"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				// Only a refusal before the answer started may arrive whole.
				assertThat(response.statusCode()).as(response.body().substring(0, 200)).isEqualTo(503);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			}
			catch (IOException expected) {
				cut++;
			}
		}
		assertThat(cut).as("answers cut short of 3").isPositive();
		// The service goes on answering.
		HttpResponse<String> after = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/activations/softmax"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[1, 2, 3]]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).contains("[[0.09003057,0.24472846,0.66524094]]");
	}

}
