package dev.nnfs.service.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a problem+json answer directly on the servlet response, for the places that run before
 * Spring MVC's exception handling (filters).
 */
@Component
public class ProblemWriter {

	private final JsonMapper mapper;

	ProblemWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, LimitExceededException ex)
			throws IOException {
		HttpStatus status = ex.payloadTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		ProblemType type = ex.payloadTooLarge() ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.LIMIT_EXCEEDED;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri().toString());
		body.put("title", type.title());
		body.put("status", status.value());
		body.put("detail", Character.toUpperCase(ex.getMessage().charAt(0)) + ex.getMessage().substring(1) + ".");
		body.put("instance", URI.create(request.getRequestURI()).toString());
		body.put("limit", ex.limit());
		body.put("limitValue", ex.value());
		write(response, status, body);
	}

	public void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), body);
	}

}
