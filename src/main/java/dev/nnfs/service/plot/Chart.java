package dev.nnfs.service.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SVG chart: a white canvas with a title, a plot area framed by an x and a y axis
 * (ticks, tick labels, grid lines, axis titles), the {@link Layer layers} drawn inside
 * the area and clipped to it, and a legend on the right built from the layers' entries.
 *
 * <p>
 * The document is streamed to a {@link Writer}; its size is that of the layers' output
 * plus about 3 KB. Text (title, labels, legend) is escaped, so it may hold any
 * characters.
 *
 * <pre>
 * Chart.builder(660, 580)
 *     .title("spiral_data(100, 3)")
 *     .axes(Axis.linear("x", -1, 1, 0.5), Axis.linear("y", -1, 1, 0.5))
 *     .equalAspect()
 *     .layer(ScatterLayer.of(points, 3, c -&gt; "class " + c, Palette.OKABE_ITO))
 *     .build()
 *     .writeTo(writer);
 * </pre>
 *
 * Immutable once built; {@link #writeTo(Writer)} may be called any number of times.
 */
public final class Chart {

	/**
	 * At most this many legend lines; further entries are summarised as "… and N more".
	 */
	public static final int MAX_LEGEND_ENTRIES = 12;

	private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

	private static final String INK = "#222222";

	private static final String GRID = "#e6e6e6";

	private static final double MARGIN = 16;

	private static final double TITLE_HEIGHT = 36;

	private static final double LEFT_AXIS = 56;

	private static final double BOTTOM_AXIS = 48;

	private static final double LEGEND_WIDTH = 128;

	private static final double LEGEND_LINE = 20;

	private final int width;

	private final int height;

	private final String title;

	private final Axis x;

	private final Axis y;

	private final boolean equalAspect;

	private final List<Layer> layers;

	private Chart(Builder b) {
		this.width = b.width;
		this.height = b.height;
		this.title = b.title;
		this.x = b.x;
		this.y = b.y;
		this.equalAspect = b.equalAspect;
		this.layers = List.copyOf(b.layers);
	}

	/** A chart of {@code width × height} pixels (at least 200 × 150). */
	public static Builder builder(int width, int height) {
		return new Builder(width, height);
	}

	/** Where the data goes: what is left of the canvas after title, axes and legend. */
	public PlotArea plotArea() {
		double top = (this.title == null) ? MARGIN : TITLE_HEIGHT;
		double right = hasLegend() ? LEGEND_WIDTH : MARGIN;
		double w = this.width - LEFT_AXIS - right;
		double h = this.height - top - BOTTOM_AXIS;
		if (this.equalAspect) {
			double perUnit = Math.min(w / (this.x.max() - this.x.min()), h / (this.y.max() - this.y.min()));
			double newW = perUnit * (this.x.max() - this.x.min());
			double newH = perUnit * (this.y.max() - this.y.min());
			top += (h - newH) / 2;
			w = newW;
			h = newH;
		}
		return new PlotArea(LEFT_AXIS, top, w, h, this.x, this.y);
	}

	private boolean hasLegend() {
		return this.layers.stream().anyMatch((l) -> !l.legend().isEmpty());
	}

	/**
	 * Writes the whole document, XML declaration included, and flushes {@code out}
	 * (without closing it).
	 */
	public void writeTo(Writer out) throws IOException {
		SvgWriter svg = new SvgWriter(out);
		PlotArea area = plotArea();
		svg.declaration();
		svg.start("svg")
			.attr("xmlns", SvgWriter.SVG_NAMESPACE)
			.attr("width", this.width)
			.attr("height", this.height)
			.attr("viewBox", "0 0 " + this.width + " " + this.height)
			.attr("role", "img")
			.attr("font-family", FONT)
			.attr("font-size", 12)
			.attr("fill", INK);
		if (this.title != null) {
			svg.newline().element("title", this.title);
		}
		svg.newline().start("rect").attr("width", this.width).attr("height", this.height).attr("fill", "#ffffff").end();
		svg.newline()
			.start("defs")
			.start("clipPath")
			.attr("id", "plot-area")
			.start("rect")
			.attr("x", area.left())
			.attr("y", area.top())
			.attr("width", area.width())
			.attr("height", area.height())
			.end()
			.end()
			.end();
		if (this.title != null) {
			svg.newline()
				.start("text")
				.attr("class", "title")
				.attr("x", area.left() + area.width() / 2)
				.attr("y", 24)
				.attr("text-anchor", "middle")
				.attr("font-size", 15)
				.attr("font-weight", "600")
				.text(this.title)
				.end();
		}
		drawGrid(svg, area);
		drawXAxis(svg, area);
		drawYAxis(svg, area);
		svg.newline().start("g").attr("class", "layers").attr("clip-path", "url(#plot-area)");
		for (Layer layer : this.layers) {
			svg.newline();
			layer.draw(svg, area);
		}
		svg.newline().end();
		svg.newline()
			.start("rect")
			.attr("class", "frame")
			.attr("x", area.left())
			.attr("y", area.top())
			.attr("width", area.width())
			.attr("height", area.height())
			.attr("fill", "none")
			.attr("stroke", INK)
			.end();
		drawLegend(svg, area);
		svg.newline().end();
		svg.finish();
	}

	/**
	 * The whole document as UTF-8 bytes, for answers that are rendered completely before
	 * their status is sent (so a failure while drawing is still an error answer, not a
	 * cut-off picture).
	 */
	public byte[] toUtf8() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
		try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private void drawGrid(SvgWriter svg, PlotArea area) throws IOException {
		svg.newline().start("g").attr("class", "grid").attr("stroke", GRID).attr("stroke-width", 1);
		for (double t : this.x.ticks()) {
			line(svg, area.px(t), area.top(), area.px(t), area.bottom());
		}
		for (double t : this.y.ticks()) {
			line(svg, area.left(), area.py(t), area.right(), area.py(t));
		}
		svg.end();
	}

	private void drawXAxis(SvgWriter svg, PlotArea area) throws IOException {
		svg.newline()
			.start("g")
			.attr("class", "axis x-axis")
			.attr("data-min", Axis.format(this.x.min()))
			.attr("data-max", Axis.format(this.x.max()));
		svg.start("g").attr("class", "ticks").attr("stroke", INK);
		for (double t : this.x.ticks()) {
			line(svg, area.px(t), area.bottom(), area.px(t), area.bottom() + 5);
		}
		svg.end();
		svg.start("g").attr("class", "tick-labels").attr("text-anchor", "middle");
		for (double t : this.x.ticks()) {
			svg.start("text").attr("x", area.px(t)).attr("y", area.bottom() + 18).text(Axis.format(t)).end();
		}
		svg.end();
		svg.start("text")
			.attr("class", "axis-label")
			.attr("x", area.left() + area.width() / 2)
			.attr("y", area.bottom() + 38)
			.attr("text-anchor", "middle")
			.attr("font-size", 13)
			.text(this.x.label())
			.end();
		svg.end();
	}

	private void drawYAxis(SvgWriter svg, PlotArea area) throws IOException {
		svg.newline()
			.start("g")
			.attr("class", "axis y-axis")
			.attr("data-min", Axis.format(this.y.min()))
			.attr("data-max", Axis.format(this.y.max()));
		svg.start("g").attr("class", "ticks").attr("stroke", INK);
		for (double t : this.y.ticks()) {
			line(svg, area.left() - 5, area.py(t), area.left(), area.py(t));
		}
		svg.end();
		svg.start("g").attr("class", "tick-labels").attr("text-anchor", "end");
		for (double t : this.y.ticks()) {
			svg.start("text").attr("x", area.left() - 8).attr("y", area.py(t) + 4).text(Axis.format(t)).end();
		}
		svg.end();
		double cx = 18;
		double cy = area.top() + area.height() / 2;
		svg.start("text")
			.attr("class", "axis-label")
			.attr("x", cx)
			.attr("y", cy)
			.attr("text-anchor", "middle")
			.attr("font-size", 13)
			.attr("transform", "rotate(-90 " + cx + " " + cy + ")")
			.text(this.y.label())
			.end();
		svg.end();
	}

	private void drawLegend(SvgWriter svg, PlotArea area) throws IOException {
		List<LegendEntry> entries = new ArrayList<>();
		int total = 0;
		for (Layer layer : this.layers) {
			List<LegendEntry> own = layer.legend();
			total += own.size();
			for (int i = 0; i < own.size() && entries.size() < MAX_LEGEND_ENTRIES; i++) {
				entries.add(own.get(i));
			}
		}
		if (total == 0) {
			return;
		}
		int shown = (total > MAX_LEGEND_ENTRIES) ? MAX_LEGEND_ENTRIES - 1 : total;
		double left = area.right() + 20;
		double top = area.top() + 8;
		svg.newline().start("g").attr("class", "legend");
		for (int i = 0; i < shown; i++) {
			LegendEntry e = entries.get(i);
			double cy = top + i * LEGEND_LINE;
			svg.start("g").attr("class", "legend-entry");
			switch (e.mark()) {
				case POINT ->
					svg.start("circle").attr("cx", left + 6).attr("cy", cy).attr("r", 5).attr("fill", e.colour()).end();
				case LINE -> svg.start("line")
					.attr("x1", left)
					.attr("y1", cy)
					.attr("x2", left + 14)
					.attr("y2", cy)
					.attr("stroke", e.colour())
					.attr("stroke-width", 2.5)
					.end();
				case SWATCH -> svg.start("rect")
					.attr("x", left)
					.attr("y", cy - 6)
					.attr("width", 12)
					.attr("height", 12)
					.attr("fill", e.colour())
					.end();
			}
			svg.start("text").attr("x", left + 20).attr("y", cy + 4).text(e.label()).end();
			svg.end();
		}
		if (shown < total) {
			svg.start("text")
				.attr("class", "legend-more")
				.attr("x", left)
				.attr("y", top + shown * LEGEND_LINE + 4)
				.text("\u2026 and " + (total - shown) + " more")
				.end();
		}
		svg.end();
	}

	private static void line(SvgWriter svg, double x1, double y1, double x2, double y2) throws IOException {
		svg.start("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2).end();
	}

	/** Collects a chart's parts; axes default to {@code [0, 1]} with ticks every 0.2. */
	public static final class Builder {

		private final int width;

		private final int height;

		private String title;

		private Axis x = Axis.linear("x", 0, 1, 0.2);

		private Axis y = Axis.linear("y", 0, 1, 0.2);

		private boolean equalAspect;

		private final List<Layer> layers = new ArrayList<>();

		private Builder(int width, int height) {
			if (width < 200 || height < 150 || width > 10_000 || height > 10_000) {
				throw new IllegalArgumentException(
						"a chart is 200 × 150 to 10000 × 10000 pixels, not " + width + " × " + height);
			}
			this.width = width;
			this.height = height;
		}

		/** The heading above the plot, also the document's {@code <title>}. */
		public Builder title(String title) {
			this.title = title;
			return this;
		}

		public Builder axes(Axis x, Axis y) {
			this.x = Objects.requireNonNull(x, "x must not be null");
			this.y = Objects.requireNonNull(y, "y must not be null");
			return this;
		}

		/**
		 * One data unit is as long on the y axis as on the x axis (circles stay round).
		 */
		public Builder equalAspect() {
			this.equalAspect = true;
			return this;
		}

		/** Adds a layer on top of those added before. */
		public Builder layer(Layer layer) {
			this.layers.add(Objects.requireNonNull(layer, "layer must not be null"));
			return this;
		}

		public Chart build() {
			return new Chart(this);
		}

	}

}
