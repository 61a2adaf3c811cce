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
 */
public final class FloatBatchSerializer extends ValueSerializer<FloatBatch> {

	@Override
	public void serialize(FloatBatch batch, JsonGenerator gen, SerializationContext ctxt) {
		write(gen, batch.values(), batch.rows(), batch.cols(), batch.rank1());
	}

	/**
	 * A row-major {@code [rows, cols]} array as rows, or as one flat array when
	 * {@code flat}.
	 */
	static void write(JsonGenerator gen, float[] v, int rows, int cols, boolean flat) {
		write(gen, v, rows, cols, flat, null);
	}

	/**
	 * A row-major {@code [rows, cols]} array as rows, written while it is being filled:
	 * before writing row {@code r} it asks {@code awaitRows} for at least {@code r + 1}
	 * ready rows, and that answers how many leading rows are ready (it may compute them
	 * meanwhile). The same characters as {@link #serialize} for the finished batch.
	 */
	public static void writeAsReady(JsonGenerator gen, float[] v, int rows, int cols, IntUnaryOperator awaitRows) {
		write(gen, v, rows, cols, false, awaitRows);
	}

	private static void write(JsonGenerator gen, float[] v, int rows, int cols, boolean flat,
			IntUnaryOperator awaitRows) {
		int ready = awaitRows == null ? rows : 0;
		RawChunks out = new RawChunks(gen);
		if (flat) {
			out.row(v, 0, v.length == 0 ? 0 : rows * cols);
		}
		else {
			out.put('[');
			for (int r = 0, off = 0; r < rows; r++, off += cols) {
				if (r == ready) {
					ready = awaitRows.applyAsInt(r + 1);
				}
				if (r > 0) {
					out.put(',');
				}
				out.row(v, off, cols);
			}
			out.put(']');
		}
		out.flush();
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

		void row(float[] v, int off, int n) {
			put('[');
			for (int i = off, end = off + n; i < end; i++) {
				if (len > SIZE - FloatFormat.MAX_CHARS - 1) {
					flush();
				}
				if (i > off) {
					buf[len++] = ',';
				}
				float f = v[i];
				if (Float.isFinite(f)) {
					len = FloatFormat.write(f, buf, len);
				}
				else {
					// As Jackson writes them by default (WRITE_NAN_AS_STRINGS): "NaN",
					// "Infinity".
					byte[] s = ('"' + Float.toString(f) + '"').getBytes(StandardCharsets.US_ASCII);
					System.arraycopy(s, 0, buf, len, s.length);
					len += s.length;
				}
			}
			put(']');
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
