package dev.nnfs.service.problem;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), for failures outside Spring MVC's exception
 * handling (a filter, the servlet container): the same problem+json as everywhere else, never
 * Spring Boot's default body, a stack trace or an exception message.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		for (Throwable t = (error instanceof Throwable th) ? th : null; t != null; t = t.getCause()) {
			if (t instanceof CommittedAnswerFailure.AnswerCutShortException) {
				// The answer had started: nothing more is written, the container closes the connection.
				return null;
			}
			if (t instanceof LimitExceededException limit) {
				HttpStatus status = limit.payloadTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
				ProblemDetail problem = problem(status, limit.payloadTooLarge() ? ProblemType.PAYLOAD_TOO_LARGE
						: ProblemType.LIMIT_EXCEEDED, Character.toUpperCase(limit.getMessage().charAt(0))
								+ limit.getMessage().substring(1) + ".", request);
				problem.setProperty("limit", limit.limit());
				problem.setProperty("limitValue", limit.value());
				return respond(status, problem);
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// asked for directly, not forwarded to by the container: there is no such resource
			code = 404;
		}
		HttpStatusCode status = HttpStatusCode.valueOf((code instanceof Integer i && i >= 400 && i < 600) ? i : 500);
		ProblemType type = ProblemType.forStatus(status);
		String detail = type.title() + ".";
		if (status.is5xxServerError()) {
			log.error("Error outside request handling on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(error instanceof Throwable th) ? th : null);
			detail = "The service failed to answer this request; it has been logged.";
		}
		return respond(status, problem(status, type, detail, request));
	}

	private static ProblemDetail problem(HttpStatusCode status, ProblemType type, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException ex) {
				// a path the client mangled; leave instance out rather than echo it
			}
		}
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
