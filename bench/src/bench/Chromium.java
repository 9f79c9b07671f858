package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.BuildInfo;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by Selenium, started as the project's browser tests start it (Debian's Chromium and
 * ChromeDriver, a fresh profile, no background networking). Every document it loads runs a probe first, which
 * records in the page's own clock when the first question is ready and when the scores show (the first animation
 * frame after the element is visible, once DOMContentLoaded has fired), the time of the last click, and how many
 * fetch and XMLHttpRequest calls are in flight.
 */
final class Chromium implements AutoCloseable {

	private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
			"/usr/local/bin/chromedriver");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Selenium warns that it has no DevTools classes for this Chromium's version; the driver needs none of them. */
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	static {
		SELENIUM_LOG.setLevel(Level.SEVERE);
	}

	private static final String PROBE = """
			(() => {
			  const config = %s;
			  const state = window.__bench = { dcl: false, question: null, scores: null, inflight: 0 };
			  const visible = css => Array.from(document.querySelectorAll(css)).some(e => {
			    const shown = e.closest('label') || e;
			    return shown.getClientRects().length > 0 && getComputedStyle(shown).visibility !== 'hidden';
			  });
			  const check = () => {
			    if (!state.dcl) return;
			    for (const name of ['question', 'scores']) {
			      if (state[name] === null && !state['_' + name] && visible(config[name])) {
			        state['_' + name] = true;
			        requestAnimationFrame(time => { state[name] = time; });
			      }
			    }
			  };
			  document.addEventListener('DOMContentLoaded', () => { state.dcl = true; check(); }, true);
			  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
			  document.addEventListener('click', event => {
			    const time = String(performance.timeOrigin + event.timeStamp);
			    try { sessionStorage.setItem('bench.click', time); } catch (e) {}
			  }, true);
			  if (window.fetch) {
			    const original = window.fetch;
			    window.fetch = function () {
			      state.inflight++;
			      return original.apply(this, arguments).finally(() => { state.inflight--; });
			    };
			  }
			  const send = XMLHttpRequest.prototype.send;
			  XMLHttpRequest.prototype.send = function () {
			    state.inflight++;
			    this.addEventListener('loadend', () => { state.inflight--; });
			    return send.apply(this, arguments);
			  };
			})();
			""";

	record Binaries(Path chromium, Path chromedriver) {
	}

	private final ChromeDriver driver;

	private final Path profile;

	static Optional<Binaries> find() {
		Optional<Path> chromium = firstExecutable(System.getenv("CHROME_BIN"), BINARIES);
		Optional<Path> chromedriver = firstExecutable(System.getenv("CHROMEDRIVER"), DRIVERS);
		return chromium.isPresent() && chromedriver.isPresent()
				? Optional.of(new Binaries(chromium.get(), chromedriver.get())) : Optional.empty();
	}

	static String lookedFor() {
		return "Chromium at $CHROME_BIN or " + BINARIES + ", ChromeDriver at $CHROMEDRIVER or " + DRIVERS;
	}

	private static Optional<Path> firstExecutable(String configured, List<String> candidates) {
		return Stream.concat(Stream.ofNullable(configured), candidates.stream())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * @param questionCss what shows that a question can be answered
	 * @param scoresCss what shows the scores
	 */
	Chromium(Binaries binaries, String questionCss, String scoresCss) throws IOException {
		profile = Files.createTempDirectory("bench-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binaries.chromium().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--window-size=1280,1024", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(binaries.chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException failed) {
			delete(profile);
			throw failed;
		}
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		String config = "{ question: " + js(questionCss) + ", scores: " + js(scoresCss) + " }";
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE.formatted(config)));
	}

	static String version(Binaries binaries) {
		String chromium = Processes.quiet(List.of(binaries.chromium().toString(), "--version")).lines()
			.filter(line -> line.matches(".*(Chromium|Chrome) \\d.*")).findFirst().orElse("version unknown").strip();
		String driver = Format.firstLine(Processes.quiet(List.of(binaries.chromedriver().toString(), "--version")));
		return chromium + "; " + driver.replaceAll(" \\(.*", "") + "; Selenium " + new BuildInfo().getReleaseLabel();
	}

	private static String js(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	/** Leaves the current page for an empty one and empties the HTTP cache; cookies stay. */
	void emptyCache() {
		driver.get("about:blank");
		driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
	}

	/** Loads a page and returns its navigation start in the browser's clock (ms since the epoch). */
	double open(String url) {
		driver.get(url);
		return number("return performance.timeOrigin");
	}

	/** Milliseconds from the navigation start of the current page until its first question was ready. */
	double questionReady() {
		return until("the first question ready",
				() -> (Number) script("return window.__bench && window.__bench.question")).doubleValue();
	}

	/** When the scores showed (ms since the epoch), and when the last click before that happened. */
	double[] scoresShown() {
		List<?> times = until("the scores shown", () -> (List<?>) script("""
				const b = window.__bench;
				const click = Number(sessionStorage.getItem('bench.click') || 'NaN');
				return b && b.scores !== null ? [performance.timeOrigin + b.scores, click] : null;"""));
		return new double[] { ((Number) times.get(0)).doubleValue(), ((Number) times.get(1)).doubleValue() };
	}

	/** Waits until nothing is saving: no request in flight, and the page's save state (when it has one) says saved. */
	void awaitSaved() {
		until("all changes saved", () -> (Boolean) script("""
				const state = document.getElementById('save-state');
				const b = window.__bench;
				const saved = !state || !state.className || /--saved/.test(state.className);
				return b && b.inflight === 0 && saved || null;"""));
	}

	/** A visible question (a radio group) and what a person clicks to answer it; none when no option fits. */
	record Question(String name, WebElement option) {
	}

	/**
	 * The visible radio groups of the page and, for each, the option to click (its label, as a person clicks it):
	 * level 3, or 2 when 3 is chosen, so that every click changes the answer. Option values end with the level
	 * ({@code 3} or {@code investment_1:3}). One script, so that looking costs one round trip.
	 */
	List<Question> questions() {
		List<?> groups = (List<?>) script("""
				const groups = new Map();
				for (const input of document.querySelectorAll('input[type=radio]')) {
				  const shown = input.closest('label') || input;
				  if (!shown.getClientRects().length || getComputedStyle(shown).visibility === 'hidden') continue;
				  if (!groups.has(input.name)) groups.set(input.name, []);
				  groups.get(input.name).push(input);
				}
				return Array.from(groups, ([name, inputs]) => {
				  const checked = inputs.find(i => i.checked);
				  const level = checked && /3$/.test(checked.value) ? '2' : '3';
				  const option = inputs.find(i => i.value !== 'na' && i.value.endsWith(level));
				  return [name, option ? option.closest('label') || option : null];
				});""");
		return groups.stream().map(group -> (List<?>) group)
			.map(group -> new Question((String) group.get(0), (WebElement) group.get(1)))
			.toList();
	}

	/** Clicks the question's option; when the page replaced it meanwhile, the option as the page shows it now. */
	void answer(Question question) {
		try {
			question.option().click();
		}
		catch (StaleElementReferenceException replaced) {
			questions().stream().filter(q -> q.name().equals(question.name())).findFirst()
				.orElseThrow(() -> replaced).option().click();
		}
	}

	/** The first name of the visible radio groups, once it is another than {@code before}. */
	String nextQuestions(String before) {
		return until("the next questions", () -> {
			List<Question> questions = questions();
			return questions.isEmpty() || questions.get(0).name().equals(before) ? null : questions.get(0).name();
		});
	}

	Object script(String javascript, Object... arguments) {
		return driver.executeScript(javascript, arguments);
	}

	double number(String javascript) {
		return ((Number) script(javascript)).doubleValue();
	}

	/** An element found by a script, or none. */
	WebElement element(String javascript, Object... arguments) {
		return (WebElement) script(javascript, arguments);
	}

	String currentUrl() {
		return driver.getCurrentUrl();
	}

	/** Polls until the probe returns a value (not null, not false); navigation in between is waited for. */
	<T> T until(String what, Supplier<T> probe) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		WebDriverException last = null;
		while (System.nanoTime() < deadline) {
			try {
				T value = probe.get();
				if (value != null && !Boolean.FALSE.equals(value)) {
					return value;
				}
			}
			catch (WebDriverException navigating) {
				last = navigating;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException(what + ": not within " + TIMEOUT.toSeconds() + " s at " + currentUrl()
				+ (last == null ? "" : " (" + Format.firstLine(last.getMessage()) + ")"));
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			delete(profile);
		}
	}

	@Override
	public String toString() {
		return "Chromium " + profile.getFileName();
	}

	private static void delete(Path directory) {
		try {
			Processes.deleteTree(directory);
		}
		catch (IOException ignored) {
			// a temporary profile left behind is harmless
		}
	}

}
