package dev.platformmaturity.system;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Messages for request parameters and path variables that are missing or cannot be read
 * as their type.
 */
final class ParameterProblems {

	private ParameterProblems() {
	}

	static MessageSourceResolvable notConvertible(MethodArgumentTypeMismatchException mismatch) {
		return new DefaultMessageSourceResolvable(new String[] { "input.parameter.type" },
				new Object[] { mismatch.getName(), InputTypes.describe(mismatch.getRequiredType()),
						InputTypes.shown(mismatch.getValue()) });
	}

	static MessageSourceResolvable missing(MissingServletRequestParameterException missing) {
		return new DefaultMessageSourceResolvable(new String[] { "input.parameter.missing" },
				new Object[] { missing.getParameterName() });
	}

}
