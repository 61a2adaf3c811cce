package dev.nnfs.service.problem;

import dev.nnfs.service.compute.ComputeGateFilter;
import dev.nnfs.service.compute.ComputeProperties;
import dev.nnfs.service.compute.DeadlineExceededException;
import dev.nnfs.service.compute.OverloadedException;
import dev.nnfs.service.config.Limits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer: a fixed
 * {@code type} and {@code title} per kind of problem, a {@code detail} for people, and
 * {@code errors} with the JSON Pointer (or parameter name) of each offending element. Messages
 * are the service's own: no exception class names, stack traces or parser internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final ComputeProperties compute;

	private final Limits limits;

	ProblemHandler(ComputeProperties compute, Limits limits) {
		this.compute = compute;
		this.limits = limits;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalidInput(InvalidInputException ex, WebRequest request) {
		return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(ex.violations()), ex.violations(),
				request);
	}

	@ExceptionHandler(LimitExceededException.class)
	ResponseEntity<Object> limitExceeded(LimitExceededException ex, WebRequest request) {
		return limit(ex, request);
	}

	@ExceptionHandler(UnknownActivationException.class)
	ResponseEntity<Object> unknownActivation(UnknownActivationException ex, WebRequest request) {
		ResponseEntity<Object> response = problem(ProblemType.UNKNOWN_ACTIVATION, HttpStatus.NOT_FOUND,
				ex.getMessage(), List.of(Violation.parameter("name", ex.getMessage())), request);
		((ProblemDetail) response.getBody()).setProperty("known", ex.known());
		return response;
	}

	/** Tomcat decodes the query lazily and throws when an escape is not UTF-8 ({@code %FF}). */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ResponseEntity<Object> undecodableParameters(Exception ex, WebRequest request) {
		return problem(ProblemType.BAD_REQUEST, HttpStatus.BAD_REQUEST,
				"The query string could not be decoded: a percent-escape is not valid UTF-8.", List.of(), request);
	}

	@ExceptionHandler(OverloadedException.class)
	ResponseEntity<Object> overloaded(OverloadedException ex, WebRequest request) {
		return unavailable(ProblemType.OVERLOADED,
				"The service is at capacity: " + ex.getMessage() + ". Retry after the time in Retry-After.", request);
	}

	@ExceptionHandler(DeadlineExceededException.class)
	ResponseEntity<Object> deadlineExceeded(DeadlineExceededException ex, WebRequest request) {
		ComputeGateFilter.deadlineExceeded();
		return unavailable(ProblemType.TIMEOUT, "The computation ran longer than the limit of "
				+ compute.deadline().toMillis() + " ms (nnfs.compute.deadline) and was stopped.", request);
	}

	@ExceptionHandler(NonFiniteResultException.class)
	ResponseEntity<Object> nonFinite(NonFiniteResultException ex, WebRequest request) {
		ResponseEntity<Object> response = problem(ProblemType.NON_FINITE_RESULT, HttpStatus.UNPROCESSABLE_CONTENT,
				capitalize(ex.getMessage()) + ".", List.of(), request);
		((ProblemDetail) response.getBody()).setProperty("resultPointer", ex.resultPointer());
		return response;
	}

	private ResponseEntity<Object> unavailable(ProblemType type, String detail, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setInstance(java.net.URI.create(path(request)));
		long seconds = Math.max(1, (compute.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unhandled error on {}", path(request), ex);
		return problem(ProblemType.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to answer this request; it has been logged.", List.of(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid) {
				return invalidInput(invalid, request);
			}
			if (t instanceof LimitExceededException limit) {
				return limit(limit, request);
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof StreamConstraintsException constraint) {
				return limit(jsonLimit(constraint), request);
			}
			if (t instanceof DatabindException bind) {
				Violation v = Violation.at(pointer(bind.getPath()), bindMessage(bind));
				return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(List.of(v)), List.of(v),
						request);
			}
			if (t instanceof StreamReadException read) {
				return problem(ProblemType.MALFORMED_JSON, HttpStatus.BAD_REQUEST, readMessage(read),
						readPointer(read), request);
			}
		}
		String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
				? "The request body is missing; it must be a JSON object." : "The request body could not be read as JSON.";
		return problem(ProblemType.MALFORMED_JSON, HttpStatus.BAD_REQUEST, detail, List.of(), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			violations.add(Violation.at(fieldPointer(error.getField()), fieldMessage(error.getCode(),
					error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((e) -> violations.add(Violation.at("", String.valueOf(e.getDefaultMessage()))));
		return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(violations), violations, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((e) -> violations.add(Violation.parameter(name, String.valueOf(e.getDefaultMessage())
						+ ", not " + result.getArgument())));
		});
		return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(violations), violations, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
		String expected = ex.getRequiredType() == null ? "a value of another type" : jsonType(ex.getRequiredType());
		Violation v = Violation.parameter(name, "must be " + expected + ", not '" + ex.getValue() + "'");
		return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(List.of(v)), List.of(v), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Violation v = Violation.parameter(ex.getParameterName(), "is required");
		return problem(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(List.of(v)), List.of(v), request);
	}

	/** Normalises the framework's own problems (404, 405, 415, 406, ...) to this service's types. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemType type = ProblemType.forStatus(status);
		String detail = (body instanceof ProblemDetail pd && pd.getDetail() != null) ? pd.getDetail() : type.title();
		if (status.is5xxServerError()) {
			log.error("Framework error on {}", path(request), ex);
			detail = "The service failed to answer this request; it has been logged.";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setInstance(java.net.URI.create(path(request)));
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.putAll(headers);
		}
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, status);
	}

	private ResponseEntity<Object> limit(LimitExceededException ex, WebRequest request) {
		HttpStatus status = ex.payloadTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		ProblemType type = ex.payloadTooLarge() ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.LIMIT_EXCEEDED;
		List<Violation> violations = ex.pointer() != null ? List.of(Violation.at(ex.pointer(), ex.getMessage()))
				: ex.parameter() != null ? List.of(Violation.parameter(ex.parameter(), ex.getMessage())) : List.of();
		ResponseEntity<Object> response = problem(type, status, capitalize(ex.getMessage()) + ".", violations, request);
		ProblemDetail body = (ProblemDetail) response.getBody();
		body.setProperty("limit", ex.limit());
		body.setProperty("limitValue", ex.value());
		return response;
	}

	/** Which of the JSON reader's constraints ({@link JacksonConfiguration}) a document broke. */
	private LimitExceededException jsonLimit(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getOriginalMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("nesting depth")) {
			return new LimitExceededException("nnfs.limits.max-json-nesting-depth", limits.maxJsonNestingDepth(), null,
					"arrays and objects nest deeper than " + limits.maxJsonNestingDepth()
							+ " levels (nnfs.limits.max-json-nesting-depth)");
		}
		if (message.contains("number value length")) {
			return new LimitExceededException("nnfs.limits.max-json-number-length", limits.maxJsonNumberLength(), null,
					"a number is written with more than " + limits.maxJsonNumberLength()
							+ " characters (nnfs.limits.max-json-number-length)");
		}
		if (message.contains("document length")) {
			return LimitExceededException.bodyTooLarge(limits.maxBodySize().toBytes());
		}
		return new LimitExceededException("nnfs.limits.max-json-string-length", limits.maxJsonStringLength(), null,
				"a string or field name is longer than " + limits.maxJsonStringLength()
						+ " characters (nnfs.limits.max-json-string-length)");
	}

	static ResponseEntity<Object> problem(ProblemType type, HttpStatusCode status, String detail,
			Collection<Violation> violations, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setInstance(java.net.URI.create(path(request)));
		if (!violations.isEmpty()) {
			problem.setProperty("errors", List.copyOf(violations));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String path(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			return servlet.getRequest().getRequestURI();
		}
		return "/";
	}

	private static String summary(List<Violation> violations) {
		if (violations.isEmpty()) {
			return "The request is invalid.";
		}
		Violation first = violations.get(0);
		String where = first.pointer() != null ? (first.pointer().isEmpty() ? "the body" : first.pointer())
				: "parameter '" + first.parameter() + "'";
		String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
		return where + ": " + first.message() + more;
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static String pointer(List<JacksonException.Reference> path) {
		StringBuilder sb = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			sb.append('/');
			if (ref.getPropertyName() != null) {
				sb.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
			}
			else if (ref.getIndex() >= 0) {
				sb.append(ref.getIndex());
			}
		}
		return sb.toString();
	}

	private static String fieldPointer(String field) {
		return "/" + field.replace("[", ".").replace("]", "").replace('.', '/');
	}

	private static String fieldMessage(String code, String defaultMessage) {
		if ("NotNull".equals(code)) {
			return "is required";
		}
		return defaultMessage == null ? "is invalid" : defaultMessage;
	}

	private static String bindMessage(DatabindException ex) {
		if (ex instanceof PropertyBindingException unknown) {
			Collection<Object> known = unknown.getKnownPropertyIds();
			return "unknown field '" + unknown.getPropertyName() + "'"
					+ (known == null || known.isEmpty() ? "" : "; known fields: " + String.join(", ",
							known.stream().map(String::valueOf).sorted().toList()));
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + jsonType(mismatch.getTargetType());
		}
		return "has the wrong type or form";
	}

	/** What a Java target type looks like in JSON, for messages. */
	private static String jsonType(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}

	private static String readMessage(StreamReadException ex) {
		String original = ex.getOriginalMessage() == null ? "the document is not valid JSON" : ex.getOriginalMessage();
		// Jackson's messages quote source snippets and internal names in backticks and parentheses.
		String cleaned = original.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
		int cut = cleaned.indexOf('\n');
		if (cut >= 0) {
			cleaned = cleaned.substring(0, cut);
		}
		TokenStreamLocation loc = ex.getLocation();
		String where = (loc != null && loc.getLineNr() > 0)
				? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
		return "The body is not valid JSON" + where + ": " + lowerFirst(cleaned);
	}

	private static List<Violation> readPointer(StreamReadException ex) {
		JsonParser parser = ex.processor();
		if (parser != null && parser.streamReadContext() != null) {
			String pointer = parser.streamReadContext().pathAsPointer().toString();
			return List.of(Violation.at(pointer, "the document is not valid JSON here"));
		}
		return List.of();
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
	}

}
