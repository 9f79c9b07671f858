package dev.platformmaturity.account;

import java.io.Serial;
import java.io.Serializable;

/**
 * Why the last sign-in through a provider failed, as a message key with its arguments
 * (kept in the session).
 */
record SignInProblem(String messageKey, Object... arguments) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

}
