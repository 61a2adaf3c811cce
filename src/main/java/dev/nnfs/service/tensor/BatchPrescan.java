package dev.nnfs.service.tensor;

import dev.nnfs.service.config.Limits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code inputs} batch of a request body straight from its bytes, before
 * Jackson parses the body, and hands it to {@link BatchDeserializer} by byte offset.
 * Jackson's tokenizer and number parsing cost several times what this byte scanner does
 * for the same 100,000 rows; everything else in the body is still read by Jackson.
 *
 * <p>
 * {@link #scan} looks at the top-level object's fields up to the first one named
 * {@code inputs}. When that value is a well-formed batch (a flat array of numbers, or an
 * array of equally long rows of numbers; strict JSON numbers no longer than
 * {@link Limits#maxJsonNumberLength()}, all within the float64 range; at most
 * {@link Limits#maxRows()} rows and {@link Limits#maxValues()} values; JSON whitespace
 * only), it is parsed ({@link JsonNumberParser}, the same doubles as Jackson's) and a
 * copy of the body is made in which everything between the array's brackets is a space,
 * except line breaks, which are kept: Jackson then reads an empty array at the same byte
 * offset, and every other token keeps its offset, line and column. The answer maps the
 * offset of the array's {@code [} to the batch; the reader of the body passes it to
 * Jackson as the attribute {@link #ATTRIBUTE}, and {@link BatchDeserializer} takes the
 * batch from there when it meets an array at that offset.
 *
 * <p>
 * Anything else (another shape, a string, {@code NaN}, {@code 1.}, a leading zero, a
 * number too long or too large, a ragged row, a batch over a limit, a body that is not an
 * object) is left alone: no substitution, and Jackson and {@link BatchDeserializer} read
 * the body as they would without this class and report what they always report. An empty
 * array is never substituted, so {@code []} is still "must not be empty".
 */
public final class BatchPrescan {

	/**
	 * The Jackson attribute that carries a scan's batches: a mutable
	 * {@code Map<Long, DoubleBatch>} from the byte offset of an array's {@code [} to its
	 * batch; {@link BatchDeserializer} removes each entry it uses.
	 */
	public static final Object ATTRIBUTE = BatchPrescan.class.getName() + ".batches";

	private static final byte[] INPUTS = { 'i', 'n', 'p', 'u', 't', 's' };

	/** A body with batches already read. */
	public record Result(byte[] body, Map<Long, DoubleBatch> batches) {
	}

	private final byte[] b;

	private final int n;

	private final Limits limits;

	private final JsonNumberParser numbers;

	private boolean lineBreaks;

	/** Whether the last {@link #next} passed a {@code ']'} rather than a {@code ','}. */
	private boolean closed;

	private BatchPrescan(byte[] body, Limits limits) {
		this.b = body;
		this.n = body.length;
		this.limits = limits;
		this.numbers = new JsonNumberParser(limits.maxJsonNumberLength());
	}

	/**
	 * Reads the {@code inputs} batch of {@code body}, a UTF-8 JSON document.
	 * @return the body with that batch blanked out, and the batch by the offset of its
	 * array, or null when there is nothing to substitute (the body is not changed)
	 */
	public static Result scan(byte[] body, Limits limits) {
		return new BatchPrescan(body, limits).scan();
	}

	private Result scan() {
		int i = ws(0);
		if (i >= n || b[i] != '{') {
			return null;
		}
		i = ws(i + 1);
		while (i < n && b[i] == '"') {
			int keyStart = i + 1;
			i = skipString(i);
			if (i < 0) {
				return null;
			}
			boolean inputs = i - 1 - keyStart == INPUTS.length
					&& Arrays.equals(b, keyStart, i - 1, INPUTS, 0, INPUTS.length);
			i = ws(i);
			if (i >= n || b[i] != ':') {
				return null;
			}
			i = ws(i + 1);
			if (inputs) {
				return i < n && b[i] == '[' ? batch(i) : null;
			}
			i = skipValue(i, 0);
			if (i < 0) {
				return null;
			}
			i = ws(i);
			if (i >= n || b[i] != ',') {
				return null;
			}
			i = ws(i + 1);
		}
		return null;
	}

	/** The batch whose array opens at {@code open}, or null. */
	private Result batch(int open) {
		lineBreaks = false;
		double[] values = new double[Math.min(1 << 16, limits.maxValues())];
		int size = 0;
		int rows = 0;
		int cols = -1;
		int i = ws(open + 1);
		if (i >= n) {
			return null;
		}
		boolean flat = b[i] != '[';
		if (flat) {
			cols = 0;
		}
		while (true) {
			if (!flat) {
				if (i >= n || b[i] != '[' || rows == limits.maxRows()) {
					return null;
				}
				i = ws(i + 1);
			}
			int inRow = 0;
			while (true) {
				int end = numbers.parse(b, i, n);
				if (end < 0) {
					return null;
				}
				if (size == values.length) {
					if (size >= limits.maxValues()) {
						return null;
					}
					values = Arrays.copyOf(values, (int) Math.min(limits.maxValues(), 2L * size));
				}
				values[size++] = numbers.value;
				inRow++;
				i = next(end);
				if (i < 0) {
					return null;
				}
				if (closed) {
					break;
				}
			}
			if (flat) {
				cols = inRow;
				rows = 1;
				break;
			}
			if (cols < 0) {
				cols = inRow;
			}
			else if (inRow != cols) {
				return null;
			}
			rows++;
			i = next(i);
			if (i < 0) {
				return null;
			}
			if (closed) {
				break;
			}
		}
		int close = i - 1;
		double[] exact = size == values.length ? values : Arrays.copyOf(values, size);
		DoubleBatch batch = flat ? DoubleBatch.vector(exact) : DoubleBatch.of(exact, rows, cols);
		byte[] blanked = Arrays.copyOf(b, n);
		if (!lineBreaks) {
			Arrays.fill(blanked, open + 1, close, (byte) ' ');
		}
		else {
			for (int k = open + 1; k < close; k++) {
				if (blanked[k] != '\n' && blanked[k] != '\r') {
					blanked[k] = ' ';
				}
			}
		}
		Map<Long, DoubleBatch> batches = new HashMap<>();
		batches.put((long) open, batch);
		return new Result(blanked, batches);
	}

	/**
	 * After a value ending at {@code i}: the index past the {@code ','} that follows it
	 * and the blanks after that ({@link #closed} false), or just past the {@code ']'}
	 * that follows it ({@link #closed} true); -1 when neither follows.
	 */
	private int next(int i) {
		i = ws(i);
		if (i >= n) {
			return -1;
		}
		if (b[i] == ',') {
			closed = false;
			return ws(i + 1);
		}
		if (b[i] == ']') {
			closed = true;
			return i + 1;
		}
		return -1;
	}

	/** The index of the first byte at or after {@code i} that is not JSON whitespace. */
	private int ws(int i) {
		while (i < n) {
			byte c = b[i];
			if (c == ' ' || c == '\t') {
				i++;
			}
			else if (c == '\n' || c == '\r') {
				lineBreaks = true;
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	/** The index after the string whose quote is at {@code i}, or -1. */
	private int skipString(int i) {
		for (i++; i < n; i++) {
			byte c = b[i];
			if (c == '"') {
				return i + 1;
			}
			if (c == '\\') {
				i++;
			}
		}
		return -1;
	}

	/**
	 * The index after the value that starts at {@code i}, or -1. Only as strict as it
	 * needs to be to find where the value ends in a well-formed document: Jackson reads
	 * everything before the batch from the same bytes and reports any mistake there.
	 */
	private int skipValue(int i, int depth) {
		if (i >= n || depth > limits.maxJsonNestingDepth()) {
			return -1;
		}
		byte c = b[i];
		if (c == '"') {
			return skipString(i);
		}
		if (c == '{' || c == '[') {
			byte close = c == '{' ? (byte) '}' : (byte) ']';
			i = ws(i + 1);
			if (i < n && b[i] == close) {
				return i + 1;
			}
			while (true) {
				if (c == '{') {
					if (i >= n || b[i] != '"') {
						return -1;
					}
					i = skipString(i);
					if (i < 0) {
						return -1;
					}
					i = ws(i);
					if (i >= n || b[i] != ':') {
						return -1;
					}
					i = ws(i + 1);
				}
				i = skipValue(i, depth + 1);
				if (i < 0) {
					return -1;
				}
				i = ws(i);
				if (i >= n) {
					return -1;
				}
				if (b[i] == close) {
					return i + 1;
				}
				if (b[i] != ',') {
					return -1;
				}
				i = ws(i + 1);
			}
		}
		// a number or a literal: up to the next separator or whitespace
		int start = i;
		while (i < n && ((c = b[i]) == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
				|| (c >= 'A' && c <= 'Z'))) {
			i++;
		}
		return i == start ? -1 : i;
	}

}
