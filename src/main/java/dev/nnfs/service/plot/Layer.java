package dev.nnfs.service.plot;

import java.io.IOException;
import java.util.List;

/**
 * Something drawn in the plot area of a {@link Chart}: a scatter of points, a curve, a
 * grid of coloured cells. The chart draws layers in the order they were added, each in
 * its own group and clipped to the {@link PlotArea}, after the grid and before the frame
 * and legend.
 */
public interface Layer {

	/**
	 * Writes this layer's elements, mapping data to pixels with {@code area}. The layer
	 * writes only complete elements (everything it opens, it closes).
	 */
	void draw(SvgWriter svg, PlotArea area) throws IOException;

	/** The entries this layer adds to the legend, in order; none by default. */
	default List<LegendEntry> legend() {
		return List.of();
	}

}
