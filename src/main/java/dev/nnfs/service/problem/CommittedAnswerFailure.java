package dev.nnfs.service.problem;

import dev.nnfs.service.compute.ComputeGateFilter;
import dev.nnfs.service.compute.DeadlineExceededException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that fails after its answer has started (a large batch written while it is
 * computed runs past its compute deadline) can no longer be answered with a problem: the
 * status line and some rows are out. Writing the problem after them would give the client
 * a 200 whose body is broken JSON, ended as if complete. Instead the failure is passed on
 * to the servlet container, which closes the connection without ending the body, so that
 * the client sees the answer cut short. Runs before {@link ProblemHandler}; leaves every
 * request whose answer has not started to it.
 */
@Component
class CommittedAnswerFailure implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(CommittedAnswerFailure.class);

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!response.isCommitted()) {
			return null;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DeadlineExceededException) {
				ComputeGateFilter.deadlineExceeded();
			}
		}
		log.warn("{} {} failed after its answer had started ({}); the connection is closed to cut it short",
				request.getMethod(), request.getRequestURI(), rootCause(ex));
		throw new AnswerCutShortException(ex);
	}

	private static String rootCause(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
	}

	/**
	 * Carries a failure past Spring MVC to the container, which aborts the connection for
	 * it.
	 */
	static final class AnswerCutShortException extends RuntimeException {

		AnswerCutShortException(Exception cause) {
			super("answer cut short", cause, false, false);
		}

	}

}
