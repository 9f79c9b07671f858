package dev.platformmaturity.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs people in through an OpenID Connect provider. The first sign-in creates the
 * person (username from the username claim, name, e-mail, language from {@code locale});
 * every sign-in updates name, e-mail and role from the claims, and memberships when the
 * provider has a team claim. A person is found again by the provider's subject. A
 * disabled person is refused.
 */
@Component
class ProviderAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(ProviderAccounts.class);

	private final OidcUserService claimsService = new OidcUserService();

	private final IdentityProviders providers;

	private final PersonRepository people;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ProviderAccounts(IdentityProviders providers, PersonRepository people, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.providers = providers;
		this.people = people;
		this.transactions = transactions;
		this.events = events;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser claims = claimsService.loadUser(request);
		String provider = request.getClientRegistration().getRegistrationId();
		SignInProperties.Provider settings = providers.settings(provider);
		Claims read = Claims.read(claims, settings);
		Person person = transactions.execute(status -> signIn(provider, claims.getSubject(), read, settings));
		return new ProviderAccountUser(person, claims);
	}

	private Person signIn(String provider, String subject, Claims claims, SignInProperties.Provider settings) {
		Optional<Person> known = people.findByIdentityProviderAndIdentitySubject(provider, subject);
		Person person = known.orElseGet(() -> firstSignIn(provider, subject, claims, settings));
		if (!person.enabled()) {
			throw new ProviderSignInException("signIn.provider.disabled");
		}
		Role before = person.role();
		if (known.isPresent() || person.id() != null) {
			person.updateFromProvider(claims.displayName(), usableEmail(claims.email(), person), claims.role());
		}
		person = people.saveAndFlush(person);
		if (before != person.role()) {
			events.publishEvent(new AccessChanged(person.username(), currentSession()));
		}
		if (settings.teamClaim() != null && !settings.teamClaim().isBlank()) {
			events.publishEvent(new TeamsClaimed(person.id(), person.username(), claims.teams()));
		}
		return person;
	}

	private Person firstSignIn(String provider, String subject, Claims claims, SignInProperties.Provider settings) {
		String username = usernameFrom(claims.username());
		if (!Usernames.VALID.matcher(username).matches()) {
			throw new ProviderSignInException("signIn.provider.usernameInvalid", settings.usernameClaim(),
					claims.username() == null ? "" : claims.username());
		}
		Optional<Person> sameUsername = people.findByUsername(username);
		if (sameUsername.isPresent()) {
			Person existing = sameUsername.get();
			if (existing.linked() || !settings.linkExistingAccounts()) {
				throw new ProviderSignInException("signIn.provider.usernameTaken", username);
			}
			existing.link(provider, subject);
			log.info("Linked the existing account {} to its identity at {}", username, provider);
			return existing;
		}
		log.info("Created {} on their first sign-in through {}", username, provider);
		return Person.fromProvider(username, claims.displayName(), usableEmail(claims.email(), null), claims.language(),
				claims.role(), provider, subject);
	}

	/**
	 * The claim lower-cased; of an address such as Entra ID's {@code ada@contoso.com},
	 * the part before the @.
	 */
	private static String usernameFrom(String claim) {
		String username = Usernames.normalize(claim);
		int at = username.indexOf('@');
		return at > 0 ? username.substring(0, at) : username;
	}

	/** The provider's e-mail when no one else uses it; else the person keeps theirs. */
	private String usableEmail(String email, Person person) {
		if (email == null) {
			return person == null ? null : person.email();
		}
		boolean taken = person == null || person.id() == null ? people.existsByEmail(email)
				: people.existsByEmailForOther(email, person.id());
		if (taken) {
			log.warn("The e-mail address from the provider is used by another person; kept the person's own");
			return person == null ? null : person.email();
		}
		return email;
	}

	private static String currentSession() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			HttpSession session = request.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

	/** What the application takes from a provider's claims. */
	record Claims(String username, String displayName, String email, String language, Role role, Set<String> teams) {

		static Claims read(OidcUser user, SignInProperties.Provider settings) {
			String username = text(user, settings.usernameClaim());
			String name = text(user, "name");
			if (name == null || name.isBlank()) {
				String given = Optional.ofNullable(text(user, "given_name")).orElse("");
				String family = Optional.ofNullable(text(user, "family_name")).orElse("");
				name = (given + " " + family).strip();
			}
			if (name.isBlank()) {
				name = username == null ? "" : username.strip();
			}
			name = name.strip();
			String email = Optional.ofNullable(text(user, "email"))
				.map(String::strip)
				.filter(value -> !value.isEmpty() && value.length() <= 254
						&& value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
				.orElse(null);
			List<String> roles = texts(user, settings.roleClaim());
			Role role = roles.stream().anyMatch(settings.administratorValues()::contains) ? Role.ADMIN
					: roles.stream().anyMatch(settings.leadValues()::contains) ? Role.LEAD : Role.MEMBER;
			Set<String> teams = settings.teamClaim() == null || settings.teamClaim().isBlank() ? Set.of()
					: new LinkedHashSet<>(texts(user, settings.teamClaim()));
			return new Claims(username, name.length() > 200 ? name.substring(0, 200) : name, email,
					language(text(user, "locale")), role, teams);
		}

		private static String language(String locale) {
			if (locale == null) {
				return "en";
			}
			return locale.replace('_', '-').equalsIgnoreCase("zh-CN") ? "zh-CN" : "en";
		}

		/** A claim that must be a string, if present. */
		private static String text(OidcUser user, String claim) {
			Object value = user.getClaims().get(claim);
			if (value == null || value instanceof String) {
				return (String) value;
			}
			throw new ProviderSignInException("signIn.provider.unexpectedClaim", claim);
		}

		/** A claim that must be a string or a list of strings; none when absent. */
		private static List<String> texts(OidcUser user, String claim) {
			Object value = user.getClaims().get(claim);
			if (value == null) {
				return List.of();
			}
			if (value instanceof String single) {
				return List.of(single);
			}
			if (value instanceof Collection<?> values && values.stream().allMatch(String.class::isInstance)) {
				List<String> texts = new ArrayList<>();
				values.forEach(item -> texts.add(((String) item).strip()));
				return texts;
			}
			throw new ProviderSignInException("signIn.provider.unexpectedClaim", claim);
		}

	}

}
