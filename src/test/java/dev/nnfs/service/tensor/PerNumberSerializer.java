package dev.nnfs.service.tensor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * The straightforward {@link FloatBatch} writer that {@link FloatBatchSerializer}
 * replaces: one {@code writeNumber(float)} (and one String) per value. The reference for
 * its bytes and the baseline for its speed.
 */
public final class PerNumberSerializer extends ValueSerializer<FloatBatch> {

	@Override
	public void serialize(FloatBatch batch, JsonGenerator gen, SerializationContext ctxt) {
		if (!batch.rank1()) {
			gen.writeStartArray();
		}
		for (int r = 0; r < batch.rows(); r++) {
			gen.writeStartArray();
			for (int c = 0; c < batch.cols(); c++) {
				gen.writeNumber(batch.get(r, c));
			}
			gen.writeEndArray();
		}
		if (!batch.rank1()) {
			gen.writeEndArray();
		}
	}

}
