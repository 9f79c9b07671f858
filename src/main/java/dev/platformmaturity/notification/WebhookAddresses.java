package dev.platformmaturity.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

import org.springframework.stereotype.Component;

import dev.platformmaturity.shared.FieldProblem;

/**
 * Where webhooks may point: https (http only when allowed), and only public addresses
 * unless private ones are allowed (SSRF protection). An address typed into the form is
 * checked when it is registered; every delivery resolves the host once more, checks every
 * address it resolves to, and connects only to the addresses it checked, so a name that
 * resolves elsewhere later (DNS rebinding) is caught too.
 */
@Component
class WebhookAddresses implements DnsResolver {

	static final int MAX_LENGTH = 2000;

	private final NotificationProperties.Webhook settings;

	private final List<AddressRange> allowedRanges;

	WebhookAddresses(NotificationProperties properties) {
		this.settings = properties.webhook();
		this.allowedRanges = settings.allowedRanges();
	}

	boolean httpAllowed() {
		return settings.allowHttp();
	}

	/** The problem of an address an administrator typed, if any; may ask DNS. */
	Optional<FieldProblem> problem(String url) {
		if (url == null || url.isBlank()) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.required"));
		}
		if (url.length() > MAX_LENGTH) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.tooLong", MAX_LENGTH));
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException notAnAddress) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.invalid"));
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !List.of("http", "https").contains(scheme) || uri.getHost() == null
				|| uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.invalid"));
		}
		if (scheme.equals("http") && !settings.allowHttp()) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.httpNotAllowed"));
		}
		try {
			resolve(uri.getHost());
			return Optional.empty();
		}
		catch (RefusedAddressException refused) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.privateAddress", uri.getHost(),
					refused.address().getHostAddress()));
		}
		catch (UnknownHostException unknown) {
			return Optional.of(new FieldProblem("url", "notification.webhook.url.unknownHost", uri.getHost()));
		}
	}

	/**
	 * Every address of the host, when each of them may be called; refused when any may
	 * not.
	 */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddress.getAllByName(bare);
		for (InetAddress address : addresses) {
			if (!allowed(address)) {
				throw new RefusedAddressException(host, address);
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	boolean allowed(InetAddress address) {
		return settings.allowPrivateAddresses() || AddressRange.isPublic(address)
				|| allowedRanges.stream().anyMatch(range -> range.contains(address));
	}

	/** A host that resolves to an address webhooks may not call. */
	static final class RefusedAddressException extends UnknownHostException {

		private final transient InetAddress address;

		RefusedAddressException(String host, InetAddress address) {
			super(host + " resolves to " + address.getHostAddress()
					+ ", a private, loopback or link-local address that webhooks may not call");
			this.address = address;
		}

		InetAddress address() {
			return address;
		}

	}

}
