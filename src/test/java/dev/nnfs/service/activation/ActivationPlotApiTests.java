package dev.nnfs.service.activation;

import dev.nnfs.service.ApiTest;
import dev.nnfs.service.Json;
import dev.nnfs.service.plot.PlotFrame;
import dev.nnfs.service.plot.Xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /activations/{name}/plot} over HTTP. Where a vertex should be is computed
 * from the formula and the frame and axis ranges the document declares, not from the
 * service's code.
 */
@ApiTest
class ActivationPlotApiTests {

	/** Pixel coordinates are written with two decimals. */
	private static final double PIXEL = 0.006;

	@Autowired
	MockMvc mvc;

	private Document svg(String uri) throws Exception {
		MvcResult result = mvc.perform(get(uri).accept("image/svg+xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andReturn();
		return Xml.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<double[]> curve(Document svg) {
		List<Element> paths = Xml.svgElements(svg, "path");
		assertThat(paths).as("one curve").hasSize(1);
		return PlotFrame.vertices(paths.get(0).getAttribute("d"));
	}

	@Test
	void sigmoidPassesThroughZeroAndAHalfAtTheRightPixel() throws Exception {
		Document svg = svg("/activations/sigmoid/plot");
		PlotFrame frame = PlotFrame.of(svg);
		assertThat(frame.xMin()).isCloseTo(-5.0, within(0.0));
		assertThat(frame.xMax()).isCloseTo(5.0, within(0.0));
		List<double[]> v = curve(svg);
		assertThat(v).as("201 samples by default").hasSize(201);
		assertThat(v.get(100)[0]).isCloseTo(frame.px(0), within(PIXEL));
		assertThat(v.get(100)[1]).isCloseTo(frame.py(0.5), within(PIXEL));
		for (int i : new int[] { 0, 37, 150, 200 }) {
			double x = -5 + 10.0 * i / 200;
			assertThat(v.get(i)[0]).as("x of vertex " + i).isCloseTo(frame.px(x), within(PIXEL));
			assertThat(v.get(i)[1]).as("y of vertex " + i).isCloseTo(frame.py(1 / (1 + Math.exp(-x))), within(PIXEL));
		}
		assertThat(frame.yMin()).isLessThan(1 / (1 + Math.exp(5)));
		assertThat(frame.yMax()).isGreaterThan(1 / (1 + Math.exp(-5)));
		assertThat(Xml.byClass(svg, "title").getTextContent()).isEqualTo("sigmoid: y = 1 / (1 + e^-x)");
		assertThat(Xml.texts(Xml.byClass(svg, "x-axis"))).contains("-4", "0", "4", "x");
	}

	@Test
	void reluAtFivePointsIsItsTwoLines() throws Exception {
		Document svg = svg("/activations/relu/plot?from=-2&to=2&points=5");
		PlotFrame frame = PlotFrame.of(svg);
		double[][] expected = { { -2, 0 }, { -1, 0 }, { 0, 0 }, { 1, 1 }, { 2, 2 } };
		List<double[]> v = curve(svg);
		assertThat(v).hasSize(5);
		for (int i = 0; i < 5; i++) {
			assertThat(v.get(i)[0]).isCloseTo(frame.px(expected[i][0]), within(PIXEL));
			assertThat(v.get(i)[1]).isCloseTo(frame.py(expected[i][1]), within(PIXEL));
		}
	}

	@ParameterizedTest
	@CsvSource({ "leaky_relu, 0.1, -0.2", "leaky_relu, 0, 0", "elu, 2, -1.7293294335267746" })
	void alphaIsAQueryParameterOfItsOwn(String name, double alpha, double atMinusTwo) throws Exception {
		Document svg = svg("/activations/" + name + "/plot?from=-2&to=2&points=3&alpha=" + alpha);
		PlotFrame frame = PlotFrame.of(svg);
		List<double[]> v = curve(svg);
		assertThat(v.get(0)[1]).isCloseTo(frame.py(atMinusTwo), within(PIXEL));
		assertThat(v.get(2)[1]).isCloseTo(frame.py(2), within(PIXEL));
		assertThat(Xml.byClass(svg, "title").getTextContent()).startsWith(name + " (alpha = ");
	}

	@Test
	void softmaxIsComponentZeroOfTheRowXAndSecond() throws Exception {
		// softmax([x, s])[0] = 1 / (1 + e^(s - x)): a half where x = s
		Document svg = svg("/activations/softmax/plot?from=-4&to=4&points=9&second=1");
		PlotFrame frame = PlotFrame.of(svg);
		List<double[]> v = curve(svg);
		for (int i = 0; i < 9; i++) {
			double x = -4 + i;
			assertThat(v.get(i)[1]).as("vertex " + i).isCloseTo(frame.py(1 / (1 + Math.exp(1 - x))), within(PIXEL));
		}
		assertThat(v.get(5)[1]).isCloseTo(frame.py(0.5), within(PIXEL));
		assertThat(Xml.byClass(svg, "title").getTextContent()).isEqualTo("softmax of the row [x, 1], component 0");
		assertThat(Xml.texts(Xml.byClass(svg, "y-axis"))).contains("softmax([x, 1])[0]");
	}

	@Test
	void logSoftmaxDefaultsTheSecondInputToZero() throws Exception {
		Document svg = svg("/activations/log_softmax/plot?from=-2&to=2&points=3");
		PlotFrame frame = PlotFrame.of(svg);
		List<double[]> v = curve(svg);
		assertThat(v.get(1)[1]).isCloseTo(frame.py(-Math.log(2)), within(PIXEL));
		assertThat(v.get(0)[1]).isCloseTo(frame.py(-Math.log1p(Math.exp(2))), within(PIXEL));
	}

	@Test
	void everyActivationOfTheCatalogueHasAPicture() throws Exception {
		for (String name : Activations.standard().names()) {
			Document svg = svg("/activations/" + name + "/plot");
			assertThat(curve(svg)).as(name).hasSize(201);
		}
	}

	private JsonNode problem(String uri, int status) throws Exception {
		return Json.parse(mvc.perform(get(uri).accept("image/svg+xml"))
			.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn());
	}

	@Test
	void anUnknownActivationIsTheSame404AsForApply() throws Exception {
		JsonNode p = problem("/activations/swish2/plot", 404);
		assertThat(p.get("type").asString()).isEqualTo("urn:nnfs:problem:unknown-activation");
		assertThat(p.get("errors").get(0).get("parameter").asString()).isEqualTo("name");
		assertThat(p.get("known").toString()).contains("sigmoid", "softmax");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "sigmoid/plot?from=abc | from | must be a decimal number",
					"sigmoid/plot?to=NaN | to | must be a decimal number",
					"sigmoid/plot?from=0x10 | from | must be a decimal number",
					"sigmoid/plot?from=2&to=1 | to | must be at least 0.001 more than from",
					"sigmoid/plot?from=-1e6 | from | must be from -1000 to 1000",
					"sigmoid/plot?points=1 | points | must be at least 2",
					"sigmoid/plot?points=ten | points | must be an integer",
					"sigmoid/plot?second=1 | second | applies to row-wise activations",
					"sigmoid/plot?alpha=0.1 | alpha | is not a parameter of this plot",
					"leaky_relu/plot?alpha=2 | alpha | must be a number from 0.0 to 1.0",
					"leaky_relu/plot?alpha=0.1&alpha=0.2 | alpha | is given 2 times",
					"relu/plot?form=1 | form | is not a parameter of this plot" })
	void aBadQueryIsA400NamingTheParameter(String uri, String parameter, String message) throws Exception {
		JsonNode p = problem("/activations/" + uri, 400);
		assertThat(p.get("type").asString()).isEqualTo("urn:nnfs:problem:invalid-input");
		assertThat(p.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
		assertThat(p.get("errors").get(0).get("message").asString()).contains(message);
	}

	@Test
	void samplesAreBoundedByTheMaxPlotResolution() throws Exception {
		JsonNode p = problem("/activations/sigmoid/plot?points=401", 400);
		assertThat(p.get("limit").asString()).isEqualTo("nnfs.limits.max-plot-resolution");
		assertThat(p.get("limitValue").asInt()).isEqualTo(400);
		assertThat(p.get("errors").get(0).get("parameter").asString()).isEqualTo("points");
		assertThat(curve(svg("/activations/sigmoid/plot?points=400"))).hasSize(400);
	}

}
