package dev.nnfs.service.web;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.ProblemWriter;

import java.io.IOException;

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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemWriter problems;

	BodySizeLimitFilter(Limits limits, ProblemWriter problems) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.problems = problems;
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
		chain.doFilter(new CappedRequest(request, maxBytes), response);
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
