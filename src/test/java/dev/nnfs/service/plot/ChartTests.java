package dev.nnfs.service.plot;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
		assertEquals(300, scatter.getElementsByTagNameNS(SvgWriter.SVG_NAMESPACE, "circle").getLength());
		assertEquals(300 + 3, circles.size(), "points plus one legend dot per class");

		assertEquals(List.of("-1", "-0.5", "0", "0.5", "1"), Xml.texts(Xml.byClass(doc, "x-axis")).subList(0, 5));
		assertEquals(List.of("-1", "-0.5", "0", "0.5", "1"), Xml.texts(Xml.byClass(doc, "y-axis")).subList(0, 5));
		assertEquals("-1", Xml.byClass(doc, "x-axis").getAttribute("data-min"));
		assertEquals("1", Xml.byClass(doc, "x-axis").getAttribute("data-max"));
		assertEquals(List.of("class 0", "class 1", "class 2"), Xml.texts(Xml.byClass(doc, "legend")));
		assertEquals("spiral <test> & co", Xml.byClass(doc, "title").getTextContent());

		assertEquals(Palette.OKABE_ITO.colour(0), Xml.byClass(doc, "class-0").getAttribute("fill"));
		assertEquals(Palette.OKABE_ITO.colour(2), Xml.byClass(doc, "class-2").getAttribute("fill"));
	}

	@Test
	void dataCoordinatesMapOntoTheFrame() throws IOException {
		Chart chart = Chart.builder(660, 580).axes(UNIT_X, UNIT_Y).equalAspect().build();
		PlotArea area = chart.plotArea();
		assertEquals(area.width(), area.height(), 1e-9, "equal aspect on a square domain is a square");
		assertEquals(area.left(), area.px(-1), 1e-9);
		assertEquals(area.right(), area.px(1), 1e-9);
		assertEquals(area.bottom(), area.py(-1), 1e-9);
		assertEquals(area.top(), area.py(1), 1e-9);

		Document doc = Xml.parse(render(chart));
		Element frame = Xml.byClass(doc, "frame");
		assertEquals(area.left(), Double.parseDouble(frame.getAttribute("x")), 0.01);
		assertEquals(area.width(), Double.parseDouble(frame.getAttribute("width")), 0.01);
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
		assertEquals(Chart.MAX_LEGEND_ENTRIES, legend.size());
		assertEquals("\u2026 and " + (classes - Chart.MAX_LEGEND_ENTRIES + 1) + " more", legend.get(legend.size() - 1));
		assertEquals(Palette.TABLEAU_10.colour(0), Xml.byClass(doc, "class-10").getAttribute("fill"),
				"colours repeat after the palette's last");
	}

	@Test
	void axesHaveRoundTicks() {
		assertTicks(new double[] { -1, -0.5, 0, 0.5, 1 }, Axis.linear("x", -1, 1, 0.5));
		assertTicks(new double[] { 0.1, 0.2, 0.3 }, Axis.linear("x", 0.05, 0.3, 0.1));
		assertTicks(new double[] { -4, -2, 0, 2, 4 }, Axis.linear("x", -5, 5));
		assertTicks(new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, Axis.linear("x", 0, 1));
		assertEquals("0.3", Axis.format(0.3));
		assertEquals("0", Axis.format(-0.0));
		assertEquals("-2", Axis.format(-2.0));
		assertThrows(IllegalArgumentException.class, () -> Axis.linear("x", 1, 1, 0.5));
		assertThrows(IllegalArgumentException.class, () -> Axis.linear("x", 0, 1, 0));
	}

	@Test
	void outOfRangeClassIsRefused() {
		Chart chart = Chart.builder(400, 300)
			.layer(ScatterLayer.of(diagonal(10, 3), 2, (c) -> "c" + c, Palette.OKABE_ITO))
			.build();
		assertThrows(IllegalArgumentException.class, () -> render(chart));
	}

	@Test
	void paletteColoursAreHexAndCycle() {
		assertEquals(8, Palette.OKABE_ITO.size());
		assertEquals(Palette.OKABE_ITO.colour(1), Palette.OKABE_ITO.colour(9));
		assertTrue(Palette.OKABE_ITO.colours().stream().allMatch((c) -> c.matches("#[0-9A-F]{6}")));
		assertThrows(IllegalArgumentException.class, () -> new Palette("bad", List.of("red")));
	}

	private static void assertTicks(double[] expected, Axis axis) {
		double[] actual = axis.ticks();
		assertEquals(expected.length, actual.length, () -> java.util.Arrays.toString(actual));
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], actual[i], 0.0, () -> java.util.Arrays.toString(actual));
		}
	}

}
