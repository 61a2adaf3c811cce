package dev.nnfs.service.tensor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.schubfach.DoubleToDecimal;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a scalar that is a {@link Float} or a {@link Double} (a loss computed in the
 * request's dtype) in the shortest round-trip form of its own type: {@code 1.0986104} for
 * a float32, {@code 1.0986104615465142} for a float64, never the float64 expansion of a
 * float32. Use it with {@code @JsonSerialize(using = ShortestNumberSerializer.class)} on
 * a {@link Number}.
 */
public final class ShortestNumberSerializer extends ValueSerializer<Number> {

	@Override
	public void serialize(Number value, JsonGenerator gen, SerializationContext ctxt) {
		if (value instanceof Float f && Float.isFinite(f)) {
			char[] buf = new char[FloatFormat.MAX_CHARS];
			int len = FloatFormat.write(f, buf, 0);
			gen.writeNumber(buf, 0, len);
		}
		else if (value instanceof Double d && Double.isFinite(d)) {
			gen.writeNumber(DoubleToDecimal.toString(d));
		}
		else if (value instanceof Float || value instanceof Double) {
			gen.writeString(value.toString());
		}
		else {
			gen.writeNumber(value.toString());
		}
	}

}
