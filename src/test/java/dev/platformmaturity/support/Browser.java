package dev.platformmaturity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium driven by Selenium, pointed at the application under test. */
public final class Browser implements AutoCloseable {

	private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
			"/usr/local/bin/chromedriver");

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private final Path downloads;

	record Binaries(Path chromium, Path chromedriver) {
	}

	static Optional<Binaries> binaries() {
		Optional<Path> chromium = firstExisting(System.getenv("CHROME_BIN"), CHROMIUM);
		Optional<Path> chromedriver = firstExisting(System.getenv("CHROMEDRIVER"), CHROMEDRIVER);
		return chromium.isPresent() && chromedriver.isPresent()
				? Optional.of(new Binaries(chromium.get(), chromedriver.get())) : Optional.empty();
	}

	static String lookedFor() {
		return "Chromium at $CHROME_BIN or " + CHROMIUM + ", ChromeDriver at $CHROMEDRIVER or " + CHROMEDRIVER;
	}

	private static Optional<Path> firstExisting(String configured, List<String> candidates) {
		return Stream.concat(Stream.ofNullable(configured), candidates.stream())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

	Browser(Binaries binaries, String baseUrl) {
		this.baseUrl = baseUrl;
		try {
			this.profile = Files.createTempDirectory("chromium-profile");
			this.downloads = Files.createTempDirectory("chromium-downloads");
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binaries.chromium().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--window-size=1280,1024", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(binaries.chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", false));
	}

	public ChromeDriver driver() {
		return driver;
	}

	public Object script(String javascript, Object... arguments) {
		return driver.executeScript(javascript, arguments);
	}

	public Path downloads() {
		return downloads;
	}

	/**
	 * Waits until a download whose name ends with {@code suffix} is complete, and returns
	 * it. Chromium writes into {@code <name>.crdownload} and, just before renaming it,
	 * creates {@code <name>} empty: the download is complete once no {@code .crdownload}
	 * file is left.
	 */
	public Path downloaded(String suffix) {
		waitUntil(driver -> {
			try (Stream<Path> files = Files.list(downloads)) {
				List<String> names = files.map(file -> file.getFileName().toString()).toList();
				return names.stream().anyMatch(name -> name.endsWith(suffix))
						&& names.stream().noneMatch(name -> name.endsWith(".crdownload"));
			}
			catch (IOException unreadable) {
				return false;
			}
		});
		try (Stream<Path> files = Files.list(downloads)) {
			return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/**
	 * Clicks something that loads a new page and waits until that page has replaced the
	 * current one.
	 */
	public Browser clickAndLoad(By by) {
		WebElement currentPage = driver.findElement(By.tagName("html"));
		driver.findElement(by).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(driver -> isGone(currentPage));
		waitUntil(
				driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		return this;
	}

	/**
	 * Whether an element's document has been replaced. While the old document is torn
	 * down, ChromeDriver may answer "Node with given id does not belong to the document"
	 * instead of a stale element reference; both mean it is gone.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException stale) {
			return true;
		}
		catch (WebDriverException navigating) {
			if (String.valueOf(navigating.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw navigating;
		}
	}

	public String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public WebElement find(By by) {
		return driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return driver.findElements(by);
	}

	public String text(By by) {
		return driver.findElement(by).getText();
	}

	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void waitUntil(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
	}

	public Browser signIn(String username, String password) {
		open("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitUntil(driver -> !driver.getCurrentUrl().contains("/login"));
		return this;
	}

	/** Signs out through the person's menu in the header. */
	public Browser signOut() {
		openAccountMenu();
		find(By.cssSelector(".account-menu form button")).click();
		waitUntil(driver -> driver.getCurrentUrl().contains("signedOut"));
		return this;
	}

	/**
	 * Opens the signed-in person's menu in the header: their account, administration,
	 * signing out.
	 */
	public Browser openAccountMenu() {
		WebElement menu = find(By.cssSelector("details.account-menu"));
		if (menu.getDomAttribute("open") == null) {
			menu.findElement(By.tagName("summary")).click();
		}
		return this;
	}

	/**
	 * Shows pages {@code width} CSS pixels wide: below 600 as a phone does (scroll bars
	 * over the page, the width of the viewport meta tag), otherwise as a laptop, such as
	 * 1366.
	 */
	public Browser resize(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
		return this;
	}

	/** Types into a form field found by its id, replacing what was there. */
	public Browser type(String id, String text) {
		WebElement field = find(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser select(String id, String visibleText) {
		new org.openqa.selenium.support.ui.Select(find(By.id(id))).selectByVisibleText(visibleText);
		return this;
	}

	@Override
	public void close() {
		driver.quit();
		deleteQuietly(profile);
		deleteQuietly(downloads);
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temp folder left behind is harmless
		}
	}

}
