package dev.nnfs.service.web;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.ProblemWriter;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link Limits#maxBodySize()}: a declared {@code Content-Length} over the limit
 * is refused with 413 before a byte of the body is read; a body without one (chunked) is
 * counted as it is read and cut off at the limit, which also ends in a 413.
 *
 * <p>
 * It also keeps the bodies held at once within {@link Limits#maxInflightBodySize()}: a
 * request reserves its declared length (a body without one, the largest body allowed)
 * from that budget before its body is read and gives it back when its answer has been
 * written. Bodies are read whole and parsed on the heap, so this bounds what requests
 * waiting for a compute slot, or still arriving, hold there. A request whose body does
 * not fit is refused at once with 503 and {@code Retry-After}, before a byte of it is
 * read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxInflightBytes;

	private final AtomicLong inflightBytes = new AtomicLong();

	private final ProblemWriter problems;

	BodySizeLimitFilter(Limits limits, ProblemWriter problems, MeterRegistry registry) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.maxInflightBytes = limits.maxInflightBodySize().toBytes();
		this.problems = problems;
		Gauge.builder("nnfs.requests.inflight.body", inflightBytes::get)
			.description("request body bytes reserved by requests being received or handled")
			.baseUnit("bytes")
			.register(registry);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = declaredLength(request);
		if (declared > maxBytes) {
			// The client may still be sending: tell it not to reuse the connection.
			response.setHeader("Connection", "close");
			problems.write(request, response, LimitExceededException.bodyTooLarge(maxBytes));
			return;
		}
		long reserved = declared >= 0 ? declared : request.getHeader("Transfer-Encoding") != null ? maxBytes : 0;
		if (reserved > 0 && !reserve(reserved)) {
			response.setHeader("Connection", "close");
			problems.overloaded(request, response,
					"request bodies of " + inflightBytes.get() + " bytes are being handled and this one's " + reserved
							+ " would go over the limit of " + maxInflightBytes
							+ " bytes (nnfs.limits.max-inflight-body-size)");
			return;
		}
		try {
			chain.doFilter(new CappedRequest(request, maxBytes), response);
		}
		finally {
			if (reserved > 0) {
				inflightBytes.addAndGet(-reserved);
			}
		}
	}

	private boolean reserve(long bytes) {
		long now;
		do {
			now = inflightBytes.get();
			if (now + bytes > maxInflightBytes) {
				return false;
			}
		}
		while (!inflightBytes.compareAndSet(now, now + bytes));
		return true;
	}

	private static long declaredLength(HttpServletRequest request) {
		String header = request.getHeader("Content-Length");
		if (header != null) {
			try {
				return Long.parseLong(header.strip());
			}
			catch (NumberFormatException ex) {
				// The container rejects a malformed length itself; count the bytes
				// instead.
			}
		}
		return request.getContentLengthLong();
	}

	private static final class CappedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		CappedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CappedInputStream(super.getInputStream(), maxBytes);
			}
			return stream;
		}

	}

	private static final class CappedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long count;

		CappedInputStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buf, int off, int len) throws IOException {
			int n = in.read(buf, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			count += n;
			if (count > maxBytes) {
				throw LimitExceededException.bodyTooLarge(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
