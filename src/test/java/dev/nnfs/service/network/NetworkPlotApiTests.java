package dev.nnfs.service.network;

import dev.nnfs.service.Json;
import dev.nnfs.service.plot.Palette;
import dev.nnfs.service.plot.PlotFrame;
import dev.nnfs.service.plot.RegionLayer;
import dev.nnfs.service.plot.Xml;

import dev.nnfs.service.ApiTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /network/plot} over HTTP. The three-sector network's classes and
 * confidences are worked out here from its weights (softmax of
 * {@code [5x, -2.5x + 4.33y, -2.5x - 4.33y]}) and compared with every cell the picture
 * draws.
 */
@ApiTest
class NetworkPlotApiTests {

	private static final String SVG = "http://www.w3.org/2000/svg";

	@Autowired
	MockMvc mvc;

	private Document plot(String query, String body) throws Exception {
		String svg = mvc
			.perform(post("/network/plot" + query).contentType(MediaType.APPLICATION_JSON)
				.accept("image/svg+xml")
				.content(body))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Xml.parse(svg);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> out = new java.util.ArrayList<>();
		var nodes = parent.getElementsByTagNameNS(SVG, name);
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add((Element) nodes.item(i));
		}
		return out;
	}

	private static double[] sectorScores(double x, double y) {
		return new double[] { 5 * x, -2.5 * x + 4.33 * y, -2.5 * x - 4.33 * y };
	}

	@Test
	void everyCellOfTheThreeSectorsHasTheClassAndShadeOfItsCentre() throws Exception {
		int resolution = 40;
		Document svg = plot("?resolution=" + resolution, NetworkPlotController.THREE_SECTORS);
		PlotFrame frame = PlotFrame.of(svg);
		Element regions = Xml.byClass(svg, "regions");
		double cellWidth = frame.width() / resolution;
		double cellHeight = frame.height() / resolution;
		int cells = 0;
		int checkedShades = 0;
		for (Element rect : children(regions, "rect")) {
			double x = PlotFrame.num(rect, "x");
			double y = PlotFrame.num(rect, "y");
			int first = (int) Math.round((x - frame.left()) / cellWidth);
			int count = (int) Math.round(PlotFrame.num(rect, "width") / cellWidth);
			assertThat(PlotFrame.num(rect, "height")).isCloseTo(cellHeight, within(0.02));
			double centreY = frame.dataY(y + cellHeight / 2);
			for (int c = first; c < first + count; c++) {
				cells++;
				double centreX = frame.dataX(frame.left() + (c + 0.5) * cellWidth);
				double[] s = sectorScores(centreX, centreY);
				int best = s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
				double max = s[best];
				double sum = Math.exp(s[0] - max) + Math.exp(s[1] - max) + Math.exp(s[2] - max);
				double second = Math.max(Math.min(s[0], Math.max(s[1], s[2])), Math.min(s[1], s[2]));
				if (max - second < 1e-3) {
					continue; // a tie on a boundary: either class is right
				}
				assertThat(rect.getAttribute("fill")).as("cell " + c + " at (" + centreX + ", " + centreY + ")")
					.isEqualTo(Palette.OKABE_ITO.colour(best));
				double shade = (1 / sum - 1.0 / 3) / (2.0 / 3) * RegionLayer.SHADES;
				if (Math.abs(shade - Math.floor(shade) - 0.5) > 0.01) {
					double opacity = RegionLayer.MIN_OPACITY + (RegionLayer.MAX_OPACITY - RegionLayer.MIN_OPACITY)
							* Math.round(shade) / RegionLayer.SHADES;
					assertThat(PlotFrame.num(rect, "fill-opacity")).as("opacity of cell " + c)
						.isCloseTo(opacity, within(0.0051));
					checkedShades++;
				}
			}
		}
		assertThat(cells).as("the rects tile the grid").isEqualTo(resolution * resolution);
		assertThat(checkedShades).isGreaterThan(resolution * resolution / 2);
		assertThat(children(regions, "rect").size()).isLessThan(resolution * resolution / 2);
	}

	@Test
	void theSpiralIsDrawnOnTopInItsLabelsColoursWithinTheAxes() throws Exception {
		Document svg = plot("", NetworkPlotController.THREE_SECTORS);
		assertThat(Xml.byClass(svg, "regions").getAttribute("data-columns")).as("default resolution").isEqualTo("100");
		Element scatter = Xml.byClass(svg, "scatter");
		assertThat(children(scatter, "circle")).hasSize(300);
		for (int c = 0; c < 3; c++) {
			Element group = Xml.byClass(svg, "class-" + c);
			assertThat(group.getAttribute("fill")).isEqualTo(Palette.OKABE_ITO.colour(c));
			assertThat(children(group, "circle")).hasSize(100);
		}
		PlotFrame frame = PlotFrame.of(svg);
		// every spiral point has radius at most 1, and the axes give it some room
		assertThat(frame.xMin()).isLessThan(-1);
		assertThat(frame.xMax()).isGreaterThan(1);
		for (Element circle : children(scatter, "circle")) {
			assertThat(PlotFrame.num(circle, "cx")).isBetween(frame.left(), frame.left() + frame.width());
			assertThat(PlotFrame.num(circle, "cy")).isBetween(frame.top(), frame.top() + frame.height());
		}
		assertThat(Xml.texts(Xml.byClass(svg, "legend"))).containsExactly("predicted 0", "predicted 1", "predicted 2",
				"class 0", "class 1", "class 2");
		assertThat(Xml.byClass(svg, "title").getTextContent())
			.startsWith("Regions of dense 3 \u2192 softmax, accuracy ");
	}

	@Test
	void theSeededExampleShowsEveryClassAndItsAccuracy() throws Exception {
		Document svg = plot("?resolution=50", NetworkPlotController.SEEDED);
		List<String> fills = children(Xml.byClass(svg, "regions"), "rect").stream()
			.map((r) -> r.getAttribute("fill"))
			.distinct()
			.sorted()
			.toList();
		assertThat(fills).containsExactlyInAnyOrder(Palette.OKABE_ITO.colour(0), Palette.OKABE_ITO.colour(2),
				Palette.OKABE_ITO.colour(1));
		JsonNode forward = Json.parse(mvc.perform(
				post("/network/forward").contentType(MediaType.APPLICATION_JSON).content(NetworkPlotController.SEEDED))
			.andExpect(status().isOk())
			.andReturn());
		String accuracy = new java.math.BigDecimal(forward.get("accuracy").asString())
			.setScale(3, java.math.RoundingMode.HALF_EVEN)
			.stripTrailingZeros()
			.toPlainString();
		assertThat(Xml.byClass(svg, "title").getTextContent()).endsWith("accuracy " + accuracy);
	}

	@Test
	void inputsWithoutLabelsAreDrawnInOneInk() throws Exception {
		Document svg = plot("?resolution=10", """
				{"inputs": [[0, 0], [1, 2], [-3, 0.5]],
				 "layers": [{"type": "dense", "neurons": 2, "weights": [[1, -1], [1, -1]]}]}""");
		Element scatter = Xml.byClass(svg, "scatter");
		assertThat(children(scatter, "circle")).hasSize(3);
		assertThat(Xml.byClass(svg, "class-0").getAttribute("fill")).isEqualTo("#222222");
		assertThat(Xml.texts(Xml.byClass(svg, "legend"))).containsExactly("predicted 0", "predicted 1", "data");
		PlotFrame frame = PlotFrame.of(svg);
		assertThat(frame.xMin()).isLessThanOrEqualTo(-3);
		assertThat(frame.yMax()).isGreaterThanOrEqualTo(2);
		// a linear last layer is not a probability: one middle shade everywhere
		assertThat(children(Xml.byClass(svg, "regions"), "rect").stream()
			.map((r) -> r.getAttribute("fill-opacity"))
			.distinct()).containsExactly("0.37");
	}

	private JsonNode problem(String query, String body) throws Exception {
		return Json.parse(mvc
			.perform(post("/network/plot" + query).contentType(MediaType.APPLICATION_JSON)
				.accept("image/svg+xml")
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn());
	}

	@Test
	void dataThatIsNotTwoDimensionalIsA400AtInputs() throws Exception {
		JsonNode p = problem("", """
				{"inputs": [[1, 2, 3]], "layers": [{"type": "dense", "neurons": 2}]}""");
		assertThat(p.get("errors").get(0).get("pointer").asString()).isEqualTo("/inputs");
		assertThat(p.get("detail").asString()).contains("2 columns");
	}

	@Test
	void bodyMistakesHaveTheSamePointersAsForward() throws Exception {
		JsonNode p = problem("",
				"""
						{"spiral": {"samples": 10, "classes": 3}, "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "nope"}]}""");
		assertThat(p.get("errors").get(0).get("pointer").asString()).isEqualTo("/layers/1/name");
	}

	@Test
	void resolutionIsCheckedAndBounded() throws Exception {
		JsonNode malformed = problem("?resolution=1", NetworkPlotController.THREE_SECTORS);
		assertThat(malformed.get("errors").get(0).get("parameter").asString()).isEqualTo("resolution");
		assertThat(problem("?resolution=1e2", NetworkPlotController.THREE_SECTORS).get("errors")
			.get(0)
			.get("parameter")
			.asString()).isEqualTo("resolution");

		JsonNode over = problem("?resolution=401", NetworkPlotController.THREE_SECTORS);
		assertThat(over.get("limit").asString()).isEqualTo("nnfs.limits.max-plot-resolution");
		assertThat(over.get("limitValue").asInt()).isEqualTo(400);

		// 400 × 400 cells through 400 neurons would be 64,000,000 values in one layer's
		// output
		JsonNode wide = problem("?resolution=400", """
				{"inputs": [[0, 0]], "layers": [{"type": "dense", "neurons": 400}]}""");
		assertThat(wide.get("limit").asString()).isEqualTo("nnfs.limits.max-layer-output-values");
		assertThat(wide.get("errors").get(0).get("parameter").asString()).isEqualTo("resolution");
	}

}
