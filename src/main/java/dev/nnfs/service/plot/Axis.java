package dev.nnfs.service.plot;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A linear axis: its label, the data range {@code [min, max]} it spans edge to edge, and
 * the values where ticks (and grid lines) go.
 *
 * @param label the axis title, e.g. {@code x}
 * @param min the value at the left (x) or bottom (y) edge of the plot area
 * @param max the value at the right (x) or top (y) edge
 * @param ticks tick values within {@code [min, max]}, ascending
 */
public record Axis(String label, double min, double max, double[] ticks) {

	public Axis {
		Objects.requireNonNull(label, "label must not be null");
		if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
			throw new IllegalArgumentException("an axis needs finite min < max, not [" + min + ", " + max + "]");
		}
		ticks = ticks.clone();
		for (int i = 0; i < ticks.length; i++) {
			if (!(ticks[i] >= min && ticks[i] <= max) || (i > 0 && !(ticks[i] > ticks[i - 1]))) {
				throw new IllegalArgumentException(
						"ticks must ascend within [" + min + ", " + max + "], not " + Arrays.toString(ticks));
			}
		}
	}

	/**
	 * An axis from {@code min} to {@code max} with a tick at every multiple of
	 * {@code step} in that range ({@code linear("x", -1, 1, 0.5)} has ticks -1, -0.5, 0,
	 * 0.5, 1).
	 */
	public static Axis linear(String label, double min, double max, double step) {
		if (!(step > 0) || !Double.isFinite(step)) {
			throw new IllegalArgumentException("the tick step must be positive, not " + step);
		}
		BigDecimal s = BigDecimal.valueOf(step);
		long first = (long) Math.ceil(min / step - 1e-9);
		long last = (long) Math.floor(max / step + 1e-9);
		if (last - first > 1000) {
			throw new IllegalArgumentException("a step of " + step + " gives more than 1000 ticks");
		}
		double[] ticks = new double[(int) Math.max(0, last - first + 1)];
		for (int i = 0; i < ticks.length; i++) {
			// through BigDecimal so that 3 * 0.1 is the tick 0.3, not 0.30000000000000004
			ticks[i] = s.multiply(BigDecimal.valueOf(first + i)).doubleValue();
		}
		return new Axis(label, min, max, ticks);
	}

	/**
	 * An axis from {@code min} to {@code max} with about five ticks at round values (1, 2
	 * or 5 × 10^k apart).
	 */
	public static Axis linear(String label, double min, double max) {
		return linear(label, min, max, niceStep(max - min));
	}

	/**
	 * The smallest axis with round ends and about five round ticks that holds
	 * {@code [low, high]}: {@code covering("y", 0.0067, 0.9933)} spans 0 to 1 with ticks
	 * every 0.2. A single value ({@code low == high}) gets room around it.
	 */
	public static Axis covering(String label, double low, double high) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
			throw new IllegalArgumentException("an axis covers finite low <= high, not [" + low + ", " + high + "]");
		}
		if (low == high) {
			double room = Math.max(Math.abs(low) * 0.1, 0.5);
			low -= room;
			high += room;
		}
		double step = niceStep(high - low);
		BigDecimal s = BigDecimal.valueOf(step);
		double min = s.multiply(BigDecimal.valueOf((long) Math.floor(low / step + 1e-9))).doubleValue();
		double max = s.multiply(BigDecimal.valueOf((long) Math.ceil(high / step - 1e-9))).doubleValue();
		if (!(min < max)) {
			max = min + step;
		}
		return linear(label, min, max, step);
	}

	/** 1, 2 or 5 × 10^k, so that a span of {@code span} gets about five steps. */
	private static double niceStep(double span) {
		double raw = span / 5;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double fraction = raw / magnitude;
		double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
		return nice * magnitude;
	}

	@Override
	public double[] ticks() {
		return this.ticks.clone();
	}

	/** A tick value as its label: shortest decimal form, no exponent, no {@code -0}. */
	public static String format(double value) {
		if (value == 0) {
			return "0";
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Axis a && this.label.equals(a.label) && Double.compare(this.min, a.min) == 0
				&& Double.compare(this.max, a.max) == 0 && Arrays.equals(this.ticks, a.ticks);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.label, this.min, this.max, Arrays.hashCode(this.ticks));
	}

	@Override
	public String toString() {
		return "Axis[" + this.label + ", " + this.min + " .. " + this.max + "]";
	}

}
