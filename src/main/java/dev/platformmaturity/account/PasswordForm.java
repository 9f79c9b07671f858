package dev.platformmaturity.account;

import jakarta.validation.constraints.NotEmpty;

record PasswordForm(@NotEmpty(message = "{password.currentRequired}") String currentPassword,
		@NotEmpty(message = "{password.newRequired}") String newPassword, String confirmPassword) {

	boolean confirmed() {
		return newPassword != null && newPassword.equals(confirmPassword);
	}

}
