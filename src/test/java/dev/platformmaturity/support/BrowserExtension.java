package dev.platformmaturity.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each {@link Browser} parameter of a test its own fresh headless Chromium, closed
 * after the test. Without Chromium the tests are skipped with the reason, unless
 * {@code E2E_REQUIRED=true}, where they fail.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Browser.binaries().isPresent() || required()) {
			return ConditionEvaluationResult.enabled("Chromium found or required");
		}
		return ConditionEvaluationResult
			.disabled("Browser test skipped: no Chromium found (looked for " + Browser.lookedFor()
					+ "). Install chromium and chromium-driver, or set E2E_REQUIRED=true to fail instead.");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Optional<Browser.Binaries> binaries = Browser.binaries();
		if (binaries.isEmpty()) {
			throw new ParameterResolutionException(
					"E2E_REQUIRED=true but no Chromium was found; looked for " + Browser.lookedFor());
		}
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		Browser browser = new Browser(binaries.get(), "http://localhost:" + port);
		opened(context).add(browser);
		return browser;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		opened(context).forEach(Browser::close);
	}

	@SuppressWarnings("unchecked")
	private static List<Browser> opened(ExtensionContext context) {
		return context.getStore(NAMESPACE)
			.getOrComputeIfAbsent("browsers", key -> new ArrayList<Browser>(), List.class);
	}

	private static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("E2E_REQUIRED"));
	}

}
