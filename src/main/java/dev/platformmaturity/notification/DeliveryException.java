package dev.platformmaturity.notification;

/**
 * A message could not be sent, with the reason the log shows. A permanent failure is not
 * tried again (the person or webhook is gone); any other is tried again after a back-off
 * until the last try.
 */
class DeliveryException extends Exception {

	private final boolean permanent;

	DeliveryException(String reason, boolean permanent) {
		super(reason);
		this.permanent = permanent;
	}

	static DeliveryException retry(String reason) {
		return new DeliveryException(reason, false);
	}

	static DeliveryException permanent(String reason) {
		return new DeliveryException(reason, true);
	}

	boolean permanent() {
		return permanent;
	}

	/**
	 * A short reason from an exception: its type and the deepest message of its causes.
	 */
	static String describe(Throwable failure) {
		String message = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
	}

}
