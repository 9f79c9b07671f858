package dev.platformmaturity.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as Spring Security holds it in the session. */
public class AccountUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long personId;

	private final String username;

	private final String displayName;

	private final Role role;

	private final String language;

	private final boolean enabled;

	private String passwordHash;

	AccountUser(Person person) {
		this.personId = person.id();
		this.username = person.username();
		this.displayName = person.displayName();
		this.role = person.role();
		this.language = person.preferredLanguage();
		this.enabled = person.enabled();
		this.passwordHash = person.passwordHash();
	}

	public long personId() {
		return personId;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public String language() {
		return language;
	}

	public boolean has(Role required) {
		return role.includes(required);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser user && user.personId == personId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(personId);
	}

	@Override
	public String toString() {
		return "AccountUser[" + username + ", " + role + "]";
	}

}
