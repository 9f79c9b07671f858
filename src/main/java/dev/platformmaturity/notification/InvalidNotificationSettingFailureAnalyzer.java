package dev.platformmaturity.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an invalid notification setting at start-up by its name, without a stack
 * trace.
 */
class InvalidNotificationSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidNotificationSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidNotificationSettingException cause) {
		return new FailureAnalysis(cause.getMessage() + ".", "Set " + cause.setting() + " (environment variable "
				+ cause.environmentVariable() + ") to " + cause.action() + ".", cause);
	}

}
