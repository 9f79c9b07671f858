package dev.platformmaturity.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The OpenID Connect providers of {@code app.sign-in.providers}. A provider's discovery
 * document is read when someone first signs in with it, not at start-up, so the
 * application starts while a provider is down; a failed read is tried again at the next
 * sign-in.
 */
@Component
class IdentityProviders implements ClientRegistrationRepository {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, SignInProperties.Provider> providers;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	private final RestClient http;

	IdentityProviders(SignInProperties properties) {
		this.providers = properties.providers();
		providers.forEach(IdentityProviders::requireComplete);
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
		requests.setReadTimeout(TIMEOUT);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** A provider as the sign-in page offers it. */
	record ProviderLink(String id, String displayName) {
	}

	List<ProviderLink> links() {
		return providers.entrySet()
			.stream()
			.map(provider -> new ProviderLink(provider.getKey(), displayName(provider.getKey())))
			.sorted(Comparator.comparing(ProviderLink::displayName))
			.toList();
	}

	boolean any() {
		return !providers.isEmpty();
	}

	SignInProperties.Provider settings(String id) {
		return providers.get(id);
	}

	String displayName(String id) {
		SignInProperties.Provider provider = providers.get(id);
		if (provider == null) {
			return id;
		}
		return provider.displayName() == null || provider.displayName().isBlank() ? id : provider.displayName();
	}

	/** The provider's registration, read from its discovery document the first time. */
	@Override
	public ClientRegistration findByRegistrationId(String id) {
		SignInProperties.Provider provider = providers.get(id);
		if (provider == null) {
			return null;
		}
		return discovered.computeIfAbsent(id, key -> discover(key, provider));
	}

	private ClientRegistration discover(String id, SignInProperties.Provider provider) {
		String issuer = provider.issuerUri();
		Map<String, Object> configuration;
		try {
			configuration = http.get()
				.uri(URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RuntimeException unreachable) {
			throw new ProviderUnreachableException(id, unreachable);
		}
		if (configuration == null || !issuer.equals(configuration.get("issuer"))) {
			throw new ProviderUnreachableException(id, new IllegalStateException("The discovery document of " + issuer
					+ " names the issuer " + (configuration == null ? null : configuration.get("issuer"))));
		}
		return ClientRegistrations.fromOidcConfiguration(configuration)
			.registrationId(id)
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.clientName(displayName(id))
			.scope(provider.scopes())
			.userNameAttributeName(provider.usernameClaim())
			.redirectUri(provider.redirectUri())
			.build();
	}

	private static void requireComplete(String id, SignInProperties.Provider provider) {
		if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
			throw new IllegalStateException("app.sign-in.providers." + id
					+ ": use lower-case letters, digits and dashes for the provider's id");
		}
		for (var setting : Map
			.of("issuer-uri", Objects.toString(provider.issuerUri(), ""), "client-id",
					Objects.toString(provider.clientId(), ""))
			.entrySet()) {
			if (setting.getValue().isBlank()) {
				throw new IllegalStateException("app.sign-in.providers." + id + "." + setting.getKey() + " is not set");
			}
		}
		if (!provider.scopes().contains("openid")) {
			throw new IllegalStateException("app.sign-in.providers." + id + ".scopes must include openid");
		}
	}

	/**
	 * The provider could not be asked (down, unreachable, or not an OpenID Connect
	 * provider at that address).
	 */
	static class ProviderUnreachableException extends RuntimeException {

		private final String provider;

		ProviderUnreachableException(String provider, Throwable cause) {
			super("OpenID Connect provider " + provider + " cannot be reached: " + cause.getMessage(), cause);
			this.provider = provider;
		}

		String provider() {
			return provider;
		}

	}

}
