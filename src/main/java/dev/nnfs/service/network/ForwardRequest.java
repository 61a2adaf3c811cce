package dev.nnfs.service.network;

import java.util.List;
import java.util.Map;

import dev.nnfs.service.tensor.DoubleBatch;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The body of {@code POST /network/forward} and {@code POST /network/plot}, as the client
 * wrote it: read by {@link ForwardRequestReader}, checked by
 * {@link NetworkBuilder#check}.
 *
 * @param returnLayers {@code true}, {@code false} or {@code "all"} ({@link Boolean} or
 * {@link String})
 */
@Schema(description = "A forward pass: the data (inputs or a generated spiral), the layers, optional labels")
public record ForwardRequest(@Schema(
		description = "np.random.seed of the stream that spiral data and drawn weights come from; 0 when left out",
		minimum = "0", maximum = "4294967295") Long seed,
		@Schema(description = "standard normals drawn and thrown away after seeding; 0 when left out",
				minimum = "0") Long skip,
		@Schema(description = "a batch (array of rows) or one sample (array of numbers); give this or spiral",
				ref = "#/components/schemas/Batch") DoubleBatch inputs,
		@Schema(description = "generate nnfs spiral_data(samples, classes) from the stream; its labels become labels") SpiralSpec spiral,
		@Schema(description = "the layers, applied in order",
				requiredMode = RequiredMode.REQUIRED) List<LayerSpec> layers,
		@Schema(description = "a class index per row ([0, 2, 1]) or one-hot rows ([[1, 0, 0], ...])",
				ref = "#/components/schemas/Batch") DoubleBatch labels,
		@Schema(description = "false (default); true for each layer's weights, biases and dead neurons; \"all\" for per-layer outputs too",
				ref = "#/components/schemas/ReturnLayers") Object returnLayers,
		@Schema(description = "float32 (numpy under nnfs.init(), the default) or float64 (plain numpy: float64 data, draws, products, activations and loss)",
				allowableValues = {
						"float32", "float64" },
				defaultValue = "float32") String dtype){

	/** The request in float32, the default dtype. */
	public ForwardRequest(Long seed, Long skip, DoubleBatch inputs, SpiralSpec spiral, List<LayerSpec> layers,
			DoubleBatch labels, Object returnLayers) {
		this(seed, skip, inputs, spiral, layers, labels, returnLayers, null);
	}

	@Schema(description = "nnfs spiral_data(samples, classes)")
	public record SpiralSpec(
			@Schema(description = "points per class", example = "100", minimum = "1",
					requiredMode = RequiredMode.REQUIRED) Long samples,
			@Schema(description = "number of classes", example = "3", minimum = "1",
					requiredMode = RequiredMode.REQUIRED) Long classes) {
	}

	/**
	 * A layer as the client wrote it: dense or activation, told apart by {@code type}.
	 */
	@Schema(description = "A dense layer or an activation layer, told apart by `type`",
			oneOf = { DenseSpec.class, ActivationSpec.class }, discriminatorProperty = "type",
			discriminatorMapping = { @DiscriminatorMapping(value = "dense", schema = DenseSpec.class),
					@DiscriminatorMapping(value = "activation", schema = ActivationSpec.class) })
	public sealed interface LayerSpec permits DenseSpec, ActivationSpec {

		String type();

	}

	@Schema(description = "nnfs's Layer_Dense: output = inputs · weights + biases")
	public record DenseSpec(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "dense") String type,
			@Schema(description = "number of neurons (outputs); may be left out when weights are given",
					minimum = "1") Long neurons,
			@Schema(description = "optional check of the incoming width", minimum = "1") Long inputs,
			@Schema(description = "scale of drawn weights (weightScale × randn(inputs, neurons)); default 0.01") Double weightScale,
			@Schema(description = "explicit weights, [inputs, neurons]; drawn from the stream when absent",
					ref = "#/components/schemas/Matrix") DoubleBatch weights,
			@Schema(description = "explicit biases, one per neuron; zeros when absent",
					ref = "#/components/schemas/Vector") DoubleBatch biases)
			implements
				LayerSpec {

		public static DenseSpec drawn(long neurons) {
			return new DenseSpec("dense", neurons, null, null, null, null);
		}

	}

	@Schema(description = "An activation function applied to the previous layer's output")
	public record ActivationSpec(
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "activation") String type,
			@Schema(description = "activation name, as for /activations/{name}", requiredMode = RequiredMode.REQUIRED,
					ref = "#/components/schemas/ActivationName") String name,
			@Schema(description = "parameters, as for /activations/{name}") Map<String, Double> params)
			implements
				LayerSpec {

		public static ActivationSpec of(String name) {
			return new ActivationSpec("activation", name, null);
		}

	}

}
