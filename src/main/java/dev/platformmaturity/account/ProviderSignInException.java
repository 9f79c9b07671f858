package dev.platformmaturity.account;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A sign-in through a provider is refused; the message key tells the person why, in their
 * language.
 */
class ProviderSignInException extends OAuth2AuthenticationException implements LocalizedRefusal {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final Object[] arguments;

	ProviderSignInException(String messageKey, Object... arguments) {
		super(new OAuth2Error("access_denied"), messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	@Override
	public String messageKey() {
		return messageKey;
	}

	@Override
	public Object[] arguments() {
		return arguments;
	}

}
