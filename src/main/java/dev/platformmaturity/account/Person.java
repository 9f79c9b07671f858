package dev.platformmaturity.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String email;

	private String preferredLanguage;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean enabled = true;

	private String identityProvider;

	private String identitySubject;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Person() {
	}

	Person(String username, String displayName, String email, String preferredLanguage, String passwordHash,
			Role role) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.preferredLanguage = preferredLanguage;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	/**
	 * A person who signs in through an OpenID Connect provider and has no local password.
	 */
	static Person fromProvider(String username, String displayName, String email, String preferredLanguage, Role role,
			String provider, String subject) {
		Person person = new Person(username, displayName, email, preferredLanguage, null, role);
		person.link(provider, subject);
		return person;
	}

	void link(String provider, String subject) {
		this.identityProvider = provider;
		this.identitySubject = subject;
	}

	boolean linked() {
		return identityProvider != null;
	}

	/** What a provider says of the person at each sign-in. */
	void updateFromProvider(String displayName, String email, Role role) {
		this.displayName = displayName;
		this.email = email;
		this.role = role;
	}

	PersonInfo info() {
		return new PersonInfo(id, username, displayName, email, preferredLanguage, role, enabled);
	}

	void update(String displayName, String email, String preferredLanguage, Role role, boolean enabled) {
		this.displayName = displayName;
		this.email = email;
		this.preferredLanguage = preferredLanguage;
		this.role = role;
		this.enabled = enabled;
	}

	void updateProfile(String displayName, String email, String preferredLanguage) {
		this.displayName = displayName;
		this.email = email;
		this.preferredLanguage = preferredLanguage;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void changeLanguage(String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	boolean enabled() {
		return enabled;
	}

	String displayName() {
		return displayName;
	}

	String preferredLanguage() {
		return preferredLanguage;
	}

	String email() {
		return email;
	}

	long version() {
		return version;
	}

}
