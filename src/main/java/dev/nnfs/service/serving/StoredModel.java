package dev.nnfs.service.serving;

import dev.nnfs.service.network.DenseLayer;
import dev.nnfs.service.network.Layer;
import dev.nnfs.service.network.Network;
import dev.nnfs.service.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A loaded model version: the network ready to run, what its metadata shows, and the
 * stored document ({@code model.json}) that {@code GET /models/{name}/versions/{v}}
 * returns as is.
 *
 * @param inputs the width of an input row
 * @param outputs the width of an output row
 * @param layers each layer without its weights
 * @param document the stored JSON, explicit weights included
 */
public record StoredModel(String description, DType dtype, int inputs, int outputs, List<String> labels,
		List<LayerSummary> layers, Network network, byte[] document) {

	/**
	 * The network in {@code dtype}: the model's own, or its layers with the weights
	 * converted (widened to float64, or rounded to float32), for a call that asks for the
	 * other mode (an FP64 tensor sent to a float32 model).
	 */
	public Network networkFor(DType mode) {
		if (mode == dtype) {
			return network;
		}
		List<Layer> layers = new ArrayList<>();
		for (Layer layer : network.layers()) {
			layers.add(layer instanceof DenseLayer d ? d.in(mode) : layer);
		}
		return new Network(layers, network.engine());
	}

	/** A layer as the metadata shows it: shape and activation, no weights. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LayerSummary(String type, Integer inputs, Integer neurons, String name, Map<String, Double> params) {
	}

}
