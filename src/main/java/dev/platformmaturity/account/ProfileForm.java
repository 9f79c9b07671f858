package dev.platformmaturity.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record ProfileForm(@NotBlank(message = "{person.displayName.required}") @Size(max = 200, message = "{person.displayName.tooLong}") String displayName,
		@Size(max = 254, message = "{person.email.invalid}") String email,
		@NotBlank(message = "{person.language.required}") @Pattern(regexp = "en|zh-CN", message = "{person.language.required}") String language) {
}
