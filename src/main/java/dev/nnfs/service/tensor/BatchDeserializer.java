package dev.nnfs.service.tensor;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;

import java.util.Arrays;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON batch (a 1-D array of numbers, or a 2-D array of equally long rows)
 * straight from the token stream into a primitive {@code double[]}, checking the shape as
 * it goes. No boxing and no intermediate tree.
 *
 * <p>
 * Each number is parsed as a double, as Python parses it; a float32 request rounds the
 * batch afterwards ({@link DoubleBatch#toFloat32}), when its {@code dtype} is known
 * (which may come after the batch in the body). A literal beyond the float64 range
 * ({@code 1e309}) is rejected, as are strings (including {@code "NaN"}), {@code null},
 * booleans, objects, empty arrays, ragged rows and deeper nesting; each error names the
 * offending element's JSON Pointer.
 *
 * <p>
 * The number of values read by all batches of one request is counted against
 * {@link Limits#maxValues()}, and the rows of one batch against {@link Limits#maxRows()}.
 *
 * <p>
 * A batch that {@link BatchPrescan} already read from the body's bytes (the request's
 * {@code inputs}) reaches this reader as an empty array at a registered byte offset: it
 * is taken from there, its values counted against the same limit.
 */
public final class BatchDeserializer extends ValueDeserializer<DoubleBatch> {

	private static final Object VALUE_COUNT = BatchDeserializer.class.getName() + ".values";

	private final Limits limits;

	public BatchDeserializer(Limits limits) {
		this.limits = limits;
	}

	/**
	 * Stateless, so Jackson may keep one: a deserializer that is not cachable is looked
	 * up again (annotations, mix-ins) for every batch of every request.
	 */
	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public DoubleBatch deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() != JsonToken.START_ARRAY) {
			throw InvalidInputException.at(pointer(p),
					"must be an array of numbers or an array of rows, not " + describe(p.currentToken()));
		}
		DoubleBatch prescanned = prescanned(p, ctxt);
		if (prescanned != null) {
			return prescanned;
		}
		// Pointers are built only for an error: the batch's from the context that holds
		// it
		// (unchanged while the batch is read), a row's as the batch's plus its index.
		ArrayPointer arrayPointer = new ArrayPointer(p.streamReadContext().getParent());
		Buffer buf = new Buffer(ctxt, limits.maxValues());
		JsonToken t = p.nextToken();
		if (t == JsonToken.END_ARRAY) {
			throw InvalidInputException.at(arrayPointer.get(), "must not be empty");
		}
		DoubleBatch batch;
		if (t == JsonToken.START_ARRAY) {
			int rows = 0;
			int cols = -1;
			while (t == JsonToken.START_ARRAY) {
				if (rows == limits.maxRows()) {
					throw new LimitExceededException("nnfs.limits.max-rows", limits.maxRows(), arrayPointer.get(),
							"more than " + limits.maxRows() + " rows (nnfs.limits.max-rows)");
				}
				int n = readNumbers(p, buf, true);
				if (n == 0) {
					throw InvalidInputException.at(arrayPointer.row(rows), "row must not be empty");
				}
				if (cols < 0) {
					cols = n;
				}
				else if (n != cols) {
					throw InvalidInputException.at(arrayPointer.row(rows),
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
	 * The batch {@link BatchPrescan} read for the array the parser is on, if any; the
	 * parser is then on the (blanked, so empty) array's END_ARRAY and the values are
	 * counted against the per-request limit as if they had been read here.
	 */
	private DoubleBatch prescanned(JsonParser p, DeserializationContext ctxt) {
		@SuppressWarnings("unchecked")
		Map<Long, DoubleBatch> batches = (Map<Long, DoubleBatch>) ctxt.getAttribute(BatchPrescan.ATTRIBUTE);
		if (batches == null || batches.isEmpty()) {
			return null;
		}
		DoubleBatch batch = batches.remove(p.currentTokenLocation().getByteOffset());
		if (batch == null) {
			return null;
		}
		if (p.nextToken() != JsonToken.END_ARRAY) {
			throw new IllegalStateException("a prescanned batch's array is not blank");
		}
		Buffer buf = new Buffer(ctxt, limits.maxValues());
		buf.addAll(batch.values().length);
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

	/**
	 * The JSON Pointer of the batch being read, built only when an error needs it: the
	 * pointer of the context that holds the batch, which does not change while the batch
	 * is read.
	 */
	private static final class ArrayPointer {

		private final TokenStreamContext holder;

		ArrayPointer(TokenStreamContext holder) {
			this.holder = holder;
		}

		String get() {
			return holder == null ? "" : holder.pathAsPointer().toString();
		}

		/** The pointer of row {@code index}: the same as its own context's. */
		String row(int index) {
			return get() + "/" + index;
		}

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
				throw tooMany();
			}
			if (size == data.length) {
				data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L));
			}
			data[size++] = d;
		}

		/** Counts {@code n} values read elsewhere, as {@code n} calls of {@link #add}. */
		void addAll(int n) {
			if ((long) before + n > max) {
				throw tooMany();
			}
			size = n;
		}

		private LimitExceededException tooMany() {
			return new LimitExceededException("nnfs.limits.max-values", max, null,
					"the request holds more than " + max + " numbers (nnfs.limits.max-values)");
		}

		double[] toArray() {
			return size == data.length ? data : Arrays.copyOf(data, size);
		}

		void commit() {
			ctxt.setAttribute(VALUE_COUNT, before + size);
		}

	}

}
