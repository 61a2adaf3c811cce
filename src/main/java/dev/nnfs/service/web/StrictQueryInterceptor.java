package dev.nnfs.service.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nnfs.service.compute.ComputeSlotAdvice;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.tensor.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not take, on every endpoint of the service: a
 * typo such as {@code ?sample=5} or a parameter sent in the wrong place
 * ({@code ?alpha=0.1} on a POST whose parameters go in the body) is a 400 naming each of
 * them, never silently ignored. An endpoint that takes free-form parameters
 * ({@code @RequestParam Map}) checks them itself.
 */
class StrictQueryInterceptor implements HandlerInterceptor {

	private static final String OWN_PACKAGE = "dev.nnfs.service.";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null
				|| !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
			return true;
		}
		Set<String> taken = new LinkedHashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return true;
			}
			taken.add(param.name().isEmpty() ? param.value() : param.name());
		}
		List<Violation> unknown = new ArrayList<>();
		for (String name : queryNames(request.getQueryString())) {
			if (!taken.contains(name)) {
				unknown.add(Violation.parameter(JsonBody.quote(name),
						"unknown query parameter; " + (taken.isEmpty() ? "this endpoint takes none"
								+ (ComputeSlotAdvice.takesBody(method) ? " (its input goes in the JSON body)" : "")
								: "this endpoint takes " + String.join(", ", taken))));
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException(unknown);
		}
		return true;
	}

	/**
	 * The names in the query string itself; {@code getParameterMap()} would also hold the
	 * fields of a form-encoded body.
	 */
	static Set<String> queryNames(String query) {
		Set<String> names = new LinkedHashSet<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String raw = eq < 0 ? pair : pair.substring(0, eq);
			try {
				names.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				names.add(raw);
			}
		}
		return names;
	}

}
