package dev.platformmaturity.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * E-mail through a real SMTP server: who gets which message, when (by the application's
 * clock), in which language, with which links; unsubscribing; the choices on Your
 * account; an SMTP server that cannot be reached.
 */
class EmailNotificationTest extends NotificationTestSupport {

	private static final LocalDate OPENS = LocalDate.of(2027, 1, 4);

	private static final LocalDate DUE = LocalDate.of(2027, 2, 15);

	/**
	 * Payments (Ann, English; Bo, Chinese; a member without an address; a disabled
	 * member), Mobile (Ann; Cy, English) and the disabled team Legacy (Dee).
	 */
	record Organisation(TestData.Team payments, TestData.Team mobile, TestData.Person ann, TestData.Person bo,
			TestData.Person cy, TestData.Person dee, TestData.Person noAddress, TestData.Person disabled) {

		List<String> members() {
			return List.of(address(ann), address(bo), address(cy));
		}

	}

	Organisation organisation() {
		TestData.Team payments = data.team("Payments");
		TestData.Team mobile = data.team("Mobile");
		TestData.Team legacy = data.team("Legacy");
		data.disable(legacy);
		TestData.Person noAddress = person(Role.MEMBER, "en", payments);
		jdbc.sql("update person set email = null where id = ?").param(noAddress.id()).update();
		TestData.Person disabled = person(Role.MEMBER, "en", payments);
		jdbc.sql("update person set enabled = false where id = ?").param(disabled.id()).update();
		return new Organisation(payments, mobile, person(Role.MEMBER, "en", payments, mobile),
				person(Role.MEMBER, "zh-CN", payments), person(Role.MEMBER, "en", mobile),
				person(Role.MEMBER, "en", legacy), noAddress, disabled);
	}

	@Test
	void theOpeningOfAQuarterReachesEveryMemberOfAnEnabledTeamOnceInTheirLanguageWithLinks() throws Exception {
		Organisation org = organisation();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));

		scanAndSend();
		assertThat(MAILBOX.messages()).as("nothing while the quarter is planned").isEmpty();

		open(quarter);
		scanAndSend();

		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrderElementsOf(org.members());
		MimeMessage toAnn = MAILBOX.to(address(org.ann())).get(0);
		assertThat(subject(toAnn))
			.isEqualTo(quarter.label() + " is open: please assess your platform by February 15, 2027");
		String link = BASE + "/teams/%s/assessments/" + quarter.label();
		assertThat(text(toAnn)).startsWith("Hello Test " + org.ann().username() + ",")
			.contains("Mobile: not started yet\n  " + link.formatted(org.mobile().slug()))
			.contains("Payments: not started yet\n  " + link.formatted(org.payments().slug()))
			.contains("Last quarter's answers are carried over")
			.containsPattern("Stop the e-mails “A quarter opens”: " + BASE + "/unsubscribe\\?token=" + org.ann().id()
					+ "\\.QUARTER_OPENED\\.[A-Za-z0-9_-]{43}&lang=en");
		assertThat(Jsoup.parse(html(toAnn)).select("a[href]").eachAttr("href")).contains(
				link.formatted(org.mobile().slug()), link.formatted(org.payments().slug()),
				BASE + "/account#notifications");
		assertThat(header(toAnn, "List-Unsubscribe")).matches("<" + BASE + "/unsubscribe\\?token=" + org.ann().id()
				+ "\\.QUARTER_OPENED\\.[A-Za-z0-9_-]{43}&lang=en>");
		assertThat(header(toAnn, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(header(toAnn, "Content-Language")).isEqualTo("en");
		assertThat(header(toAnn, "Message-ID")).matches("<notification-\\d+@maturity\\.example\\.org>");
		assertThat(toAnn.getFrom()[0].toString()).isEqualTo("Platform Maturity <maturity@example.org>");

		MimeMessage toBo = MAILBOX.to(address(org.bo())).get(0);
		assertThat(subject(toBo)).isEqualTo(quarter.label() + " 已开放：请在 2027年2月15日 前完成平台评估");
		assertThat(text(toBo)).startsWith("Test " + org.bo().username() + "，您好：")
			.contains("- Payments: 尚未开始")
			.doesNotContain("Mobile");
		assertThat(Jsoup.parse(html(toBo)).text()).contains("评估季度 " + quarter.label() + " 已开放");
		assertThat(header(toBo, "Content-Language")).isEqualTo("zh-CN");

		scanAndSend();
		CLOCK.set(at(OPENS, 23, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("each member once").hasSize(3);
		assertThat(jdbc.sql("select status from notification_outbox where quarter_id = ?")
			.param(quarter.id())
			.query(String.class)
			.list()).containsExactly("SENT", "SENT", "SENT");
	}

	@Test
	void membersOfTeamsThatHaveNotSubmittedAreRemindedOnTheReminderDaysAndWeeklyOnceOverdue() throws Exception {
		Organisation org = organisation();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));
		open(quarter);
		scanAndSend();
		MAILBOX.clear();

		CLOCK.set(at(DUE.minusDays(7), 8, 59));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("before the reminder time of the day").isEmpty();

		CLOCK.set(at(DUE.minusDays(7), 9, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrderElementsOf(org.members());
		assertThat(subject(MAILBOX.to(address(org.ann())).get(0)))
			.isEqualTo(quarter.label() + ": your team's assessment is due in 7 days (February 15, 2027)");
		assertThat(subject(MAILBOX.to(address(org.bo())).get(0)))
			.isEqualTo(quarter.label() + "：您团队的评估还有 7 天截止（2027年2月15日）");
		MAILBOX.clear();

		CLOCK.set(at(DUE.minusDays(3), 9, 30));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("no reminder between the reminder days").isEmpty();

		assessments.submitted(org.mobile(), quarter, org.cy()).levels(Map.of("investment_1", 3)).load();
		assessments.inProgress(org.payments(), quarter, org.bo()).levels(Map.of("investment_1", 2)).load();
		CLOCK.set(at(DUE.minusDays(1), 9, 30));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("Mobile has submitted")
			.flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(org.ann()), address(org.bo()));
		MimeMessage toAnn = MAILBOX.to(address(org.ann())).get(0);
		assertThat(subject(toAnn))
			.isEqualTo(quarter.label() + ": your team's assessment is due tomorrow (February 15, 2027)");
		assertThat(text(toAnn)).contains("Payments: in progress, 1 of 20 answers reviewed").doesNotContain("Mobile");
		MAILBOX.clear();

		CLOCK.set(at(DUE, 18, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("on the due date itself").isEmpty();

		CLOCK.set(at(DUE.plusDays(1), 9, 0));
		scanAndSend();
		CLOCK.set(at(DUE.plusDays(1), 17, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(org.ann()), address(org.bo()));
		assertThat(subject(MAILBOX.to(address(org.ann())).get(0)))
			.isEqualTo(quarter.label() + ": your team's assessment is overdue (it was due on February 15, 2027)");
		assertThat(text(MAILBOX.to(address(org.ann())).get(0))).contains("was due on February 15, 2027, a day ago");
		assertThat(subject(MAILBOX.to(address(org.bo())).get(0))).contains("已逾期");
		MAILBOX.clear();

		for (int day = 2; day <= 7; day++) {
			CLOCK.set(at(DUE.plusDays(day), 10, 0));
			scanAndSend();
		}
		assertThat(MAILBOX.messages()).as("not again within the week").isEmpty();

		CLOCK.set(at(DUE.plusDays(8), 9, 5));
		scanAndSend();
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(org.ann()), address(org.bo()));
		assertThat(text(MAILBOX.to(address(org.ann())).get(0))).contains("8 days ago");
	}

	@Test
	void leadsGetAWeeklyDigestOnTheDigestDayWhileTheQuarterIsOpenAndASummaryWhenItCloses() throws Exception {
		Organisation org = organisation();
		TestData.Person lee = person(Role.LEAD, "zh-CN");
		TestData.Person ada = person(Role.ADMIN, "en");
		TestData.Quarter earlier = closedQuarter();
		assessments.submitted(org.payments(), earlier, org.ann())
			.levels(Map.of("investment_1", 2, "investment_2", 2, "adoption_1", 3))
			.load();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));
		MvcResult saved = mvc
			.perform(
					post("/admin/notifications/settings").with(user(data.principal(admin)))
						.with(csrf())
						.param("reminderDays", "10")
						.param("digestDay", "WEDNESDAY")
						.param("version", String
							.valueOf(jdbc.sql("select version from notification_settings").query(Long.class).single())))
			.andReturn();
		assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
		open(quarter);
		scanAndSend();
		MAILBOX.clear();

		assessments.submitted(org.payments(), quarter, org.ann())
			.levels(Map.of("investment_1", 3, "investment_2", 4, "adoption_1", 3))
			.load();
		CLOCK.set(at(LocalDate.of(2027, 1, 6), 9, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(lee), address(ada));
		MimeMessage toAda = MAILBOX.to(address(ada)).get(0);
		assertThat(subject(toAda)).isEqualTo(quarter.label() + ": 1 of 2 teams have submitted (weekly digest)");
		assertThat(text(toAda)).contains("It is due on February 15, 2027, in 40 days.")
			.contains("Completion: 1 submitted, 0 in progress, 1 not started, of 2 teams")
			.contains("- Payments, Investment: 2.00 → 3.50 (+1.50 since " + earlier.label() + ")")
			.doesNotContain("Adoption:");
		assertThat(Jsoup.parse(html(toAda)).select("a[href]").eachAttr("href"))
			.contains(BASE + "/dashboard?quarter=" + quarter.label());
		MimeMessage toLee = MAILBOX.to(address(lee)).get(0);
		assertThat(subject(toLee)).isEqualTo(quarter.label() + "：2 个团队中已有 1 个提交（每周简报）");
		assertThat(text(toLee)).contains("Payments，投入：2.00 → 3.50（自 " + earlier.label() + " 以来 +1.50）");
		MAILBOX.clear();

		CLOCK.set(at(LocalDate.of(2027, 1, 7), 9, 0));
		scanAndSend();
		CLOCK.set(at(LocalDate.of(2027, 1, 12), 23, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("one digest a week").isEmpty();
		CLOCK.set(at(LocalDate.of(2027, 1, 13), 10, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).hasSize(2);
		MAILBOX.clear();

		CLOCK.set(at(DUE.plusDays(2), 11, 0));
		close(quarter);
		scanAndSend();
		assertThat(MAILBOX.messages()).as("only the closing summary, no overdue reminder once closed")
			.flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(lee), address(ada));
		MimeMessage summary = MAILBOX.to(address(ada)).get(0);
		assertThat(subject(summary)).isEqualTo(quarter.label() + " is closed: 1 of 2 teams submitted");
		assertThat(text(summary)).contains("Teams that did not submit:\n- Mobile: not started yet")
			.contains(BASE + "/reports/organisation.pdf?quarter=" + quarter.label());
		assertThat(subject(MAILBOX.to(address(lee)).get(0))).contains("已结束");
	}

	@Test
	void anUnsubscribeLinkWorksWithoutSigningInAndStopsOnlyItsKindUntilThePersonChoosesAgain() throws Exception {
		Organisation org = organisation();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));
		open(quarter);
		scanAndSend();
		CLOCK.set(at(DUE.minusDays(7), 9, 0));
		scanAndSend();
		MimeMessage reminder = MAILBOX.to(address(org.ann()))
			.stream()
			.filter(message -> subject(message).contains("due in 7 days"))
			.findFirst()
			.orElseThrow();
		String link = header(reminder, "List-Unsubscribe").replaceAll("^<|>$", "")
			.replace(BASE, "http://localhost:" + port);
		HttpClient browser = HttpClient.newHttpClient();

		HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(URI.create(link)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(opened.body()).text())
			.contains("Stop the e-mails “The due date nears” to " + address(org.ann()).charAt(0) + "***@example.org?");
		assertThat(optedOut(org.ann())).as("opening the link changes nothing").isEmpty();

		URI changed = URI.create(link.replace("DUE_SOON", "OVERDUE"));
		HttpResponse<String> tampered = browser.send(HttpRequest.newBuilder(changed)
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tampered.body()).text()).contains("This unsubscribe link is not valid");
		assertThat(optedOut(org.ann())).isEmpty();

		HttpResponse<String> oneClick = browser.send(HttpRequest.newBuilder(URI.create(link))
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).as("a mail program's one-click POST, without session or CSRF token")
			.isEqualTo(200);
		assertThat(Jsoup.parse(oneClick.body()).text()).contains("You will get no more e-mails “The due date nears”");
		assertThat(optedOut(org.ann())).containsExactly("DUE_SOON");
		MAILBOX.clear();

		CLOCK.set(at(DUE.minusDays(1), 9, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrder(address(org.bo()), address(org.cy()));
		MAILBOX.clear();
		CLOCK.set(at(DUE.plusDays(1), 9, 0));
		scanAndSend();
		assertThat(MAILBOX.messages()).as("other kinds still come")
			.flatExtracting(Mailbox::recipients)
			.contains(address(org.ann()));

		String account = mvc.perform(get("/account").with(user(data.principal(org.ann()))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(account).select("#notifications input[name=receive][checked]").eachAttr("value"))
			.containsExactly("QUARTER_OPENED", "OVERDUE");
		MvcResult chosen = mvc
			.perform(post("/account/notifications").with(user(data.principal(org.ann())))
				.with(csrf())
				.param("receive", "DUE_SOON", "OVERDUE")
				.param("_receive", "on"))
			.andReturn();
		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/account#notifications");
		assertThat(optedOut(org.ann())).containsExactly("QUARTER_OPENED");
	}

	@Test
	void aLeadChoosesAmongAllKindsAndAnUnreadableChoiceChangesNothing() throws Exception {
		TestData.Person lead = person(Role.LEAD, "zh-CN");
		String account = mvc
			.perform(get("/account").with(user(data.principal(lead))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(account).select("#notifications input[name=receive]").eachAttr("value"))
			.containsExactly("QUARTER_OPENED", "DUE_SOON", "OVERDUE", "DIGEST", "QUARTER_CLOSED");
		assertThat(Jsoup.parse(account).select("#notifications").text()).contains("每周简报");

		mvc.perform(
				post("/account/notifications").with(user(data.principal(lead))).with(csrf()).param("_receive", "on"))
			.andReturn();
		assertThat(optedOut(lead)).containsExactlyInAnyOrder("QUARTER_OPENED", "DUE_SOON", "OVERDUE", "DIGEST",
				"QUARTER_CLOSED");

		MvcResult unreadable = mvc
			.perform(post("/account/notifications").with(user(data.principal(lead)))
				.with(csrf())
				.param("receive", "EVERYTHING"))
			.andReturn();
		assertThat(unreadable.getFlashMap().get("problem"))
			.isEqualTo("The choices could not be read; nothing was changed.");
		assertThat(optedOut(lead)).hasSize(5);
	}

	@Test
	void anUnreachableSmtpServerIsRecordedAndRetriedWithGrowingWaitsThenMarkedFailedAndCanBeRetried() throws Exception {
		Organisation org = organisation();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));
		MAILBOX.stop();
		open(quarter);
		scanAndSend();

		assertThat(attempts(org.ann())).isEqualTo(new Attempt("PENDING", 1));
		assertThat(lastError(org.ann())).contains("Connection refused");
		CLOCK.advance(Duration.ofSeconds(59));
		sendAll();
		assertThat(attempts(org.ann())).as("not before the back-off").isEqualTo(new Attempt("PENDING", 1));
		CLOCK.advance(Duration.ofSeconds(1));
		sendAll();
		assertThat(attempts(org.ann())).isEqualTo(new Attempt("PENDING", 2));
		CLOCK.advance(Duration.ofMinutes(1));
		sendAll();
		assertThat(attempts(org.ann())).as("the second wait is twice the first").isEqualTo(new Attempt("PENDING", 2));
		CLOCK.advance(Duration.ofMinutes(1));
		sendAll();
		assertThat(attempts(org.ann())).as("failed after the last of 3 tries").isEqualTo(new Attempt("FAILED", 3));
		CLOCK.advance(Duration.ofHours(1));
		sendAll();
		assertThat(attempts(org.ann())).isEqualTo(new Attempt("FAILED", 3));

		String log = mvc
			.perform(get("/admin/notifications/log").param("status", "FAILED").with(user(data.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = outboxId(org.ann());
		assertThat(Jsoup.parse(log).select("#message-" + id).text()).contains("failed")
			.contains(address(org.ann()))
			.contains("Connection refused");

		MAILBOX.start();
		MvcResult retried = mvc
			.perform(post("/admin/notifications/log/" + id + "/retry").with(user(data.principal(admin))).with(csrf()))
			.andReturn();
		assertThat(retried.getResponse().getStatus()).isEqualTo(302);
		sendAll();
		assertThat(attempts(org.ann())).isEqualTo(new Attempt("SENT", 1));
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients).containsExactly(address(org.ann()));
	}

	@Test
	void anSmtpServerThatRefusesIsRecordedWithItsAnswerAndTriedAgainLater() throws Exception {
		Organisation org = organisation();
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));
		MAILBOX.stop();
		try (RefusingSmtpServer refusing = new RefusingSmtpServer(MAILBOX.port())) {
			open(quarter);
			scanAndSend();
			assertThat(refusing.connections()).isGreaterThanOrEqualTo(3);
		}
		assertThat(attempts(org.ann())).isEqualTo(new Attempt("PENDING", 1));
		assertThat(lastError(org.ann())).contains("554 5.7.1 This server takes no mail from you");

		MAILBOX.start();
		CLOCK.advance(Duration.ofMinutes(1));
		sendAll();
		assertThat(attempts(org.ann())).isEqualTo(new Attempt("SENT", 2));
		assertThat(MAILBOX.messages()).flatExtracting(Mailbox::recipients)
			.containsExactlyInAnyOrderElementsOf(org.members());
	}

	/**
	 * An SMTP server that answers every connection with a refusal (RFC 5321: 554 instead
	 * of the greeting).
	 */
	static final class RefusingSmtpServer implements AutoCloseable {

		private final ServerSocket server;

		private final AtomicInteger connections = new AtomicInteger();

		RefusingSmtpServer(int port) throws IOException {
			server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress("127.0.0.1", port));
			Thread answering = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket client = server.accept()) {
						connections.incrementAndGet();
						String refusal = "554 5.7.1 This server takes no mail from you\r\n";
						client.getOutputStream().write(refusal.getBytes(StandardCharsets.US_ASCII));
						client.getOutputStream().flush();
					}
					catch (IOException closed) {
						// stopped
					}
				}
			}, "refusing-smtp");
			answering.setDaemon(true);
			answering.start();
		}

		int connections() {
			return connections.get();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

	@Test
	void theAdministrationPageSaysWhatIsOnAndIsForAdministratorsOnly() throws Exception {
		String page = mvc.perform(get("/admin/notifications").with(user(data.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select("#email-status").text())
			.isEqualTo("On, through 127.0.0.1:" + MAILBOX.port() + ", from Platform Maturity <maturity@example.org>");
		assertThat(Jsoup.parse(page).select("#reminderDays").val()).isEqualTo("7, 1");
		String start = mvc.perform(get("/admin").with(user(data.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(start).select("a[href]").eachAttr("href")).contains("/admin/notifications",
				"/admin/notifications/webhooks");

		TestData.Person lead = person(Role.LEAD, "en");
		for (String path : List.of("/admin/notifications", "/admin/notifications/log",
				"/admin/notifications/webhooks")) {
			assertThat(mvc.perform(get(path).with(user(data.principal(lead)))).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(403);
		}
	}

	record Attempt(String status, int attempts) {
	}

	private Attempt attempts(TestData.Person person) {
		return jdbc.sql("select status, attempts from notification_outbox where person_id = ?")
			.param(person.id())
			.query((row, n) -> new Attempt(row.getString("status"), row.getInt("attempts")))
			.single();
	}

	private String lastError(TestData.Person person) {
		return jdbc.sql("select last_error from notification_outbox where person_id = ?")
			.param(person.id())
			.query(String.class)
			.single();
	}

	private long outboxId(TestData.Person person) {
		return jdbc.sql("select id from notification_outbox where person_id = ?")
			.param(person.id())
			.query(Long.class)
			.single();
	}

	private List<String> optedOut(TestData.Person person) {
		return jdbc.sql("select kind from notification_opt_out where person_id = ? order by kind")
			.param(person.id())
			.query(String.class)
			.list();
	}

}
