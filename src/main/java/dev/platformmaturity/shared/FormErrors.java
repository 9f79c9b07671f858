package dev.platformmaturity.shared;

import java.util.List;

import org.springframework.validation.BindingResult;

/**
 * Puts the service's field problems onto the form, where the page shows them beside their
 * fields.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult errors, List<FieldProblem> problems) {
		problems.forEach(problem -> reject(errors, problem));
	}

	/**
	 * A problem of a field the form has goes to that field, any other to the form as a
	 * whole.
	 */
	public static void reject(BindingResult errors, FieldProblem problem) {
		if (formHasField(errors, problem.field())) {
			errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
		}
		else {
			errors.reject(problem.messageKey(), problem.arguments(), problem.messageKey());
		}
	}

	private static boolean formHasField(BindingResult errors, String field) {
		Object form = errors.getTarget();
		if (form == null || !form.getClass().isRecord()) {
			return false;
		}
		for (var component : form.getClass().getRecordComponents()) {
			if (component.getName().equals(field)) {
				return true;
			}
		}
		return false;
	}

}
