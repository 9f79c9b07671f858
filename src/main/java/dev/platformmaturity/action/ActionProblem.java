package dev.platformmaturity.action;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.MessageProblem;

/**
 * A request about actions that cannot be carried out, with the message key that explains
 * why; nothing was changed. 400 for bad input (with every problem of the input, each
 * naming its field), 404 for an action that does not exist, 409 for an action someone
 * changed meanwhile (with the action as saved in {@code current}).
 */
public class ActionProblem extends MessageProblem {

	private final List<FieldProblem> problems;

	private final ActionState current;

	private ActionProblem(HttpStatusCode status, String messageKey, Object[] arguments, List<FieldProblem> problems,
			ActionState current) {
		super(status, messageKey, arguments);
		this.problems = List.copyOf(problems);
		this.current = current;
		if (!problems.isEmpty()) {
			getBody().setProperty("field", problems.get(0).field());
		}
		if (current != null) {
			getBody().setProperty("current", current);
		}
	}

	/**
	 * Input that cannot be saved; the detail is the first problem, every problem is in
	 * {@link #problems()}.
	 */
	static ActionProblem invalid(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		return new ActionProblem(HttpStatus.BAD_REQUEST, first.messageKey(), first.arguments(), problems, null);
	}

	static ActionProblem invalid(FieldProblem problem) {
		return invalid(List.of(problem));
	}

	static ActionProblem notFound(long id) {
		return new ActionProblem(HttpStatus.NOT_FOUND, "action.notFound", new Object[] { id }, List.of(), null);
	}

	static ActionProblem stale(ActionState current) {
		return new ActionProblem(HttpStatus.CONFLICT, "action.stale",
				new Object[] { current.updatedBy() == null ? "?" : current.updatedBy().name() }, List.of(), current);
	}

	static ActionProblem deletedMeanwhile(long id) {
		return new ActionProblem(HttpStatus.CONFLICT, "action.deletedMeanwhile", new Object[] { id }, List.of(), null);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** The action as saved now, when someone changed it meanwhile; else null. */
	public ActionState current() {
		return current;
	}

}
