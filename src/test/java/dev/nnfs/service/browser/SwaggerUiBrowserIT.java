package dev.nnfs.service.browser;

import dev.nnfs.service.Json;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service as a person sees it, in a real browser: Debian's headless Chromium, driven
 * through its chromedriver, against the application on a random port. Swagger UI's "Try
 * it out" runs softmax and the two plot endpoints; each SVG endpoint is loaded on its own
 * and must have rendered (a non-empty bounding box, the expected number of marks).
 * Screenshots go to {@code target/screenshots/}.
 *
 * <p>
 * Without Chromium the test is skipped on a developer's machine, and fails under CI
 * ({@code CI} set), whose script installs it. The paths can be overridden with the
 * environment variables {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SwaggerUiBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static HeadlessChromium chromium;

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.start(1280, 1024);
		driver = chromium.driver();
		driver.manage().timeouts().scriptTimeout(WAIT);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private static void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}

	private static void screenshot(WebElement element, String name) throws IOException {
		HeadlessChromium.screenshot(element, name);
	}

	// --- each picture on its own
	// ------------------------------------------------------------

	/**
	 * What the open SVG document drew: the root's box, the frame's, and counts of the
	 * marks.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> rendered() {
		return (Map<String, Object>) js(
				"""
						const svg = document.documentElement;
						const box = (e) => { if (!e) return null; const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; };
						const count = (sel) => document.querySelectorAll(sel).length;
						return { root: svg.localName, svg: box(svg), frame: box(document.querySelector('.frame')),
						  curve: box(document.querySelector('.curves path')), regions: box(document.querySelector('.regions')),
						  circles: count('.scatter circle'), paths: count('.curves path'), rects: count('.regions rect'),
						  colours: [...new Set([...document.querySelectorAll('.regions rect')].map(r => r.getAttribute('fill')))].length,
						  title: document.querySelector('.title') ? document.querySelector('.title').textContent : null };""");
	}

	@SuppressWarnings("unchecked")
	private static double[] box(Map<String, Object> r, String key) {
		List<Number> b = (List<Number>) r.get(key);
		assertThat(b).as(key + " drawn").isNotNull();
		return b.stream().mapToDouble(Number::doubleValue).toArray();
	}

	private static void assertNonEmpty(double[] box, String what) {
		assertThat(box[2]).as(what + " width").isGreaterThan(0);
		assertThat(box[3]).as(what + " height").isGreaterThan(0);
	}

	@Test
	void theSpiralShowsItsThreeArms() throws IOException {
		driver.get(url("/spiral?samples=100&classes=3&format=svg"));
		Map<String, Object> r = rendered();
		assertThat(r.get("root")).isEqualTo("svg");
		assertNonEmpty(box(r, "svg"), "document");
		assertNonEmpty(box(r, "frame"), "frame");
		assertThat(r.get("circles")).isEqualTo(300L);
		screenshot("spiral");
	}

	@Test
	void activationCurvesSpanTheirFrame() throws IOException {
		for (String name : List.of("sigmoid", "softmax", "relu")) {
			driver.get(url("/activations/" + name + "/plot?from=-5&to=5"));
			Map<String, Object> r = rendered();
			assertThat(r.get("paths")).as(name).isEqualTo(1L);
			double[] frame = box(r, "frame");
			double[] curve = box(r, "curve");
			assertNonEmpty(curve, name + " curve");
			assertThat(curve[2]).as(name + ": the curve runs from x = from to x = to").isCloseTo(frame[2], within(1.0));
			assertThat(curve[3]).as(name + ": the curve rises").isGreaterThan(frame[3] / 2);
			screenshot("activation-" + name);
		}
	}

	@Test
	void theDecisionRegionsOfASeededNetworkCoverThePlane() throws IOException {
		// A POST answer cannot be navigated to: fetch it and open it as an SVG document
		// of
		// its own, after the script has answered (a navigation that wins the race ends
		// the
		// script without its answer). The URL is absolute: a relative one fails to parse
		// if
		// the window still shows the blob: document an earlier test opened.
		driver.get(url("/v3/api-docs"));
		Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[1], { method: 'POST', headers: { 'Content-Type': 'application/json',
				    'Accept': 'image/svg+xml' }, body: arguments[0] })
				  .then(async (r) => { const page = URL.createObjectURL(await r.blob()); done(r.status);
				    setTimeout(() => { window.location.href = page; }, 0); })
				  .catch((e) => done(String(e)));""", seededNetwork(), url("/network/plot?resolution=100"));
		assertThat(status).isEqualTo(200L);
		new WebDriverWait(driver, WAIT).until((d) -> "svg".equals(js("return document.documentElement.localName")));
		Map<String, Object> r = rendered();
		double[] frame = box(r, "frame");
		double[] regions = box(r, "regions");
		assertThat(regions[2]).as("the regions fill the frame across").isCloseTo(frame[2], within(1.0));
		assertThat(regions[3]).as("and up").isCloseTo(frame[3], within(1.0));
		assertThat(r.get("circles")).isEqualTo(300L);
		assertThat(r.get("colours")).as("each of the three classes wins somewhere").isEqualTo(3L);
		assertThat((Long) r.get("rects")).isPositive();
		screenshot("network-regions");
	}

	private static String seededNetwork() {
		return """
				{"seed": 0, "spiral": {"samples": 100, "classes": 3},
				 "layers": [{"type": "dense", "neurons": 16, "weightScale": 1}, {"type": "activation", "name": "relu"},
				            {"type": "dense", "neurons": 3, "weightScale": 1}, {"type": "activation", "name": "softmax"}]}""";
	}

	// --- Swagger UI
	// ---------------------------------------------------------------------------

	private WebElement operation(String method, String path) {
		driver.get(url("/swagger-ui.html"));
		WebDriverWait wait = new WebDriverWait(driver, WAIT);
		By block = By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[@data-path='" + path + "']]");
		WebElement op = wait.until(ExpectedConditions.presenceOfElementLocated(block));
		js("arguments[0].scrollIntoView({block: 'start'})", op);
		op.findElement(By.cssSelector(".opblock-summary-control")).click();
		wait.until((d) -> !op.findElements(By.cssSelector(".try-out__btn")).isEmpty());
		// "Try it out" starts switched on in this service's Swagger UI; switch it on
		// where it is not.
		if (op.findElements(By.cssSelector("button.execute")).isEmpty()) {
			op.findElement(By.cssSelector(".try-out__btn")).click();
		}
		wait.until((d) -> !op.findElements(By.cssSelector("button.execute")).isEmpty());
		return op;
	}

	/**
	 * Types a parameter's value, or picks it where the document gives a choice (the
	 * activation names).
	 */
	private static void setParameter(WebElement op, String name, String value) {
		WebElement row = op.findElement(By.cssSelector("tr[data-param-name='" + name + "']"));
		List<WebElement> choices = row.findElements(By.cssSelector("select"));
		if (!choices.isEmpty()) {
			new Select(choices.get(0)).selectByVisibleText(value);
			return;
		}
		row.findElement(By.cssSelector("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
	}

	/** Clicks Execute and waits for the live response; returns its HTTP status. */
	private static String execute(WebElement op) {
		op.findElement(By.cssSelector("button.execute")).click();
		WebDriverWait wait = new WebDriverWait(driver, WAIT);
		WebElement status = wait.until((d) -> {
			List<WebElement> s = op
				.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
			return s.isEmpty() ? null : s.get(0);
		});
		return status.getText().trim();
	}

	@Test
	void tryItOutRunsSoftmaxOnTheSeedRow() throws IOException {
		WebElement op = operation("post", "/activations/{name}");
		setParameter(op, "name", "softmax");
		assertThat(
				op.findElement(By.cssSelector("textarea.body-param__text")).getAttribute("value").replaceAll("\\s", ""))
			.as("the first example, seed 001 In[37], is ready")
			.isEqualTo("{\"inputs\":[[1,2,3]]}");
		assertThat(execute(op)).isEqualTo("200");
		WebElement body = op
			.findElement(By.cssSelector(".live-responses-table .response-col_description .highlight-code pre"));
		JsonNode answer = Json.parse(body.getText());
		// softmax([1, 2, 3]) = e^(x - 3) / (e^-2 + e^-1 + 1), within a float32 ulp or two
		double sum = Math.exp(-2) + Math.exp(-1) + 1;
		float[] outputs = Json.floats(answer.get("outputs").get(0));
		assertThat(outputs).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat((double) outputs[i]).isCloseTo(Math.exp(i - 2) / sum, org.assertj.core.data.Offset.offset(2e-7));
		}
		assertThat(answer.get("argmax").get(0).asInt()).isEqualTo(2);
		js("arguments[0].scrollIntoView({block: 'center'})", body);
		screenshot(op, "swagger-softmax");
	}

	@Test
	void tryItOutShowsTheSoftmaxCurveAsAPicture() throws IOException {
		WebElement op = operation("get", "/activations/{name}/plot");
		setParameter(op, "name", "softmax");
		assertThat(execute(op)).isEqualTo("200");
		assertPictureShown(op, 1, 0);
		screenshot(op, "swagger-softmax-plot");
	}

	@Test
	void tryItOutShowsTheDecisionRegionsAsAPicture() throws IOException {
		WebElement op = operation("post", "/network/plot");
		assertThat(execute(op)).isEqualTo("200");
		assertPictureShown(op, 0, 300);
		screenshot(op, "swagger-network-plot");
	}

	/**
	 * The response panel holds an image that the browser decoded, from the SVG with these
	 * marks.
	 */
	private static void assertPictureShown(WebElement op, int paths, int circles) {
		WebElement img = new WebDriverWait(driver, WAIT).until((d) -> {
			List<WebElement> found = op.findElements(By.cssSelector(".nnfs-svg-preview img"));
			return found.isEmpty() ? null : found.get(0);
		});
		new WebDriverWait(driver, WAIT).until((d) -> Boolean.TRUE.equals(js("return arguments[0].complete", img)));
		assertThat(((Number) js("return arguments[0].naturalWidth", img)).intValue()).as("decoded width").isPositive();
		assertThat(((Number) js("return arguments[0].naturalHeight", img)).intValue()).as("decoded height")
			.isPositive();
		assertThat(img.getSize().getWidth()).as("shown width").isPositive();
		String src = img.getAttribute("src");
		String svg = java.net.URLDecoder.decode(src.substring(src.indexOf(',') + 1),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(count(svg, "<path ")).isEqualTo(paths);
		assertThat(count(svg, "<circle ") - legendDots(svg)).isEqualTo(circles);
		js("arguments[0].scrollIntoView({block: 'center'})", img);
	}

	private static int count(String text, String needle) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	/** Circles of the legend (one per class of a scatter layer). */
	private static int legendDots(String svg) {
		int legend = svg.indexOf("class=\"legend\"");
		return legend < 0 ? 0 : count(svg.substring(legend), "<circle ");
	}

}
