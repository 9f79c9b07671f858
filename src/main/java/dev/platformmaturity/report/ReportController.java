package dev.platformmaturity.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.dashboard.ShownQuarter;
import dev.platformmaturity.team.Teams;

/**
 * PDF downloads: the team report (whoever may read the team) and the organisation report (leads and administrators),
 * from the pages and, under {@code /api/v1}, for scripts. The language is {@code ?lang=} when given, else the
 * page's language, or for a script the person's preferred language.
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

	@GetMapping({ "/teams/{team}/assessments/{quarter}/report.pdf", "/api/v1/teams/{team}/assessments/{quarter}/report.pdf" })
	void teamReport(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale language = ReportLanguage.of(lang, locale, user, request.getRequestURI().contains("/api/"));
		teams.team(team);
		quarters.byLabel(quarter);
		pdf(response, "platform-maturity_" + team + "_" + quarter + ".pdf");
		reports.teamReport(team, quarter, language, response.getOutputStream());
	}

	@GetMapping({ "/reports/organisation.pdf", "/api/v1/reports/organisation.pdf" })
	@PreAuthorize("hasRole('LEAD')")
	void organisationReport(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			@RequestParam(defaultValue = "false") boolean provisional,
			@RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal AccountUser user,
			Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale language = ReportLanguage.of(lang, locale, user, request.getRequestURI().contains("/api/"));
		QuarterInfo shown = shownQuarter.get(quarter);
		String groupName = group == null ? null : teams.group(group).name();
		pdf(response, "platform-maturity_organisation_" + shown.label() + (group == null ? "" : "_group-" + group) + ".pdf");
		reports.organisationReport(shown, group, groupName, provisional, language, response.getOutputStream());
	}

	private static void pdf(HttpServletResponse response, String fileName) {
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

}
