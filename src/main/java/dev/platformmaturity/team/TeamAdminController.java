package dev.platformmaturity.team;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.FormErrors;
import dev.platformmaturity.shared.PageNumbers;

@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

	/** The most people suggested or listed to choose from. */
	static final int CHOICES = 10;

	private final TeamAdministration administration;

	private final Teams teams;

	private final MessageSource messages;

	TeamAdminController(TeamAdministration administration, Teams teams, MessageSource messages) {
		this.administration = administration;
		this.teams = teams;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(name = "group", required = false) Long groupId,
			@RequestParam(name = "page", defaultValue = "0") int pageNumber, Model page) {
		page.addAttribute("teams", PageNumbers.within(pageNumber, 25, Sort.by("name"),
				pageable -> administration.teams(search, groupId, pageable)));
		page.addAttribute("q", search);
		page.addAttribute("groupId", groupId);
		page.addAttribute("groups", administration.enabledGroups());
		return "team/admin-teams";
	}

	@GetMapping("/new")
	String newTeam(Model page) {
		page.addAttribute("teamForm", TeamForm.empty());
		page.addAttribute("groups", administration.enabledGroups());
		return "team/team-new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("teamForm") TeamForm form, BindingResult errors, Model page,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				TeamRef team = administration.createTeam(form.slug(), form.name(), form.groupId());
				redirect.addFlashAttribute("notice", "admin.teams.created");
				redirect.addFlashAttribute("noticeArgument", team.name());
				return "redirect:/admin/teams/" + team.slug();
			}
			catch (InvalidInputException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		page.addAttribute("groups", administration.enabledGroups());
		return "team/team-new";
	}

	@GetMapping("/{team}")
	String edit(@PathVariable String team, Model page) {
		Team entity = administration.team(team);
		TeamRef ref = entity.ref();
		if (!page.containsAttribute("teamForm")) {
			page.addAttribute("teamForm",
					new TeamForm(entity.version(), ref.slug(), ref.name(), ref.groupId(), ref.enabled()));
		}
		if (!page.containsAttribute("memberForm")) {
			page.addAttribute("memberForm", new MemberForm(""));
		}
		page.addAttribute("team", ref);
		page.addAttribute("members", teams.members(team));
		page.addAttribute("groups", administration.enabledGroups());
		return "team/team-edit";
	}

	@PostMapping("/{team}")
	String update(@PathVariable String team, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult errors,
			Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				TeamRef updated = administration.updateTeam(team, form.expectedVersion(), form.name(), form.groupId(),
						form.active());
				redirect.addFlashAttribute("notice", "admin.teams.updated");
				redirect.addFlashAttribute("noticeArgument", updated.name());
				return "redirect:/admin/teams/" + team;
			}
			catch (InvalidInputException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
			catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
				errors.reject("admin.changedMeanwhile");
			}
		}
		return edit(team, page);
	}

	/**
	 * Adds the person whose username was typed. When what was typed is no username, the
	 * page lists the people it matches, each with its own Add button: the way to choose
	 * without script.
	 */
	@PostMapping("/{team}/members")
	String addMember(@PathVariable String team, @Valid @ModelAttribute("memberForm") MemberForm form,
			BindingResult errors, Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				PersonInfo added = administration.addMember(team, form.username().strip());
				redirect.addFlashAttribute("notice", "admin.members.added");
				redirect.addFlashAttribute("noticeArgument", added.displayName());
				return "redirect:/admin/teams/" + team;
			}
			catch (InvalidInputException invalid) {
				boolean noSuchUsername = invalid.problems().get(0).messageKey().equals("membership.person.unknown");
				List<PersonInfo> matching = noSuchUsername ? administration.candidates(team, form.username(), CHOICES)
						: List.of();
				if (!matching.isEmpty()) {
					page.addAttribute("choices", matching);
				}
				else if (noSuchUsername) {
					FormErrors.reject(errors, new FieldProblem("username", "admin.members.noMatch", form.username()));
				}
				else {
					FormErrors.reject(errors, invalid.problems());
				}
			}
		}
		return edit(team, page);
	}

	/**
	 * The people who could join the team and match what was typed, as JSON for the
	 * suggestions while typing.
	 */
	@GetMapping(path = "/{team}/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Candidate> candidates(@PathVariable String team, @RequestParam(name = "q", defaultValue = "") String typed) {
		return administration.candidates(team, typed, CHOICES)
			.stream()
			.map(person -> new Candidate(person.username(), person.displayName()))
			.toList();
	}

	record Candidate(String username, String name) {
	}

	@PostMapping("/{team}/members/{personId}/remove")
	String removeMember(@PathVariable String team, @PathVariable long personId, Locale locale,
			RedirectAttributes redirect) {
		try {
			administration.removeMember(team, personId);
			redirect.addFlashAttribute("notice", "admin.members.removed");
		}
		catch (InvalidInputException notAMember) {
			FieldProblem problem = notAMember.problems().get(0);
			redirect.addFlashAttribute("problem",
					messages.getMessage(problem.messageKey(), problem.arguments(), locale));
		}
		return "redirect:/admin/teams/" + team;
	}

}
