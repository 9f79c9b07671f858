package dev.platformmaturity.account;

import java.io.Serial;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through an OpenID Connect provider: the same {@link AccountUser},
 * with the provider's claims.
 */
final class ProviderAccountUser extends AccountUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcUser claims;

	ProviderAccountUser(Person person, OidcUser claims) {
		super(person);
		this.claims = claims;
		eraseCredentials();
	}

	@Override
	public Map<String, Object> getClaims() {
		return claims.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return claims.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return claims.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return claims.getAttributes();
	}

	/**
	 * The username, so that sessions are found by it whichever way the person signed in.
	 */
	@Override
	public String getName() {
		return getUsername();
	}

}
