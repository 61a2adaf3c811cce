package dev.nnfs.service.plot;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A grid of cells over the whole plot area, each filled with the colour of its class at
 * an opacity set by its shade: what a classifier predicts across the plane (decision
 * regions), darker where it is surer.
 *
 * <p>
 * The grid has {@code columns × rows} equal cells spanning the axes edge to edge; cell
 * {@code (c, r)} covers x from {@code x.min + c·dx} and y from {@code y.min + r·dy} (row
 * 0 at the bottom). Shades in {@code [0, 1]} are rounded to {@value #SHADES} steps and
 * map to opacities from {@value #MIN_OPACITY} to {@value #MAX_OPACITY}, so cells with
 * nearly equal confidence look alike. Consecutive cells of a row with the same class and
 * step are drawn as one {@code <rect>}, which keeps the document small: a 100 × 100 grid
 * of three regions is a few hundred rectangles, not ten thousand.
 */
public final class RegionLayer implements Layer {

	/** Number of distinct opacities. */
	public static final int SHADES = 8;

	public static final double MIN_OPACITY = 0.12;

	public static final double MAX_OPACITY = 0.62;

	private final int columns;

	private final int rows;

	private final int[] categories;

	private final float[] shades;

	private final int categoryCount;

	private final IntFunction<String> categoryName;

	private final Palette palette;

	private RegionLayer(int columns, int rows, int[] categories, float[] shades, int categoryCount,
			IntFunction<String> categoryName, Palette palette) {
		this.columns = columns;
		this.rows = rows;
		this.categories = categories;
		this.shades = shades;
		this.categoryCount = categoryCount;
		this.categoryName = categoryName;
		this.palette = palette;
	}

	/**
	 * @param columns cells across, {@code >= 1}
	 * @param rows cells up, {@code >= 1}
	 * @param categories the class of each cell, row-major from the bottom row: cell
	 * {@code (c, r)} is {@code categories[r * columns + c]}, in
	 * {@code [0, categoryCount)}; not copied
	 * @param shades how sure each cell is, same layout; values outside {@code [0, 1]} are
	 * clamped and NaN counts as 0; not copied
	 * @param categoryCount the number of classes
	 * @param categoryName the legend label of each class
	 * @param palette the colours of the classes
	 */
	public static RegionLayer of(int columns, int rows, int[] categories, float[] shades, int categoryCount,
			IntFunction<String> categoryName, Palette palette) {
		if (columns < 1 || rows < 1) {
			throw new IllegalArgumentException("a grid has at least one cell, not " + columns + " × " + rows);
		}
		if (categories.length != (long) columns * rows || shades.length != categories.length) {
			throw new IllegalArgumentException("a " + columns + " × " + rows + " grid needs " + (long) columns * rows
					+ " classes and shades, not " + categories.length + " and " + shades.length);
		}
		if (categoryCount < 1) {
			throw new IllegalArgumentException("categoryCount must be >= 1, not " + categoryCount);
		}
		return new RegionLayer(columns, rows, categories, shades, categoryCount,
				Objects.requireNonNull(categoryName, "categoryName must not be null"),
				Objects.requireNonNull(palette, "palette must not be null"));
	}

	/** The step {@code 0 .. SHADES} of a shade; NaN is 0. */
	static int step(float shade) {
		if (!(shade > 0)) {
			return 0;
		}
		return (int) Math.round(Math.min(shade, 1f) * SHADES);
	}

	/** The fill opacity of a shade step. */
	static double opacity(int step) {
		return MIN_OPACITY + (MAX_OPACITY - MIN_OPACITY) * step / SHADES;
	}

	@Override
	public void draw(SvgWriter svg, PlotArea area) throws IOException {
		Axis x = area.x();
		Axis y = area.y();
		double dx = (x.max() - x.min()) / this.columns;
		double dy = (y.max() - y.min()) / this.rows;
		svg.start("g")
			.attr("class", "layer regions")
			.attr("stroke", "none")
			.attr("shape-rendering", "crispEdges")
			.attr("data-columns", this.columns)
			.attr("data-rows", this.rows);
		for (int r = 0; r < this.rows; r++) {
			double top = area.py(y.min() + (r + 1) * dy);
			double height = area.py(y.min() + r * dy) - top;
			int offset = r * this.columns;
			int c = 0;
			while (c < this.columns) {
				int category = this.categories[offset + c];
				if (category < 0 || category >= this.categoryCount) {
					throw new IllegalArgumentException("cell (" + c + ", " + r + ") has class " + category
							+ ", outside [0, " + this.categoryCount + ")");
				}
				int step = step(this.shades[offset + c]);
				int end = c + 1;
				while (end < this.columns && this.categories[offset + end] == category
						&& step(this.shades[offset + end]) == step) {
					end++;
				}
				double left = area.px(x.min() + c * dx);
				svg.start("rect")
					.attr("x", left)
					.attr("y", top)
					.attr("width", area.px(x.min() + end * dx) - left)
					.attr("height", height)
					.attr("fill", this.palette.colour(category))
					.attr("fill-opacity", opacity(step))
					.end();
				c = end;
			}
		}
		svg.end();
	}

	/** One swatch per class. */
	@Override
	public List<LegendEntry> legend() {
		return LegendEntry.perCategory(this.categoryCount, this.categoryName, this.palette, LegendEntry.Mark.SWATCH);
	}

}
