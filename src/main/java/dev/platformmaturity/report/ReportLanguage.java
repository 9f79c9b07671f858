package dev.platformmaturity.report;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.platformmaturity.account.AccountUser;

/**
 * The language of a report: {@code ?lang=} when given (en or zh-CN), else the page's,
 * else for scripts the person's.
 */
final class ReportLanguage {

	static final List<String> SUPPORTED = List.of("en", "zh-CN");

	private ReportLanguage() {
	}

	static Locale of(String requested, Locale page, AccountUser user, boolean script) {
		if (requested != null && !requested.isBlank()) {
			if (!SUPPORTED.contains(requested)) {
				throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
						ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, "report.language.unsupported",
						new Object[] { requested, String.join(", ", SUPPORTED) });
			}
			return Locale.forLanguageTag(requested);
		}
		if (script && user != null) {
			return Locale.forLanguageTag(user.language());
		}
		return page;
	}

}
