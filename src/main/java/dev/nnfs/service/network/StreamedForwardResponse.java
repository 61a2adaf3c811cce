package dev.nnfs.service.network;

import dev.nnfs.service.activation.Predictions;
import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.FloatBatchSerializer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The answer of {@code POST /network/forward} for a large batch without labels or layer
 * details, computed while it is written: the same JSON, byte for byte, as the
 * {@link ForwardResponse} of the same request ({@code shape}, {@code outputs},
 * {@code argmax}, {@code confidence}, {@code rng}).
 *
 * <p>
 * Nothing is computed until the answer is written. Then the pass starts
 * ({@link ForwardEngine#start}), the helper thread computes blocks of rows from the
 * first, and the writing thread writes rows as soon as they are ready (a block's, or a
 * segment's when the pass reorders its rows: {@link BlockPipeline}), computing the next
 * free block itself whenever the rows it needs are not: on an idle machine the forward
 * pass and the JSON writing share both cores instead of following each other.
 *
 * <p>
 * Rows are written before later ones are computed, so the status line has gone out before
 * the whole result exists. That is why {@link NetworkController} only answers this way
 * when {@link OutputBounds} proves beforehand that every output is finite (an overflow
 * would need a 422); the one failure left mid-stream is the compute deadline, which then
 * cuts the response short (the connection is closed without the end of the chunked body).
 */
@JsonSerialize(using = StreamedForwardResponse.Serializer.class)
final class StreamedForwardResponse {

	private final Network network;

	private final FloatBatch inputs;

	private final ForwardResponse.Rng rng;

	StreamedForwardResponse(Network network, FloatBatch inputs, ForwardResponse.Rng rng) {
		this.network = network;
		this.inputs = inputs;
		this.rng = rng;
	}

	static final class Serializer extends ValueSerializer<StreamedForwardResponse> {

		@Override
		public void serialize(StreamedForwardResponse value, JsonGenerator gen, SerializationContext ctxt) {
			try (ForwardPass<float[]> pass = value.network.engine()
				.start(value.network.layers(), value.inputs, false)) {
				int rows = pass.rows();
				int cols = pass.outWidth();
				float[] out = pass.output();
				gen.writeStartObject(value);
				gen.writeName("dtype");
				gen.writeString("float32");
				gen.writeName("shape");
				ctxt.writeValue(gen, new int[] { rows, cols });
				gen.writeName("outputs");
				FloatBatchSerializer.RowMaxima maxima = FloatBatchSerializer.RowMaxima.forAnswer(rows, cols);
				FloatBatchSerializer.writeAsReady(gen, out, rows, cols, pass::awaitRows, maxima);
				Predictions predictions = Predictions.of(out, rows, cols);
				gen.writeName("argmax");
				ctxt.writeValue(gen, predictions.argmax());
				gen.writeName("confidence");
				float[] confidence = predictions.floatConfidence();
				FloatBatchSerializer.writeFlat(gen, confidence, confidence.length, maxima);
				gen.writeName("rng");
				ctxt.writeValue(gen, value.rng);
				gen.writeEndObject();
			}
		}

	}

}
