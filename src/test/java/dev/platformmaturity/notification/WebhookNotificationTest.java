package dev.platformmaturity.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Webhooks against real HTTP receivers on this machine: who gets which event, signed and
 * as the documented schema says; retries of a failing receiver; timeouts, redirects and
 * private addresses; a hanging receiver that holds nothing else up; an event published by
 * another module.
 */
class WebhookNotificationTest extends NotificationTestSupport {

	private static final LocalDate OPENS = LocalDate.of(2027, 1, 4);

	private static final LocalDate DUE = LocalDate.of(2027, 2, 15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(read(Path.of("docs/webhook-payload.schema.json")), InputFormat.JSON);

	@Autowired
	WebhookPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	private final List<WebhookReceiver> receivers = new java.util.ArrayList<>();

	@AfterEach
	void stopReceivers() {
		receivers.forEach(WebhookReceiver::close);
	}

	private WebhookReceiver receiver() {
		WebhookReceiver receiver = new WebhookReceiver();
		receivers.add(receiver);
		return receiver;
	}

	@Test
	void eachSubscribedWebhookGetsEachEventOnceSignedWithItsSecretInItsLanguageAndAsDocumented() throws Exception {
		WebhookReceiver receiver = receiver();
		long all = register("Platform channel", receiver.url("/all"), "zh-CN", "quarter.opened", "quarter.closed",
				"assessment.submitted", "assessment.reopened", "assessment.overdue", "action.overdue");
		long submissions = register("Submissions", receiver.url("/submitted"), "en", "assessment.submitted");
		TestData.Team payments = data.team("Payments");
		TestData.Team mobile = data.team("Mobile");
		TestData.Person member = person(Role.MEMBER, "en", payments);
		person(Role.MEMBER, "en", mobile);
		TestData.Person lead = person(Role.LEAD, "en");
		TestData.Quarter quarter = plannedQuarter();
		CLOCK.set(at(OPENS, 10, 0));

		open(quarter);
		scanAndSend();
		assertThat(events(receiver, "/all")).containsExactly("quarter.opened");

		assessments.submitted(payments, quarter, member).levels(Map.of("investment_1", 3)).load();
		scanAndSend();
		String assessment = "/teams/" + payments.slug() + "/assessments/" + quarter.label();
		MvcResult reopened = mvc
			.perform(post(assessment + "/reopen").with(user(data.principal(lead)))
				.with(csrf())
				.param("reason", "Answered for the wrong team"))
			.andReturn();
		assertThat(reopened.getResponse().getStatus()).isEqualTo(302);
		scanAndSend();
		scanAndSend();
		assertThat(events(receiver, "/all")).containsExactly("quarter.opened", "assessment.submitted",
				"assessment.reopened");
		assertThat(events(receiver, "/submitted")).containsExactly("assessment.submitted");

		CLOCK.set(at(DUE.plusDays(1), 9, 0));
		scanAndSend();
		CLOCK.set(at(DUE.plusDays(8), 9, 0));
		scanAndSend();
		close(quarter);
		scanAndSend();

		assertThat(events(receiver, "/all")).containsExactly("quarter.opened", "assessment.submitted",
				"assessment.reopened", "assessment.overdue", "assessment.overdue", "quarter.closed");
		assertThat(events(receiver, "/submitted")).containsExactly("assessment.submitted");
		for (WebhookReceiver.Received delivery : receiver.received()) {
			JsonNode body = JSON.readTree(delivery.body());
			assertThat(SCHEMA.validate(body)).as(delivery.body()).isEmpty();
			assertThat(delivery.header(WebhookSender.EVENT)).isEqualTo(body.path("event").asString());
			assertThat(delivery.header(WebhookSender.DELIVERY)).isEqualTo(body.path("id").asString());
			assertThat(delivery.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
			String secret = secret(delivery.path().equals("/all") ? all : submissions);
			assertThat(delivery.header(WebhookSender.SIGNATURE)).as("HMAC-SHA256 of timestamp, dot and body")
				.isEqualTo("sha256=" + hmac(secret, delivery.header(WebhookSender.TIMESTAMP) + "." + delivery.body()));
			assertThat(delivery.header(WebhookSender.SIGNATURE)).as("not under another webhook's secret")
				.isNotEqualTo("sha256=" + hmac(secret(delivery.path().equals("/all") ? submissions : all),
						delivery.header(WebhookSender.TIMESTAMP) + "." + delivery.body()));
		}
		JsonNode submitted = body(receiver, "/submitted", 0);
		assertThat(submitted.path("text").asString())
			.isEqualTo("Platform Maturity: Payments submitted its assessment of " + quarter.label() + ". " + BASE
					+ assessment);
		assertThat(submitted.path("team").path("slug").asString()).isEqualTo(payments.slug());
		assertThat(submitted.path("assessment").path("status").asString()).isEqualTo("SUBMITTED");
		JsonNode reopenedBody = body(receiver, "/all", 2);
		assertThat(reopenedBody.path("text").asString())
			.startsWith("平台成熟度：Payments在 " + quarter.label() + " 的评估已被重新打开，原因：Answered for the wrong team");
		assertThat(reopenedBody.path("assessment").path("reason").asString()).isEqualTo("Answered for the wrong team");
		assertThat(List.of(body(receiver, "/all", 3), body(receiver, "/all", 4)))
			.extracting(overdue -> overdue.path("team").path("name").asString())
			.containsExactlyInAnyOrder("Payments", "Mobile");
		JsonNode closed = body(receiver, "/all", 5);
		assertThat(closed.path("completion").path("teams").asInt()).isEqualTo(2);
		assertThat(closed.path("quarter").path("state").asString()).isEqualTo("CLOSED");
	}

	@Test
	void aFailingReceiverIsRetriedWithGrowingWaitsWithTheSameDeliveryThenMarkedFailed() throws Exception {
		WebhookReceiver receiver = receiver().answering(500);
		long webhook = register("Broken", receiver.url("/broken"), "en", "quarter.opened");
		sendTest(webhook);
		sendAll();
		assertThat(receiver.received()).hasSize(1);
		assertThat(delivery(webhook)).isEqualTo(new Delivery("PENDING", 1));
		assertThat(reason(webhook))
			.isEqualTo("Answered 500 Internal Server Error: {\"error\": \"receiver failed on purpose\"}");

		CLOCK.advance(Duration.ofSeconds(59));
		sendAll();
		assertThat(receiver.received()).as("not before the back-off").hasSize(1);
		CLOCK.advance(Duration.ofSeconds(1));
		sendAll();
		assertThat(receiver.received()).hasSize(2);
		CLOCK.advance(Duration.ofMinutes(1));
		sendAll();
		assertThat(receiver.received()).as("the second wait is twice the first").hasSize(2);
		CLOCK.advance(Duration.ofMinutes(1));
		sendAll();
		assertThat(receiver.received()).hasSize(3);
		assertThat(delivery(webhook)).isEqualTo(new Delivery("FAILED", 3));
		CLOCK.advance(Duration.ofHours(2));
		sendAll();
		assertThat(receiver.received()).as("no try after the last").hasSize(3);

		assertThat(receiver.received()).extracting(WebhookReceiver.Received::body)
			.containsOnly(receiver.received().get(0).body());
		assertThat(receiver.received()).extracting(request -> request.header(WebhookSender.DELIVERY))
			.containsOnly(receiver.received().get(0).header(WebhookSender.DELIVERY));
	}

	@Test
	void timeoutsRedirectsAndPrivateAddressesAreRecordedWithTheirReasonAndAPrivateAddressIsNeverCalled()
			throws Exception {
		WebhookReceiver slow = receiver().answeringAfter(7000);
		WebhookReceiver redirecting = receiver().redirectingTo("https://elsewhere.example.org/hook");
		WebhookReceiver hidden = receiver();
		long late = register("Slow", slow.url("/slow"), "en", "quarter.opened");
		long moved = register("Moved", redirecting.url("/moved"), "en", "quarter.opened");
		long privateAddress = register("Private", hidden.url("/hidden"), "en", "quarter.opened");
		jdbc.sql("update notification_webhook set url = ? where id = ?")
			.params(hidden.url("127.0.0.2", "/hidden"), privateAddress)
			.update();

		for (long webhook : List.of(late, moved, privateAddress)) {
			sendTest(webhook);
		}
		sendAll();

		assertThat(reason(late)).startsWith("No answer within 5 s");
		assertThat(reason(moved)).isEqualTo("Answered 302 redirecting to https://elsewhere.example.org/hook; "
				+ "deliveries do not follow redirects: register the final address");
		assertThat(redirecting.received()).hasSize(1);
		assertThat(reason(privateAddress)).isEqualTo("Refused: 127.0.0.2 resolves to 127.0.0.2, a private, loopback or "
				+ "link-local address that webhooks may not call");
		assertThat(hidden.received()).as("nothing reaches a private address").isEmpty();
		for (long webhook : List.of(late, moved, privateAddress)) {
			assertThat(delivery(webhook).status()).as("tried again later").isEqualTo("PENDING");
		}

		String page = mvc.perform(get("/admin/notifications/webhooks/" + moved).with(user(data.principal(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select("#deliveries").text()).contains("deliveries do not follow redirects");
	}

	@Test
	void theRegistrationRefusesPrivateAddressesOutsideTheAllowedRangesAndStoresNothing() throws Exception {
		WebhookReceiver receiver = receiver();
		for (String url : List.of(receiver.url("127.0.0.2", "/hook"), receiver.url("[::1]", "/hook"),
				receiver.url("[::ffff:127.0.0.5]", "/hook"))) {
			MvcResult refused = mvc
				.perform(post("/admin/notifications/webhooks").with(user(data.principal(admin)))
					.with(csrf())
					.param("name", "Sneaky")
					.param("url", url)
					.param("events", "quarter.opened")
					.param("language", "en")
					.param("enabled", "true"))
				.andReturn();
			assertThat(refused.getResponse().getStatus()).as(url).isEqualTo(200);
			assertThat(Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).text()).as(url)
				.contains("private, loopback or link-local address");
		}
		assertThat(
				jdbc.sql("select count(*) from notification_webhook where name = 'Sneaky'").query(Long.class).single())
			.isZero();
		assertThat(register("Allowed on this machine", receiver.url("/hook"), "en", "quarter.opened")).isPositive();
	}

	@Test
	void aHangingReceiverHoldsNeitherThePageNorOtherDeliveries() throws Exception {
		WebhookReceiver hanging = receiver().holding();
		WebhookReceiver fine = receiver();
		long stuck = register("Hanging", hanging.url("/hang"), "en", "quarter.opened");
		long working = register("Working", fine.url("/fine"), "en", "quarter.opened");

		sendTest(stuck);
		await().atMost(Duration.ofSeconds(10)).until(() -> hanging.received().size() == 1);
		sendTest(working);
		await().atMost(Duration.ofSeconds(10)).until(() -> delivery(working).status().equals("SENT"));

		assertThat(fine.received()).hasSize(1);
		assertThat(delivery(stuck).status()).as("still waiting for its answer").isEqualTo("SENDING");
		hanging.release();
		sendAll();
	}

	@Test
	void anotherModuleAnnouncesAnOverdueActionWithOneCallAndOnlyOnce() throws Exception {
		WebhookReceiver receiver = receiver();
		register("Actions", receiver.url("/actions"), "en", "action.overdue");
		TestData.Team team = data.team("Payments");
		WebhookPublisher.ActionOverdue action = new WebhookPublisher.ActionOverdue(42, "Self-service databases",
				team.slug(), team.name(), LocalDate.of(2027, 3, 1), "Wang Fang", "https://tracker.example.org/PAY-42");

		Integer first = transactions.execute(status -> publisher.actionOverdue(action));
		Integer again = transactions.execute(status -> publisher.actionOverdue(action));
		assertThat(first).isEqualTo(1);
		assertThat(again).as("once per action and due date").isZero();
		sendAll();

		JsonNode body = body(receiver, "/actions", 0);
		assertThat(SCHEMA.validate(body)).isEmpty();
		assertThat(body.path("event").asString()).isEqualTo("action.overdue");
		assertThat(body.path("action").path("title").asString()).isEqualTo("Self-service databases");
		assertThat(body.path("text").asString())
			.isEqualTo("Platform Maturity: the action “Self-service databases” of Payments is overdue; "
					+ "it was due on 2027-03-01. " + BASE + "/teams/" + team.slug() + "/actions/42");
	}

	@Test
	void theScanAnnouncesEachOpenActionOnceTheDayAfterItsDueDate() throws Exception {
		WebhookReceiver receiver = receiver();
		register("Actions", receiver.url("/scan"), "zh-CN", "action.overdue");
		TestData.Team team = data.team("Payments 支付🚀");
		TestData.Person member = person(Role.MEMBER, "en", team);
		long late = createAction(team, member, "Self-service databases", "2027-01-10", "PLANNED");
		createAction(team, member, "Golden paths", "2027-01-10", "DONE");
		createAction(team, member, "Cost reports", "2027-01-20", "IN_PROGRESS");

		CLOCK.set(at(LocalDate.of(2027, 1, 10), 23, 0));
		scanAndSend();
		assertThat(receiver.received()).as("on its due date an action is not late yet").isEmpty();

		CLOCK.set(at(LocalDate.of(2027, 1, 11), 9, 0));
		scanAndSend();
		CLOCK.set(at(LocalDate.of(2027, 1, 12), 9, 0));
		scanAndSend();

		assertThat(events(receiver, "/scan")).as("once, and only the open one").containsExactly("action.overdue");
		JsonNode body = body(receiver, "/scan", 0);
		assertThat(SCHEMA.validate(body)).isEmpty();
		assertThat(body.path("action").path("id").asLong()).isEqualTo(late);
		assertThat(body.path("team").path("name").asString()).isEqualTo("Payments 支付🚀");
		assertThat(body.path("url").asString()).isEqualTo(BASE + "/teams/" + team.slug() + "/actions/" + late);
	}

	/** Creates an action through the API as the member; answers its id. */
	long createAction(TestData.Team team, TestData.Person member, String title, String dueOn, String status)
			throws Exception {
		MvcResult created = mvc
			.perform(post("/api/v1/teams/" + team.slug() + "/actions").with(user(data.principal(member)))
				.with(csrf())
				.contentType("application/json")
				.content(JSON.writeValueAsString(
						Map.of("title", title, "aspect", "investment", "dueOn", dueOn, "status", status))))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return JSON.readTree(created.getResponse().getContentAsString()).path("id").asLong();
	}

	// ------------------------------------------------------------------------------------------------
	// helpers

	/** Registers a webhook on the administration page; answers its id. */
	long register(String name, String url, String language, String... events) throws Exception {
		MvcResult created = mvc
			.perform(post("/admin/notifications/webhooks").with(user(data.principal(admin)))
				.with(csrf())
				.param("name", name)
				.param("url", url)
				.param("events", events)
				.param("language", language)
				.param("enabled", "true"))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(302);
		return Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
	}

	void sendTest(long webhook) throws Exception {
		MvcResult sent = mvc
			.perform(post("/admin/notifications/webhooks/" + webhook + "/test").with(user(data.principal(admin)))
				.with(csrf()))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
	}

	record Delivery(String status, int attempts) {
	}

	private Delivery delivery(long webhook) {
		return jdbc.sql("select status, attempts from notification_outbox where webhook_id = ?")
			.param(webhook)
			.query((row, n) -> new Delivery(row.getString("status"), row.getInt("attempts")))
			.single();
	}

	private String reason(long webhook) {
		return jdbc.sql("select last_error from notification_outbox where webhook_id = ?")
			.param(webhook)
			.query(String.class)
			.single();
	}

	private String secret(long webhook) {
		return jdbc.sql("select secret from notification_webhook where id = ?")
			.param(webhook)
			.query(String.class)
			.single();
	}

	private static List<String> events(WebhookReceiver receiver, String path) {
		return receiver.received(path).stream().map(request -> request.header(WebhookSender.EVENT)).toList();
	}

	private static JsonNode body(WebhookReceiver receiver, String path, int index) {
		return JSON.readTree(receiver.received(path).get(index).body());
	}

	private static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static String read(Path file) {
		try {
			return java.nio.file.Files.readString(file);
		}
		catch (java.io.IOException failed) {
			throw new java.io.UncheckedIOException(failed);
		}
	}

}
