package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An activation applied to the output of the layer before it, with resolved parameters.
 */
public record ActivationLayer(Activation activation, double[] params) implements Layer {

	/**
	 * The parameters in effect, name → value in the catalogue's order, as answers and
	 * stored models show them; null for an activation that takes none.
	 */
	public Map<String, Double> paramMap() {
		if (params.length == 0) {
			return null;
		}
		Map<String, Double> map = new LinkedHashMap<>();
		for (int p = 0; p < params.length; p++) {
			map.put(activation.params().get(p).name(), params[p]);
		}
		return map;
	}

}
