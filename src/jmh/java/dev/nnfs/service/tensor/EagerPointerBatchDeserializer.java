package dev.nnfs.service.tensor;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;

import java.util.Arrays;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * The batch reader as it was before {@link BatchDeserializer} built JSON Pointers only for
 * errors: one pointer string per row. Kept for {@code BodyBenchmarks}, which measures the
 * readers side by side; not used by the service.
 */
public final class EagerPointerBatchDeserializer extends ValueDeserializer<DoubleBatch> {

	private static final Object VALUE_COUNT = "dev.nnfs.service.tensor.BatchDeserializer.values";

	private final Limits limits;

	public EagerPointerBatchDeserializer(Limits limits) {
		this.limits = limits;
	}

	@Override
	public DoubleBatch deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() != JsonToken.START_ARRAY) {
			throw InvalidInputException.at(pointer(p),
					"must be an array of numbers or an array of rows, not " + describe(p.currentToken()));
		}
		String arrayPointer = containerPointer(p);
		Buffer buf = new Buffer(ctxt, limits.maxValues());
		JsonToken t = p.nextToken();
		if (t == JsonToken.END_ARRAY) {
			throw InvalidInputException.at(arrayPointer, "must not be empty");
		}
		DoubleBatch batch;
		if (t == JsonToken.START_ARRAY) {
			int rows = 0;
			int cols = -1;
			while (t == JsonToken.START_ARRAY) {
				if (rows == limits.maxRows()) {
					throw new LimitExceededException("nnfs.limits.max-rows", limits.maxRows(), arrayPointer,
							"more than " + limits.maxRows() + " rows (nnfs.limits.max-rows)");
				}
				String rowPointer = containerPointer(p);
				int n = readNumbers(p, buf, true);
				if (n == 0) {
					throw InvalidInputException.at(rowPointer, "row must not be empty");
				}
				if (cols < 0) {
					cols = n;
				}
				else if (n != cols) {
					throw InvalidInputException.at(rowPointer,
							"row has " + n + " values but row 0 has " + cols + "; every row must be the same length");
				}
				rows++;
				t = p.nextToken();
			}
			if (t != JsonToken.END_ARRAY) {
				throw InvalidInputException.at(pointer(p), "must be a row (an array of numbers), not " + describe(t)
						+ "; rows and numbers cannot be mixed");
			}
			batch = DoubleBatch.of(buf.toArray(), rows, cols);
		}
		else {
			int n = readNumbers(p, buf, false);
			batch = DoubleBatch.vector(buf.toArray());
			assert n == batch.cols();
		}
		buf.commit();
		return batch;
	}

	/**
	 * Reads numbers up to the END_ARRAY that closes the current array. On entry the
	 * parser is on the array's START_ARRAY ({@code inRow}) or already on its first
	 * element.
	 */
	private static int readNumbers(JsonParser p, Buffer buf, boolean inRow) {
		JsonToken t = inRow ? p.nextToken() : p.currentToken();
		int n = 0;
		while (t != JsonToken.END_ARRAY) {
			if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
				double d = p.getDoubleValue();
				if (!Double.isFinite(d)) {
					throw InvalidInputException.at(pointer(p), Double.isNaN(d) ? "must be a finite number, not NaN"
							: "is outside the float64 range (magnitude at most " + Double.MAX_VALUE + ")");
				}
				buf.add(d);
				n++;
			}
			else if (t == JsonToken.START_ARRAY) {
				throw InvalidInputException.at(pointer(p),
						inRow ? "arrays nest at most two deep (a batch of rows of numbers)"
								: "must be a number; a batch is either numbers or rows, not both");
			}
			else if (t == null) {
				throw InvalidInputException.at(pointer(p), "the document ends inside the array");
			}
			else {
				throw InvalidInputException.at(pointer(p), "must be a finite number, not " + describe(p, t));
			}
			t = p.nextToken();
		}
		return n;
	}

	private static String describe(JsonParser p, JsonToken t) {
		if (t == JsonToken.VALUE_STRING) {
			String s = p.getString();
			String trimmed = s.strip().toLowerCase(java.util.Locale.ROOT).replace("+", "").replace("-", "");
			if (trimmed.equals("nan") || trimmed.equals("infinity") || trimmed.equals("inf")) {
				return "\"" + s + "\" (NaN and infinities are not allowed, as strings or otherwise)";
			}
			return "a string";
		}
		return describe(t);
	}

	private static String describe(JsonToken t) {
		if (t == null) {
			return "the end of the document";
		}
		return switch (t) {
			case VALUE_STRING -> "a string";
			case VALUE_NULL -> "null";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			default -> t.asString() == null ? t.name() : t.asString();
		};
	}

	/** Pointer of the current token: the value it is, or the array it opens. */
	private static String pointer(JsonParser p) {
		JsonToken t = p.currentToken();
		if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
			return containerPointer(p);
		}
		return p.streamReadContext().pathAsPointer().toString();
	}

	/** Pointer of the array or object the parser has just opened. */
	private static String containerPointer(JsonParser p) {
		TokenStreamContext parent = p.streamReadContext().getParent();
		return parent == null ? "" : parent.pathAsPointer().toString();
	}

	/** A growable double buffer that also counts values against the per-request limit. */
	private static final class Buffer {

		private final DeserializationContext ctxt;

		private final int max;

		private final int before;

		private double[] data = new double[16];

		private int size;

		Buffer(DeserializationContext ctxt, int max) {
			this.ctxt = ctxt;
			this.max = max;
			Object seen = ctxt.getAttribute(VALUE_COUNT);
			this.before = seen == null ? 0 : (Integer) seen;
		}

		void add(double d) {
			if (before + size >= max) {
				throw new LimitExceededException("nnfs.limits.max-values", max, null,
						"the request holds more than " + max + " numbers (nnfs.limits.max-values)");
			}
			if (size == data.length) {
				data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L));
			}
			data[size++] = d;
		}

		double[] toArray() {
			return size == data.length ? data : Arrays.copyOf(data, size);
		}

		void commit() {
			ctxt.setAttribute(VALUE_COUNT, before + size);
		}

	}

}
