package dev.nnfs.service.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), for failures outside Spring MVC's
 * exception handling (a filter, the servlet container): the same problem+json as
 * everywhere else, never Spring Boot's default body, a stack trace or an exception
 * message.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String instance = uri instanceof String path ? path : null;
		for (Throwable t = (error instanceof Throwable th) ? th : null; t != null; t = t.getCause()) {
			if (t instanceof CommittedAnswerFailure.AnswerCutShortException) {
				// The answer had started: nothing more is written, the container closes
				// the connection.
				return null;
			}
			if (t instanceof LimitExceededException limit) {
				return respond(Problems.limit(limit, instance));
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// asked for directly, not forwarded to by the container: there is no such
			// resource
			code = 404;
		}
		HttpStatusCode status = HttpStatusCode.valueOf((code instanceof Integer i && i >= 400 && i < 600) ? i : 500);
		if (status.is5xxServerError()) {
			log.error("Error outside request handling on {}", instance, (error instanceof Throwable th) ? th : null);
		}
		return respond(Problems.forStatus(status, instance));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
