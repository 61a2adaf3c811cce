package dev.nnfs.service.activation;

/**
 * A numeric parameter of an activation: its default and the closed range a client may set
 * it in.
 */
public record ParamSpec(String name, double defaultValue, double min, double max, String description) {

	public boolean accepts(double value) {
		return Double.isFinite(value) && value >= min && value <= max;
	}

}
