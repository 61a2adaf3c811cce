package dev.nnfs.service.activation;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.plot.Axis;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checked query of {@code GET /activations/{name}/plot}: the x range, the number of
 * samples, the fixed second input of a row-wise activation, and the activation's own
 * parameters, each as its own query parameter ({@code ?from=-5&to=5&alpha=0.1}).
 *
 * @param from left end of the x range
 * @param to right end, greater than {@code from}
 * @param points samples, {@code 2 .. nnfs.limits.max-plot-resolution}
 * @param second the second input of the row {@code [x, second]} (softmax, log_softmax)
 * @param params the activation's parameters as given (name → value), for
 * {@link Activation#resolve}
 */
record ActivationPlotQuery(double from, double to, int points, double second, Map<String, Double> params) {

	static final double DEFAULT_FROM = -5;

	static final double DEFAULT_TO = 5;

	/** Odd, so that x = 0 is a sample of a range symmetric about it. */
	static final int DEFAULT_POINTS = 201;

	/**
	 * Largest |x| a plot may reach; every activation has shown its shape well before it.
	 */
	static final double MAX_ABS_X = 1000;

	/** Narrowest x range. */
	static final double MIN_SPAN = 0.001;

	/** The query parameters that are not an activation's own. */
	static final Set<String> OWN = Set.of("from", "to", "points", "second");

	/**
	 * A plain decimal: optional sign, digits with an optional point, optional exponent.
	 */
	private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");

	/**
	 * Parses the raw query (every value of every parameter) for {@code activation}. Every
	 * malformed value is reported at once, each naming its parameter.
	 * @throws InvalidInputException for a value that is not a plain decimal number (or
	 * integer, for {@code points}), a parameter given twice, an unknown parameter,
	 * {@code second} for an element-wise activation, a range that is empty or too narrow
	 * or beyond ±1000, or fewer than 2 points
	 * @throws LimitExceededException for more points than
	 * {@code nnfs.limits.max-plot-resolution}
	 */
	static ActivationPlotQuery parse(Map<String, List<String>> query, Activation activation, Limits limits) {
		List<Violation> violations = new ArrayList<>();
		Set<String> paramNames = new LinkedHashSet<>();
		activation.params().forEach((p) -> paramNames.add(p.name()));
		for (Map.Entry<String, List<String>> e : query.entrySet()) {
			String name = e.getKey();
			if (!OWN.contains(name) && !paramNames.contains(name)) {
				String takes = paramNames.isEmpty() ? ""
						: "; " + activation.name() + " takes " + String.join(", ", paramNames);
				violations.add(Violation.parameter(name, "is not a parameter of this plot: it takes from, to, points"
						+ (activation.rowWise() ? ", second" : "") + takes));
			}
			else if (e.getValue().size() > 1) {
				violations.add(Violation.parameter(name, "is given " + e.getValue().size() + " times; give it once"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		double from = decimal("from", first(query, "from"), DEFAULT_FROM, violations);
		double to = decimal("to", first(query, "to"), DEFAULT_TO, violations);
		String secondRaw = first(query, "second");
		if (secondRaw != null && !activation.rowWise()) {
			violations.add(Violation.parameter("second", "applies to row-wise activations (softmax, log_softmax) only; "
					+ activation.name() + " is element-wise"));
		}
		double second = decimal("second", secondRaw, 0, violations);
		Map<String, Double> params = new LinkedHashMap<>();
		for (String p : paramNames) {
			String raw = first(query, p);
			if (raw != null) {
				params.put(p, decimal(p, raw, 0, violations));
			}
		}
		int maxPoints = limits.maxPlotResolution();
		long points = Math.min(DEFAULT_POINTS, maxPoints);
		String pointsRaw = first(query, "points");
		if (pointsRaw != null) {
			if (!pointsRaw.matches("\\d{1,9}")) {
				violations.add(Violation.parameter("points",
						"must be an integer from 2 to " + maxPoints + ", not " + quote(pointsRaw)));
			}
			else {
				points = Long.parseLong(pointsRaw);
				if (points < 2) {
					violations.add(Violation.parameter("points", "must be at least 2, not " + points));
				}
			}
		}
		for (String name : List.of("from", "to", "second")) {
			double v = name.equals("from") ? from : name.equals("to") ? to : second;
			if (Math.abs(v) > MAX_ABS_X) {
				violations.add(Violation.parameter(name, "must be from -" + Axis.format(MAX_ABS_X) + " to "
						+ Axis.format(MAX_ABS_X) + ", not " + quote(first(query, name))));
			}
		}
		if (violations.isEmpty() && !(to - from >= MIN_SPAN)) {
			violations.add(Violation.parameter("to", "must be at least " + MIN_SPAN + " more than from ("
					+ Axis.format(from) + "), not " + Axis.format(to)));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (points > maxPoints) {
			throw LimitExceededException.parameter("nnfs.limits.max-plot-resolution", maxPoints, "points",
					points + " points are over the limit of " + maxPoints + " (nnfs.limits.max-plot-resolution)");
		}
		return new ActivationPlotQuery(from, to, (int) points, second, params);
	}

	private static String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * A plain decimal number; no NaN, infinities, hex or blanks. Adds a violation and
	 * returns the default otherwise.
	 */
	private static double decimal(String name, String raw, double defaultValue, List<Violation> violations) {
		if (raw == null) {
			return defaultValue;
		}
		if (!DECIMAL.matcher(raw).matches() || !Double.isFinite(Double.parseDouble(raw))) {
			violations.add(Violation.parameter(name, "must be a decimal number such as -2.5, not " + quote(raw)));
			return defaultValue;
		}
		return Double.parseDouble(raw);
	}

	private static String quote(String raw) {
		return "'" + Violations.clip(raw) + "'";
	}

}
