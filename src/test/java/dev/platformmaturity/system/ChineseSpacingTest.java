package dev.platformmaturity.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese texts have no stray ASCII spaces: none between two Chinese characters, and none
 * between Chinese text and an inserted word (a name, an aspect, a title), as in "模型中 接口
 * 的四个级别". A space stays between Chinese text and inserted Latin letters or digits
 * (numbers, quarter labels, dates, usernames, keys), as Chinese typesetting has it; those
 * placeholders are listed here.
 */
class ChineseSpacingTest {

	private static final String CJK = "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]";

	private static final Pattern SPACE_BETWEEN_CHINESE = Pattern.compile(CJK + " +" + CJK);

	private static final Pattern SPACED_PLACEHOLDER = Pattern
		.compile("(?<=" + CJK + " )\\{(\\d+)[^}]*}|\\{(\\d+)[^}]*}(?= " + CJK + ")");

	/** A count, written with digits: "{0} 个", "第 {0} 级", "{0} / {1}", "{0} 分钟". */
	private static final Pattern COUNT = Pattern.compile("第 \\{(\\d+)[^}]*}|\\{(\\d+)[^}]*}(?= ?(?:[个名条次行列页项级]|分钟|/))"
			+ "|(?<=/ )\\{(\\d+)[^}]*}|\\{(\\d+),number[^}]*}");

	/** Placeholders (key:index) that insert Latin letters or digits other than counts. */
	private static final Set<String> LATIN = Set.of(
			// quarter labels (2026-Q4) and dates (2026-11-19, 2026-11-30 14:05)
			"home.openQuarter:0", "home.openQuarter:1", "home.openQuarter.pastDue:0", "home.openQuarter.pastDue:1",
			"quarter.label.taken:0", "quarter.due:0", "quarter.planned:0", "quarter.closed:0",
			"quarter.open.notPlanned:0", "quarter.open.anotherOpen:0", "quarter.close.notOpen:0",
			"error.quarter.notFound:0", "admin.quarters.created:0", "admin.quarters.openNamed:0",
			"admin.quarters.opened:0", "admin.quarters.closeNamed:0", "admin.quarters.closed:0",
			"admin.quarters.closeConfirm.title:0", "admin.quarters.closeConfirm.button:0",
			"admin.quarters.reopenedBy:0", "admin.quarters.reopen.whileOpen:0", "admin.quarters.reopened:0",
			"quarter.reopen.alreadyOpen:0", "quarter.reopen.notClosed:0", "overdue.explained:0",
			"assessment.submittedBy:1", "answer.heading:1", "results.radar.title:1", "results.radar.current:0",
			"results.radar.previous:0", "history.title:1", "history.prefilledFrom:0", "dashboard.title:0",
			"dashboard.compare.heading:0", "dashboard.compare.title:0", "report.team.nothing:1",
			"report.organisation.title:0", "report.organisation.nothing:0",
			// seconds to wait before asking again
			"report.busy:0", "report.busy.text:0",
			// the organisation report's key findings: dates, medians, quarter labels
			"report.findings.overdue:1", "report.findings.due:0", "report.findings.strongest:1",
			"report.findings.weakest:1", "report.findings.rises:0", "report.findings.falls:0",
			"report.findings.noChange:0",
			// usernames, short names (slugs), e-mail addresses, roles
			"person.username.taken:0", "membership.person.unknown:0", "membership.exists:0", "admin.people.edit:0",
			"admin.people.created:0", "admin.people.updated:0", "team.slug.taken:0", "import.slug.duplicate:0",
			"import.username.duplicate:0", "import.email.duplicate:0", "import.team.unknown:0", "import.role.invalid:0",
			// model versions, question and aspect keys, options, levels
			"about.sources.heading:0", "assessment.modelVersion:0", "assessment.question.unknown:0",
			"assessment.aspect.unknown:0", "assessment.option.unknown:0", "assessment.option.otherQuestion:0",
			"assessment.option.otherQuestion:1", "assessment.level.outOfRange:0",
			// dates of tokens and quarter ranges
			"account.tokens.expiresOn.hint:0", "api.token.expired:0", "token.expiry.tooLate:0",
			"quarter.date.outOfRange:0", "quarter.date.outOfRange:1",
			// identity providers' names and usernames
			"signIn.provider.button:0", "signIn.provider.unreachable:0", "signIn.provider.usernameTaken:0",
			// notifications: quarter labels, dates, times, day counts, changes, hosts,
			// addresses, time zones
			"mail.digest.intro:0", "mail.digest.intro:1", "mail.digest.intro:2", "mail.digest.intro:3",
			"mail.dueSoon.intro:0", "mail.dueSoon.intro:1", "mail.dueSoon.intro:2", "mail.dueSoon.subject:2",
			"mail.overdue.intro:0", "mail.overdue.intro:1", "mail.overdue.subject:1", "mail.quarterClosed.intro:0",
			"mail.quarterClosed.subject:0", "mail.quarterOpened.intro:0", "mail.quarterOpened.intro:1",
			"mail.quarterOpened.subject:0", "mail.quarterOpened.subject:1", "mail.summary.mover:4",
			"mail.summary.mover:5", "notification.log.nextAttempt:0", "notification.log.sentAt:0",
			"notification.status.emailOn:0", "notification.status.emailOn:1", "notification.status.timeValue:0",
			"notification.status.timeValue:1", "notification.unsubscribe.done:1", "notification.unsubscribe.question:1",
			"notification.webhook.url.privateAddress:1", "webhook.text.action.overdue:2",
			"webhook.text.assessment.overdue:1", "webhook.text.assessment.overdue:2",
			"webhook.text.assessment.reopened:1", "webhook.text.assessment.submitted:1",
			"webhook.text.quarter.closed:0", "webhook.text.quarter.opened:0", "webhook.text.quarter.opened:1",
			// media types and HTTP methods
			"problemDetail.org.springframework.web.HttpMediaTypeNotAcceptableException:0",
			"problemDetail.org.springframework.web.HttpMediaTypeNotSupportedException:0",
			"problemDetail.org.springframework.web.HttpMediaTypeNotSupportedException:1",
			"problemDetail.org.springframework.web.HttpRequestMethodNotSupportedException:0",
			"problemDetail.org.springframework.web.HttpRequestMethodNotSupportedException:1",
			// actions: model versions, dates, ids, levels; the CNCF tool's host
			"action.aspect.unknown:1", "action.characteristic.notInVersion:1", "action.createdBy:1",
			"action.dueOn.outOfRange:0", "action.dueOn.outOfRange:1", "action.field.characteristic.hint:0",
			"action.notFound:0", "action.plannedLevel.outOfRange:0", "cncf.import.otherHost:0",
			"exchange.quarter.twice:0", "exchange.quarter.assessed:0", "exchange.quarter.dueBeforeOpening:0",
			"exchange.question.unknown:1", "exchange.aspect.unknown:1", "action.beside.due:0", "action.done.since:0",
			"action.done.plannedLevel:0",
			// dashboard: percentages, quarter labels, changes, levels, quartiles
			"dashboard.tile.percent:0", "dashboard.figures.partial:0", "dashboard.movers:0", "dashboard.change.up:0",
			"dashboard.change.down:0", "dashboard.gap.title:1", "dashboard.spread.description:0",
			"dashboard.spread.description:1", "dashboard.spread.description:2", "dashboard.spread.description:3",
			"dashboard.spread.description:4");

	@Test
	void noSpaceBetweenChineseCharacters() throws IOException {
		Properties chinese = chinese();
		List<String> spaced = new ArrayList<>();
		for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
			Matcher matcher = SPACE_BETWEEN_CHINESE.matcher(chinese.getProperty(key));
			while (matcher.find()) {
				spaced.add(key + ": \"" + matcher.group() + "\"");
			}
		}
		assertThat(spaced).isEmpty();
	}

	@Test
	void noSpaceAroundAnInsertedWord() throws IOException {
		Properties chinese = chinese();
		List<String> spaced = new ArrayList<>();
		for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
			String text = chinese.getProperty(key);
			Set<String> counts = placeholders(COUNT.matcher(text));
			for (String placeholder : placeholders(SPACED_PLACEHOLDER.matcher(text))) {
				if (!counts.contains(placeholder) && !LATIN.contains(key + ":" + placeholder)) {
					spaced.add(key + ": {" + placeholder + "} in \"" + text + "\"");
				}
			}
		}
		assertThat(spaced).as("write inserted words without spaces, or list a placeholder of Latin text in LATIN")
			.isEmpty();
	}

	@Test
	void theRulesFindTheSpacesTheyAreMeantToFind() {
		assertThat(SPACE_BETWEEN_CHINESE.matcher("模型中 接口的四个级别").find()).isTrue();
		assertThat(SPACE_BETWEEN_CHINESE.matcher("下载 PDF 报告").find()).isFalse();
		assertThat(placeholders(SPACED_PLACEHOLDER.matcher("模型中 {0} 的四个级别"))).containsExactly("0");
		assertThat(placeholders(SPACED_PLACEHOLDER.matcher("模型中{0}的四个级别"))).isEmpty();
		assertThat(placeholders(COUNT.matcher("已审阅 {0} / {1}，{2} 个沿用上季度"))).containsExactly("0", "1", "2");
		assertThat(placeholders(COUNT.matcher("第 {0} 页，共 {1} 页"))).containsExactly("0", "1");
		assertThat(placeholders(COUNT.matcher("编辑 {0}"))).isEmpty();
		assertThat(LATIN).allSatisfy(entry -> assertThat(entry).matches("[a-zA-Z.]+:\\d"));
	}

	@Test
	void everyListedPlaceholderIsStillSpaced() throws IOException {
		Properties chinese = chinese();
		assertThat(LATIN).allSatisfy(entry -> {
			String key = entry.substring(0, entry.indexOf(':'));
			assertThat(chinese.getProperty(key)).as(entry).isNotNull();
			assertThat(placeholders(SPACED_PLACEHOLDER.matcher(chinese.getProperty(key)))).as(entry)
				.contains(entry.substring(entry.indexOf(':') + 1));
		});
	}

	private static Set<String> placeholders(Matcher matcher) {
		Set<String> found = new TreeSet<>();
		while (matcher.find()) {
			for (int group = 1; group <= matcher.groupCount(); group++) {
				if (matcher.group(group) != null) {
					found.add(matcher.group(group));
				}
			}
		}
		return found;
	}

	private static Properties chinese() throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(ChineseSpacingTest.class.getResourceAsStream("/messages_zh_CN.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
