package dev.nnfs.service.hardening;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client streaming a body far over {@code nnfs.limits.max-body-size} is refused with
 * 413, and while that happens other clients are served, correctly and promptly. Over a
 * real socket: the refusal of a declared length must come before the body is sent, and
 * the cut-off of a chunked body while the client is still sending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeRequestIsolationIT {

	private static final long MAX = 16L * 1024 * 1024;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aDeclaredOversizedBodyIsRefusedBeforeItIsSent() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /activations/relu HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + (1L << 40) + "\r\n\r\n{\"inputs\": [[")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String head = readHead(socket.getInputStream());
			assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
		}
	}

	@Test
	void othersAreServedWhileAChunkedBodyIsCutOff() throws Exception {
		AtomicBoolean streaming = new AtomicBoolean(true);
		CompletableFuture<String> refused = CompletableFuture.supplyAsync(() -> {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /activations/relu HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				byte[] chunk = ("," + " ".repeat(64 * 1024 - 2) + "0").getBytes(StandardCharsets.US_ASCII);
				byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
				out.write("e\r\n{\"inputs\": [[0\r\n".getBytes(StandardCharsets.US_ASCII));
				long sent = 0;
				try {
					// up to four times the limit, slowly enough that the others overlap
					// with it
					while (sent < 4 * MAX) {
						out.write(header);
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						sent += chunk.length;
						if (sent % (1024 * 1024) < chunk.length) {
							Thread.sleep(40);
						}
					}
				}
				catch (java.io.IOException ex) {
					// the server stopped reading: expected once it has refused the body
				}
				streaming.set(false);
				assertThat(sent).as("bytes sent before the cut-off").isGreaterThan(MAX);
				return readHead(socket.getInputStream());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		List<Long> latencies = new ArrayList<>();
		int served = 0;
		int servedWhileStreaming = 0;
		while (!refused.isDone() || served < 20) {
			long start = System.nanoTime();
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/activations/softmax"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(10))
					.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[1, 2, 3]]}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			latencies.add((System.nanoTime() - start) / 1_000_000);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(HostileInputPropertyIT.SOFTMAX_123);
			served++;
			if (streaming.get()) {
				servedWhileStreaming++;
			}
			if (served > 100_000) {
				break;
			}
		}
		String head = refused.get(60, TimeUnit.SECONDS);
		assertThat(head).startsWith("HTTP/1.1 413");
		latencies.sort(Long::compare);
		System.out
			.println(servedWhileStreaming + " requests served while a chunked body was streamed and refused; median "
					+ latencies.get(latencies.size() / 2) + " ms, max " + latencies.get(latencies.size() - 1) + " ms");
		assertThat(servedWhileStreaming).as("requests served while the large body streamed").isGreaterThanOrEqualTo(5);
		assertThat(latencies.get(latencies.size() / 2)).as("median latency (ms) meanwhile").isLessThan(500);
	}

	private static String readHead(InputStream in) throws java.io.IOException {
		StringBuilder head = new StringBuilder();
		int b;
		while ((b = in.read()) >= 0) {
			head.append((char) b);
			if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
				break;
			}
		}
		return head.toString();
	}

}
