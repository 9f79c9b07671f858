package dev.platformmaturity.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;

import dev.platformmaturity.shared.FieldProblem;

/**
 * The rules for a person's fields, in one place, as Bean Validation constraints that the
 * commands carry ({@link NewPerson}, {@link PersonChange}, {@link ProfileChange},
 * {@link NewPassword}) and the services check with {@link #check}. Only what needs the
 * database (a username or e-mail taken, the last administrator) is checked by hand.
 */
public final class PersonRules {

	public static final List<String> LANGUAGES = List.of("en", "zh-CN");

	private PersonRules() {
	}

	/**
	 * Every broken rule of {@code command} as field problems, in the order of the
	 * command's fields.
	 */
	static List<FieldProblem> check(Validator validator, Object command) {
		List<String> fields = command.getClass().isRecord()
				? Arrays.stream(command.getClass().getRecordComponents()).map(component -> component.getName()).toList()
				: List.of();
		return validator.validate(command)
			.stream()
			.map(PersonRules::problem)
			.sorted(Comparator.comparing((FieldProblem problem) -> fields.indexOf(problem.field()))
				.thenComparing(FieldProblem::messageKey))
			.toList();
	}

	private static FieldProblem problem(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
				: template;
		HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
		Object[] arguments = hibernate.getDynamicPayload(Object[].class);
		return new FieldProblem(violation.getPropertyPath().toString(), key,
				arguments == null ? new Object[0] : arguments);
	}

	/**
	 * 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or
	 * digit; stored lower-cased.
	 */
	@NotBlank(message = "{person.username.required}")
	@Pattern(regexp = "\\s*|\\s*[A-Za-z0-9][A-Za-z0-9._-]{1,63}\\s*", message = "{person.username.invalid}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Username {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	@NotBlank(message = "{person.displayName.required}")
	@Size(max = 200, message = "{person.displayName.tooLong}")
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface DisplayName {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** Empty, or an address like name@example.org of at most 254 characters. */
	@Size(max = 254)
	@Pattern(regexp = "\\s*|\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*")
	@ReportAsSingleViolation
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Email {

		String message() default "{person.email.invalid}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** One of {@link #LANGUAGES}. */
	@Constraint(validatedBy = LanguageValidator.class)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Language {

		String message() default "{person.language.invalid}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * What {@link AcceptablePassword} checks: a password and the username it must not
	 * contain.
	 */
	public interface PasswordCandidate {

		String username();

		String password();

	}

	/**
	 * The password of a {@link PasswordCandidate} follows {@link PasswordPolicy};
	 * reported on its password.
	 */
	@Constraint(validatedBy = PasswordValidator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface AcceptablePassword {

		String message() default "{password.tooCommon}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	public static class LanguageValidator implements ConstraintValidator<Language, String> {

		@Override
		public boolean isValid(String language, ConstraintValidatorContext context) {
			if (language != null && LANGUAGES.contains(language)) {
				return true;
			}
			context.unwrap(HibernateConstraintValidatorContext.class)
				.withDynamicPayload(new Object[] { String.join(", ", LANGUAGES) });
			return false;
		}

	}

	public static class PasswordValidator implements ConstraintValidator<AcceptablePassword, PasswordCandidate> {

		@Override
		public boolean isValid(PasswordCandidate candidate, ConstraintValidatorContext context) {
			var problem = PasswordPolicy.problem(candidate.password(), candidate.username());
			if (problem.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.unwrap(HibernateConstraintValidatorContext.class)
				.withDynamicPayload(new Object[] { PasswordPolicy.MIN_LENGTH })
				.buildConstraintViolationWithTemplate("{" + problem.get() + "}")
				.addPropertyNode("password")
				.addConstraintViolation();
			return false;
		}

	}

}
