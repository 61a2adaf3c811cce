package dev.nnfs.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

import dev.nnfs.service.activation.ActivationController;
import dev.nnfs.service.activation.ActivationRequest;
import dev.nnfs.service.compute.ComputeGateFilter;
import dev.nnfs.service.config.CorsProperties;
import dev.nnfs.service.network.ForwardRequest;
import dev.nnfs.service.network.NetworkController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers the two small-request hot spots, {@code POST /activations/{name}} and
 * {@code POST /network/forward}, without going through Spring MVC's dispatch, when the
 * request is a plain, well-formed one; every other request, and every one of these that
 * is not, goes down the filter chain as before.
 *
 * <h2>Why</h2> For a request such as {@code {"inputs": [[1, 2, 3]]}} the arithmetic is
 * well under a microsecond, and a profile of the dispatcher's path showed its generic
 * machinery taking most of the CPU: handler lookup by pattern, argument resolvers,
 * message-converter and content-type negotiation, body advice chains, return value
 * handlers. This filter does the same work for these two routes directly: the same
 * {@link JsonMapper} reads the body into the same request type and writes the answer, the
 * same controller method computes it, and what the dispatcher path does around them is
 * done here too: the compute slot is taken after the body is read (as
 * {@code ComputeSlotAdvice} does), the answer is checked for non-finite numbers
 * ({@link FiniteResponseAdvice#check}), and the route's pattern is given to the metrics
 * ({@code http_server_requests_seconds{uri="/activations/{name}"}}) and to the request's
 * attributes. It sits last in the filter chain, so the access log, the metrics, the body
 * size limit and the compute gate all see the request as before.
 *
 * <h2>When it steps aside</h2> Only a request with no query string, no {@code Origin}
 * header (CORS), a {@code Content-Type} of {@code application/json} (UTF-8), an
 * {@code Accept} header absent, {@code *}{@code /*} or {@code application/json}, and a
 * declared {@code Content-Length} of at most {@link #MAX_BODY} bytes is served here, and
 * only while CORS is off. If reading, checking or computing its answer throws anything (a
 * mistake in the body, an unknown activation, a full compute queue), nothing has been
 * written yet: the request goes down the chain with the body it sent, and Spring MVC
 * answers it exactly as it answers every request, problem details and all. A streamed
 * forward answer (a large batch) is left to the dispatcher too. {@code HotPathApiTests}
 * checks that both ways give the same status, headers and bytes.
 *
 * <p>
 * The requests answered here are counted ({@code nnfs_hot_path_requests_total}). Off with
 * {@code nnfs.hot-path.enabled=false}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "nnfs.hot-path.enabled", havingValue = "true", matchIfMissing = true)
class HotPathFilter extends OncePerRequestFilter {

	/**
	 * The largest body served here; larger ones gain nothing from skipping the dispatch.
	 */
	static final int MAX_BODY = 64 * 1024;

	/** Answers up to this size are sent whole, with their length. */
	private static final int RESPONSE_BUFFER = 64 * 1024;

	private static final String ACTIVATIONS = "/activations/";

	private static final String ACTIVATION_PATTERN = "/activations/{name}";

	private static final String FORWARD = "/network/forward";

	private final ObjectProvider<ActivationController> activations;

	private final ObjectProvider<NetworkController> networks;

	/** Looked up at the first request that needs it (a benign race: the same bean). */
	private ActivationController activationController;

	private NetworkController networkController;

	private final boolean corsEnabled;

	private final ObjectReader activationReader;

	private final ObjectReader forwardReader;

	private final ObjectWriter writer;

	private final Counter served;

	/**
	 * The controllers are looked up when a request comes, so that an application slice
	 * without them (a controller test) still starts; the filter then steps aside.
	 */
	HotPathFilter(JsonMapper mapper, ObjectProvider<ActivationController> activations,
			ObjectProvider<NetworkController> networks, CorsProperties cors, MeterRegistry registry) {
		this.activations = activations;
		this.networks = networks;
		this.corsEnabled = cors.enabled();
		this.activationReader = mapper.readerFor(ActivationRequest.class);
		this.forwardReader = mapper.readerFor(ForwardRequest.class);
		this.writer = mapper.writer();
		this.served = Counter.builder("nnfs.hot.path.requests")
			.description("Requests answered without Spring MVC's dispatch (HotPathFilter)")
			.register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.corsEnabled || !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		String name = null;
		if (path.startsWith(ACTIVATIONS)) {
			name = path.substring(ACTIVATIONS.length());
			if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('%') >= 0 || name.indexOf(';') >= 0) {
				name = null;
			}
		}
		boolean forward = name == null && path.equals(FORWARD);
		ActivationController activationController = (name != null) ? activationController() : null;
		NetworkController networkController = forward ? networkController() : null;
		if ((activationController == null && networkController == null) || !plain(request)) {
			chain.doFilter(request, response);
			return;
		}
		int length = (int) request.getContentLengthLong();
		byte[] body = request.getInputStream().readNBytes(length);
		Object answer;
		try {
			if (name != null) {
				ActivationRequest parsed = this.activationReader.readValue(body);
				ComputeGateFilter.enter();
				answer = activationController.apply(name, parsed);
			}
			else {
				ForwardRequest parsed = this.forwardReader.readValue(body);
				ComputeGateFilter.enter();
				answer = networkController.forward(parsed);
			}
			// A record is an answer computed in full; anything else (a streamed forward
			// answer of a large batch) is left to the dispatcher, which knows how to end
			// one that fails half-way.
			if (!answer.getClass().isRecord()) {
				answer = null;
			}
			else {
				FiniteResponseAdvice.check(answer);
			}
		}
		catch (RuntimeException ex) {
			answer = null;
		}
		if (answer == null) {
			chain.doFilter(new BodyReplay(request, body), response);
			return;
		}
		String pattern = (name != null) ? ACTIVATION_PATTERN : FORWARD;
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
		if (name != null) {
			request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("name", name));
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(pattern));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// Not flushed here: an answer that fits the buffer goes out whole, with its
		// Content-Length, when the request ends, never as a chunked body whose last chunk
		// a replica stopped at the wrong moment would fail to send.
		response.setBufferSize(RESPONSE_BUFFER);
		this.writer.writeValue(new NonClosing(response.getOutputStream()), answer);
		this.served.increment();
	}

	private ActivationController activationController() {
		ActivationController controller = this.activationController;
		if (controller == null) {
			controller = this.activations.getIfAvailable();
			this.activationController = controller;
		}
		return controller;
	}

	private NetworkController networkController() {
		NetworkController controller = this.networkController;
		if (controller == null) {
			controller = this.networks.getIfAvailable();
			this.networkController = controller;
		}
		return controller;
	}

	/**
	 * Whether the request is one this filter may answer: see the class comment. Taking
	 * the compute slot is the last step, after the body has been parsed.
	 */
	private static boolean plain(HttpServletRequest request) {
		if (request.getQueryString() != null || request.getHeader("Origin") != null) {
			return false;
		}
		long length = request.getContentLengthLong();
		if (length <= 0 || length > MAX_BODY) {
			return false;
		}
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		type = type.toLowerCase(Locale.ROOT).replace(" ", "");
		if (!type.equals("application/json") && !type.equals("application/json;charset=utf-8")) {
			return false;
		}
		String accept = request.getHeader("Accept");
		return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
	}

	/** The request as it arrived, its body read again from the bytes already taken. */
	private static final class BodyReplay extends HttpServletRequestWrapper {

		private final byte[] body;

		BodyReplay(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body has already been read");
				}
			};
		}

	}

	/** The response stream, left open for the container to finish, as MVC leaves it. */
	private static final class NonClosing extends OutputStream {

		private final OutputStream out;

		NonClosing(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			this.out.flush();
		}

		@Override
		public void close() {
		}

	}

}
