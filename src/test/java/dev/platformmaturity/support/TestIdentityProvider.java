package dev.platformmaturity.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in its own
 * application context on a random port of 127.0.0.1 (so its cookies stay apart from the
 * application's on localhost), with one registered client and people whose ID tokens
 * carry the claims a test gives them.
 */
public class TestIdentityProvider implements AutoCloseable {

	public static final String CLIENT_ID = "platform-maturity";

	public static final String CLIENT_SECRET = "a test client secret";

	private final ConfigurableApplicationContext context;

	private TestIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static TestIdentityProvider start() {
		String client = "spring.security.oauth2.authorizationserver.client.app.";
		return new TestIdentityProvider(new SpringApplicationBuilder(Provider.class)
			.properties(Map.of("spring.config.name", "test-identity-provider", "server.port", "0", "server.address",
					"127.0.0.1", "spring.main.banner-mode", "off", client + "registration.client-id", CLIENT_ID,
					client + "registration.client-secret", "{noop}" + CLIENT_SECRET,
					client + "registration.client-authentication-methods", "client_secret_basic",
					client + "registration.authorization-grant-types", "authorization_code",
					client + "registration.redirect-uris", "http://localhost/not-yet-known",
					client + "registration.scopes", "openid,profile,email"))
			.properties(Map.of(client + "require-authorization-consent", "false"))
			.run());
	}

	/** The issuer: where the provider's discovery document is. */
	public String issuer() {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Lets the client send people back to {@code redirectUri} (known once the application
	 * has its port).
	 */
	public void allowRedirect(String redirectUri) {
		RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
		RegisteredClient client = clients.findByClientId(CLIENT_ID);
		clients.save(RegisteredClient.from(client).redirectUris(uris -> uris.add(redirectUri)).build());
	}

	/** A person who can sign in at the provider, with the claims of their ID token. */
	public void person(String username, String password, Map<String, Object> idTokenClaims) {
		InMemoryUserDetailsManager people = context.getBean(InMemoryUserDetailsManager.class);
		if (people.userExists(username)) {
			people.deleteUser(username);
		}
		people.createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
		context.getBean(Provider.class).claims.put(username, Map.copyOf(idTokenClaims));
	}

	@Override
	public void close() {
		context.close();
	}

	/**
	 * The provider's application: Spring Authorization Server with in-memory people and
	 * their claims.
	 */
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
			OAuth2AuthorizationServerJwtAutoConfiguration.class })
	static class Provider {

		private final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();

		@Bean
		InMemoryUserDetailsManager people() {
			return new InMemoryUserDetailsManager(List.of());
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claimsOfThePerson() {
			return token -> {
				if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
					token.getClaims()
						.claims(idToken -> idToken
							.putAll(claims.getOrDefault(token.getPrincipal().getName(), Map.of())));
				}
			};
		}

	}

}
