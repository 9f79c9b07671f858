package dev.platformmaturity.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.dashboard.ShownQuarter;
import dev.platformmaturity.team.Teams;

/**
 * PDF downloads: the team report (whoever may read the team) and the organisation report
 * (leads and administrators), from the pages and, under {@code /api/v1}, for scripts. The
 * language is {@code ?lang=} when given, else the page's language, or for a script the
 * person's preferred language. When too many reports are being rendered
 * ({@link RenderLimit}), a browser gets a page that says so and a script problem details,
 * both 503 with Retry-After.
 */
@RestController
class ReportController {

	private final Reports reports;

	private final Quarters quarters;

	private final Teams teams;

	private final ShownQuarter shownQuarter;

	ReportController(Reports reports, Quarters quarters, Teams teams, ShownQuarter shownQuarter) {
		this.reports = reports;
		this.quarters = quarters;
		this.teams = teams;
		this.shownQuarter = shownQuarter;
	}

	@GetMapping("/teams/{team}/assessments/{quarter}/report.pdf")
	ModelAndView teamReport(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		return team(team, quarter, lang, user, locale, false, request, response);
	}

	/**
	 * For scripts: busy is answered with problem details; no view, so the API description
	 * lists it.
	 */
	@GetMapping("/api/v1/teams/{team}/assessments/{quarter}/report.pdf")
	void teamReportForScripts(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		team(team, quarter, lang, user, locale, true, request, response);
	}

	@GetMapping("/reports/organisation.pdf")
	@PreAuthorize("hasRole('LEAD')")
	ModelAndView organisationReport(@RequestParam(required = false) String quarter,
			@RequestParam(required = false) Long group, @RequestParam(defaultValue = "false") boolean provisional,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		return organisation(quarter, group, provisional, lang, user, locale, false, request, response);
	}

	@GetMapping("/api/v1/reports/organisation.pdf")
	@PreAuthorize("hasRole('LEAD')")
	void organisationReportForScripts(@RequestParam(required = false) String quarter,
			@RequestParam(required = false) Long group, @RequestParam(defaultValue = "false") boolean provisional,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		organisation(quarter, group, provisional, lang, user, locale, true, request, response);
	}

	private ModelAndView team(String team, String quarter, String lang, AccountUser user, Locale locale, boolean api,
			HttpServletRequest request, HttpServletResponse response) {
		Locale language = ReportLanguage.of(lang, locale, user, api);
		teams.team(team);
		quarters.byLabel(quarter);
		OutputStream pdf = pdf(response, "platform-maturity_" + team + "_" + quarter + ".pdf");
		return rendered(api, request, response, () -> reports.teamReport(team, quarter, language, pdf));
	}

	private ModelAndView organisation(String quarter, Long group, boolean provisional, String lang, AccountUser user,
			Locale locale, boolean api, HttpServletRequest request, HttpServletResponse response) {
		Locale language = ReportLanguage.of(lang, locale, user, api);
		QuarterInfo shown = shownQuarter.get(quarter);
		String groupName = group == null ? null : teams.group(group).name();
		OutputStream pdf = pdf(response,
				"platform-maturity_organisation_" + shown.label() + (group == null ? "" : "_group-" + group) + ".pdf");
		return rendered(api, request, response,
				() -> reports.organisationReport(shown, group, groupName, provisional, language, pdf));
	}

	/**
	 * Renders the report; null when it was written, else the page that says reports are
	 * busy.
	 */
	private static ModelAndView rendered(boolean api, HttpServletRequest request, HttpServletResponse response,
			Runnable render) {
		try {
			render.run();
			return null;
		}
		catch (ReportsBusyException busy) {
			if (api) {
				throw busy;
			}
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfter().toSeconds()));
			String query = request.getQueryString();
			String again = request.getRequestURI() + (query == null ? "" : "?" + query);
			return new ModelAndView("report/busy", Map.of("retryAfter", busy.retryAfter().toSeconds(), "again", again),
					HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	/**
	 * The response body as a PDF download. Its headers are set when the first byte is
	 * written, so a report refused before that can still answer with a page or problem
	 * details.
	 */
	private static OutputStream pdf(HttpServletResponse response, String fileName) {
		return new OutputStream() {

			private OutputStream body;

			private OutputStream body() throws IOException {
				if (body == null) {
					response.setContentType(MediaType.APPLICATION_PDF_VALUE);
					response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment()
								.filename(fileName, StandardCharsets.UTF_8)
								.build()
								.toString());
					body = response.getOutputStream();
				}
				return body;
			}

			@Override
			public void write(int b) throws IOException {
				body().write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				body().write(bytes, offset, length);
			}

			@Override
			public void flush() throws IOException {
				if (body != null) {
					body.flush();
				}
			}

		};
	}

}
