package dev.nnfs.service.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, driven through its chromedriver, for the browser tests: a
 * fresh profile per session, nothing in the background calling out (the network is closed
 * to everything but this machine), screenshots under {@code target/screenshots/}.
 *
 * <p>
 * Without Chromium a test using it is skipped on a developer's machine, and fails under
 * CI ({@code CI} set), whose script installs it. The paths can be overridden with the
 * environment variables {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private final Path profile;

	private HeadlessChromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts a browser with a window of this size (or skips the test, see above). */
	static HeadlessChromium start(int width, int height) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("CI") == null) {
			assumeTrue(installed, "no " + CHROMIUM + " or " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver); the browser test runs where they are, and always under CI");
		}
		Path profile = Files.createTempDirectory("nnfs-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-extensions", "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
				"--metrics-recording-only", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		Files.createDirectories(SCREENSHOTS);
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Saves what the window shows as {@code target/screenshots/<name>.png}. */
	void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Saves what one element shows as {@code target/screenshots/<name>.png}. */
	static void screenshot(org.openqa.selenium.WebElement element, String name) throws IOException {
		File shot = element.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
