package bench;

import org.openqa.selenium.WebElement;

/**
 * How a person goes through an assessment in one of the two applications: where it starts, what shows that a
 * question is ready and that the scores show, and which control leads to the next aspect and to the results. Only
 * what a person sees and clicks: options, the next-aspect control, the results control.
 */
interface Journey {

	String name();

	String startUrl();

	String questionCss();

	String scoresCss();

	/** Clicks the control to the next aspect; false on the last aspect. */
	boolean next(Chromium browser);

	/** Clicks the control that shows the results, once every change is saved. */
	void results(Chromium browser);

	/**
	 * This application: the answering page, one aspect per page (or per view, once moving between aspects happens
	 * without a page load); "Save and continue" (or the next aspect in the aspect list); then the link to the results.
	 */
	static Journey ours(String baseUrl, String assessmentPath) {
		return new Journey() {

			@Override
			public String name() {
				return "Platform Maturity";
			}

			@Override
			public String startUrl() {
				return baseUrl + assessmentPath + "/answer";
			}

			@Override
			public String questionCss() {
				return "main form input[type=radio]";
			}

			@Override
			public String scoresCss() {
				return ".results table";
			}

			@Override
			public boolean next(Chromium browser) {
				WebElement control = browser.element("""
						const links = Array.from(document.querySelectorAll('[data-aspect-link]'));
						let current = links.findIndex(a => a.getAttribute('aria-current') === 'page');
						if (current < 0) {
						  const first = document.querySelector('main form input[type=radio]');
						  const aspect = first ? first.name.replace(/^option\\./, '').replace(/_\\d+$/, '') : null;
						  current = links.findIndex(a => a.getAttribute('data-aspect-link') === aspect);
						}
						if (current < 0 || current + 1 >= links.length) return null;
						const next = links[current + 1].getAttribute('data-aspect-link');
						const button = Array.from(document.querySelectorAll('button[name="go"]'))
						  .find(b => b.value === next && b.getClientRects().length);
						return button || links[current + 1];""");
				if (control == null) {
					return false;
				}
				control.click();
				return true;
			}

			@Override
			public void results(Chromium browser) {
				browser.awaitSaved();
				WebElement link = browser.until("the link to the results", () -> browser.element("""
						const links = Array.from(document.querySelectorAll('main a[href]')).filter(a =>
						  new URL(a.href, location.href).pathname === arguments[0] && a.getClientRects().length);
						return links.find(a => a.closest('.form-actions'))
						  || links.find(a => a.classList.contains('button')) || links[links.length - 1] || null;""",
						assessmentPath));
				link.click();
			}

		};
	}

	/** The CNCF prototype: one page; "Next" through the aspects, then "Submit assessment" shows the scores. */
	static Journey prototype(String baseUrl) {
		return new Journey() {

			@Override
			public String name() {
				return "the prototype";
			}

			@Override
			public String startUrl() {
				return baseUrl + "/";
			}

			@Override
			public String questionCss() {
				return "#maturity-form input[type=radio]";
			}

			@Override
			public String scoresCss() {
				return "#maturity-scores .score-item";
			}

			@Override
			public boolean next(Chromium browser) {
				WebElement next = browser.element("""
						const next = document.getElementById('next-btn');
						return next && next.getClientRects().length ? next : null;""");
				if (next == null) {
					return false;
				}
				next.click();
				return true;
			}

			@Override
			public void results(Chromium browser) {
				browser.until("the submit button", () -> browser.element("""
						const submit = document.getElementById('submit-btn');
						return submit && submit.getClientRects().length ? submit : null;""")).click();
			}

		};
	}

}
