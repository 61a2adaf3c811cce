package dev.nnfs.service.tensor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.schubfach.DoubleToDecimal;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link DoubleBatch} as a JSON array of rows (or a flat array for a rank-1
 * batch), each value in its shortest round-trip float64 form: Giulietti's Schubfach, as
 * Jackson's {@code USE_FAST_DOUBLE_WRITER} and JDK 19+'s {@code Double.toString} write it
 * ({@code 0.09003057317038046}, {@code 1.0E-7}). JDK 17's {@code Double.toString}
 * sometimes writes a digit more, so it is not used. Non-finite values are written as
 * Jackson writes them by default, as the strings {@code "Infinity"} and {@code "NaN"}.
 *
 * <p>
 * The float64 mode is for the seeds' list cells and for checking against numpy, not for
 * bulk traffic: this writer goes through the generator number by number and makes one
 * {@code String} each.
 */
public final class DoubleBatchSerializer extends ValueSerializer<DoubleBatch> {

	@Override
	public void serialize(DoubleBatch batch, JsonGenerator gen, SerializationContext ctxt) {
		double[] v = batch.values();
		if (batch.rank1()) {
			row(gen, v, 0, v.length);
			return;
		}
		gen.writeStartArray();
		for (int r = 0, off = 0; r < batch.rows(); r++, off += batch.cols()) {
			row(gen, v, off, batch.cols());
		}
		gen.writeEndArray();
	}

	private static void row(JsonGenerator gen, double[] v, int off, int n) {
		gen.writeStartArray();
		for (int i = off, end = off + n; i < end; i++) {
			double d = v[i];
			if (Double.isFinite(d)) {
				gen.writeNumber(DoubleToDecimal.toString(d));
			}
			else {
				gen.writeString(Double.toString(d));
			}
		}
		gen.writeEndArray();
	}

}
