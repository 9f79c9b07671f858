package dev.platformmaturity.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures failed sign-ins for one username within {@code window} that lock it
 * @param window how far back failures count
 * @param lockout how long a locked username is refused
 * @param localPasswords whether people may sign in with a local password (form and HTTP
 * Basic)
 * @param recoveryAdministrator with local passwords off, whether the first administrator
 * ({@code admin}) still may
 * @param providers the OpenID Connect providers people may sign in with, by registration
 * id
 */
@ConfigurationProperties("app.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockout, @DefaultValue("true") boolean localPasswords,
		@DefaultValue("false") boolean recoveryAdministrator, Map<String, Provider> providers) {

	SignInProperties {
		providers = providers == null ? Map.of() : Map.copyOf(providers);
	}

	/** Whether a password sign-in of {@code username} is allowed at all. */
	boolean allowsPassword(String username) {
		return localPasswords || (recoveryAdministrator && AdministratorBootstrap.USERNAME.equals(username));
	}

	/**
	 * An OpenID Connect provider.
	 *
	 * @param issuerUri the issuer; its discovery document is read on first use
	 * @param clientId the client id registered at the provider
	 * @param clientSecret the client's secret
	 * @param displayName the name on the sign-in button
	 * @param scopes the scopes asked for
	 * @param usernameClaim the claim that becomes the username of a new person
	 * @param roleClaim the claim (a string or a list of strings) whose values give the
	 * role
	 * @param administratorValues values of {@code roleClaim} that make an administrator
	 * @param leadValues values of {@code roleClaim} that make a platform lead (else a
	 * member)
	 * @param teamClaim when set, the claim listing the slugs of the person's teams;
	 * memberships follow it
	 * @param linkExistingAccounts whether a first sign-in takes over a local account with
	 * the same username
	 * @param redirectUri the redirect URI registered at the provider, when the
	 * application cannot derive it
	 */
	record Provider(String issuerUri, String clientId, String clientSecret, String displayName, @DefaultValue( {
			"openid", "profile", "email" }) List<String> scopes,
			@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("groups") String roleClaim,
			List<String> administratorValues, List<String> leadValues, String teamClaim,
			@DefaultValue("false") boolean linkExistingAccounts,
			@DefaultValue("{baseUrl}/login/oauth2/code/{registrationId}") String redirectUri){

		Provider {
			administratorValues = administratorValues == null ? List.of() : List.copyOf(administratorValues);
			leadValues = leadValues == null ? List.of() : List.copyOf(leadValues);
		}

	}

}
