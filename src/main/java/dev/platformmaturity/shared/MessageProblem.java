package dev.platformmaturity.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be carried out, with the message key that explains why: the API
 * answers it as problem details with the message as detail, pages resolve it as a message
 * like any other.
 */
public abstract class MessageProblem extends ErrorResponseException implements MessageSourceResolvable {

	private final String messageKey;

	private final Object[] arguments;

	protected MessageProblem(HttpStatusCode status, String messageKey, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, messageKey, arguments);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments;
	}

}
