package dev.platformmaturity.account;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal access token: it acts for the token's person,
 * within the token's scope.
 */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountUser person;

	private final AccessScope scope;

	private AccessTokenAuthentication(AccountUser person, AccessScope scope) {
		super(person.getAuthorities());
		this.person = person;
		this.scope = scope;
		setAuthenticated(true);
	}

	static AccessTokenAuthentication authenticated(AccountUser person, AccessScope scope) {
		person.eraseCredentials();
		return new AccessTokenAuthentication(person, scope);
	}

	boolean mayWrite() {
		return scope == AccessScope.READ_WRITE;
	}

	@Override
	public AccountUser getPrincipal() {
		return person;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

}
