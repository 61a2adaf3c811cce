package dev.nnfs.service.plot;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

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
		assertThat(v).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(v.get(i)[0]).as("x of vertex " + i).isCloseTo(frame.px(x[i]), within(0.006));
			assertThat(v.get(i)[1]).as("y of vertex " + i).isCloseTo(frame.py(y[i]), within(0.006));
		}
		assertThat(v.get(2)[1]).as("y = 0 is the bottom edge").isCloseTo(frame.top() + frame.height(), within(0.006));
		assertThat(path.getAttribute("stroke")).isEqualTo(Palette.OKABE_ITO.colour(0));
		assertThat(Xml.texts(Xml.byClass(svg, "legend"))).isEqualTo(List.of("x²"));
	}

	@Test
	void aValueThatIsNotFiniteBreaksTheCurve() {
		Document svg = render(Chart.builder(600, 400)
			.axes(Axis.linear("x", 0, 4), Axis.linear("y", 0, 4))
			.layer(CurveLayer.of(List.of(new CurveLayer.Series("f", new double[] { 0, 1, 2, 3, 4 },
					new double[] { 1, 2, Double.NaN, Double.POSITIVE_INFINITY, 3 })), Palette.OKABE_ITO))
			.build());
		String d = Xml.byClass(svg, "curve").getAttribute("d");
		assertThat(d.chars().filter((c) -> c == 'M').count()).as(d).isEqualTo(2);
		assertThat(d.chars().filter((c) -> c == 'L').count()).as(d).isEqualTo(1);
	}

	@Test
	void regionCellsOfOneClassAndShadeMergeAlongARow() {
		// 4 × 2 grid on [0, 4] × [0, 2]: bottom row 0 0 1 1 (all sure), top row 2 2 2 2
		// with shades 1 1 0 0
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
		assertThat(rects).as("two runs per row").hasSize(4);
		Element bottomLeft = rects.get(0);
		assertThat(PlotFrame.num(bottomLeft, "x")).isCloseTo(frame.px(0), within(0.006));
		assertThat(PlotFrame.num(bottomLeft, "width")).isCloseTo(frame.px(2) - frame.px(0), within(0.011));
		assertThat(PlotFrame.num(bottomLeft, "y")).isCloseTo(frame.py(1), within(0.006));
		assertThat(bottomLeft.getAttribute("fill")).isEqualTo(Palette.OKABE_ITO.colour(0));
		assertThat(PlotFrame.num(bottomLeft, "fill-opacity")).isCloseTo(RegionLayer.MAX_OPACITY, within(1e-9));
		Element topRight = rects.get(3);
		assertThat(topRight.getAttribute("fill")).isEqualTo(Palette.OKABE_ITO.colour(2));
		assertThat(PlotFrame.num(topRight, "fill-opacity")).as("NaN is palest")
			.isCloseTo(RegionLayer.MIN_OPACITY, within(1e-9));
		assertThat(PlotFrame.num(topRight, "y")).isCloseTo(frame.py(2), within(0.006));
		assertThat(Xml.texts(Xml.byClass(svg, "legend")))
			.isEqualTo(List.of("predicted 0", "predicted 1", "predicted 2"));
	}

	@Test
	void regionLayerRefusesAGridOfTheWrongSizeOrClass() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RegionLayer.of(2, 2, new int[3], new float[3], 1, (c) -> "", Palette.OKABE_ITO));
		RegionLayer bad = RegionLayer.of(1, 1, new int[] { 5 }, new float[1], 2, (c) -> "", Palette.OKABE_ITO);
		assertThatIllegalArgumentException().isThrownBy(() -> Chart.builder(400, 300).layer(bad).build().toUtf8());
	}

	@Test
	void coveringAxesHaveRoundEnds() {
		Axis sigmoid = Axis.covering("y", 0.0067 - 0.03, 0.9933 + 0.03);
		assertThat(sigmoid.min()).isCloseTo(-0.2, within(0.0));
		assertThat(sigmoid.max()).isCloseTo(1.2, within(0.0));
		Axis spiral = Axis.covering("x", -1.08, 1.08);
		assertThat(spiral.min()).isCloseTo(-1.5, within(0.0));
		assertThat(spiral.max()).isCloseTo(1.5, within(0.0));
		Axis point = Axis.covering("x", 3, 3);
		assertThat(point.min() < 3 && point.max() > 3).isTrue();
	}

}
