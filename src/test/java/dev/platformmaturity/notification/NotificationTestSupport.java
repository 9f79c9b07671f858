package dev.platformmaturity.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The application with e-mail on (a real SMTP server, GreenMail) and webhooks allowed to
 * call this machine, on a database of its own, with a clock the tests set. Scans and
 * sends run when a test asks ({@link #scan()}, {@link #sendAll()}), exactly as the
 * schedule would run them. The tests that extend this class share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "app.notification.public-base-url=https://maturity.example.org",
				"app.notification.mail-from=Platform Maturity <maturity@example.org>",
				"app.notification.time-zone=Asia/Shanghai", "app.notification.reminder-time=09:00",
				"app.notification.scan-interval=1h", "app.notification.send-interval=1h",
				"app.notification.max-attempts=3", "app.notification.retry-delay=1m",
				"app.notification.max-retry-delay=10m", "app.notification.webhook.allow-http=true",
				"app.notification.webhook.allowed-addresses=127.0.0.1/32", "app.notification.webhook.timeout=5s",
				"app.demo.enabled=false" })
@AutoConfigureMockMvc
@Import({ NotificationTestSupport.OwnDatabaseAndClock.class, TestData.class, TestAssessments.class })
abstract class NotificationTestSupport {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Mailbox MAILBOX = new Mailbox();

	static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2027, 1, 1, 10, 0, 0, 0, ZONE));

	/** Quarter labels no test of this database used yet. */
	private static final AtomicInteger YEARS = new AtomicInteger(3000);

	static final String BASE = "https://maturity.example.org";

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.port", MAILBOX::port);
	}

	static class OwnDatabaseAndClock {

		@Bean
		JdbcConnectionDetails notificationDatabase() {
			return NotificationDatabase.fresh();
		}

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

	@Autowired
	NotificationScan scanner;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments assessments;

	@LocalServerPort
	int port;

	TestData.Person admin;

	@BeforeEach
	void anAdministratorAndAQuietStart() {
		MAILBOX.start();
		CLOCK.set(ZonedDateTime.of(2027, 1, 1, 10, 0, 0, 0, ZONE));
		scan();
		admin = data.person(Role.ADMIN);
		jdbc.sql("update person set email = null where id = ?").param(admin.id()).update();
	}

	/**
	 * Leaves nobody to notify and nothing to send: the next test starts from a quiet
	 * organisation.
	 */
	@AfterEach
	void quietAgain() {
		MAILBOX.start();
		jdbc.sql("update notification_outbox set status = 'FAILED' where status in ('PENDING', 'SENDING')").update();
		jdbc.sql("update person set enabled = false").update();
		jdbc.sql("update team set enabled = false").update();
		jdbc.sql("update notification_webhook set enabled = false").update();
		jdbc.sql("update quarter set state = 'CLOSED' where state = 'OPEN'").update();
		jdbc.sql("update notification_settings set reminder_days = '{7,1}', digest_day = 1").update();
		scan();
		MAILBOX.clear();
	}

	void scan() {
		scanner.scan();
	}

	/** Wakes the senders and waits until nothing due is waiting or being sent. */
	void sendAll() {
		sender.wakeUp();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			sender.wakeUp();
			assertThat(jdbc.sql("""
					select count(*) from notification_outbox
					where status = 'SENDING' or (status = 'PENDING' and next_attempt_at <= ?)""")
				.param(java.sql.Timestamp.from(CLOCK.instant()))
				.query(Long.class)
				.single()).isZero();
		});
	}

	void scanAndSend() {
		scan();
		sendAll();
	}

	/**
	 * A planned quarter opening on Monday 4 January 2027 and due on Monday 15 February
	 * 2027.
	 */
	TestData.Quarter plannedQuarter() {
		String label = YEARS.incrementAndGet() + "-Q1";
		long id = jdbc.sql("""
				insert into quarter (label, opens_on, due_on, state) values (?, date '2027-01-04', date '2027-02-15',
				'PLANNED') returning id""").param(label).query(Long.class).single();
		return new TestData.Quarter(id, label);
	}

	/** A quarter closed before the others, for earlier assessments. */
	TestData.Quarter closedQuarter() {
		String label = YEARS.incrementAndGet() + "-Q1";
		long id = jdbc.sql("""
				insert into quarter (label, opens_on, due_on, state) values (?, date '2026-10-05', date '2026-11-16',
				'CLOSED') returning id""").param(label).query(Long.class).single();
		return new TestData.Quarter(id, label);
	}

	/** Opens the quarter as an administrator does, on the quarters page. */
	void open(TestData.Quarter quarter) throws Exception {
		MvcResult opened = mvc
			.perform(
					post("/admin/quarters/" + quarter.label() + "/open").with(user(data.principal(admin))).with(csrf()))
			.andReturn();
		assertThat(opened.getResponse().getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select state from quarter where id = ?").param(quarter.id()).query(String.class).single())
			.isEqualTo("OPEN");
	}

	void close(TestData.Quarter quarter) throws Exception {
		MvcResult closed = mvc
			.perform(post("/admin/quarters/" + quarter.label() + "/close").with(user(data.principal(admin)))
				.with(csrf()))
			.andReturn();
		assertThat(closed.getResponse().getStatus()).isEqualTo(302);
	}

	static ZonedDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ZONE);
	}

	/** A person with an address and a language, in the given teams. */
	TestData.Person person(Role role, String language, TestData.Team... teams) {
		TestData.Person person = data.person(role);
		data.prefer(person, language);
		for (TestData.Team team : teams) {
			data.join(person, team);
		}
		return person;
	}

	static String address(TestData.Person person) {
		return person.username() + "@example.org";
	}

	static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) {
		try {
			MimeMultipart alternative = (MimeMultipart) message.getContent();
			assertThat(alternative.getContentType()).startsWith("multipart/alternative");
			for (int i = 0; i < alternative.getCount(); i++) {
				BodyPart part = alternative.getBodyPart(i);
				if (part.isMimeType(type)) {
					return ((String) part.getContent()).replace("\r\n", "\n");
				}
			}
			throw new AssertionError("no " + type + " part");
		}
		catch (MessagingException | IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException failed) {
			throw new IllegalStateException(failed);
		}
	}

	static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, ",");
		}
		catch (MessagingException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
