package dev.platformmaturity.account;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/**
 * A request's access token or Authorization header is refused; the message key explains
 * why to the caller.
 */
class AccessTokenException extends AuthenticationException implements LocalizedRefusal {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final Object[] arguments;

	AccessTokenException(String messageKey, Object... arguments) {
		super(messageKey);
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
