package dev.platformmaturity.model;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ModelPageBrowserTest {

	@Test
	void showsEachAspectInEnglishAndInChineseAndSwitchesLanguageFromTheHeader(Browser browser) {
		browser.open("/model?lang=en");
		assertThat(browser.text(By.id("investment-heading"))).isEqualTo("Investment");
		assertThat(browser.text(By.id("adoption-heading"))).isEqualTo("Adoption");
		assertThat(browser.text(By.id("interfaces-heading"))).isEqualTo("Interfaces");
		assertThat(browser.text(By.id("operations-heading"))).isEqualTo("Operations");
		assertThat(browser.text(By.id("measurement-heading"))).isEqualTo("Measurement");
		assertThat(browser.text(By.cssSelector("#interfaces-3 h3")))
			.isEqualTo("Level 3: Scalable — Self-service solutions");
		assertThat(browser.pageText()).contains("Hit\" or \"tiger\" teams are built to tackle urgent requirements");

		browser.clickAndLoad(By.cssSelector(".language-switcher a[hreflang='zh-CN']"));

		assertThat(browser.currentPath()).isEqualTo("/model?lang=zh-CN");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.text(By.id("investment-heading"))).isEqualTo("投入");
		assertThat(browser.text(By.id("adoption-heading"))).isEqualTo("采用");
		assertThat(browser.text(By.id("interfaces-heading"))).isEqualTo("接口");
		assertThat(browser.text(By.id("operations-heading"))).isEqualTo("运营");
		assertThat(browser.text(By.id("measurement-heading"))).isEqualTo("衡量");
		assertThat(browser.text(By.cssSelector("#interfaces-3 h3"))).isEqualTo("第 3 级：可扩展 — 自助服务解决方案");
		assertThat(browser.text(By.cssSelector("#measurement-1 h3"))).contains("临时的");

		browser.open("/model");
		assertThat(browser.text(By.id("investment-heading"))).as("the cookie keeps the language").isEqualTo("投入");
	}

	@Test
	void readsOnAPhoneWithoutHorizontalScrollingOfThePage(Browser browser) {
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser.open("/model?lang=zh-CN");
		Object pageWidth = browser.script("return document.documentElement.scrollWidth");
		Object viewport = browser.script("return window.innerWidth");
		assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(((Number) viewport).intValue());
	}

}
