package dev.nnfs.service.tensor;

import java.nio.charset.StandardCharsets;

/**
 * Reads one strict JSON number ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?})
 * from UTF-8 bytes as a double, for {@link BatchPrescan}, which reads the large batches
 * of a request body before Jackson does.
 *
 * <p>
 * Accuracy: the result is the double Jackson's {@code getDoubleValue()} gives for the
 * same literal, bit for bit. That is the correctly rounded value (as
 * {@link Double#parseDouble}), except for the integer literal {@code -0}, which Jackson
 * reads as the integer 0 and so as {@code +0.0} ({@code -0.0} and {@code -0e0} are
 * {@code -0.0}). Most literals take Clinger's exact path: at most 19 significant digits,
 * a mantissa {@code m <= 2^53} and a decimal exponent {@code |e| <= 22}, where {@code m}
 * and {@code 10^|e|} are both exact doubles, so one IEEE multiplication or division
 * rounds the exact quotient or product once, correctly. Every other literal is handed to
 * {@link Double#parseDouble}. {@code JsonNumberParserTests} compares the two on millions
 * of strings.
 *
 * <p>
 * Not thread-safe: one instance per scan ({@link #value} holds the last number read).
 */
public final class JsonNumberParser {

	/** 10^0 .. 10^22, the powers of ten that are exact doubles. */
	private static final double[] POWERS = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
			1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	private static final long TWO_TO_53 = 1L << 53;

	/** Exponents are not accumulated past this; beyond it the slow path decides. */
	private static final int EXPONENT_CAP = 100_000;

	private final int maxLength;

	/** The value of the last number read by {@link #parse}. */
	double value;

	/**
	 * @param maxLength the longest literal accepted, in bytes including the sign
	 * (Jackson's {@code maxNumberLength})
	 */
	public JsonNumberParser(int maxLength) {
		this.maxLength = maxLength;
	}

	/** The value of the last number {@link #parse} accepted. */
	public double value() {
		return value;
	}

	/**
	 * Reads the number that starts at {@code b[i]} and ends before {@code limit} or at
	 * the first byte that cannot continue it (which the caller checks: a separator or
	 * whitespace). The value is then in {@link #value()}.
	 * @return the index after the number, or -1 when no strict JSON number starts at
	 * {@code i}, when it is longer than the maximum length, or when it is beyond the
	 * float64 range
	 */
	public int parse(byte[] b, int i, int limit) {
		int start = i;
		boolean negative = false;
		if (i < limit && b[i] == '-') {
			negative = true;
			i++;
		}
		if (i >= limit) {
			return -1;
		}
		long m = 0;
		// significant digits (from the first non-zero one) taken into m
		int digits = 0;
		int exponent = 0;
		boolean integer = true;
		int c = b[i];
		if (c == '0') {
			i++;
		}
		else if (c >= '1' && c <= '9') {
			do {
				m = m * 10 + (c - '0');
				digits++;
				i++;
			}
			while (i < limit && (c = b[i]) >= '0' && c <= '9');
		}
		else {
			return -1;
		}
		if (i < limit && b[i] == '.') {
			integer = false;
			i++;
			int fractionStart = i;
			while (i < limit && (c = b[i]) >= '0' && c <= '9') {
				if (digits > 0 || c != '0') {
					m = m * 10 + (c - '0');
					digits++;
				}
				exponent--;
				i++;
			}
			if (i == fractionStart) {
				return -1;
			}
		}
		if (i < limit && (b[i] | 0x20) == 'e') {
			integer = false;
			i++;
			boolean negativeExponent = false;
			if (i < limit && (b[i] == '-' || b[i] == '+')) {
				negativeExponent = b[i] == '-';
				i++;
			}
			int exponentStart = i;
			int e = 0;
			while (i < limit && (c = b[i]) >= '0' && c <= '9') {
				if (e < EXPONENT_CAP) {
					e = e * 10 + (c - '0');
				}
				i++;
			}
			if (i == exponentStart) {
				return -1;
			}
			exponent += negativeExponent ? -e : e;
		}
		if (i - start > maxLength) {
			return -1;
		}
		double d;
		// Up to 19 digits, m < 10^19 < 2^64: when it passed 2^63 it wrapped to a negative
		// long. An integer literal that is zero ("0", "-0"; no leading zeros) always
		// comes
		// this way.
		if (digits <= 19 && m >= 0 && m <= TWO_TO_53 && exponent >= -22 && exponent <= 22) {
			d = (double) m;
			d = exponent < 0 ? d / POWERS[-exponent] : d * POWERS[exponent];
			if (negative && (m != 0 || !integer)) {
				d = -d;
			}
		}
		else {
			d = Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
			if (Double.isInfinite(d)) {
				return -1;
			}
		}
		value = d;
		return i;
	}

}
