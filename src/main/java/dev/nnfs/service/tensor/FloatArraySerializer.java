package dev.nnfs.service.tensor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@code float[]} as a flat JSON array in shortest float32 form, as
 * {@link FloatBatchSerializer} writes a rank-1 batch: for per-row results such as
 * {@code confidence}, which have as many values as the batch has rows (reusing the
 * characters of the row maxima the batch's serializer kept). Use it with
 * {@code @JsonSerialize(using = FloatArraySerializer.class)}.
 */
public final class FloatArraySerializer extends ValueSerializer<float[]> {

	@Override
	public void serialize(float[] values, JsonGenerator gen, SerializationContext ctxt) {
		FloatBatchSerializer.writeFlat(gen, values, values.length);
	}

}
