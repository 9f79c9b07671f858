package dev.platformmaturity.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browsable API description works in Chromium under the application's
 * Content-Security-Policy.
 */
@BrowserTest
class ApiDocsBrowserTest {

	@Test
	void theApiDescriptionIsBrowsableWithoutAnyContentSecurityPolicyViolation(Browser browser) {
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.violations = [];
				document.addEventListener('securitypolicyviolation',
				    e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));"""));

		browser.open("/api-docs");
		browser.waitFor(By.cssSelector(".opblock-summary"));
		browser.find(By.cssSelector(".opblock-put .opblock-summary")).click();
		browser.waitFor(By.cssSelector(".opblock-body"));

		assertThat(browser.pageText()).contains("Platform Maturity API").contains("/api/v1/teams/{team}/assessments");
		assertThat(browser.pageText()).contains("409");
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) browser.script("return window.violations;");
		assertThat(violations).isEmpty();
	}

}
