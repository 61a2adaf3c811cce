package dev.nnfs.service.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

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

	ProblemWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, LimitExceededException ex)
			throws IOException {
		ProblemDetail problem = Problems.limit(ex, request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

}
