package dev.nnfs.service.problem;

import dev.nnfs.service.compute.ComputeProperties;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem+json answer directly on the servlet response, for the places that run
 * before Spring MVC's exception handling (filters).
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
		ProblemDetail problem = Problems.limit(ex, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The 503 of a service at capacity, as the compute gate's, with {@code Retry-After}.
	 * @param reason what is full, a clause that completes "The service is at capacity: "
	 */
	public void overloaded(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
		ProblemDetail problem = Problems.create(ProblemType.OVERLOADED, HttpStatus.SERVICE_UNAVAILABLE,
				"The service is at capacity: " + reason + ". Retry after the time in Retry-After.",
				request.getRequestURI(), List.of());
		response.setStatus(problem.getStatus());
		response.setHeader("Retry-After", retryAfter);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

}
