package dev.nnfs.service.plot;

/**
 * The rectangle of the canvas where data is drawn, and the mapping from data coordinates
 * to SVG user units (pixels). SVG's y grows downwards, so {@code y.max()} maps to
 * {@code top}. Layers draw through {@link #px(double)} and {@link #py(double)}; the chart
 * clips them to this rectangle.
 *
 * @param left x of the left edge, in pixels
 * @param top y of the top edge, in pixels
 * @param width width in pixels
 * @param height height in pixels
 * @param x the horizontal axis
 * @param y the vertical axis
 */
public record PlotArea(double left, double top, double width, double height, Axis x, Axis y) {

	/** The horizontal pixel position of data value {@code value}. */
	public double px(double value) {
		return this.left + (value - this.x.min()) / (this.x.max() - this.x.min()) * this.width;
	}

	/** The vertical pixel position of data value {@code value}. */
	public double py(double value) {
		return this.top + this.height - (value - this.y.min()) / (this.y.max() - this.y.min()) * this.height;
	}

	public double right() {
		return this.left + this.width;
	}

	public double bottom() {
		return this.top + this.height;
	}

}
