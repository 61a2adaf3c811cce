package dev.nnfs.service.tensor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link FloatBatch} as a JSON array of rows (or a flat array for a rank-1
 * batch), each value a float32 in its shortest round-trip form ({@link FloatFormat}, the
 * same characters as Jackson's {@code USE_FAST_DOUBLE_WRITER}). A dense layer can
 * overflow to infinity; such values are written as Jackson writes them by default, as the
 * strings {@code "Infinity"} and {@code "NaN"}.
 *
 * <p>
 * The array is formatted as ASCII bytes into a reusable 4 KB chunk and handed to the
 * generator as raw JSON, a chunk at a time: no {@code String} per number, no character
 * encoding, and one generator call per few hundred numbers instead of one per number.
 *
 * <p>
 * An answer's {@code confidence} repeats each row's largest output, which was just
 * formatted. So while a batch of at most {@link RowMaxima#MAX_COLS} columns and at least
 * {@link RowMaxima#MIN_ROWS} rows is written, the characters of each row's largest finite
 * value are kept ({@link RowMaxima}), and a rank-1 batch or {@code float[]} of as many
 * values as that batch had rows, written next to the same generator, copies them for
 * every value whose bits are the kept value's; any other value is formatted. The
 * characters of a float depend on its bits only, so the answer is the same either way.
 */
public final class FloatBatchSerializer extends ValueSerializer<FloatBatch> {

	@Override
	public void serialize(FloatBatch batch, JsonGenerator gen, SerializationContext ctxt) {
		if (batch.rank1()) {
			writeFlat(gen, batch.values(), batch.rows() * batch.cols());
		}
		else {
			write(gen, batch.values(), batch.rows(), batch.cols(), null,
					RowMaxima.kept(gen, batch.rows(), batch.cols()));
		}
	}

	/**
	 * The first {@code n} values of {@code v} as one flat array, reusing the characters
	 * of the row maxima this thread kept while it wrote a batch of {@code n} rows to the
	 * same generator.
	 */
	static void writeFlat(JsonGenerator gen, float[] v, int n) {
		RowMaxima maxima = RowMaxima.of(gen, n);
		writeFlat(gen, v, n, maxima);
		if (maxima != null) {
			maxima.release();
		}
	}

	/**
	 * The first {@code n} values of {@code v} as one flat array, reusing the characters
	 * kept in {@code maxima} (of a batch of {@code n} rows) when it is not null.
	 */
	public static void writeFlat(JsonGenerator gen, float[] v, int n, RowMaxima maxima) {
		RawChunks out = new RawChunks(gen);
		if (maxima == null || !maxima.holds(n)) {
			out.row(v, 0, v.length == 0 ? 0 : n, 0, null);
		}
		else {
			out.reusing(v, n, maxima);
		}
		out.flush();
	}

	/**
	 * A row-major {@code [rows, cols]} array as rows, written while it is being filled:
	 * before writing row {@code r} it asks {@code awaitRows} for at least {@code r + 1}
	 * ready rows, and that answers how many leading rows are ready (it may compute them
	 * meanwhile). The same characters as {@link #serialize} for the finished batch; the
	 * characters of its row maxima are kept in {@code maxima} when it is not null
	 * ({@link RowMaxima#forAnswer}).
	 */
	public static void writeAsReady(JsonGenerator gen, float[] v, int rows, int cols, IntUnaryOperator awaitRows,
			RowMaxima maxima) {
		write(gen, v, rows, cols, awaitRows, maxima);
	}

	private static void write(JsonGenerator gen, float[] v, int rows, int cols, IntUnaryOperator awaitRows,
			RowMaxima maxima) {
		int ready = awaitRows == null ? rows : 0;
		RawChunks out = new RawChunks(gen);
		out.put('[');
		for (int r = 0, off = 0; r < rows; r++, off += cols) {
			if (r == ready) {
				ready = awaitRows.applyAsInt(r + 1);
			}
			if (r > 0) {
				out.put(',');
			}
			out.row(v, off, cols, r, maxima);
		}
		out.put(']');
		out.flush();
		if (maxima != null) {
			maxima.complete(rows);
		}
	}

	/**
	 * The characters of each row's largest finite value (the first of equal ones), kept
	 * in row order while a batch is written, for a per-row vector written after it. A row
	 * whose largest value is not finite keeps nothing. The record of an answer computed
	 * in full is the writing thread's own, reused from answer to answer and tied to the
	 * generator that wrote the batch ({@link FloatBatchSerializer#serialize}, then
	 * {@link FloatArraySerializer} or a rank-1 batch); a streamed answer makes one for
	 * itself ({@link #forAnswer}).
	 */
	public static final class RowMaxima {

		/** Batches up to this wide keep their maxima (finding one is a few compares). */
		static final int MAX_COLS = 16;

		/** Below this many rows there is too little to reuse to pay for the record. */
		static final int MIN_ROWS = 16;

		/**
		 * Up to this many rows a thread's record is kept between answers (about 25 KB);
		 * larger answers computed in full format their confidence again.
		 */
		static final int MAX_KEPT_ROWS = 1024;

		private static final ThreadLocal<RowMaxima> KEPT = ThreadLocal.withInitial(() -> new RowMaxima(MIN_ROWS));

		/** The generator the kept batch was written to; null once used or released. */
		private JsonGenerator owner;

		/** Rows of the batch written in full, or -1 while it is being written. */
		private int rows = -1;

		private int[] bits;

		/**
		 * End of row {@code r}'s characters in {@link #chars}; its start is row r-1's
		 * end.
		 */
		private int[] ends;

		private byte[] chars;

		private int used;

		private RowMaxima(int capacity) {
			this.bits = new int[capacity];
			this.ends = new int[capacity];
			this.chars = new byte[capacity * 12];
		}

		/**
		 * A record for the rows of a streamed answer of {@code rows × cols}, or null when
		 * the batch is too narrow or too wide to be worth one.
		 */
		public static RowMaxima forAnswer(int rows, int cols) {
			return (rows < MIN_ROWS || cols > MAX_COLS || cols == 0) ? null : new RowMaxima(rows);
		}

		/**
		 * This thread's record, made ready for a batch written to {@code gen}, or null.
		 */
		static RowMaxima kept(JsonGenerator gen, int rows, int cols) {
			if (rows < MIN_ROWS || rows > MAX_KEPT_ROWS || cols > MAX_COLS || cols == 0) {
				return null;
			}
			RowMaxima maxima = KEPT.get();
			if (maxima.bits.length < rows) {
				maxima.bits = new int[rows];
				maxima.ends = new int[rows];
			}
			maxima.owner = gen;
			maxima.rows = -1;
			maxima.used = 0;
			return maxima;
		}

		/**
		 * This thread's record when it holds a batch of {@code rows} rows written to
		 * {@code gen}.
		 */
		static RowMaxima of(JsonGenerator gen, int rows) {
			RowMaxima maxima = KEPT.get();
			return (maxima.owner == gen && maxima.holds(rows)) ? maxima : null;
		}

		boolean holds(int n) {
			return rows == n;
		}

		void complete(int n) {
			rows = n;
		}

		void release() {
			owner = null;
			rows = -1;
		}

		void keep(int row, float value, byte[] from, int start, int end) {
			int n = end - start;
			if (used + n > chars.length) {
				chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
			}
			System.arraycopy(from, start, chars, used, n);
			used += n;
			bits[row] = Float.floatToRawIntBits(value);
			ends[row] = used;
		}

		void skip(int row) {
			ends[row] = used;
		}

		/**
		 * Copies row {@code row}'s kept characters to {@code to} at {@code at} when they
		 * are those of {@code value}; returns the new end, or -1 when nothing was kept
		 * for that value.
		 */
		int copy(int row, float value, byte[] to, int at) {
			int start = row == 0 ? 0 : ends[row - 1];
			int n = ends[row] - start;
			if (n <= 0 || bits[row] != Float.floatToRawIntBits(value)) {
				return -1;
			}
			System.arraycopy(chars, start, to, at, n);
			return at + n;
		}

	}

	/**
	 * ASCII bytes collected for the generator, a chunk at a time; the first chunk is the
	 * value, the rest follow it raw. The chunk hands itself to the generator as a
	 * {@link SerializableString}: a UTF-8 generator copies the bytes into its own buffer
	 * as they are ({@link #appendUnquotedUTF8}), with no character encoding on the way,
	 * and a character generator widens them to characters.
	 */
	private static final class RawChunks implements SerializableString {

		private static final int SIZE = 4096;

		private final JsonGenerator gen;

		private final byte[] buf = new byte[SIZE];

		private int len;

		private boolean started;

		RawChunks(JsonGenerator gen) {
			this.gen = gen;
		}

		void put(char c) {
			if (len == SIZE) {
				flush();
			}
			buf[len++] = (byte) c;
		}

		/**
		 * {@code v[off .. off + n)} as one JSON array; with {@code maxima}, the
		 * characters of its largest finite value are kept as those of row {@code row}.
		 */
		void row(float[] v, int off, int n, int row, RowMaxima maxima) {
			int best = -1;
			if (maxima != null) {
				best = off;
				for (int i = off + 1, end = off + n; i < end; i++) {
					if (v[i] > v[best]) {
						best = i;
					}
				}
			}
			put('[');
			for (int i = off, end = off + n; i < end; i++) {
				beforeNumber(i == off);
				int start = len;
				number(v[i]);
				if (i == best) {
					if (Float.isFinite(v[i])) {
						maxima.keep(row, v[i], buf, start, len);
					}
					else {
						maxima.skip(row);
					}
				}
			}
			put(']');
		}

		/**
		 * {@link #row} of {@code v[0 .. n)}, copying the kept characters of row maxima.
		 */
		void reusing(float[] v, int n, RowMaxima maxima) {
			put('[');
			for (int i = 0; i < n; i++) {
				beforeNumber(i == 0);
				int end = maxima.copy(i, v[i], buf, len);
				if (end >= 0) {
					len = end;
				}
				else {
					number(v[i]);
				}
			}
			put(']');
		}

		/** Room for one more number, and the comma before it unless it is the first. */
		private void beforeNumber(boolean first) {
			if (len > SIZE - FloatFormat.MAX_CHARS - 1) {
				flush();
			}
			if (!first) {
				buf[len++] = ',';
			}
		}

		/** {@code f} in shortest form, or as Jackson writes a non-finite value. */
		private void number(float f) {
			if (Float.isFinite(f)) {
				len = FloatFormat.write(f, buf, len);
			}
			else {
				nonFinite(f);
			}
		}

		private void nonFinite(float f) {
			// As Jackson writes them by default (WRITE_NAN_AS_STRINGS): "NaN",
			// "Infinity".
			byte[] s = ('"' + Float.toString(f) + '"').getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(s, 0, buf, len, s.length);
			len += s.length;
		}

		void flush() {
			if (!started) {
				gen.writeRawValue(this);
				started = true;
			}
			else if (len > 0) {
				gen.writeRaw(this);
			}
			len = 0;
		}

		@Override
		public String getValue() {
			return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
		}

		@Override
		public int charLength() {
			return len;
		}

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (offset + len > buffer.length) {
				return -1;
			}
			System.arraycopy(buf, 0, buffer, offset, len);
			return len;
		}

		@Override
		public byte[] asUnquotedUTF8() {
			return Arrays.copyOf(buf, len);
		}

		@Override
		public int appendUnquoted(char[] buffer, int offset) {
			if (offset + len > buffer.length) {
				return -1;
			}
			for (int i = 0; i < len; i++) {
				buffer[offset + i] = (char) buf[i];
			}
			return len;
		}

		@Override
		public int writeUnquotedUTF8(OutputStream out) throws IOException {
			out.write(buf, 0, len);
			return len;
		}

		@Override
		public int putUnquotedUTF8(ByteBuffer buffer) {
			if (buffer.remaining() < len) {
				return -1;
			}
			buffer.put(buf, 0, len);
			return len;
		}

		// Raw JSON is never written as a quoted string; these serve completeness.

		@Override
		public char[] asQuotedChars() {
			return quoted().asQuotedChars();
		}

		@Override
		public byte[] asQuotedUTF8() {
			return quoted().asQuotedUTF8();
		}

		@Override
		public int appendQuotedUTF8(byte[] buffer, int offset) {
			return quoted().appendQuotedUTF8(buffer, offset);
		}

		@Override
		public int appendQuoted(char[] buffer, int offset) {
			return quoted().appendQuoted(buffer, offset);
		}

		@Override
		public int writeQuotedUTF8(OutputStream out) throws IOException {
			return quoted().writeQuotedUTF8(out);
		}

		@Override
		public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
			return quoted().putQuotedUTF8(buffer);
		}

		private SerializedString quoted() {
			return new SerializedString(getValue());
		}

	}

}
