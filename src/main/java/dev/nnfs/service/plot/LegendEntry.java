package dev.nnfs.service.plot;

import java.util.Objects;

/**
 * One line of the legend: a mark in a colour and its label.
 *
 * @param label the text, e.g. {@code class 0}
 * @param colour a CSS colour, e.g. {@code #0072B2}
 * @param mark how the key is drawn, matching the layer
 */
public record LegendEntry(String label, String colour, Mark mark) {

	public LegendEntry {
		Objects.requireNonNull(label, "label must not be null");
		Objects.requireNonNull(colour, "colour must not be null");
		Objects.requireNonNull(mark, "mark must not be null");
	}

	/** The key drawn next to a legend label. */
	public enum Mark {

		/** A dot, for scatter layers. */
		POINT,

		/** A short line, for curves. */
		LINE,

		/** A filled square, for regions and heat maps. */
		SWATCH

	}

}
