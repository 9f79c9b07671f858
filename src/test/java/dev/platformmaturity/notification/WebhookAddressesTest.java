package dev.platformmaturity.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.platformmaturity.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which addresses webhooks may call, without sending anything: every address here is
 * written as digits, so neither DNS nor any other host is asked.
 */
class WebhookAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "10.0.0.1", "10.255.255.255", "100.64.0.1", "127.0.0.1", "127.1.2.3",
			"169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1", "192.0.2.10", "198.18.0.1", "224.0.0.1",
			"255.255.255.255", "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1",
			"::ffff:127.0.0.1", "64:ff9b::a00:1", "2001:db8::1" })
	void notPublic(String address) throws UnknownHostException {
		assertThat(AddressRange.isPublic(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2001:4860:4860::8888",
			"::ffff:8.8.8.8", "64:ff9b::808:808" })
	void isPublic(String address) throws UnknownHostException {
		assertThat(AddressRange.isPublic(InetAddress.getByName(address))).as(address).isTrue();
	}

	@Test
	void rangesAreReadWithoutDnsAndMatchTheirAddressesOnly() throws UnknownHostException {
		AddressRange range = AddressRange.parse("10.1.2.0/24");
		assertThat(range.contains(InetAddress.getByName("10.1.2.77"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.1.3.1"))).isFalse();
		assertThat(AddressRange.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
		assertThat(AddressRange.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.6"))).isFalse();
		for (String invalid : List.of("example.org", "10.0.0.0/33", "10.0.0.0/x", "", "::1/129", "300.1.1.1")) {
			assertThatThrownBy(() -> AddressRange.parse(invalid)).as(invalid)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void addressesTypedIntoTheFormAreJudgedByEveryRule() {
		WebhookAddresses strict = addresses(false, false, List.of());
		assertThat(strict.problem("https://10.1.2.3/hook").map(WebhookAddressesTest::text))
			.contains("url notification.webhook.url.privateAddress [10.1.2.3, 10.1.2.3]");
		assertThat(strict.problem("http://8.8.8.8/hook").map(WebhookAddressesTest::text))
			.contains("url notification.webhook.url.httpNotAllowed []");
		assertThat(strict.problem("https://8.8.8.8/hook")).isEmpty();
		assertThat(strict.problem("https://[::ffff:169.254.169.254]/latest").map(FieldProblem::messageKey))
			.contains("notification.webhook.url.privateAddress");

		WebhookAddresses internalChat = addresses(false, false, List.of("10.1.2.0/24"));
		assertThat(internalChat.problem("https://10.1.2.3/hook")).isEmpty();
		assertThat(internalChat.problem("https://10.1.3.3/hook")).isPresent();

		WebhookAddresses local = addresses(true, true, List.of());
		assertThat(local.problem("http://192.168.1.1:8080/hook")).isEmpty();
	}

	private static String text(FieldProblem problem) {
		return problem.field() + " " + problem.messageKey() + " " + List.of(problem.arguments());
	}

	private static WebhookAddresses addresses(boolean allowHttp, boolean allowPrivate, List<String> allowed) {
		return new WebhookAddresses(new NotificationProperties(null, null, "09:00", null, Duration.ofMinutes(1),
				Duration.ofSeconds(10), 8, Duration.ofMinutes(1), Duration.ofHours(1), 4, Duration.ofDays(180), null,
				new NotificationProperties.Webhook(allowHttp, allowPrivate, allowed, Duration.ofSeconds(10))));
	}

}
