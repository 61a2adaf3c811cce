package dev.nnfs.service.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warms the JVM up before the service reports ready: for {@code nnfs.warm-up.duration}
 * (default 20 s; 0 turns it off) it sends the hot requests (the book's softmax and
 * network, the other activations, both dtypes, the Inference Protocol, a spiral, a
 * 3,000-row pass, a refused body) to itself over loopback, from one client per core,
 * through Tomcat and every filter, so the JIT compiles what traffic will run before
 * traffic arrives.
 *
 * <p>
 * It runs as an {@link ApplicationRunner}: Spring Boot reports readiness
 * ({@code /actuator/health/readiness}) only after the runners, while liveness is already
 * up, so a load balancer sends nothing until the warm-up is over (docs/performance.md,
 * "Warm-up"). Its requests carry a header with a token drawn at start-up, known only to
 * this process: the access log and the HTTP metrics leave them out ({@link #isWarmUp}).
 * Nothing is stored; a failed warm-up is logged and the service starts anyway.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WarmUp implements ApplicationRunner {

	static final String HEADER = "X-Nnfs-Warm-Up";

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private record Call(String method, String path, String body, int status) {
	}

	private static final String SEEDS = """
			{"seed":0,"spiral":{"samples":100,"classes":3},"layers":[{"type":"dense","neurons":3},\
			{"type":"activation","name":"relu"},{"type":"dense","neurons":3},{"type":"activation","name":"softmax"}]}""";

	private static final String LARGE = """
			{"seed":3,"spiral":{"samples":1000,"classes":3},"layers":[{"type":"dense","neurons":64},\
			{"type":"activation","name":"relu"},{"type":"dense","neurons":64,"weightScale":0.3},\
			{"type":"activation","name":"relu"},{"type":"dense","neurons":3,"weightScale":0.3},\
			{"type":"activation","name":"softmax"}]}""";

	private static final String SOFTMAX = "{\"inputs\": [[1, 2, 3]]}";

	/** One round; the book's softmax most often, as it is the most frequent call. */
	private static final List<Call> ROUND = List.of(new Call("POST", "/activations/softmax", SOFTMAX, 200),
			new Call("POST", "/network/forward", SEEDS, 200), new Call("POST", "/activations/softmax", SOFTMAX, 200),
			new Call("POST", "/activations/relu", "{\"inputs\": [[0, 2, -1, 3.3], [-2.7, 1.1, 2.2, -100]]}", 200),
			new Call("POST", "/activations/softmax", SOFTMAX, 200),
			new Call("POST", "/activations/leaky_relu", "{\"inputs\": [[-2, 0.5]], \"params\": {\"alpha\": 0.1}}", 200),
			new Call("POST", "/activations/softmax", "{\"inputs\": [[1, 2, 3]], \"dtype\": \"float64\"}", 200),
			new Call("POST", "/network/forward", SEEDS.replace("{\"seed\"", "{\"dtype\":\"float64\",\"seed\""), 200),
			new Call("POST", "/activations/softmax", SOFTMAX, 200),
			new Call("POST", "/v2/models/softmax/infer",
					"{\"id\":\"1\",\"inputs\":[{\"name\":\"input\",\"shape\":[2,3],\"datatype\":\"FP32\","
							+ "\"data\":[[1,2,3],[-1,0,1]]}]}",
					200),
			new Call("GET", "/spiral?samples=100&classes=3", null, 200),
			new Call("POST", "/activations/softmax", "{\"inputs\": [[1, \"x\"]]}", 400),
			new Call("POST", "/network/forward", LARGE, 200));

	private final String token = HexFormat.of().formatHex(random());

	private final byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);

	/**
	 * True only while the warm-up runs: afterwards {@link #isWarmUp} answers without
	 * looking at the request's headers, on every request the access log and the metrics
	 * see.
	 */
	private volatile boolean running;

	private final Duration duration;

	private final Environment environment;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong unexpected = new AtomicLong();

	private final int clients;

	WarmUp(@Value("${nnfs.warm-up.duration:20s}") Duration duration, @Value("${nnfs.warm-up.clients:0}") int clients,
			Environment environment) {
		this.duration = duration;
		this.clients = clients > 0 ? clients : Math.max(1, Runtime.getRuntime().availableProcessors());
		this.environment = environment;
	}

	private static byte[] random() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	/** Requests the warm-up sent. */
	long sent() {
		return sent.get();
	}

	/** Requests the warm-up sent that were answered otherwise than expected. */
	long unexpected() {
		return unexpected.get();
	}

	/** Whether the request is one of the warm-up's own. */
	boolean isWarmUp(HttpServletRequest request) {
		if (!running) {
			return false;
		}
		String value = request.getHeader(HEADER);
		return value != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), tokenBytes);
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer port = environment.getProperty("local.server.port", Integer.class);
		if (duration.isZero() || duration.isNegative() || port == null || port <= 0) {
			return;
		}
		running = true;
		try {
			warmUp(base(port));
		}
		catch (Exception ex) {
			log.warn("Warm-up stopped early: {}", ex.toString());
		}
		finally {
			running = false;
		}
	}

	private String base(int port) throws Exception {
		String address = environment.getProperty("server.address", "");
		String host = "127.0.0.1";
		if (!address.isBlank()) {
			InetAddress bound = InetAddress.getByName(address);
			if (!bound.isAnyLocalAddress()) {
				host = bound.getHostAddress();
			}
		}
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

	private void warmUp(String base) throws InterruptedException {
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients, (r) -> {
			Thread t = new Thread(r, "warm-up");
			t.setDaemon(true);
			return t;
		});
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		List<HttpRequest> requests = ROUND.stream().map((call) -> request(base, call)).toList();
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				while (System.nanoTime() < end) {
					for (int i = 0; i < requests.size() && System.nanoTime() < end; i++) {
						int status = send(client, requests.get(i));
						sent.incrementAndGet();
						if (status != ROUND.get(i).status()) {
							unexpected.incrementAndGet();
						}
					}
				}
			});
		}
		pool.shutdown();
		if (!pool.awaitTermination(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
			pool.shutdownNow();
		}
		log.info("Warm-up: {} requests to itself in {} ms from {} clients, {} answered otherwise than expected",
				sent.get(), (System.nanoTime() - start) / 1_000_000, clients, unexpected.get());
	}

	private HttpRequest request(String base, Call call) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
			.timeout(Duration.ofSeconds(10))
			.header(HEADER, token);
		if (call.body() == null) {
			return builder.GET().build();
		}
		return builder.header("Content-Type", "application/json")
			.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()))
			.build();
	}

	private static int send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (Exception ex) {
			return -1;
		}
	}

}
