package dev.nnfs.service.network;

import dev.nnfs.service.tensor.FloatArraySerializer;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/** The answer of {@code POST /network/forward}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForwardResponse(int[] shape, FloatBatch outputs,
		@Schema(description = "per row, index of the largest output (first on ties)") int[] argmax,
		@Schema(description = "per row, the largest output") @JsonSerialize(
				using = FloatArraySerializer.class) float[] confidence,
		@Schema(description = "categorical cross-entropy, predictions clipped to [1e-7, 1 - 1e-7]; when labels are known") Float loss,
		@Schema(description = "share of rows whose argmax equals the label; when labels are known") Double accuracy,
		@Schema(description = "per layer, when returnLayers is true or \"all\"") List<LayerReport> layers, Rng rng) {

	/**
	 * The stream position after the call: continue the same numpy stream with skip =
	 * draws.
	 */
	public record Rng(long seed, long draws) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LayerReport(String type, @Schema(description = "dense: incoming width") Integer inputs,
			@Schema(description = "dense: neurons") Integer neurons,
			@Schema(description = "dense: weights [inputs, neurons]") FloatBatch weights,
			@Schema(description = "dense: biases [neurons]") FloatBatch biases,
			@Schema(description = "activation: name") String name,
			@Schema(description = "activation: parameters in effect") Map<String, Double> params,
			@Schema(description = "relu: indices of neurons that output 0 for every row") int[] deadNeurons,
			@Schema(description = "this layer's output, when returnLayers is \"all\"") FloatBatch outputs) {
	}

}
