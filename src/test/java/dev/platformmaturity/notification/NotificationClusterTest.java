package dev.platformmaturity.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.platformmaturity.PlatformMaturityApplication;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the application as separate application contexts on one database of their
 * own, with the schedule running as in production (every 200 ms here): two instances send
 * each message once; an instance killed between recording and sending loses nothing and
 * doubles nothing; the start-up log tells whether notifications are on, and invalid
 * settings refuse the start naming the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationClusterTest {

	static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, ZoneOffset.UTC));

	/** The instances' clock. */
	static class SharedClock {

		@Bean
		@Primary
		Clock clusterClock() {
			return CLOCK;
		}

	}

	private final JdbcConnectionDetails database = NotificationDatabase.fresh();

	private final Mailbox mailbox = new Mailbox();

	@AfterEach
	void stopMailbox() {
		mailbox.close();
	}

	@Test
	void twoInstancesOnOneDatabaseSendEachReminderExactlyOnce() {
		CLOCK.set(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, ZoneOffset.UTC));
		try (ConfigurableApplicationContext one = instance(mailbox.port(), Map.of());
				ConfigurableApplicationContext two = instance(mailbox.port(), Map.of())) {
			JdbcClient jdbc = one.getBean(JdbcClient.class);
			TestData data = testData(one);
			List<TestData.Person> members = new java.util.ArrayList<>();
			for (int t = 0; t < 8; t++) {
				TestData.Team team = data.team("Cluster team " + t);
				for (int m = 0; m < 3; m++) {
					TestData.Person member = data.member(team);
					data.prefer(member, m == 0 ? "zh-CN" : "en");
					members.add(member);
				}
			}
			data.join(members.get(0), data.team("Second team of one member"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select count(*) from notification_state").query(Long.class).single() == 1);
			long quarter = jdbc.sql("""
					insert into quarter (label, opens_on, due_on, state)
					values ('2027-Q1', date '2027-01-04', date '2027-02-15', 'OPEN') returning id""")
				.query(Long.class)
				.single();

			awaitSent(jdbc, quarter, members.size());
			CLOCK.set(ZonedDateTime.of(2027, 2, 8, 9, 0, 0, 0, ZoneOffset.UTC));
			awaitSent(jdbc, quarter, 2 * members.size());
			awaitAnotherScan(jdbc);

			assertThat(jdbc.sql("select count(*) from notification_outbox").query(Long.class).single())
				.as("each message recorded once")
				.isEqualTo(2L * members.size());
			Map<String, Long> received = mailbox.messages()
				.stream()
				.flatMap(message -> Mailbox.recipients(message).stream())
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(received).as("each member got the opening and the reminder, each once")
				.containsOnlyKeys(members.stream().map(NotificationClusterTest::address).toList())
				.allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(2));
			assertThat(jdbc.sql("select count(*) from shedlock where name = ?")
				.param(NotificationScan.LOCK)
				.query(Long.class)
				.single()).as("the scan takes ShedLock's lock").isOne();
		}
	}

	@Test
	void anInstanceStoppedBetweenRecordingAndSendingLosesNothingAndDoublesNothing() throws Exception {
		CLOCK.set(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, ZoneOffset.UTC));
		List<TestData.Person> members;
		long quarter;
		try (SilentSmtpServer silent = new SilentSmtpServer()) {
			try (ConfigurableApplicationContext first = instance(silent.port(),
					Map.of("app.notification.parallel-deliveries", "1", "app.notification.webhook.timeout", "1s",
							"spring.mail.properties.mail.smtp.timeout", "120000"))) {
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				TestData data = testData(first);
				TestData.Team team = data.team("Restart");
				members = List.of(data.member(team), data.member(team), data.member(team));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> jdbc.sql("select count(*) from notification_state").query(Long.class).single() == 1);
				quarter = jdbc.sql("""
						insert into quarter (label, opens_on, due_on, state)
						values ('2027-Q1', date '2027-01-04', date '2027-02-15', 'OPEN') returning id""")
					.query(Long.class)
					.single();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> statuses(jdbc, quarter).equals(Map.of("SENDING", 1L, "PENDING", 2L))
							&& silent.connections() == 1);
			}
			JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					database.getJdbcUrl(), database.getUsername(), database.getPassword()));
			assertThat(statuses(jdbc, quarter)).as("the instance stopped while sending one and before sending two")
				.isEqualTo(Map.of("SENDING", 1L, "PENDING", 2L));
			assertThat(mailbox.messages()).isEmpty();

			CLOCK.advance(NotificationProperties.CLAIM.plusMinutes(1));
			try (ConfigurableApplicationContext second = instance(mailbox.port(), Map.of())) {
				awaitSent(second.getBean(JdbcClient.class), quarter, 3);
				awaitAnotherScan(second.getBean(JdbcClient.class));
				assertThat(mailbox.messages()).flatExtracting(Mailbox::recipients)
					.containsExactlyInAnyOrderElementsOf(
							members.stream().map(NotificationClusterTest::address).toList());
				assertThat(statuses(jdbc, quarter)).isEqualTo(Map.of("SENT", 3L));
				assertThat(jdbc.sql("select max(attempts) from notification_outbox").query(Integer.class).single())
					.as("the message the stopped instance was sending, tried again")
					.isEqualTo(2);
			}
		}
	}

	@Test
	void theStartUpLogSaysWhetherNotificationsAreOnAndInvalidSettingsRefuseTheStartNamingTheSetting(
			CapturedOutput output) {
		try (ConfigurableApplicationContext quiet = instance(0, Map.of("spring.mail.host", ""))) {
			assertThat(output).contains("Notifications are off: no SMTP server is configured (spring.mail.host) and "
					+ "no webhook is registered; nothing is sent");
		}
		try (ConfigurableApplicationContext on = instance(mailbox.port(), Map.of())) {
			assertThat(output).contains("Notifications are on: e-mail through 127.0.0.1:" + mailbox.port()
					+ " from maturity@example.org, linking to https://maturity.example.org; 0 webhook(s) registered");
		}

		assertThatThrownBy(() -> instance(mailbox.port(), Map.of("app.notification.public-base-url", "")).close())
			.hasRootCauseInstanceOf(InvalidNotificationSettingException.class);
		assertThat(output).contains("The setting app.notification.public-base-url is required when e-mail is on")
			.contains("environment variable APP_NOTIFICATION_PUBLIC_BASE_URL");

		assertThatThrownBy(
				() -> instance(mailbox.port(),
						Map.of("app.notification.webhook.allowed-addresses", "10.0.0.0/99",
								"app.notification.reminder-time", "25:00", "app.notification.max-attempts", "0"))
					.close())
			.isNotNull();
		assertThat(output).contains("Property: app.notification.webhook.allowedAddresses[0]")
			.contains("Reason: must be an IP address or a range like 10.1.2.0/24 or fd00::/8")
			.contains("Origin: \"app.notification.reminder-time\"")
			.contains("Reason: must be a time of day like 09:00")
			.contains("Origin: \"app.notification.max-attempts\"");
	}

	// ------------------------------------------------------------------------------------------------
	// helpers

	private ConfigurableApplicationContext instance(int smtpPort, Map<String, String> settings) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", database.getJdbcUrl());
		properties.put("spring.datasource.username", database.getUsername());
		properties.put("spring.datasource.password", database.getPassword());
		properties.put("app.demo.enabled", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(smtpPort));
		properties.put("app.notification.public-base-url", "https://maturity.example.org");
		properties.put("app.notification.mail-from", "maturity@example.org");
		properties.put("app.notification.time-zone", "UTC");
		properties.put("app.notification.scan-interval", "200ms");
		properties.put("app.notification.send-interval", "200ms");
		properties.putAll(settings);
		properties.values().removeIf(""::equals);
		return new SpringApplicationBuilder(PlatformMaturityApplication.class, SharedClock.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("leaveOutTestComponents", new LeaveOutTestComponents()))
			.properties(properties)
			.run();
	}

	/** Waits until the quarter has this many messages, all sent. */
	private static void awaitSent(JdbcClient jdbc, long quarter, long count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> statuses(jdbc, quarter).equals(Map.of("SENT", count)));
	}

	/**
	 * Waits until a scan started after now, so that any message it would record twice
	 * would be there.
	 */
	private static void awaitAnotherScan(JdbcClient jdbc) {
		LocalDateTime now = jdbc.sql("select timezone('utc', now())::timestamp").query(LocalDateTime.class).single();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("select locked_at from shedlock where name = ?")
				.param(NotificationScan.LOCK)
				.query(LocalDateTime.class)
				.single()
				.isAfter(now));
	}

	private static Map<String, Long> statuses(JdbcClient jdbc, long quarter) {
		Map<String, Long> statuses = new HashMap<>();
		jdbc.sql("select status, count(*) from notification_outbox where quarter_id = ? group by status")
			.param(quarter)
			.query(row -> {
				statuses.put(row.getString(1), row.getLong(2));
			});
		return statuses;
	}

	private static TestData testData(ConfigurableApplicationContext instance) {
		return new TestData(instance.getBean(JdbcClient.class), instance.getBean(PasswordEncoder.class),
				instance.getBean(UserDetailsService.class));
	}

	private static String address(TestData.Person person) {
		return person.username() + "@example.org";
	}

	/**
	 * An SMTP server that takes connections and never says a word: a sender waits on it
	 * until its timeout.
	 */
	static final class SilentSmtpServer implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		SilentSmtpServer() throws IOException {
			server = new ServerSocket(0);
			Thread acceptor = new Thread(() -> {
				try {
					while (!server.isClosed()) {
						accepted.add(server.accept());
					}
				}
				catch (IOException closed) {
					// stopped
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return server.getLocalPort();
		}

		int connections() {
			return accepted.size();
		}

		@Override
		public void close() {
			try {
				server.close();
				for (Socket socket : accepted) {
					socket.close();
				}
			}
			catch (IOException failed) {
				throw new UncheckedIOException(failed);
			}
		}

	}

	/**
	 * The application's component scan would otherwise also find the tests' own
	 * configurations.
	 */
	static final class LeaveOutTestComponents extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other != null && getClass() == other.getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
