package dev.nnfs.service.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playground at {@code GET /} in a real browser (Debian's headless Chromium, as
 * {@link SwaggerUiBrowserIT}): every notebook cell's numbers on screen against the
 * notebook's printed text ({@code playground/notebook-cells.txt}, copied from the
 * notebooks), the activation explorer in both dtypes, the spiral, the network builder and
 * a saved model. Screenshots at laptop and phone widths go to
 * {@code target/screenshots/}.
 *
 * <p>
 * Without Chromium the test is skipped on a developer's machine, and fails under CI
 * ({@code CI} set). The paths can be overridden with {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"nnfs.models.dir=target/test-models/${random.uuid}", "nnfs.models.admin-token=" + PlaygroundBrowserIT.TOKEN })
class PlaygroundBrowserIT {

	static final String TOKEN = "playground-admin-token";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Dimension LAPTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	private static HeadlessChromium chromium;

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.start(LAPTOP.width, LAPTOP.height);
		driver = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	/** Opens the page with this state in its link, at laptop width, once it is ready. */
	private void open(String hash) {
		driver.manage().window().setSize(LAPTOP);
		// a fresh document each time: the page reads its link on load
		driver.get("about:blank");
		driver.get("http://localhost:" + this.port + "/" + hash);
		waitFor("document.body.dataset.ready === 'true'");
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private static void waitFor(String condition, Object... args) {
		new WebDriverWait(driver, WAIT).until((d) -> Boolean.TRUE.equals(js("return " + condition + ";", args)));
	}

	private static String text(String selector) {
		return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
				selector);
	}

	private static void screenshots(String name) throws IOException {
		shoot(name + "-laptop");
		driver.manage().window().setSize(PHONE);
		shoot(name + "-phone");
		driver.manage().window().setSize(LAPTOP);
	}

	private static void shoot(String name) throws IOException {
		chromium.screenshot(name);
	}

	private static void assertPictureShown(String selector) {
		waitFor("(() => { const i = document.querySelector(arguments[0]); return i && i.complete && i.naturalWidth > 0; })()",
				selector);
	}

	// --- notebook cells
	// -------------------------------------------------------------------------

	/**
	 * A printed array of the fixture: its cell, its place in the cell, how it compares.
	 */
	record Printed(String cell, int block, String how, String text) {
	}

	private static List<Printed> notebookCells() throws IOException {
		String fixture;
		try (InputStream in = PlaygroundBrowserIT.class.getResourceAsStream("/playground/notebook-cells.txt")) {
			fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Printed> cells = new ArrayList<>();
		String[] head = null;
		List<String> lines = new ArrayList<>();
		for (String line : (fixture + "\n== end").split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("== ")) {
				if (head != null) {
					cells.add(new Printed(head[0], Integer.parseInt(head[1]), head.length > 2 ? head[2] : "equal",
							String.join("\n", lines).stripTrailing()));
				}
				head = line.substring(3).split(" ", 3);
				lines.clear();
			}
			else {
				lines.add(line);
			}
		}
		return cells;
	}

	private static float[] numbers(String printed) {
		String[] parts = printed.replaceAll("[\\[\\]]", " ").strip().split("\\s+");
		float[] values = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Float.parseFloat(parts[i]);
		}
		return values;
	}

	private static int ulps(float a, float b) {
		return Math.abs(Float.floatToIntBits(a) - Float.floatToIntBits(b));
	}

	@Test
	void everyNotebookCellPrintsOnScreenAsTheNotebookPrintedIt() throws IOException {
		List<Printed> cells = notebookCells();
		assertThat(cells).hasSize(17);
		open("");
		driver.findElement(By.id("run-all-cells")).click();
		waitFor("document.querySelectorAll('#cell-results article[data-state=done]').length === 12");
		Map<String, String> verdicts = new LinkedHashMap<>();
		for (Printed p : cells) {
			String block = "#cell-results article[data-cell='" + p.cell() + "'] .block[data-block='" + p.block()
					+ "'] ";
			String service = text(block + "pre.service");
			assertThat(text(block + "pre.notebook")).as(p.cell() + ": the notebook's text beside the answer")
				.isEqualTo(p.text());
			verdicts.put(p.cell() + " " + p.block(),
					(String) js("return document.querySelector(arguments[0]).dataset.verdict", block + ".verdict"));
			switch (p.how()) {
				case "cut short" -> assertThat(service).as(p.cell()).startsWith(p.text());
				case "within 2 ulp" -> {
					float[] want = numbers(p.text());
					float[] got = numbers(service);
					assertThat(got).as(p.cell()).hasSameSizeAs(want);
					for (int i = 0; i < want.length; i++) {
						assertThat(ulps(got[i], want[i])).as(p.cell() + " [" + i + "]").isLessThanOrEqualTo(2);
					}
				}
				default -> assertThat(service).as(p.cell()).isEqualTo(p.text());
			}
		}
		assertThat(verdicts).as("what the page says of each printout")
			.containsEntry("000-In5 4", "cut short")
			.containsEntry("001-In40 0", "ulps")
			.containsEntry("000-In4 0", "equal");
		assertThat(verdicts.values().stream().filter("equal"::equals)).hasSize(15);
		js("document.querySelector(\"article[data-cell='001-In16']\").scrollIntoView()");
		screenshots("playground-cells");
	}

	@Test
	void aCellOpensFromItsLink() {
		open("#cell=001-In39");
		waitFor("!!document.querySelector(\"article[data-cell='001-In39'][data-state=done]\")");
		assertThat(text("article[data-cell='001-In39'] pre.service")).isEqualTo("[[0.18632372 0.30719589 0.50648039]]");
		assertThat(text("article[data-cell='001-In39'] pre.curl")).contains("/activations/softmax")
			.contains("\"dtype\":\"float64\"");
	}

	// --- activations, spiral
	// --------------------------------------------------------------------

	@Test
	void theActivationExplorerAnswersInBothDtypes() throws IOException {
		open("#tab=activations&act=softmax&x=1%2C2%2C3");
		waitFor("!!document.querySelector('#act-result-float64 pre.numpy')");
		assertThat(text("#act-result-float32 pre.numpy")).isEqualTo("[[0.09003057 0.24472846 0.66524094]]");
		assertThat(text("#act-result-float64 pre.numpy")).isEqualTo("[[0.09003057 0.24472847 0.66524096]]");
		assertPictureShown("#act-curve");
		assertThat(text("#act-curl")).contains("curl -s").contains("\"dtype\":\"float64\"");

		new Select(driver.findElement(By.id("act-name"))).selectByValue("leaky_relu");
		WebElement alpha = new WebDriverWait(driver, WAIT).until((d) -> d.findElement(By.id("act-param-alpha")));
		alpha.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.1");
		WebElement inputs = driver.findElement(By.id("act-inputs"));
		inputs.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-2 3");
		inputs.submit();
		waitFor("document.querySelector('#act-result-float64 pre.numpy') && "
				+ "document.querySelector('#act-result-float64 pre.numpy').textContent === '[[-0.2  3. ]]'");
		assertThat(text("#act-result-float32 pre.numpy")).isEqualTo("[[-0.2  3. ]]");
		assertThat((String) js("return location.hash")).contains("act=leaky_relu").contains("p.alpha=0.1");
		screenshots("playground-activations");
	}

	@Test
	void theSpiralShowsItsPictureAndNumbers() throws IOException {
		open("#tab=spiral&samples=2&classes=3");
		waitFor("document.getElementById('sp-numbers').textContent.length > 0");
		// seed 000 In[4]
		assertThat(text("#sp-numbers")).startsWith("""
				X[:6]
				[[ 0.          0.        ]
				 [-0.69993085 -0.7142106 ]
				 [-0.         -0.        ]
				 [ 0.7647814  -0.6442898 ]
				 [ 0.         -0.        ]
				 [-0.94481426 -0.3276065 ]]""").endsWith("y[:6]\n[0 0 1 1 2 2]");
		assertPictureShown("#sp-picture");
		assertThat(text("#sp-summary")).contains("skip=6");
		screenshots("playground-spiral");
	}

	// --- network builder and models
	// -------------------------------------------------------------

	@Test
	void theNetworkBuilderRunsTheBooksNetworkAndASavedModelAnswersTheSame() throws IOException {
		open("#tab=network");
		waitFor("document.getElementById('nw-results').dataset.state === 'done'");
		// the book's network at seed 0 (docs/api.md)
		assertThat(text("#nw-loss")).isEqualTo("1.0986104");
		assertThat(text("#nw-accuracy")).isEqualTo("0.34");
		assertThat(((Number) js("return document.querySelectorAll('#nw-layers .layer-result').length")).intValue())
			.isEqualTo(4);
		assertThat(((Number) js("return document.querySelectorAll('#nw-layers .layer-result table tbody tr').length"))
			.intValue()).as("five rows of each layer").isEqualTo(20);
		assertThat(text("#nw-layers .layer-result[data-layer='1'] .dead-neurons")).isNotBlank();
		assertThat(((Number) js("return document.querySelectorAll('#nw-weights svg.heatmap rect').length")).intValue())
			.as("2 × 3 and 3 × 3 weights")
			.isEqualTo(15);
		assertPictureShown("#nw-regions");
		assertThat(text("#nw-curl")).contains("/network/forward").contains("/network/plot");
		screenshots("playground-network");

		// Both dense layers switched to explicit weights start from those the run drew:
		// the
		// same answer.
		for (int layer : new int[] { 1, 3 }) {
			new Select(driver.findElement(By.cssSelector("#layers > li:nth-child(" + layer + ") select")))
				.selectByValue("explicit");
		}
		assertThat(((Number) js("return document.querySelectorAll('#layers textarea').length")).intValue())
			.as("weights and biases of two layers")
			.isEqualTo(4);
		js("document.getElementById('nw-summary').textContent = ''");
		driver.findElement(By.cssSelector("#network-form button[type=submit]")).click();
		waitFor("!!document.getElementById('nw-loss')");
		assertThat(text("#nw-loss")).isEqualTo("1.0986104");
		assertThat(text("#nw-curl")).contains("\"weights\":[[");

		driver.findElement(By.id("tab-models")).click();
		driver.findElement(By.id("md-name")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "book-from-playground");
		driver.findElement(By.cssSelector("#model-form button[type=submit]")).click();
		waitFor("document.getElementById('md-error').textContent.length > 0");
		assertThat(text("#md-error")).as("no token: refused").isNotBlank();

		driver.findElement(By.id("md-token")).sendKeys(TOKEN);
		driver.findElement(By.cssSelector("#model-form button[type=submit]")).click();
		waitFor("!!document.querySelector('#md-results .saved')");
		assertThat(text("#md-results .saved")).contains("book-from-playground version 1");
		assertThat(text("#md-list-result")).contains("book-from-playground");
		assertThat(text("#md-curl")).contains("-X PUT").contains("$NNFS_TOKEN").doesNotContain(TOKEN);

		driver.findElement(By.id("md-spiral")).click();
		waitFor("document.getElementById('md-labels').value.length > 0");
		driver.findElement(By.cssSelector("#call-form button[type=submit]")).click();
		waitFor("!!document.getElementById('md-loss')");
		assertThat(text("#md-loss")).as("the saved model answers as the builder did").isEqualTo("1.0986104");
		assertThat(text("#md-accuracy")).isEqualTo("0.34");
		assertThat((String) js("return location.hash")).contains("tab=models").doesNotContain(TOKEN);
		screenshots("playground-models");
	}

	@Test
	void theTabsFollowTheKeyboard() {
		open("#cell=000-In13");
		driver.findElement(By.cssSelector(".skip-link")).sendKeys(Keys.ENTER);
		waitFor("document.activeElement.id === 'main'");
		assertThat((String) js("return location.hash")).as("the skip link keeps the state").isEqualTo("#cell=000-In13");
		WebElement cells = driver.findElement(By.id("tab-cells"));
		cells.sendKeys(Keys.ARROW_RIGHT);
		waitFor("document.activeElement.id === 'tab-activations'");
		assertThat(driver.findElement(By.id("panel-activations")).isDisplayed()).isTrue();
		assertThat((String) js("return location.hash")).contains("tab=activations");
	}

}
