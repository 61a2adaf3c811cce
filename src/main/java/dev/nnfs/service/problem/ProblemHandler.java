package dev.nnfs.service.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.nnfs.service.compute.ComputeGateFilter;
import dev.nnfs.service.compute.ComputeProperties;
import dev.nnfs.service.compute.DeadlineExceededException;
import dev.nnfs.service.compute.OverloadedException;
import dev.nnfs.service.config.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure in Spring MVC into an RFC 9457 {@code application/problem+json}
 * answer ({@link Problems}): a fixed {@code type} and {@code title} per kind of problem,
 * a {@code detail} for people, and {@code errors} with the JSON Pointer (or parameter
 * name) of each offending element. Messages are the service's own: no exception class
 * names, stack traces or parser internals.
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
		return respond(Problems.invalid(ex.violations(), path(request)), null);
	}

	@ExceptionHandler(LimitExceededException.class)
	ResponseEntity<Object> limitExceeded(LimitExceededException ex, WebRequest request) {
		return respond(Problems.limit(ex, path(request)), null);
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = Problems.create(ex.type(), ex.status(), Problems.sentence(ex.getMessage()),
				path(request), ex.violations());
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::set);
		return respond(problem, headers);
	}

	@ExceptionHandler(UnknownActivationException.class)
	ResponseEntity<Object> unknownActivation(UnknownActivationException ex, WebRequest request) {
		ProblemDetail problem = Problems.create(ProblemType.UNKNOWN_ACTIVATION, HttpStatus.NOT_FOUND, ex.getMessage(),
				path(request), List.of(Violation.parameter("name", ex.getMessage())));
		problem.setProperty("known", ex.known());
		return respond(problem, null);
	}

	/**
	 * Tomcat decodes the query lazily and throws when an escape is not UTF-8
	 * ({@code %FF}).
	 */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ResponseEntity<Object> undecodableParameters(Exception ex, WebRequest request) {
		return respond(Problems.create(ProblemType.BAD_REQUEST, HttpStatus.BAD_REQUEST,
				"The query string could not be decoded: a percent-escape is not valid UTF-8.", path(request),
				List.of()), null);
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
		ProblemDetail problem = Problems.create(ProblemType.NON_FINITE_RESULT, HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.sentence(ex.getMessage()), path(request), List.of());
		problem.setProperty("resultPointer", ex.resultPointer());
		return respond(problem, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unhandled error on {}", path(request), ex);
		return respond(Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, path(request)), null);
	}

	private ResponseEntity<Object> unavailable(ProblemType type, String detail, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, compute.retryAfterHeader());
		return respond(Problems.create(type, HttpStatus.SERVICE_UNAVAILABLE, detail, path(request), List.of()),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid) {
				return invalidInput(invalid, request);
			}
			if (t instanceof LimitExceededException limit) {
				return limitExceeded(limit, request);
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof StreamConstraintsException constraint) {
				return limitExceeded(jsonLimit(constraint), request);
			}
			if (t instanceof MismatchedInputException mismatch
					&& String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
				return malformed("The body holds more after its JSON document ends; send exactly one JSON object.",
						List.of(), request);
			}
			if (t instanceof DatabindException bind) {
				return respond(Problems.invalid(
						List.of(Violation.at(pointer(bind.getPath()), "has the wrong type or form for this field")),
						path(request)), null);
			}
			if (t instanceof StreamReadException read) {
				return malformed(readMessage(read), readPointer(read), request);
			}
		}
		String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
				? "The request body is missing; it must be a JSON object."
				: "The request body could not be read as JSON.";
		return malformed(detail, List.of(), request);
	}

	private ResponseEntity<Object> malformed(String detail, List<Violation> errors, WebRequest request) {
		return respond(
				Problems.create(ProblemType.MALFORMED_JSON, HttpStatus.BAD_REQUEST, detail, path(request), errors),
				null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String sent = ex.getContentType() == null ? "no Content-Type" : "Content-Type '" + ex.getContentType() + "'";
		List<String> supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		String expected = supported.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : String.join(" or ", supported);
		ProblemDetail problem = Problems.create(ProblemType.UNSUPPORTED_MEDIA_TYPE, status,
				"This endpoint reads a JSON body: send it with the header 'Content-Type: " + expected
						+ "' (the request had " + sent
						+ "; curl -d sends application/x-www-form-urlencoded unless told otherwise).",
				path(request), List.of());
		problem.setProperty("supported", supported.isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE) : supported);
		return respond(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> offered = ex.getSupportedMediaTypes()
			.stream()
			.map((m) -> m.getType() + "/" + m.getSubtype())
			.distinct()
			.toList();
		String asked = request instanceof ServletWebRequest servlet ? servlet.getRequest().getHeader(HttpHeaders.ACCEPT)
				: null;
		String detail = offered.isEmpty()
				? "The Accept header" + (asked == null ? "" : " ('" + truncate(asked) + "')")
						+ " could not be read as a list of media types."
				: "None of the types in Accept" + (asked == null ? "" : " ('" + truncate(asked) + "')")
						+ " is on offer here; this endpoint answers " + String.join(", ", offered) + ".";
		ProblemDetail problem = Problems.create(ProblemType.NOT_ACCEPTABLE, status, detail, path(request), List.of());
		problem.setProperty("supported", offered);
		return respond(problem, null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String allowed = ex.getSupportedHttpMethods() == null ? ""
				: ex.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
		ProblemDetail problem = Problems.create(ProblemType.METHOD_NOT_ALLOWED, status, "Method " + ex.getMethod()
				+ " is not supported here" + (allowed.isEmpty() ? "." : "; use " + allowed + "."), path(request),
				List.of());
		return respond(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
		return respond(
				Problems.invalid(List.of(Violation.parameter(name, "has the wrong type or form")), path(request)),
				null);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(
				Problems.invalid(List.of(Violation.parameter(ex.getParameterName(), "is required")), path(request)),
				null);
	}

	/** The framework's other problems (404, ...) in this service's types. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			log.error("Framework error on {}", path(request), ex);
		}
		return respond(Problems.forStatus(status, path(request)), headers);
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.putAll(headers);
		}
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, HttpStatusCode.valueOf(problem.getStatus()));
	}

	/**
	 * Which of the JSON reader's constraints (see web's Jackson configuration) a document
	 * broke.
	 */
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

	private static String path(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			return servlet.getRequest().getRequestURI();
		}
		return "/";
	}

	private static String truncate(String s) {
		return s.length() <= 100 ? s : s.substring(0, 100) + "\u2026";
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

	/**
	 * The parser's complaint in the service's words: where (line and column) and what,
	 * without the source excerpts and internal names Jackson's own message carries.
	 */
	private static String readMessage(StreamReadException ex) {
		TokenStreamLocation loc = ex.getLocation();
		String where = (loc != null && loc.getLineNr() > 0)
				? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
		if (ex instanceof UnexpectedEndOfInputException) {
			return "The body ends before its JSON document does" + where
					+ ": it is cut short or a bracket is not closed.";
		}
		String original = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
		int source = original.indexOf("[Source");
		if (source >= 0) {
			original = original.substring(0, source);
		}
		int newline = original.indexOf('\n');
		if (newline >= 0) {
			original = original.substring(0, newline);
		}
		String cleaned = original.replaceAll("`[^`]*`", "")
			.replaceAll("\\(code \\d+\\)", "")
			.replaceAll("\\s+", " ")
			.strip();
		if (cleaned.endsWith(":") || cleaned.endsWith(";")) {
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		return "The body is not valid JSON" + where + (cleaned.isEmpty() ? "." : ": " + lowerFirst(cleaned) + ".");
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
