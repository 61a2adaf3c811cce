package dev.nnfs.service.plot;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ChartTests {

	private static final Axis UNIT_X = Axis.linear("x", -1, 1, 0.5);

	private static final Axis UNIT_Y = Axis.linear("y", -1, 1, 0.5);

	/** Points (i, -i) / n, classes in runs: 0 0 0 1 1 2 ... */
	private static ScatterLayer.Points diagonal(int n, int classes) {
		return new ScatterLayer.Points() {

			@Override
			public int size() {
				return n;
			}

			@Override
			public double x(int i) {
				return (double) i / n;
			}

			@Override
			public double y(int i) {
				return -(double) i / n;
			}

			@Override
			public int category(int i) {
				return (int) ((long) i * classes / n);
			}

		};
	}

	private static String render(Chart chart) throws IOException {
		StringWriter out = new StringWriter();
		chart.writeTo(out);
		return out.toString();
	}

	@Test
	void scatterIsWellFormedWithOneCirclePerPointAndUnitAxes() throws IOException {
		Chart chart = Chart.builder(660, 580)
			.title("spiral <test> & co")
			.axes(UNIT_X, UNIT_Y)
			.equalAspect()
			.layer(ScatterLayer.of(diagonal(300, 3), 3, (c) -> "class " + c, Palette.OKABE_ITO))
			.build();
		Document doc = Xml.parse(render(chart));

		List<Element> circles = Xml.svgElements(doc, "circle");
		Element scatter = Xml.byClass(doc, "scatter");
		assertThat(scatter.getElementsByTagNameNS(SvgWriter.SVG_NAMESPACE, "circle").getLength()).isEqualTo(300);
		assertThat(circles).as("points plus one legend dot per class").hasSize(300 + 3);

		assertThat(Xml.texts(Xml.byClass(doc, "x-axis")).subList(0, 5))
			.isEqualTo(List.of("-1", "-0.5", "0", "0.5", "1"));
		assertThat(Xml.texts(Xml.byClass(doc, "y-axis")).subList(0, 5))
			.isEqualTo(List.of("-1", "-0.5", "0", "0.5", "1"));
		assertThat(Xml.byClass(doc, "x-axis").getAttribute("data-min")).isEqualTo("-1");
		assertThat(Xml.byClass(doc, "x-axis").getAttribute("data-max")).isEqualTo("1");
		assertThat(Xml.texts(Xml.byClass(doc, "legend"))).isEqualTo(List.of("class 0", "class 1", "class 2"));
		assertThat(Xml.byClass(doc, "title").getTextContent()).isEqualTo("spiral <test> & co");

		assertThat(Xml.byClass(doc, "class-0").getAttribute("fill")).isEqualTo(Palette.OKABE_ITO.colour(0));
		assertThat(Xml.byClass(doc, "class-2").getAttribute("fill")).isEqualTo(Palette.OKABE_ITO.colour(2));
	}

	@Test
	void dataCoordinatesMapOntoTheFrame() throws IOException {
		Chart chart = Chart.builder(660, 580).axes(UNIT_X, UNIT_Y).equalAspect().build();
		PlotArea area = chart.plotArea();
		assertThat(area.height()).as("equal aspect on a square domain is a square")
			.isCloseTo(area.width(), within(1e-9));
		assertThat(area.px(-1)).isCloseTo(area.left(), within(1e-9));
		assertThat(area.px(1)).isCloseTo(area.right(), within(1e-9));
		assertThat(area.py(-1)).isCloseTo(area.bottom(), within(1e-9));
		assertThat(area.py(1)).isCloseTo(area.top(), within(1e-9));

		Document doc = Xml.parse(render(chart));
		Element frame = Xml.byClass(doc, "frame");
		assertThat(Double.parseDouble(frame.getAttribute("x"))).isCloseTo(area.left(), within(0.01));
		assertThat(Double.parseDouble(frame.getAttribute("width"))).isCloseTo(area.width(), within(0.01));
	}

	@Test
	void manyClassesKeepTheLegendShort() throws IOException {
		int classes = 1000;
		Chart chart = Chart.builder(660, 580)
			.axes(UNIT_X, UNIT_Y)
			.layer(ScatterLayer.of(diagonal(classes, classes), classes, (c) -> "class " + c, Palette.TABLEAU_10))
			.build();
		Document doc = Xml.parse(render(chart));
		List<String> legend = Xml.texts(Xml.byClass(doc, "legend"));
		assertThat(legend).hasSize(Chart.MAX_LEGEND_ENTRIES);
		assertThat(legend.get(legend.size() - 1))
			.isEqualTo("\u2026 and " + (classes - Chart.MAX_LEGEND_ENTRIES + 1) + " more");
		assertThat(Xml.byClass(doc, "class-10").getAttribute("fill")).as("colours repeat after the palette's last")
			.isEqualTo(Palette.TABLEAU_10.colour(0));
	}

	@Test
	void axesHaveRoundTicks() {
		assertTicks(new double[] { -1, -0.5, 0, 0.5, 1 }, Axis.linear("x", -1, 1, 0.5));
		assertTicks(new double[] { 0.1, 0.2, 0.3 }, Axis.linear("x", 0.05, 0.3, 0.1));
		assertTicks(new double[] { -4, -2, 0, 2, 4 }, Axis.linear("x", -5, 5));
		assertTicks(new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, Axis.linear("x", 0, 1));
		assertThat(Axis.format(0.3)).isEqualTo("0.3");
		assertThat(Axis.format(-0.0)).isEqualTo("0");
		assertThat(Axis.format(-2.0)).isEqualTo("-2");
		assertThatIllegalArgumentException().isThrownBy(() -> Axis.linear("x", 1, 1, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> Axis.linear("x", 0, 1, 0));
	}

	@Test
	void outOfRangeClassIsRefused() {
		Chart chart = Chart.builder(400, 300)
			.layer(ScatterLayer.of(diagonal(10, 3), 2, (c) -> "c" + c, Palette.OKABE_ITO))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> render(chart));
	}

	@Test
	void paletteColoursAreHexAndCycle() {
		assertThat(Palette.OKABE_ITO.size()).isEqualTo(8);
		assertThat(Palette.OKABE_ITO.colour(9)).isEqualTo(Palette.OKABE_ITO.colour(1));
		assertThat(Palette.OKABE_ITO.colours().stream().allMatch((c) -> c.matches("#[0-9A-F]{6}"))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new Palette("bad", List.of("red")));
	}

	private static void assertTicks(double[] expected, Axis axis) {
		double[] actual = axis.ticks();
		assertThat(actual).as(java.util.Arrays.toString(actual)).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual[i]).as(java.util.Arrays.toString(actual)).isCloseTo(expected[i], within(0.0));
		}
	}

}
