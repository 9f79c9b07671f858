package dev.platformmaturity.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net for two writes of one row at once that no service expected: 409, never
 * 500.
 */
class ChangedMeanwhileTest {

	@Test
	void theApiAnswers409InTheCallersLanguage() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ApiErrors errors = new ApiErrors(messages);
		var lost = new ObjectOptimisticLockingFailureException("Person", 1L);

		ProblemDetail english = errors.changedMeanwhile(lost, Locale.ENGLISH);
		ProblemDetail chinese = errors.changedMeanwhile(lost, Locale.SIMPLIFIED_CHINESE);

		assertThat(english.getStatus()).isEqualTo(409);
		assertThat(english.getDetail())
			.startsWith("Someone else changed this at the same moment, so nothing was saved.");
		assertThat(chinese.getDetail()).startsWith("有其他人在同一时刻修改了此内容");
	}

	@Test
	void pagesShowTheErrorPageWith409AndLeaveOtherFailuresAlone() throws Exception {
		ChangedMeanwhilePages pages = new ChangedMeanwhilePages();
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(pages.resolveException(new MockHttpServletRequest(), response, null,
				new ObjectOptimisticLockingFailureException("Team", 1L)))
			.isNotNull();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(pages.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
				new IllegalStateException("other")))
			.isNull();
	}

}
