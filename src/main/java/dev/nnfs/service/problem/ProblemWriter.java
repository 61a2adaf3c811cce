package dev.nnfs.service.problem;

import dev.nnfs.service.compute.ComputeProperties;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem+json answer directly on the servlet response, for the places that run
 * before Spring MVC's exception handling (filters); on the Open Inference Protocol's
 * routes, the protocol's error object.
 */
@Component
public class ProblemWriter {

	private final JsonMapper mapper;

	private final String retryAfter;

	ProblemWriter(JsonMapper mapper, ComputeProperties compute) {
		this.mapper = mapper;
		this.retryAfter = compute.retryAfterHeader();
	}

	public void write(HttpServletRequest request, HttpServletResponse response, LimitExceededException ex)
			throws IOException {
		send(request, response, Problems.limit(ex, request.getRequestURI()));
	}

	/**
	 * The 503 of a service at capacity, as the compute gate's, with {@code Retry-After}.
	 * @param reason what is full, a clause that completes "The service is at capacity: "
	 */
	public void overloaded(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
		ProblemDetail problem = Problems.create(ProblemType.OVERLOADED, HttpStatus.SERVICE_UNAVAILABLE,
				"The service is at capacity: " + reason + ". Retry after the time in Retry-After.",
				request.getRequestURI(), List.of());
		response.setHeader("Retry-After", retryAfter);
		send(request, response, problem);
	}

	/**
	 * Writes {@code problem}: as problem+json, or on the Open Inference Protocol's routes
	 * ({@code /v2}) as the protocol's {@code application/json} error object, the same
	 * shape as the controller's errors there ({@code oip/ErrorResponse}): {@code error}
	 * is the problem's detail, followed by the limit's name when a limit refused it.
	 */
	private void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		if (isInferenceProtocol(request)) {
			Map<String, Object> members = problem.getProperties();
			Object limit = members != null ? members.get("limit") : null;
			String error = limit != null ? problem.getDetail() + " (" + limit + ")" : problem.getDetail();
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			mapper.writeValue(response.getOutputStream(), Map.of("error", error));
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			mapper.writeValue(response.getOutputStream(), problem);
		}
	}

	private static boolean isInferenceProtocol(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/v2") || path.startsWith("/v2/");
	}

}
