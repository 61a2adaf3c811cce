package dev.nnfs.service.plot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Curves through sampled points: one {@code <path>} per {@link Series}, a straight
 * segment between consecutive samples, in the palette's colour of the series' index. A
 * sample whose {@code y} is not finite breaks the curve (the path starts again at the
 * next finite one), so a function that overflows leaves a gap rather than failing the
 * picture.
 */
public final class CurveLayer implements Layer {

	/**
	 * One curve: {@code y[i]} at {@code x[i]}, in the order drawn.
	 *
	 * @param label the legend text, e.g. {@code sigmoid(x)}
	 * @param x the sample positions, finite
	 * @param y the values, as many as {@code x}; NaN or infinite values leave a gap
	 */
	public record Series(String label, double[] x, double[] y) {

		public Series {
			Objects.requireNonNull(label, "label must not be null");
			if (x.length != y.length) {
				throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
			}
			for (double v : x) {
				if (!Double.isFinite(v)) {
					throw new IllegalArgumentException("x values must be finite, not " + v);
				}
			}
			x = x.clone();
			y = y.clone();
		}

	}

	private static final double STROKE_WIDTH = 2.5;

	private final List<Series> series;

	private final Palette palette;

	private CurveLayer(List<Series> series, Palette palette) {
		this.series = List.copyOf(series);
		this.palette = Objects.requireNonNull(palette, "palette must not be null");
	}

	/** Curves coloured in order by {@code palette}. */
	public static CurveLayer of(List<Series> series, Palette palette) {
		return new CurveLayer(series, palette);
	}

	@Override
	public void draw(SvgWriter svg, PlotArea area) throws IOException {
		svg.start("g")
			.attr("class", "layer curves")
			.attr("fill", "none")
			.attr("stroke-width", STROKE_WIDTH)
			.attr("stroke-linejoin", "round")
			.attr("stroke-linecap", "round");
		for (int s = 0; s < this.series.size(); s++) {
			Series one = this.series.get(s);
			svg.start("path")
				.attr("class", "curve")
				.attr("data-label", one.label())
				.attr("stroke", this.palette.colour(s))
				.attr("d", pathData(one, area))
				.end();
		}
		svg.end();
	}

	/** {@code M x y L x y ...}, starting a new subpath after each gap. */
	static String pathData(Series series, PlotArea area) {
		StringBuilder d = new StringBuilder(series.x().length * 14);
		boolean drawing = false;
		for (int i = 0; i < series.x().length; i++) {
			double y = series.y()[i];
			if (!Double.isFinite(y)) {
				drawing = false;
				continue;
			}
			if (d.length() > 0) {
				d.append(' ');
			}
			d.append(drawing ? 'L' : 'M');
			SvgWriter.appendNumber(d, area.px(series.x()[i])).append(' ');
			SvgWriter.appendNumber(d, area.py(y));
			drawing = true;
		}
		return d.toString();
	}

	@Override
	public List<LegendEntry> legend() {
		List<LegendEntry> entries = new ArrayList<>(this.series.size());
		for (int s = 0; s < this.series.size(); s++) {
			entries.add(new LegendEntry(this.series.get(s).label(), this.palette.colour(s), LegendEntry.Mark.LINE));
		}
		return entries;
	}

}
