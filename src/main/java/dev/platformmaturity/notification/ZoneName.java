package dev.platformmaturity.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A time zone's name, like {@code Asia/Shanghai} or {@code UTC}; empty for the server's.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ZoneName.Rule.class)
@interface ZoneName {

	String message() default "must be a time zone like Asia/Shanghai, Europe/Berlin or UTC";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Rule implements ConstraintValidator<ZoneName, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			try {
				ZoneId.of(value);
				return true;
			}
			catch (DateTimeException notAZone) {
				return false;
			}
		}

	}

}
