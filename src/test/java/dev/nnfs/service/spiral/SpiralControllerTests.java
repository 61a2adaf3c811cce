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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /spiral} over HTTP. Expected numbers come from the seed notebooks' printed output
 * and from the golden files numpy wrote ({@code src/test/resources/golden/}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpiralControllerTests {

	/** Seed 000, In[4]: {@code nnfs.init(); spiral_data(samples=2, classes=3)}. */
	private static final String IN4_JSON = "{\"samples\":2,\"classes\":3,\"seed\":0,\"skip\":0,"
			+ "\"inputs\":[[0.0,0.0],[-0.69993085,-0.7142106],[-0.0,-0.0],[0.7647814,-0.6442898],[0.0,-0.0],[-0.94481426,-0.3276065]],"
			+ "\"labels\":[0,0,1,1,2,2],\"rng\":{\"seed\":0,\"draws\":6}}";

	/** Seed 000, In[5]: the notebook's second {@code spiral_data(2, 3)}, six draws further on. */
	private static final String IN5_JSON = "{\"samples\":2,\"classes\":3,\"seed\":0,\"skip\":6,"
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

	// --- the seeds -------------------------------------------------------------------------

	@Test
	void seedZeroIn4IsTheApiExampleToTheByte() throws Exception {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3");
		assertEquals(200, response.getStatus());
		assertTrue(MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType())));
		assertEquals(IN4_JSON, body(response));
	}

	@Test
	void seedZeroIn5IsSixDrawsFurther() throws Exception {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3&skip=6");
		assertEquals(200, response.getStatus());
		assertEquals(IN5_JSON, body(response));
	}

	@Test
	void explicitDefaultsGiveTheSameAnswer() throws Exception {
		assertEquals(IN4_JSON, body(get("/spiral?samples=2&classes=3&seed=0&skip=0&format=json")));
	}

	@Test
	void defaultsAreOneHundredSamplesOfThreeClassesFromSeedZero() throws Exception {
		JsonNode json = JSON.readTree(body(get("/spiral")));
		assertEquals(100, json.get("samples").asInt());
		assertEquals(3, json.get("classes").asInt());
		assertEquals(0, json.get("seed").asLong());
		assertEquals(0, json.get("skip").asLong());
		assertEquals(300, json.get("rng").get("draws").asLong());
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
		assertEquals(draws, JSON.readTree(body).get("rng").get("draws").asLong());
	}

	@ParameterizedTest
	@MethodSource("goldenFiles")
	void csvIsNumpysSpiralBitForBit(String golden) throws Exception {
		Matcher m = matchName(golden);
		MockHttpServletResponse response = get("/spiral?format=csv&samples=" + m.group(1) + "&classes=" + m.group(2)
				+ "&seed=" + m.group(3) + "&skip=" + m.group(4));
		assertEquals(200, response.getStatus());
		assertTrue(response.getContentType().startsWith("text/csv"), response.getContentType());
		String[] lines = body(response).split("\n", -1);
		List<String[]> expected = Golden.rows(golden);
		assertEquals("x,y,label", lines[0]);
		assertEquals(expected.size() + 2, lines.length, "header, one line per row, final newline");
		assertEquals("", lines[lines.length - 1]);
		for (int row = 0; row < expected.size(); row++) {
			String[] want = expected.get(row);
			String[] got = lines[row + 1].split(",", -1);
			assertEquals(3, got.length, lines[row + 1]);
			assertFloatBits(want[1], got[0], golden + " row " + row + " x");
			assertFloatBits(want[2], got[1], golden + " row " + row + " y");
			assertEquals(want[3], got[2], golden + " row " + row + " label");
		}
	}

	@Test
	void csvOfIn4ShowsTheSignedZeros() throws Exception {
		assertEquals("x,y,label\n0.0,0.0,0\n-0.69993085,-0.7142106,0\n-0.0,-0.0,1\n0.7647814,-0.6442898,1\n"
				+ "0.0,-0.0,2\n-0.94481426,-0.3276065,2\n", body(get("/spiral?samples=2&classes=3&format=csv")));
	}

	// --- the picture -------------------------------------------------------------------------

	@Test
	void svgIsAWellFormedScatterWithOneCirclePerPointOnUnitAxes() throws Exception {
		MockHttpServletResponse response = get("/spiral?format=svg");
		assertEquals(200, response.getStatus());
		assertTrue(response.getContentType().startsWith("image/svg+xml"), response.getContentType());
		Document svg = Xml.parse(body(response));

		assertEquals("svg", svg.getDocumentElement().getLocalName());
		Element scatter = Xml.byClass(svg, "scatter");
		assertEquals(300, scatter.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength());
		for (String axis : List.of("x-axis", "y-axis")) {
			Element a = Xml.byClass(svg, axis);
			assertEquals("-1", a.getAttribute("data-min"), axis);
			assertEquals("1", a.getAttribute("data-max"), axis);
			List<String> labels = Xml.texts(a);
			assertEquals("-1", labels.get(0), axis);
			assertEquals("1", labels.get(labels.size() - 2), axis + " (last tick before the axis title)");
		}
		assertEquals(List.of("class 0", "class 1", "class 2"), Xml.texts(Xml.byClass(svg, "legend")));
	}

	@Test
	void svgOfManyPointsStaysPlain() throws Exception {
		String body = body(get("/spiral?format=svg&samples=2000&classes=5"));
		Document svg = Xml.parse(body);
		assertEquals(10_000, Xml.byClass(svg, "scatter").getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle")
			.getLength());
		assertTrue(body.length() < 60 * 10_000, "about 40 bytes a point, not " + body.length() / 10_000);
	}

	// --- formats -------------------------------------------------------------------------------

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "| application/json", "*/* | application/json",
			"application/json | application/json", "application/* | application/json", "text/csv | text/csv",
			"text/* | text/csv", "image/svg+xml | image/svg+xml", "image/* | image/svg+xml",
			"text/csv;q=0.5, image/svg+xml | image/svg+xml", "application/json;q=0.1, text/csv;q=0.9 | text/csv",
			"image/png, */*;q=0.1 | application/json", "text/html, image/svg+xml;q=0.9, */*;q=0.8 | image/svg+xml" })
	void acceptChoosesTheFormat(String accept, String expected) {
		MockHttpServletResponse response = (accept == null) ? get("/spiral?samples=2&classes=3")
				: get("/spiral?samples=2&classes=3", HttpHeaders.ACCEPT, accept);
		assertEquals(200, response.getStatus());
		assertTrue(response.getContentType().startsWith(expected), accept + " gave " + response.getContentType());
	}

	@ParameterizedTest
	@CsvSource({ "json, application/json", "csv, text/csv", "svg, image/svg+xml", "CSV, text/csv" })
	void formatParameterChoosesTheFormatAndOverridesAccept(String format, String expected) {
		MockHttpServletResponse response = get("/spiral?samples=2&classes=3&format=" + format, HttpHeaders.ACCEPT,
				"image/png");
		assertEquals(200, response.getStatus());
		assertTrue(response.getContentType().startsWith(expected), response.getContentType());
	}

	@ParameterizedTest
	@ValueSource(strings = { "image/png", "application/xml", "text/html", "application/problem+json", "image/*;q=0",
			"not a media type" })
	void unservableAcceptIs406Problem(String accept) throws Exception {
		MockHttpServletResponse response = get("/spiral", HttpHeaders.ACCEPT, accept);
		assertEquals(406, response.getStatus());
		assertEquals(MediaType.APPLICATION_PROBLEM_JSON_VALUE, response.getContentType());
		JsonNode problem = JSON.readTree(body(response));
		assertEquals(406, problem.get("status").asInt());
		assertEquals("urn:nnfs:problem:not-acceptable", problem.get("type").asString());
	}

	// --- caching -------------------------------------------------------------------------------

	@Test
	void responsesHaveAStrongEtagAndLongCaching() {
		MockHttpServletResponse json = get("/spiral?samples=2&classes=3");
		String etag = json.getHeader(HttpHeaders.ETAG);
		assertNotNull(etag);
		assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong tag, not " + etag);
		assertEquals(etag, get("/spiral?classes=3&samples=2&seed=0").getHeader(HttpHeaders.ETAG), "same query, same tag");
		assertNotEquals(etag, get("/spiral?samples=2&classes=3&skip=6").getHeader(HttpHeaders.ETAG));
		assertNotEquals(etag, get("/spiral?samples=2&classes=3&format=csv").getHeader(HttpHeaders.ETAG));

		String cache = json.getHeader(HttpHeaders.CACHE_CONTROL);
		assertTrue(cache.contains("max-age=31536000") && cache.contains("public") && cache.contains("immutable"),
				cache);
		assertEquals(HttpHeaders.ACCEPT, json.getHeader(HttpHeaders.VARY));
		String svgCache = get("/spiral?format=svg").getHeader(HttpHeaders.CACHE_CONTROL);
		assertTrue(svgCache.contains("max-age=86400") && svgCache.contains("public"), svgCache);
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "csv", "svg" })
	void ifNoneMatchWithTheCurrentTagIs304(String format) throws Exception {
		String uri = "/spiral?samples=2&classes=3&format=" + format;
		MockHttpServletResponse first = get(uri);
		String etag = first.getHeader(HttpHeaders.ETAG);

		for (String condition : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
			MockHttpServletResponse again = get(uri, HttpHeaders.IF_NONE_MATCH, condition);
			assertEquals(304, again.getStatus(), condition);
			assertEquals("", body(again));
			assertEquals(etag, again.getHeader(HttpHeaders.ETAG));
			assertEquals(first.getHeader(HttpHeaders.CACHE_CONTROL), again.getHeader(HttpHeaders.CACHE_CONTROL));
		}
		assertEquals(200, get(uri, HttpHeaders.IF_NONE_MATCH, "\"spiral-v0-stale\"").getStatus());
	}

	// --- bad input -------------------------------------------------------------------------------

	@ParameterizedTest
	@CsvSource({ "samples=abc, samples", "samples=1.5, samples", "samples=-1, samples", "samples=0, samples",
			"samples=, samples", "samples=0x10, samples", "samples=%2B5, samples", "samples=1e3, samples",
			"classes=0, classes", "classes=-3, classes", "classes=two, classes", "seed=-1, seed",
			"seed=4294967296, seed", "seed=99999999999999999999999, seed", "seed=0.5, seed", "skip=-1, skip",
			"skip=1.0, skip", "format=xml, format", "format=, format" })
	void badParameterIs400ProblemNamingIt(String query, String parameter) throws Exception {
		MockHttpServletResponse response = get("/spiral?" + query);
		assertEquals(400, response.getStatus(), query);
		assertEquals(MediaType.APPLICATION_PROBLEM_JSON_VALUE, response.getContentType());
		JsonNode problem = JSON.readTree(body(response));
		assertEquals("urn:nnfs:problem:invalid-input", problem.get("type").asString());
		assertEquals(parameter, problem.get("errors").get(0).get("parameter").asString());
		assertTrue(problem.get("detail").asString().contains(parameter), problem.get("detail").asString());
	}

	@Test
	void everyBadParameterIsListed() throws Exception {
		JsonNode problem = JSON.readTree(body(get("/spiral?samples=x&classes=0&seed=-2&skip=y&format=gif")));
		List<String> named = new ArrayList<>();
		problem.get("errors").forEach((e) -> named.add(e.get("parameter").asString()));
		assertEquals(List.of("samples", "classes", "seed", "skip", "format"), named);
	}

	@ParameterizedTest
	@CsvSource({ "samples=1000001&classes=1", "samples=500001&classes=2", "samples=1&classes=1000001",
			"samples=99999999999999999999&classes=3" })
	void tooManyPointsIs400NamingTheLimit(String query) throws Exception {
		MockHttpServletResponse response = get("/spiral?" + query);
		assertEquals(400, response.getStatus());
		assertEquals(MediaType.APPLICATION_PROBLEM_JSON_VALUE, response.getContentType());
		JsonNode problem = JSON.readTree(body(response));
		assertEquals("urn:nnfs:problem:limit-exceeded", problem.get("type").asString());
		assertEquals("nnfs.limits.max-spiral-points", problem.get("limit").asString());
		assertEquals(1_000_000, problem.get("limitValue").asLong());
		assertTrue(problem.get("detail").asString().contains("1000000"), problem.get("detail").asString());
	}

	@Test
	void skipOverItsLimitIs400NamingTheLimitAndTheParameter() throws Exception {
		MockHttpServletResponse response = get("/spiral?skip=100000001");
		assertEquals(400, response.getStatus());
		assertEquals(MediaType.APPLICATION_PROBLEM_JSON_VALUE, response.getContentType());
		JsonNode problem = JSON.readTree(body(response));
		assertEquals("urn:nnfs:problem:limit-exceeded", problem.get("type").asString());
		assertEquals("nnfs.limits.max-skip", problem.get("limit").asString());
		assertEquals(100_000_000, problem.get("limitValue").asLong());
		assertEquals("skip", problem.get("errors").get(0).get("parameter").asString());
	}

	@Test
	void limitsAreInclusive() {
		assertEquals(200, get("/spiral?samples=1&classes=1&skip=100000000&seed=4294967295").getStatus());
	}

	// --- helpers -------------------------------------------------------------------------------

	private static Matcher matchName(String golden) {
		Matcher m = GOLDEN_NAME.matcher(golden);
		assertTrue(m.matches(), golden);
		return m;
	}

	/** Compares the JSON's inputs (as written, parsed as float32) and labels with a golden file. */
	private static void assertJsonMatchesGolden(String golden, String body) {
		List<String[]> expected = Golden.rows(golden);
		int start = body.indexOf("\"inputs\":[[") + "\"inputs\":[[".length();
		int end = body.indexOf("]],", start);
		String[] rows = body.substring(start, end).split("\\],\\[");
		assertEquals(expected.size(), rows.length, golden + " rows");
		JsonNode labels = JSON.readTree(body).get("labels");
		for (int row = 0; row < rows.length; row++) {
			String[] xy = rows[row].split(",");
			assertEquals(2, xy.length, rows[row]);
			assertFloatBits(expected.get(row)[1], xy[0], golden + " row " + row + " x");
			assertFloatBits(expected.get(row)[2], xy[1], golden + " row " + row + " y");
			assertEquals(Integer.parseInt(expected.get(row)[3]), labels.get(row).asInt(), golden + " row " + row);
		}
	}

	/**
	 * Same float32, sign of zero included, and written with the same decimal digits as numpy's
	 * shortest repr (which may use another notation: {@code 2.3763678e-05} is {@code 2.3763678E-5}).
	 */
	private static void assertFloatBits(String expected, String actual, String what) {
		float want = Float.parseFloat(expected);
		float got = Float.parseFloat(actual);
		assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got),
				() -> what + ": expected " + expected + " but was " + actual);
		assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)),
				() -> what + ": not the shortest form, expected " + expected + " but was " + actual);
	}

}
