package dev.platformmaturity.system;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ErrorPageBrowserTest {

	@Test
	void anUnknownPageShowsAFriendlyPageInTheChosenLanguageWithoutATrace(Browser browser) {
		browser.open("/no-such-page?lang=zh-CN");

		assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面不存在");
		assertThat(browser.pageText()).doesNotContain("Exception", "Whitelabel");
		assertThat(browser.find(By.cssSelector(".language-switcher a[hreflang='en']")).getAttribute("href"))
			.endsWith("/no-such-page?lang=en");
	}

}
