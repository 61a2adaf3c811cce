package dev.nnfs.service.tensor;

import java.util.function.IntUnaryOperator;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * The batch writer as it was before {@link FloatBatchSerializer} wrote bytes: 8 KB
 * {@code char[]} chunks handed to the generator with {@code writeRaw(char[])}, which
 * encodes them to UTF-8 again. Kept for {@code BodyBenchmarks}, which measures the
 * writers side by side; not used by the service. The same bytes as
 * {@link FloatBatchSerializer}.
 */
public final class CharChunkSerializer extends ValueSerializer<FloatBatch> {

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
	 * Characters collected for the generator; the first chunk is the value, the rest
	 * follow it raw.
	 */
	private static final class RawChunks {

		private static final int SIZE = 8192;

		private final JsonGenerator gen;

		private final char[] buf = new char[SIZE];

		private int len;

		private boolean started;

		RawChunks(JsonGenerator gen) {
			this.gen = gen;
		}

		void put(char c) {
			if (len == SIZE) {
				flush();
			}
			buf[len++] = c;
		}

		void row(float[] v, int off, int n) {
			put('[');
			for (int i = off, end = off + n; i < end; i++) {
				if (len > SIZE - CharFloatFormat.MAX_CHARS - 1) {
					flush();
				}
				if (i > off) {
					buf[len++] = ',';
				}
				float f = v[i];
				if (Float.isFinite(f)) {
					len = CharFloatFormat.write(f, buf, len);
				}
				else {
					// As Jackson writes them by default (WRITE_NAN_AS_STRINGS): "NaN",
					// "Infinity".
					String s = '"' + Float.toString(f) + '"';
					s.getChars(0, s.length(), buf, len);
					len += s.length();
				}
			}
			put(']');
		}

		void flush() {
			if (!started) {
				gen.writeRawValue(buf, 0, len);
				started = true;
			}
			else if (len > 0) {
				gen.writeRaw(buf, 0, len);
			}
			len = 0;
		}

	}

}
