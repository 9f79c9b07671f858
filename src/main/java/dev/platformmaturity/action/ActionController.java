package dev.platformmaturity.action;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.FormErrors;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * The pages of a team's plan: its actions, a new action (also from an opportunity of the
 * results page), one action with its comments and history, and the history of all. A
 * change that someone else saved first is shown beside what the person typed, to keep
 * theirs or take the saved one.
 */
@Controller
@RequestMapping("/teams/{team}/actions")
class ActionController {

	private static final String QUARTER = "\\d{4}-Q[1-4]";

	private final Actions actions;

	private final Teams teams;

	private final ModelCatalog catalog;

	ActionController(Actions actions, Teams teams, ModelCatalog catalog) {
		this.actions = actions;
		this.teams = teams;
		this.catalog = catalog;
	}

	@GetMapping
	String plan(@PathVariable String team, Locale locale, Model page) {
		TeamRef teamRef = teams.team(team);
		List<ActionState> all = actions.list(team);
		page.addAttribute("team", teamRef);
		page.addAttribute("actions", all);
		page.addAttribute("mayPlan", actions.mayPlan(team));
		page.addAttribute("aspectNames", aspectNames(all, locale));
		return "action/plan";
	}

	/** A new action, from an opportunity when aspect and characteristic are given. */
	@GetMapping("/new")
	String newAction(@PathVariable String team, @RequestParam(required = false) String aspect,
			@RequestParam(required = false) String characteristic, @RequestParam(required = false) String modelVersion,
			@RequestParam(required = false) String from, Locale locale, Model page) {
		MaturityModel model = model(modelVersion);
		String title = null;
		if (characteristic != null) {
			title = CharacteristicRef.parse(characteristic)
				.flatMap(ref -> ref.in(model))
				.map(found -> ActionChoices.shortened(found.text().in(locale.toLanguageTag()), ActionRules.MAX_TITLE))
				.orElse(null);
		}
		ActionForm form = new ActionForm(title, model.id(), aspect, characteristic, null, null, ActionStatus.PLANNED,
				null, null, null, null, quarter(from));
		return formPage(team, form, null, locale, page);
	}

	@PostMapping
	String create(@PathVariable String team, @Valid @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		requirePlanner(team);
		if (!errors.hasErrors()) {
			try {
				ActionState created = actions.create(team, form.change(), user.personId());
				redirect.addFlashAttribute("notice", "action.created");
				redirect.addFlashAttribute("noticeArgument", created.title());
				return "redirect:" + returnTo(team, form.from(), created);
			}
			catch (ActionProblem problem) {
				FormErrors.reject(errors, problem.problems());
			}
		}
		return formPage(team, form, null, locale, page);
	}

	@GetMapping("/{id}")
	String action(@PathVariable String team, @PathVariable long id, @RequestParam(required = false) String from,
			Locale locale, Model page) {
		ActionState action = actions.get(team, id);
		return formPage(team, ActionForm.of(action, quarter(from)), action, locale, page);
	}

	@PostMapping("/{id}")
	String change(@PathVariable String team, @PathVariable long id,
			@Valid @ModelAttribute("actionForm") ActionForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		requirePlanner(team);
		ActionState saved = actions.get(team, id);
		if (!errors.hasErrors()) {
			try {
				if (form.version() == null) {
					throw ActionProblem.invalid(new FieldProblem("version", "action.version.required"));
				}
				ActionState changed = actions.change(team, id, form.change(), form.version(), user.personId());
				redirect.addFlashAttribute("notice", "action.saved");
				redirect.addFlashAttribute("noticeArgument", changed.title());
				return "redirect:" + returnTo(team, form.from(), changed);
			}
			catch (ActionProblem problem) {
				if (problem.current() != null) {
					ActionForm overSaved = form.withVersion(problem.current().version());
					page.addAttribute("conflict", problem.current());
					page.addAttribute("actionForm", overSaved);
					return formPage(team, overSaved, problem.current(), locale, page);
				}
				FormErrors.reject(errors, problem.problems());
			}
		}
		return formPage(team, form, saved, locale, page);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String team, @PathVariable long id, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		requirePlanner(team);
		ActionState action = actions.get(team, id);
		actions.delete(team, id, version, user.personId());
		redirect.addFlashAttribute("notice", "action.deleted");
		redirect.addFlashAttribute("noticeArgument", action.title());
		return "redirect:/teams/" + team + "/actions";
	}

	@PostMapping("/{id}/comments")
	String comment(@PathVariable String team, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		try {
			actions.comment(team, id, text, user.personId());
		}
		catch (ActionProblem problem) {
			if (problem.problems().isEmpty()) {
				throw problem;
			}
			ActionState action = actions.get(team, id);
			page.addAttribute("commentProblem", problem);
			page.addAttribute("commentText", text);
			return formPage(team, ActionForm.of(action, null), action, locale, page);
		}
		redirect.addFlashAttribute("notice", "action.commented");
		return "redirect:/teams/" + team + "/actions/" + id + "#comments";
	}

	@GetMapping("/history")
	String history(@PathVariable String team, Locale locale, Model page) {
		page.addAttribute("team", teams.team(team));
		page.addAttribute("entries", actions.history(team, null));
		page.addAttribute("aspectNames", aspectNames(actions.list(team), locale));
		return "action/history";
	}

	private String formPage(String team, ActionForm form, ActionState action, Locale locale, Model page) {
		String language = locale.toLanguageTag();
		MaturityModel model = model(form.modelVersion());
		ActionChoices choices = ActionChoices.of(model, language);
		page.addAttribute("team", teams.team(team));
		// a form bound with errors stays as bound, with its binding result
		if (page.getAttribute("actionForm") == null) {
			page.addAttribute("actionForm", form);
		}
		page.addAttribute("action", action);
		page.addAttribute("choices", choices);
		page.addAttribute("members", members(team, action));
		page.addAttribute("statuses", ActionStatus.values());
		page.addAttribute("mayPlan", actions.mayPlan(team));
		page.addAttribute("earliestDate", ActionRules.EARLIEST_DATE);
		page.addAttribute("latestDate", ActionRules.LATEST_DATE);
		if (action != null) {
			page.addAttribute("comments", actions.comments(team, action.id()));
			page.addAttribute("entries", actions.history(team, action.id()));
			page.addAttribute("aspectNames", Map.of(action.aspect(), choices.aspectName(action.aspect())));
			page.addAttribute("characteristicText", action.characteristic() == null ? null
					: choices.characteristicText(action.characteristic()).orElse(action.characteristic()));
		}
		return "action/action";
	}

	/**
	 * Only the team's members create, change and delete its actions; others get 403
	 * before any form is read.
	 */
	private void requirePlanner(String team) {
		if (!actions.mayPlan(team)) {
			throw new AccessDeniedException("Only the members of team " + team + " plan its actions");
		}
	}

	/**
	 * The team's members, and the action's owner when they have left the team, by
	 * username.
	 */
	private Map<String, String> members(String team, ActionState action) {
		Map<String, String> members = teams.members(team)
			.stream()
			.collect(Collectors.toMap(PersonInfo::username, PersonInfo::displayName, (a, b) -> a, LinkedHashMap::new));
		if (action != null && action.owner() != null) {
			members.putIfAbsent(action.owner().username(), action.owner().name());
		}
		return members;
	}

	/**
	 * Aspect names by key in the reader's language, for the aspects of the actions shown.
	 */
	private Map<String, String> aspectNames(List<ActionState> shown, Locale locale) {
		Map<String, String> names = new HashMap<>();
		shown.stream()
			.map(ActionState::modelVersion)
			.distinct()
			.map(this::model)
			.forEach(model -> model.aspects()
				.forEach(aspect -> names.putIfAbsent(aspect.key(), aspect.name().in(locale.toLanguageTag()))));
		return names;
	}

	private MaturityModel model(String modelVersion) {
		if (modelVersion == null || modelVersion.isBlank()) {
			return catalog.current();
		}
		return catalog.version(modelVersion).orElseGet(catalog::current);
	}

	/** A quarter label to return to, or null for anything else. */
	private static String quarter(String from) {
		return from != null && from.matches(QUARTER) ? from : null;
	}

	/**
	 * Back to the results page the person came from, at the action's aspect; else to the
	 * action.
	 */
	private static String returnTo(String team, String from, ActionState action) {
		String quarter = quarter(from);
		return quarter == null ? "/teams/" + team + "/actions/" + action.id()
				: "/teams/" + team + "/assessments/" + quarter + "#aspect-" + action.aspect();
	}

}
