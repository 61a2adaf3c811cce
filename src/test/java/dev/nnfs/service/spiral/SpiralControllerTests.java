package dev.nnfs.service.spiral;

import dev.nnfs.service.Golden;
import dev.nnfs.service.plot.Xml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /spiral} over HTTP. Expected numbers come from the seed notebooks' printed
 * output and from the golden files numpy wrote ({@code src/test/resources/golden/}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpiralControllerTests {

	/** Seed 000, In[4]: {@code nnfs.init(); spiral_data(samples=2, classes=3)}. */
	private static final String IN4_JSON = "{\"samples\":2,\"classes\":3,\"seed\":0,\"skip\":0,\"dtype\":\"float32\","
			+ "\"inputs\":[[0.0,0.0],[-0.69993085,-0.7142106],[-0.0,-0.0],[0.7647814,-0.6442898],[0.0,-0.0],[-0.94481426,-0.3276065]],"
			+ "\"labels\":[0,0,1,1,2,2],\"rng\":{\"seed\":0,\"draws\":6}}";

	/**
	 * Seed 000, In[5]: the notebook's second {@code spiral_data(2, 3)}, six draws further
	 * on.
	 */
	private static final String IN5_JSON = "{\"samples\":2,\"classes\":3,\"seed\":0,\"skip\":6,\"dtype\":\"float32\","
			+ "\"inputs\":[[0.0,0.0],[-0.47902483,-0.87780136],[-0.0,-0.0],[0.97696507,0.2133992],[0.0,0.0],[-0.63560337,0.7720158]],"
			+ "\"labels\":[0,0,1,1,2,2],\"rng\":{\"seed\":0,\"draws\":12}}";

	private static final Pattern GOLDEN_NAME = Pattern.compile("spiral_(\\d+)x(\\d+)_seed(\\d+)_skip(\\d+)\\.csv");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	private MockHttpServletResponse get(String uri, String... headers) {
		var request = this.mvc.get().uri(uri);
		for (int i = 0; i < headers.length; i += 2) {
			request = request.header(headers[i], headers[i + 1]);
		}
		return request.exchange().getResponse();
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	// --- the seeds
	// -------------------------------------------------------------------------

	@Test
	void seedZeroIn4IsTheApiExampleToTheByte() throws Exception {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType())))
			.isTrue();
		assertThat(body(response)).isEqualTo(IN4_JSON);
	}

	@Test
	void seedZeroIn5IsSixDrawsFurther() throws Exception {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3&skip=6");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(body(response)).isEqualTo(IN5_JSON);
	}

	@Test
	void explicitDefaultsGiveTheSameAnswer() throws Exception {
		assertThat(body(get("/spiral?samples=2&classes=3&seed=0&skip=0&format=json"))).isEqualTo(IN4_JSON);
	}

	@Test
	void defaultsAreOneHundredSamplesOfThreeClassesFromSeedZero() throws Exception {
		JsonNode json = JSON.readTree(body(get("/spiral")));
		assertThat(json.get("samples").asInt()).isEqualTo(100);
		assertThat(json.get("classes").asInt()).isEqualTo(3);
		assertThat(json.get("seed").asLong()).isEqualTo(0);
		assertThat(json.get("skip").asLong()).isEqualTo(0);
		assertThat(json.get("rng").get("draws").asLong()).isEqualTo(300);
		assertJsonMatchesGolden("spiral_100x3_seed0_skip0.csv", body(get("/spiral")));
	}

	static Stream<String> goldenFiles() {
		return Stream.of("spiral_100x3_seed0_skip0.csv", "spiral_100x3_seed0_skip18.csv",
				"spiral_100x3_seed0_skip606.csv", "spiral_100x3_seed0_skip912.csv", "spiral_1000x5_seed7_skip3.csv",
				"spiral_1x4_seed42_skip0.csv", "spiral_7x2_seed4294967295_skip1.csv");
	}

	@ParameterizedTest
	@MethodSource("goldenFiles")
	void jsonIsNumpysSpiralBitForBit(String golden) throws Exception {
		Matcher m = matchName(golden);
		String body = body(get("/spiral?samples=" + m.group(1) + "&classes=" + m.group(2) + "&seed=" + m.group(3)
				+ "&skip=" + m.group(4)));
		assertJsonMatchesGolden(golden, body);
		long draws = Long.parseLong(m.group(4)) + Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
		assertThat(JSON.readTree(body).get("rng").get("draws").asLong()).isEqualTo(draws);
	}

	@ParameterizedTest
	@MethodSource("goldenFiles")
	void csvIsNumpysSpiralBitForBit(String golden) throws Exception {
		Matcher m = matchName(golden);
		MockHttpServletResponse response = get("/spiral?format=csv&samples=" + m.group(1) + "&classes=" + m.group(2)
				+ "&seed=" + m.group(3) + "&skip=" + m.group(4));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType().startsWith("text/csv")).as(response.getContentType()).isTrue();
		String[] lines = body(response).split("\n", -1);
		List<String[]> expected = Golden.rows(golden);
		assertThat(lines[0]).isEqualTo("x,y,label");
		assertThat(lines).as("header, one line per row, final newline").hasSize(expected.size() + 2);
		assertThat(lines[lines.length - 1]).isEmpty();
		for (int row = 0; row < expected.size(); row++) {
			String[] want = expected.get(row);
			String[] got = lines[row + 1].split(",", -1);
			assertThat(got).as(lines[row + 1]).hasSize(3);
			assertFloatBits(want[1], got[0], golden + " row " + row + " x");
			assertFloatBits(want[2], got[1], golden + " row " + row + " y");
			assertThat(got[2]).as(golden + " row " + row + " label").isEqualTo(want[3]);
		}
	}

	@Test
	void csvOfIn4ShowsTheSignedZeros() throws Exception {
		assertThat(body(get("/spiral?samples=2&classes=3&format=csv")))
			.isEqualTo("x,y,label\n0.0,0.0,0\n-0.69993085,-0.7142106,0\n-0.0,-0.0,1\n0.7647814,-0.6442898,1\n"
					+ "0.0,-0.0,2\n-0.94481426,-0.3276065,2\n");
	}

	// --- the picture
	// -------------------------------------------------------------------------

	@Test
	void svgIsAWellFormedScatterWithOneCirclePerPointOnUnitAxes() throws Exception {
		MockHttpServletResponse response = get("/spiral?format=svg");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType().startsWith("image/svg+xml")).as(response.getContentType()).isTrue();
		Document svg = Xml.parse(body(response));

		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		Element scatter = Xml.byClass(svg, "scatter");
		assertThat(scatter.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(300);
		for (String axis : List.of("x-axis", "y-axis")) {
			Element a = Xml.byClass(svg, axis);
			assertThat(a.getAttribute("data-min")).as(axis).isEqualTo("-1");
			assertThat(a.getAttribute("data-max")).as(axis).isEqualTo("1");
			List<String> labels = Xml.texts(a);
			assertThat(labels.get(0)).as(axis).isEqualTo("-1");
			assertThat(labels.get(labels.size() - 2)).as(axis + " (last tick before the axis title)").isEqualTo("1");
		}
		assertThat(Xml.texts(Xml.byClass(svg, "legend"))).isEqualTo(List.of("class 0", "class 1", "class 2"));
	}

	@Test
	void svgOfManyPointsStaysPlain() throws Exception {
		String body = body(get("/spiral?format=svg&samples=2000&classes=5"));
		Document svg = Xml.parse(body);
		assertThat(
				Xml.byClass(svg, "scatter").getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength())
			.isEqualTo(10_000);
		assertThat(body.length() < 60 * 10_000).as("about 40 bytes a point, not " + body.length() / 10_000).isTrue();
	}

	// --- formats
	// -------------------------------------------------------------------------------

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "| application/json", "*/* | application/json",
			"application/json | application/json", "application/* | application/json", "text/csv | text/csv",
			"text/* | text/csv", "image/svg+xml | image/svg+xml", "image/* | image/svg+xml",
			"text/csv;q=0.5, image/svg+xml | image/svg+xml", "application/json;q=0.1, text/csv;q=0.9 | text/csv",
			"image/png, */*;q=0.1 | application/json", "text/html, image/svg+xml;q=0.9, */*;q=0.8 | image/svg+xml" })
	void acceptChoosesTheFormat(String accept, String expected) {
		MockHttpServletResponse response = (accept == null) ? get("/spiral?samples=2&classes=3")
				: get("/spiral?samples=2&classes=3", HttpHeaders.ACCEPT, accept);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType().startsWith(expected)).as(accept + " gave " + response.getContentType())
			.isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "json, application/json", "csv, text/csv", "svg, image/svg+xml", "CSV, text/csv" })
	void formatParameterChoosesTheFormatAndOverridesAccept(String format, String expected) {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3&format=" + format, HttpHeaders.ACCEPT,
				"image/png");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType().startsWith(expected)).as(response.getContentType()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "image/png", "application/xml", "text/html", "application/problem+json", "image/*;q=0",
			"not a media type" })
	void unservableAcceptIs406Problem(String accept) throws Exception {
		MockHttpServletResponse response = get("/spiral", HttpHeaders.ACCEPT, accept);
		assertThat(response.getStatus()).isEqualTo(406);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(body(response));
		assertThat(problem.get("status").asInt()).isEqualTo(406);
		assertThat(problem.get("type").asString()).isEqualTo("urn:nnfs:problem:not-acceptable");
	}

	// --- caching
	// -------------------------------------------------------------------------------

	@Test
	void responsesHaveAStrongEtagAndLongCaching() {
		MockHttpServletResponse json = get("/spiral?samples=2&classes=3");
		String etag = json.getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotNull();
		assertThat(etag.startsWith("\"") && etag.endsWith("\"")).as("a strong tag, not " + etag).isTrue();
		assertThat(get("/spiral?classes=3&samples=2&seed=0").getHeader(HttpHeaders.ETAG)).as("same query, same tag")
			.isEqualTo(etag);
		assertThat(get("/spiral?samples=2&classes=3&skip=6").getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
		assertThat(get("/spiral?samples=2&classes=3&format=csv").getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

		String cache = json.getHeader(HttpHeaders.CACHE_CONTROL);
		assertThat(cache.contains("max-age=31536000") && cache.contains("public") && cache.contains("immutable"))
			.as(cache)
			.isTrue();
		assertThat(json.getHeader(HttpHeaders.VARY)).isEqualTo(HttpHeaders.ACCEPT);
		String svgCache = get("/spiral?format=svg").getHeader(HttpHeaders.CACHE_CONTROL);
		assertThat(svgCache.contains("max-age=86400") && svgCache.contains("public")).as(svgCache).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "csv", "svg" })
	void smallSpiralsAreSentWholeWithTheirLength(String format) throws Exception {
		MockHttpServletResponse small = get("/spiral?samples=20&classes=3&format=" + format);
		assertThat(small.getHeader(HttpHeaders.CONTENT_LENGTH)).as("a length, not a chunked body")
			.isEqualTo(Integer.toString(small.getContentAsByteArray().length));
		assertThat(get("/spiral?samples=10000&classes=3&format=" + format).getHeader(HttpHeaders.CONTENT_LENGTH))
			.as("30,000 points are streamed")
			.isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "csv", "svg" })
	void ifNoneMatchWithTheCurrentTagIs304(String format) throws Exception {
		String uri = "/spiral?samples=2&classes=3&format=" + format;
		MockHttpServletResponse first = get(uri);
		String etag = first.getHeader(HttpHeaders.ETAG);

		for (String condition : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
			MockHttpServletResponse again = get(uri, HttpHeaders.IF_NONE_MATCH, condition);
			assertThat(again.getStatus()).as(condition).isEqualTo(304);
			assertThat(body(again)).isEmpty();
			assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
			assertThat(again.getHeader(HttpHeaders.CACHE_CONTROL))
				.isEqualTo(first.getHeader(HttpHeaders.CACHE_CONTROL));
		}
		assertThat(get(uri, HttpHeaders.IF_NONE_MATCH, "\"spiral-v0-stale\"").getStatus()).isEqualTo(200);
	}

	// --- bad input
	// -------------------------------------------------------------------------------

	@ParameterizedTest
	@CsvSource({ "samples=abc, samples", "samples=1.5, samples", "samples=-1, samples", "samples=0, samples",
			"samples=, samples", "samples=0x10, samples", "samples=%2B5, samples", "samples=1e3, samples",
			"classes=0, classes", "classes=-3, classes", "classes=two, classes", "seed=-1, seed",
			"seed=4294967296, seed", "seed=99999999999999999999999, seed", "seed=0.5, seed", "skip=-1, skip",
			"skip=1.0, skip", "format=xml, format", "format=, format" })
	void badParameterIs400ProblemNamingIt(String query, String parameter) throws Exception {
		MockHttpServletResponse response = get("/spiral?" + query);
		assertThat(response.getStatus()).as(query).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(body(response));
		assertThat(problem.get("type").asString()).isEqualTo("urn:nnfs:problem:invalid-input");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.get("detail").asString().contains(parameter)).as(problem.get("detail").asString()).isTrue();
	}

	@Test
	void everyBadParameterIsListed() throws Exception {
		JsonNode problem = JSON.readTree(body(get("/spiral?samples=x&classes=0&seed=-2&skip=y&format=gif")));
		List<String> named = new ArrayList<>();
		problem.get("errors").forEach((e) -> named.add(e.get("parameter").asString()));
		assertThat(named).isEqualTo(List.of("samples", "classes", "seed", "skip", "format"));
	}

	@ParameterizedTest
	@CsvSource({ "samples=1000001&classes=1", "samples=500001&classes=2", "samples=1&classes=1000001",
			"samples=99999999999999999999&classes=3" })
	void tooManyPointsIs400NamingTheLimit(String query) throws Exception {
		MockHttpServletResponse response = get("/spiral?" + query);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(body(response));
		assertThat(problem.get("type").asString()).isEqualTo("urn:nnfs:problem:limit-exceeded");
		assertThat(problem.get("limit").asString()).isEqualTo("nnfs.limits.max-spiral-points");
		assertThat(problem.get("limitValue").asLong()).isEqualTo(1_000_000);
		assertThat(problem.get("detail").asString().contains("1000000")).as(problem.get("detail").asString()).isTrue();
	}

	@Test
	void skipOverItsLimitIs400NamingTheLimitAndTheParameter() throws Exception {
		MockHttpServletResponse response = get("/spiral?skip=100000001");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(body(response));
		assertThat(problem.get("type").asString()).isEqualTo("urn:nnfs:problem:limit-exceeded");
		assertThat(problem.get("limit").asString()).isEqualTo("nnfs.limits.max-skip");
		assertThat(problem.get("limitValue").asLong()).isEqualTo(100_000_000);
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("skip");
	}

	@Test
	void limitsAreInclusive() {
		assertThat(get("/spiral?samples=1&classes=1&skip=100000000&seed=4294967295").getStatus()).isEqualTo(200);
	}

	// --- helpers
	// -------------------------------------------------------------------------------

	private static Matcher matchName(String golden) {
		Matcher m = GOLDEN_NAME.matcher(golden);
		assertThat(m.matches()).as(golden).isTrue();
		return m;
	}

	/**
	 * Compares the JSON's inputs (as written, parsed as float32) and labels with a golden
	 * file.
	 */
	private static void assertJsonMatchesGolden(String golden, String body) {
		List<String[]> expected = Golden.rows(golden);
		int start = body.indexOf("\"inputs\":[[") + "\"inputs\":[[".length();
		int end = body.indexOf("]],", start);
		String[] rows = body.substring(start, end).split("\\],\\[");
		assertThat(rows).as(golden + " rows").hasSize(expected.size());
		JsonNode labels = JSON.readTree(body).get("labels");
		for (int row = 0; row < rows.length; row++) {
			String[] xy = rows[row].split(",");
			assertThat(xy).as(rows[row]).hasSize(2);
			assertFloatBits(expected.get(row)[1], xy[0], golden + " row " + row + " x");
			assertFloatBits(expected.get(row)[2], xy[1], golden + " row " + row + " y");
			assertThat(labels.get(row).asInt()).as(golden + " row " + row)
				.isEqualTo(Integer.parseInt(expected.get(row)[3]));
		}
	}

	/**
	 * Same float32, sign of zero included, and written with the same decimal digits as
	 * numpy's shortest repr (which may use another notation: {@code 2.3763678e-05} is
	 * {@code 2.3763678E-5}).
	 */
	private static void assertFloatBits(String expected, String actual, String what) {
		float want = Float.parseFloat(expected);
		float got = Float.parseFloat(actual);
		assertThat(Float.floatToRawIntBits(got)).as(what + ": expected " + expected + " but was " + actual)
			.isEqualTo(Float.floatToRawIntBits(want));
		assertThat(new BigDecimal(actual))
			.as(what + ": not the shortest form, expected " + expected + " but was " + actual)
			.isEqualByComparingTo(new BigDecimal(expected));
	}

}
