package dev.nnfs.service.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link FloatBatch} as a JSON array of rows (or a flat array for a rank-1 batch). Each
 * value is written as a float32 in its shortest round-trip form; the mapper is configured with
 * {@code USE_FAST_DOUBLE_WRITER}, whose Schubfach writer gives the shortest form on every JDK
 * (JDK 17's {@code Float.toString} sometimes does not).
 */
public final class FloatBatchSerializer extends ValueSerializer<FloatBatch> {

	@Override
	public void serialize(FloatBatch batch, JsonGenerator gen, SerializationContext ctxt) {
		float[] v = batch.values();
		int cols = batch.cols();
		if (batch.rank1()) {
			writeRow(gen, v, 0, cols);
			return;
		}
		gen.writeStartArray(batch, batch.rows());
		for (int r = 0, off = 0; r < batch.rows(); r++, off += cols) {
			writeRow(gen, v, off, cols);
		}
		gen.writeEndArray();
	}

	private static void writeRow(JsonGenerator gen, float[] v, int off, int len) {
		gen.writeStartArray(null, len);
		for (int i = off, end = off + len; i < end; i++) {
			gen.writeNumber(v[i]);
		}
		gen.writeEndArray();
	}

}
