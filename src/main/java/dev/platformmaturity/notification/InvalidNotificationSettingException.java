package dev.platformmaturity.notification;

/**
 * A notification setting that makes no sense with the others: the application refuses to
 * start.
 */
class InvalidNotificationSettingException extends RuntimeException {

	private final String setting;

	private final String action;

	InvalidNotificationSettingException(String setting, String problem, String action) {
		super("The setting " + setting + " " + problem);
		this.setting = setting;
		this.action = action;
	}

	String setting() {
		return setting;
	}

	/** The environment variable of the setting, as the README names them. */
	String environmentVariable() {
		return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	String action() {
		return action;
	}

}
