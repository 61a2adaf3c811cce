package dev.nnfs.service.plot;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Points coloured by class: one {@code <circle>} per point, with consecutive points of
 * the same class sharing a {@code <g fill="...">} group, so each circle carries only
 * {@code cx}, {@code cy} and {@code r} (about 35 bytes a point). Points are read one at a
 * time from {@link Points}; nothing is copied.
 */
public final class ScatterLayer implements Layer {

	/** The points of a scatter layer, read by index. */
	public interface Points {

		int size();

		double x(int i);

		double y(int i);

		/** The class of point {@code i}, in {@code [0, categories)}. */
		int category(int i);

		/** Points read through functions of their index, for data held in any form. */
		static Points of(int size, IntToDoubleFunction x, IntToDoubleFunction y, IntUnaryOperator category) {
			return new Points() {

				@Override
				public int size() {
					return size;
				}

				@Override
				public double x(int i) {
					return x.applyAsDouble(i);
				}

				@Override
				public double y(int i) {
					return y.applyAsDouble(i);
				}

				@Override
				public int category(int i) {
					return category.applyAsInt(i);
				}

			};
		}

	}

	private final Points points;

	private final int categories;

	private final IntFunction<String> categoryName;

	private final Palette palette;

	private final double radius;

	private final String outline;

	private ScatterLayer(Points points, int categories, IntFunction<String> categoryName, Palette palette,
			double radius, String outline) {
		this.points = points;
		this.categories = categories;
		this.categoryName = categoryName;
		this.palette = palette;
		this.radius = radius;
		this.outline = outline;
	}

	/**
	 * A scatter layer whose circles have {@link #defaultRadius(int) a radius suited to
	 * the number of points}.
	 * @param points the points
	 * @param categories the number of classes, {@code >= 1}
	 * @param categoryName the legend label of each class
	 * @param palette the colours of the classes
	 */
	public static ScatterLayer of(Points points, int categories, IntFunction<String> categoryName, Palette palette) {
		Objects.requireNonNull(points, "points must not be null");
		Objects.requireNonNull(categoryName, "categoryName must not be null");
		Objects.requireNonNull(palette, "palette must not be null");
		if (categories < 1) {
			throw new IllegalArgumentException("categories must be >= 1, not " + categories);
		}
		return new ScatterLayer(points, categories, categoryName, palette, defaultRadius(points.size()), null);
	}

	/** The same layer with circles of another radius, in pixels. */
	public ScatterLayer radius(double radius) {
		if (!(radius > 0) || !Double.isFinite(radius)) {
			throw new IllegalArgumentException("radius must be positive, not " + radius);
		}
		return new ScatterLayer(this.points, this.categories, this.categoryName, this.palette, radius, this.outline);
	}

	/**
	 * The same layer with a thin ring of {@code colour} around each point, which keeps
	 * points visible on a background of their own colour (decision regions).
	 */
	public ScatterLayer outlined(String colour) {
		if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
			throw new IllegalArgumentException("an outline colour is #rrggbb, not '" + colour + "'");
		}
		return new ScatterLayer(this.points, this.categories, this.categoryName, this.palette, this.radius, colour);
	}

	/**
	 * Larger dots for a few points, smaller ones as they crowd: 4 px up to 500 points,
	 * down to 0.75 px.
	 */
	public static double defaultRadius(int points) {
		if (points <= 500) {
			return 4;
		}
		if (points <= 5_000) {
			return 2.5;
		}
		if (points <= 50_000) {
			return 1.5;
		}
		return 0.75;
	}

	@Override
	public void draw(SvgWriter svg, PlotArea area) throws IOException {
		svg.start("g").attr("class", "layer scatter").attr("fill-opacity", 0.85);
		if (this.outline == null) {
			svg.attr("stroke", "none");
		}
		else {
			svg.attr("stroke", this.outline).attr("stroke-width", 0.75);
		}
		int current = -1;
		for (int i = 0, n = this.points.size(); i < n; i++) {
			int c = this.points.category(i);
			if (c < 0 || c >= this.categories) {
				throw new IllegalArgumentException(
						"point " + i + " has class " + c + ", outside [0, " + this.categories + ")");
			}
			if (c != current) {
				if (current >= 0) {
					svg.end();
				}
				svg.start("g").attr("class", "class-" + c).attr("fill", this.palette.colour(c));
				current = c;
			}
			svg.start("circle")
				.attr("cx", area.px(this.points.x(i)))
				.attr("cy", area.py(this.points.y(i)))
				.attr("r", this.radius)
				.end();
		}
		if (current >= 0) {
			svg.end();
		}
		svg.end();
	}

	/**
	 * One entry per class; a view, so a million classes cost nothing until the legend
	 * reads them.
	 */
	@Override
	public List<LegendEntry> legend() {
		return LegendEntry.perCategory(this.categories, this.categoryName, this.palette, LegendEntry.Mark.POINT);
	}

}
