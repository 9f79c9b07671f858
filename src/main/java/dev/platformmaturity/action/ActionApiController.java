package dev.platformmaturity.action;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.shared.FieldProblem;

/** A team's actions as JSON: list and create, read, change and delete one. */
@RestController
@RequestMapping("/api/v1/teams/{team}/actions")
class ActionApiController {

	private final Actions actions;

	ActionApiController(Actions actions) {
		this.actions = actions;
	}

	/**
	 * A new action.
	 *
	 * @param modelVersion the model version of aspect and characteristic; default: the
	 * current one
	 * @param characteristic the characteristic it serves as {@code aspect.level.key},
	 * such as {@code investment.3.c1}
	 * @param owner the username of a member of the team
	 * @param status default PLANNED
	 * @param trackerUrl an http or https address
	 * @param plannedLevel the level of the aspect the action should bring the team to, 1
	 * to 4
	 */
	record NewActionJson(String title, String modelVersion, String aspect, String characteristic, String owner,
			LocalDate dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel) {

		ActionChange change() {
			return new ActionChange(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl,
					notes, plannedLevel);
		}

	}

	/**
	 * Every field of an action as it should be; fields left out are emptied.
	 *
	 * @param version the version of the action the change starts from, required; a newer
	 * saved version is a conflict (409, with the action as saved in {@code current})
	 */
	record ActionJson(String title, String modelVersion, String aspect, String characteristic, String owner,
			LocalDate dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel, Long version) {

		ActionChange change() {
			return new ActionChange(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl,
					notes, plannedLevel);
		}

	}

	/** An action with its comments. */
	record ActionWithComments(ActionState action, List<ActionComment> comments) {
	}

	@GetMapping
	List<ActionState> list(@PathVariable String team) {
		return actions.list(team);
	}

	@PostMapping
	ResponseEntity<ActionState> create(@PathVariable String team, @RequestBody NewActionJson body,
			@AuthenticationPrincipal AccountUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(actions.create(team, body.change(), user.personId()));
	}

	@GetMapping("/{id}")
	ActionWithComments get(@PathVariable String team, @PathVariable long id) {
		return new ActionWithComments(actions.get(team, id), actions.comments(team, id));
	}

	@PutMapping("/{id}")
	ActionState change(@PathVariable String team, @PathVariable long id, @RequestBody ActionJson body,
			@AuthenticationPrincipal AccountUser user) {
		if (body.version() == null) {
			throw ActionProblem.invalid(new FieldProblem("version", "action.version.required"));
		}
		return actions.change(team, id, body.change(), body.version(), user.personId());
	}

	/**
	 * @param version when given, the action is deleted only if it is still this version
	 * (else 409)
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String team, @PathVariable long id,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal AccountUser user) {
		actions.delete(team, id, version, user.personId());
		return ResponseEntity.noContent().build();
	}

}
