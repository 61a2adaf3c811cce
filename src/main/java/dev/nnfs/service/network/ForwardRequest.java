package dev.nnfs.service.network;

import dev.nnfs.service.tensor.FloatBatch;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /network/forward}; checked by {@link NetworkBuilder}. */
@Schema(description = "A forward pass: the data (inputs or a generated spiral), the layers, optional labels")
public record ForwardRequest(
		@Schema(description = "np.random.seed of the stream that spiral data and seeded weights are drawn from (0 ≤ seed < 2^32)", defaultValue = "0") Long seed,
		@Schema(description = "standard normals drawn and discarded after seeding", defaultValue = "0") Long skip,
		@Schema(description = "a batch (array of rows) or one sample; give this or spiral") FloatBatch inputs,
		@Schema(description = "generate nnfs spiral_data(samples, classes) from the stream; its labels become labels") SpiralSpec spiral,
		@Schema(description = "the layers, applied in order") List<LayerSpec> layers,
		@Schema(description = "a class index per row ([0, 2, 1]) or one-hot rows ([[1, 0, 0], ...])") FloatBatch labels,
		@Schema(description = "false (default), true for each layer's weights, biases and dead neurons, or \"all\" for per-layer outputs too", oneOf = { Boolean.class, String.class }) Object returnLayers) {

	@Schema(description = "nnfs spiral_data(samples, classes)")
	public record SpiralSpec(@Schema(example = "100") Integer samples, @Schema(example = "3") Integer classes) {
	}

	@Schema(description = "A dense layer (type dense) or an activation layer (type activation)")
	public record LayerSpec(@Schema(allowableValues = { "dense", "activation" }) String type,
			@Schema(description = "dense: number of neurons (outputs)") Integer neurons,
			@Schema(description = "dense: optional check of the incoming width") Integer inputs,
			@Schema(description = "dense: scale of drawn weights (weightScale * randn), default 0.01") Double weightScale,
			@Schema(description = "dense: explicit weights [inputs, neurons]; drawn from the stream when absent") FloatBatch weights,
			@Schema(description = "dense: explicit biases [neurons]; zeros when absent") FloatBatch biases,
			@Schema(description = "activation: name, as for /activations/{name}") String name,
			@Schema(description = "activation: parameters, as for /activations/{name}") Map<String, Double> params) {
	}

}
