package dev.nnfs.service.plot;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The curve and region layers, drawn in a chart and read back. */
class LayerTests {

	private static Document render(Chart chart) {
		return Xml.parse(new String(chart.toUtf8(), java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void curveVerticesSitWhereTheFrameSaysTheValuesAre() {
		double[] x = { -2, -1, 0, 1, 2 };
		double[] y = { 4, 1, 0, 1, 4 };
		Document svg = render(Chart.builder(600, 400)
			.axes(Axis.linear("x", -2, 2), Axis.covering("y", 0, 4))
			.layer(CurveLayer.of(List.of(new CurveLayer.Series("x²", x, y)), Palette.OKABE_ITO))
			.build());
		PlotFrame frame = PlotFrame.of(svg);
		Element path = Xml.byClass(svg, "curve");
		List<double[]> v = PlotFrame.vertices(path.getAttribute("d"));
		assertEquals(5, v.size());
		for (int i = 0; i < 5; i++) {
			assertEquals(frame.px(x[i]), v.get(i)[0], 0.006, "x of vertex " + i);
			assertEquals(frame.py(y[i]), v.get(i)[1], 0.006, "y of vertex " + i);
		}
		assertEquals(frame.top() + frame.height(), v.get(2)[1], 0.006, "y = 0 is the bottom edge");
		assertEquals(Palette.OKABE_ITO.colour(0), path.getAttribute("stroke"));
		assertEquals(List.of("x²"), Xml.texts(Xml.byClass(svg, "legend")));
	}

	@Test
	void aValueThatIsNotFiniteBreaksTheCurve() {
		Document svg = render(Chart.builder(600, 400)
			.axes(Axis.linear("x", 0, 4), Axis.linear("y", 0, 4))
			.layer(CurveLayer.of(List.of(new CurveLayer.Series("f", new double[] { 0, 1, 2, 3, 4 },
					new double[] { 1, 2, Double.NaN, Double.POSITIVE_INFINITY, 3 })), Palette.OKABE_ITO))
			.build());
		String d = Xml.byClass(svg, "curve").getAttribute("d");
		assertEquals(2, d.chars().filter((c) -> c == 'M').count(), d);
		assertEquals(1, d.chars().filter((c) -> c == 'L').count(), d);
	}

	@Test
	void regionCellsOfOneClassAndShadeMergeAlongARow() {
		// 4 × 2 grid on [0, 4] × [0, 2]: bottom row 0 0 1 1 (all sure), top row 2 2 2 2 with shades 1 1 0 0
		int[] classes = { 0, 0, 1, 1, 2, 2, 2, 2 };
		float[] shades = { 1, 1, 1, 1, 1, 1, 0, Float.NaN };
		Document svg = render(Chart.builder(600, 400)
			.axes(Axis.linear("x", 0, 4, 1), Axis.linear("y", 0, 2, 1))
			.layer(RegionLayer.of(4, 2, classes, shades, 3, (c) -> "predicted " + c, Palette.OKABE_ITO))
			.build());
		PlotFrame frame = PlotFrame.of(svg);
		List<Element> rects = Xml.svgElements(svg, "rect")
			.stream()
			.filter((r) -> ((Element) r.getParentNode()).getAttribute("class").contains("regions"))
			.toList();
		assertEquals(4, rects.size(), "two runs per row");
		Element bottomLeft = rects.get(0);
		assertEquals(frame.px(0), PlotFrame.num(bottomLeft, "x"), 0.006);
		assertEquals(frame.px(2) - frame.px(0), PlotFrame.num(bottomLeft, "width"), 0.011);
		assertEquals(frame.py(1), PlotFrame.num(bottomLeft, "y"), 0.006);
		assertEquals(Palette.OKABE_ITO.colour(0), bottomLeft.getAttribute("fill"));
		assertEquals(RegionLayer.MAX_OPACITY, PlotFrame.num(bottomLeft, "fill-opacity"), 1e-9);
		Element topRight = rects.get(3);
		assertEquals(Palette.OKABE_ITO.colour(2), topRight.getAttribute("fill"));
		assertEquals(RegionLayer.MIN_OPACITY, PlotFrame.num(topRight, "fill-opacity"), 1e-9, "NaN is palest");
		assertEquals(frame.py(2), PlotFrame.num(topRight, "y"), 0.006);
		assertEquals(List.of("predicted 0", "predicted 1", "predicted 2"), Xml.texts(Xml.byClass(svg, "legend")));
	}

	@Test
	void regionLayerRefusesAGridOfTheWrongSizeOrClass() {
		assertThrows(IllegalArgumentException.class,
				() -> RegionLayer.of(2, 2, new int[3], new float[3], 1, (c) -> "", Palette.OKABE_ITO));
		RegionLayer bad = RegionLayer.of(1, 1, new int[] { 5 }, new float[1], 2, (c) -> "", Palette.OKABE_ITO);
		assertThrows(IllegalArgumentException.class, () -> Chart.builder(400, 300).layer(bad).build().toUtf8());
	}

	@Test
	void coveringAxesHaveRoundEnds() {
		Axis sigmoid = Axis.covering("y", 0.0067 - 0.03, 0.9933 + 0.03);
		assertEquals(-0.2, sigmoid.min(), 0.0);
		assertEquals(1.2, sigmoid.max(), 0.0);
		Axis spiral = Axis.covering("x", -1.08, 1.08);
		assertEquals(-1.5, spiral.min(), 0.0);
		assertEquals(1.5, spiral.max(), 0.0);
		Axis point = Axis.covering("x", 3, 3);
		assertEquals(true, point.min() < 3 && point.max() > 3);
	}

}
