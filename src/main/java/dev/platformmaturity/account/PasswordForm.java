package dev.platformmaturity.account;

/** *Your account*: the current password and the new one twice. */
record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {

	boolean confirmed() {
		return newPassword != null && newPassword.equals(confirmPassword);
	}

}
