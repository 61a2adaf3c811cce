package dev.nnfs.service.plot;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

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

	/**
	 * One entry per category, each in its palette colour; a view, so a million categories
	 * cost nothing until the legend reads them.
	 */
	public static List<LegendEntry> perCategory(int count, IntFunction<String> name, Palette palette, Mark mark) {
		return new AbstractList<>() {

			@Override
			public LegendEntry get(int c) {
				Objects.checkIndex(c, count);
				return new LegendEntry(name.apply(c), palette.colour(c), mark);
			}

			@Override
			public int size() {
				return count;
			}

		};
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
