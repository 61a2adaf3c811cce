package dev.nnfs.service.serving;

import dev.nnfs.service.network.Network;
import dev.nnfs.service.tensor.DType;

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

	/** A layer as the metadata shows it: shape and activation, no weights. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LayerSummary(String type, Integer inputs, Integer neurons, String name, Map<String, Double> params) {
	}

}
