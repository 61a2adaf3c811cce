package dev.nnfs.service.spiral;

import dev.nnfs.service.plot.Axis;
import dev.nnfs.service.plot.Chart;
import dev.nnfs.service.plot.Palette;
import dev.nnfs.service.plot.ScatterLayer;

/**
 * The picture of a spiral: a scatter plot of its points on {@code [-1, 1] × [-1, 1]}
 * (every point of {@code spiral_data} has radius at most 1), one Okabe–Ito colour per
 * class.
 */
final class SpiralPlot {

	static final int WIDTH = 680;

	static final int HEIGHT = 600;

	private SpiralPlot() {
	}

	static Chart chart(Spiral spiral, long seed, long skip) {
		ScatterLayer.Points points = ScatterLayer.Points.of(spiral.rows(), spiral::x, spiral::y, spiral::label);
		String title = "spiral_data(samples=" + spiral.samples() + ", classes=" + spiral.classes() + "), seed " + seed
				+ (skip == 0 ? "" : ", skip " + skip);
		return Chart.builder(WIDTH, HEIGHT)
			.title(title)
			.axes(Axis.linear("x", -1, 1, 0.5), Axis.linear("y", -1, 1, 0.5))
			.equalAspect()
			.layer(ScatterLayer.of(points, spiral.classes(), (c) -> "class " + c, Palette.OKABE_ITO))
			.build();
	}

}
