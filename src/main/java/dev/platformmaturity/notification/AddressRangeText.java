package dev.platformmaturity.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address range in CIDR notation, like {@code 10.1.2.0/24} or {@code fd00::/8}, or a
 * single address.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AddressRangeText.Rule.class)
@interface AddressRangeText {

	String message() default "must be an IP address or a range like 10.1.2.0/24 or fd00::/8";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Rule implements ConstraintValidator<AddressRangeText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			try {
				AddressRange.parse(value);
				return true;
			}
			catch (IllegalArgumentException notARange) {
				return false;
			}
		}

	}

}
