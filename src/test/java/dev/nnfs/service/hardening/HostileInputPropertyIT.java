package dev.nnfs.service.hardening;

import dev.nnfs.service.hardening.HostileRequests.Request;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.nnfs.service.Application;
import dev.nnfs.service.OpenApiContract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of generated hostile requests ({@link HostileRequests}) at every endpoint of
 * the running service, over real HTTP. Whatever comes in, the answer is a 2xx or a 4xx
 * problem+json, never a 5xx; no answer carries a stack trace, a class name, a parser's
 * internals or a non-finite number; and the service still answers a known request
 * exactly, during the run and after it.
 *
 * <p>
 * A jqwik property, not a Spring test: jqwik runs its tries on its own lifecycle, so the
 * service is started here on a random loopback port, once for all tries.
 */
class HostileInputPropertyIT {

	/**
	 * Each answer is also checked against the OpenAPI document, which costs more than
	 * sending it.
	 */
	static final int TRIES = 6_000;

	private static final Pattern LEAKS = Pattern
		.compile("Exception|java\\.|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.apache|dev\\.nnfs"
				+ "|\\tat |nd4j|bytedeco|Tomcat");

	private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

	static final String SOFTMAX_123 = "{\"activation\":\"softmax\",\"dtype\":\"float32\",\"shape\":[1,3],"
			+ "\"outputs\":[[0.09003057,0.24472846,0.66524094]],\"argmax\":[2],\"confidence\":[0.66524094]}";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static ConfigurableApplicationContext service;

	private static HttpClient client;

	private static String base;

	private static OpenApiInteractionValidator contract;

	private static final AtomicInteger sent = new AtomicInteger();

	private static final Map<String, AtomicInteger> byKindAndStatus = new ConcurrentHashMap<>();

	@BeforeContainer
	static void start() {
		service = new SpringApplicationBuilder(Application.class).run("--server.port=0", "--server.address=127.0.0.1",
				"--nnfs.access-log.enabled=false", "--nnfs.compute.queue-timeout=30s");
		base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
		client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			contract = OpenApiContract.validator(
					client
						.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
								HttpResponse.BodyHandlers.ofString())
						.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not read the OpenAPI document", ex);
		}
	}

	@AfterContainer
	static void stop() throws Exception {
		try {
			assertThat(sent.get()).as("hostile requests sent").isGreaterThanOrEqualTo(TRIES);
			System.out.println(sent.get() + " hostile requests over HTTP, by kind and status: "
					+ new java.util.TreeMap<>(byKindAndStatus));
			assertKnownAnswer();
		}
		finally {
			service.close();
		}
	}

	@Provide
	Arbitrary<Request> hostile() {
		return HostileRequests.arbitrary();
	}

	@Property(tries = TRIES)
	void neverA5xxAlwaysProblemJsonNothingLeaks(@ForAll("hostile") Request request) throws Exception {
		HttpResponse<String> response = send(request);
		int n = sent.incrementAndGet();
		byKindAndStatus.computeIfAbsent(request.kind() + " " + response.statusCode(), (k) -> new AtomicInteger())
			.incrementAndGet();
		String contentType = response.headers().firstValue("Content-Type").orElse(null);
		check(response.statusCode(), contentType, response.body(), request.describe());
		String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?'))
				: request.path();
		ValidationReport report = OpenApiContract.check(contract, request.method(), path, response.statusCode(),
				response.headers().map(), contentType, response.body().getBytes(StandardCharsets.UTF_8));
		if (report.hasErrors()) {
			fail("the answer to %s does not match the OpenAPI document:%n%s%nanswer: %s", request.describe(),
					OpenApiContract.describe(report), response.body());
		}
		if (n % 1000 == 0) {
			assertKnownAnswer();
		}
	}

	private static HttpResponse<String> send(Request request) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static void assertKnownAnswer() throws Exception {
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/activations/softmax"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[1, 2, 3]]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(SOFTMAX_123);
	}

	static void check(int status, String contentType, String body, String where) {
		if (status >= 500) {
			fail("%d for %s%nanswer: %s", status, where, body);
		}
		if (LEAKS.matcher(body).find()) {
			fail("internals leak in the answer to %s: %s", where, body);
		}
		if (status >= 400) {
			assertThat(contentType).as("content type of %d for %s", status, where)
				.startsWith("application/problem+json");
			JsonNode problem = MAPPER.readTree(body);
			assertThat(problem.path("status").asInt()).as("status in %s", body).isEqualTo(status);
			assertThat(problem.path("type").asString()).as("type in %s", body).startsWith("urn:nnfs:problem:");
			assertThat(problem.path("title").isString()).as("title in %s", body).isTrue();
			assertThat(problem.path("detail").isString()).as("detail in %s", body).isTrue();
		}
		else if (contentType != null && contentType.startsWith("application/json")) {
			assertFinite(MAPPER.readTree(body), where);
		}
	}

	/**
	 * Every number in an answer is finite, and no string smuggles in a NaN or an
	 * infinity.
	 */
	static void assertFinite(JsonNode node, String where) {
		if (node.isNumber()) {
			assertThat(Double.isFinite(node.asDouble())).as("number %s in the answer to %s", node, where).isTrue();
		}
		else if (node.isString()) {
			assertThat(NON_FINITE.matcher(node.asString()).matches()).as("string %s in the answer to %s", node, where)
				.isFalse();
		}
		else {
			for (JsonNode child : node) {
				assertFinite(child, where);
			}
		}
	}

}
