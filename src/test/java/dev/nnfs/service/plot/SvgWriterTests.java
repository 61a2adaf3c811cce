package dev.nnfs.service.plot;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SvgWriterTests {

	@Test
	void writesNestedElementsAndSelfClosesEmptyOnes() throws IOException {
		StringWriter out = new StringWriter();
		new SvgWriter(out).start("svg")
			.attr("xmlns", SvgWriter.SVG_NAMESPACE)
			.start("g")
			.attr("fill", "#0072B2")
			.start("circle")
			.attr("cx", 1.5)
			.attr("cy", 2)
			.attr("r", 0.75)
			.end()
			.end()
			.element("text", "hi")
			.end()
			.finish();
		assertThat(out.toString()).isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"><g fill=\"#0072B2\">"
				+ "<circle cx=\"1.5\" cy=\"2\" r=\"0.75\"/></g><text>hi</text></svg>\n");
	}

	@Test
	void escapesTextAndAttributesSoAnyStringSurvivesAParse() throws IOException {
		String nasty = "a<b & \"c\" > 'd' ]]> \u0001 \uD800 tab\there\nline \r \uD83D\uDE00";
		StringWriter out = new StringWriter();
		new SvgWriter(out).declaration()
			.start("svg")
			.attr("xmlns", SvgWriter.SVG_NAMESPACE)
			.attr("aria-label", nasty)
			.element("title", nasty)
			.end()
			.finish();
		Document doc = Xml.parse(out.toString());
		Element svg = doc.getDocumentElement();
		String expected = "a<b & \"c\" > 'd' ]]> \uFFFD \uFFFD tab\there\nline \r \uD83D\uDE00";
		assertThat(svg.getAttribute("aria-label")).isEqualTo(expected);
		assertThat(Xml.svgElements(doc, "title").get(0).getTextContent()).isEqualTo(expected);
	}

	@Test
	void roundsNumbersToHundredthsWithoutTrailingZeros() throws IOException {
		StringWriter out = new StringWriter();
		new SvgWriter(out).start("p")
			.attr("a", 0)
			.attr("b", -0.0)
			.attr("c", 12.345)
			.attr("d", -0.004)
			.attr("e", -3.1)
			.attr("f", 100.10)
			.attr("g", 7.05)
			.end();
		assertThat(out.toString())
			.isEqualTo("<p a=\"0\" b=\"0\" c=\"12.35\" d=\"0\" e=\"-3.1\" f=\"100.1\" g=\"7.05\"/>");
	}

	@Test
	void refusesWhatWouldNotBeWellFormed() throws IOException {
		SvgWriter svg = new SvgWriter(new StringWriter());
		assertThatIllegalArgumentException().isThrownBy(() -> svg.start("a b"));
		assertThatIllegalArgumentException().isThrownBy(() -> svg.start("1a"));
		assertThatIllegalStateException().isThrownBy(svg::end);
		assertThatIllegalStateException().isThrownBy(() -> svg.text("loose"));
		svg.start("svg");
		assertThatIllegalArgumentException().isThrownBy(() -> svg.attr("x\"", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> svg.attr("x", Double.NaN));
		assertThatIllegalStateException().isThrownBy(svg::declaration);
		assertThatIllegalStateException().isThrownBy(svg::finish);
		svg.text("body");
		assertThatIllegalStateException().isThrownBy(() -> svg.attr("late", "1"));
		svg.end();
		assertThatIllegalStateException().isThrownBy(() -> svg.start("second-root"));
	}

}
