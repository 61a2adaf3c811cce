package dev.nnfs.service.web;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request on the logger {@code nnfs.access}: method, path, status,
 * duration and client address, also as key-value pairs that structured (JSON) logging
 * turns into fields. Never the body, the query string or headers, which may carry what
 * clients consider private, and not the service's own warm-up requests ({@link WarmUp}).
 * Off with {@code nnfs.access-log.enabled=false}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "nnfs.access-log.enabled", havingValue = "true", matchIfMissing = true)
class AccessLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("nnfs.access");

	private static final int MAX_PATH = 200;

	private final WarmUp warmUp;

	AccessLogFilter(WarmUp warmUp) {
		this.warmUp = warmUp;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (warmUp.isWarmUp(request)) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		boolean ok = false;
		try {
			chain.doFilter(request, response);
			ok = true;
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new AsyncListener() {
					@Override
					public void onComplete(AsyncEvent event) {
						write(request, response, start, response.getStatus());
					}

					@Override
					public void onTimeout(AsyncEvent event) {
					}

					@Override
					public void onError(AsyncEvent event) {
					}

					@Override
					public void onStartAsync(AsyncEvent event) {
					}
				});
			}
			else {
				// an exception escaping the chain becomes a 500 on the container's error
				// page
				write(request, response, start, ok ? response.getStatus() : 500);
			}
		}
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, long start, int status) {
		if (!log.isInfoEnabled()) {
			return;
		}
		long micros = (System.nanoTime() - start) / 1000;
		String path = request.getRequestURI();
		if (path.length() > MAX_PATH) {
			path = path.substring(0, MAX_PATH) + "...";
		}
		String method = request.getMethod();
		log.atInfo()
			.addKeyValue("http.method", method)
			.addKeyValue("http.path", path)
			.addKeyValue("http.status", status)
			.addKeyValue("http.duration_ms", micros / 1000.0)
			.addKeyValue("http.request_bytes", request.getContentLengthLong())
			.addKeyValue("client.address", request.getRemoteAddr())
			.log(method + ' ' + path + ' ' + status + ' ' + millis(micros) + " ms");
	}

	/**
	 * Microseconds as milliseconds with one decimal, rounded half up: {@code 1250} is
	 * {@code "1.3"}. What {@code String.format("%.1f")} gives, at a fraction of its cost
	 * on every request.
	 */
	static String millis(long micros) {
		long tenths = (micros + 50) / 100;
		return Long.toString(tenths / 10) + '.' + (char) ('0' + tenths % 10);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

}
