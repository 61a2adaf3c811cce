package dev.nnfs.service.network;

import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.ShortestNumberSerializer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

/** The answer of {@code POST /network/forward}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForwardResponse(@Schema(description = "the dtype the pass was computed in", allowableValues = {
		"float32", "float64" }, example = "float32") String dtype, int[] shape,
		@Schema(ref = "#/components/schemas/Batch") Batch outputs,
		@Schema(description = "per row, index of the largest output (first on ties)") int[] argmax,
		@Schema(description = "per row, the largest output", ref = "#/components/schemas/Vector") Batch confidence,
		@Schema(description = "categorical cross-entropy, predictions clipped to [1e-7, 1 - 1e-7]; when labels are known",
				type = "number") @JsonSerialize(using = ShortestNumberSerializer.class) Number loss,
		@Schema(description = "share of rows whose argmax equals the label; when labels are known") Double accuracy,
		@Schema(description = "per layer, when returnLayers is true or \"all\"") List<LayerReport> layers,
		@Schema(description = "the stream after the call; absent for a saved model") Rng rng,
		@Schema(description = "the saved model and version that answered; only from /models/{name}/forward") ModelRef model){

	/** An answer of /network/forward. */
	public ForwardResponse(String dtype, int[] shape, Batch outputs, int[] argmax, Batch confidence, Number loss,
			Double accuracy, List<LayerReport> layers, Rng rng) {
		this(dtype, shape, outputs, argmax, confidence, loss, accuracy, layers, rng, null);
	}

	/** The same answer as a saved model's: no stream, the model named. */
	public ForwardResponse fromModel(String name, int version) {
		return new ForwardResponse(dtype, shape, outputs, argmax, confidence, loss, accuracy, layers, null,
				new ModelRef(name, version));
	}

	/** Which saved model answered. */
	public record ModelRef(String name, int version) {
	}

	/**
	 * The stream position after the call: continue the same numpy stream with skip =
	 * draws.
	 */
	public record Rng(long seed, long draws) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LayerReport(String type, @Schema(description = "dense: incoming width") Integer inputs,
			@Schema(description = "dense: neurons") Integer neurons,
			@Schema(description = "dense: weights [inputs, neurons]",
					ref = "#/components/schemas/Matrix") Batch weights,
			@Schema(description = "dense: biases [neurons]", ref = "#/components/schemas/Vector") Batch biases,
			@Schema(description = "activation: name") String name,
			@Schema(description = "activation: parameters in effect") Map<String, Double> params,
			@Schema(description = "relu: indices of neurons that output 0 for every row") int[] deadNeurons,
			@Schema(description = "this layer's output, when returnLayers is \"all\"",
					ref = "#/components/schemas/Batch") Batch outputs) {
	}

}
