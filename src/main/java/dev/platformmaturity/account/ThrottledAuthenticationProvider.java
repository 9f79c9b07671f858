package dev.platformmaturity.account;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import dev.platformmaturity.shared.TextRules;

/**
 * Password sign-in (form and HTTP Basic) with a lock after repeated failures. A disabled
 * account, an account that signs in only through a provider, and any account while local
 * passwords are turned off (but the recovery administrator, when allowed) fail like a
 * wrong password, so the answer never tells whether a username exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final SignInProperties properties;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle,
			SignInProperties properties) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = Usernames.normalize(authentication.getName());
		if (TextRules.flaw(username).isPresent()) {
			throw new BadCredentialsException("No username contains such a character");
		}
		var locked = throttle.lockedFor(username);
		if (locked.isPresent()) {
			throw new SignInLockedException(locked.get());
		}
		try {
			if (!properties.allowsPassword(username)) {
				throw new BadCredentialsException("Local passwords are turned off");
			}
			Authentication authenticated = passwords.authenticate(authentication);
			throttle.clear(username);
			return authenticated;
		}
		catch (BadCredentialsException | AccountStatusException failed) {
			var nowLocked = throttle.recordFailure(username);
			if (nowLocked.isPresent()) {
				throw new SignInLockedException(nowLocked.get());
			}
			throw new BadCredentialsException("Bad credentials");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Too many failed sign-ins for this username; refused without checking the password.
	 */
	static class SignInLockedException extends AuthenticationException {

		private final Duration remaining;

		SignInLockedException(Duration remaining) {
			super("Too many failed sign-ins");
			this.remaining = remaining;
		}

		/** Whole minutes until the lock ends, at least 1. */
		long minutesRemaining() {
			return SignInThrottle.minutes(remaining);
		}

	}

}
