package dev.platformmaturity.system;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ErrorPageBrowserTest {

	@Autowired
	TestData data;

	@Test
	void anUnknownPageShowsAFriendlyPageInTheChosenLanguageWithoutATrace(Browser browser) {
		browser.signIn(data.person(Role.MEMBER).username(), TestData.PASSWORD);
		browser.open("/no-such-page?lang=zh-CN");

		assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面不存在");
		assertThat(browser.pageText()).doesNotContain("Exception", "Whitelabel");
		assertThat(browser.find(By.cssSelector(".language-switcher a[hreflang='en']")).getAttribute("href"))
			.endsWith("/no-such-page?lang=en");
	}

	@Test
	void anAnonymousVisitorIsAskedToSignInFirst(Browser browser) {
		browser.open("/teams/anything?lang=zh-CN");

		assertThat(browser.currentPath()).isEqualTo("/login");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("登录平台成熟度");
	}

}
