package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.shared.FormErrors;

/**
 * Administrators create quarters, open them, close them after confirming on a page that
 * lists the teams that have not submitted, and reopen a closed one with a reason. A
 * transition that is not possible is told on the quarters page
 * ({@link AssessmentPageProblems}).
 */
@Controller
@RequestMapping("/admin/quarters")
class QuarterAdminController {

	private final Quarters quarters;

	private final Overdue overdue;

	QuarterAdminController(Quarters quarters, Overdue overdue) {
		this.quarters = quarters;
		this.overdue = overdue;
	}

	@GetMapping
	String list(Model page) {
		List<QuarterInfo> all = quarters.all();
		page.addAttribute("quarters", all);
		page.addAttribute("earliestDate", Quarters.EARLIEST_DATE);
		page.addAttribute("latestDate", Quarters.LATEST_DATE);
		Map<Long, List<QuarterEvent>> reopenings = new HashMap<>();
		quarters.events()
			.forEach((quarter, events) -> events.stream()
				.filter(event -> event.kind() == QuarterEvent.Kind.REOPEN)
				.forEach(event -> reopenings.computeIfAbsent(quarter, any -> new ArrayList<>()).add(event)));
		page.addAttribute("reopenings", reopenings);
		page.addAttribute("openQuarter", all.stream().filter(QuarterInfo::open).findFirst().orElse(null));
		List<QuarterInfo> closed = all.stream().filter(quarter -> quarter.state() == QuarterState.CLOSED).toList();
		page.addAttribute("closedQuarters", closed);
		if (!page.containsAttribute("quarterForm")) {
			page.addAttribute("quarterForm", QuarterForm.suggestion(all, overdue.today()));
		}
		if (!page.containsAttribute("quarterReopenForm")) {
			page.addAttribute("quarterReopenForm",
					new QuarterReopenForm(closed.isEmpty() ? "" : closed.get(0).label(), ""));
		}
		return "assessment/quarters";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("quarterForm") QuarterForm form, BindingResult errors, Model page,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				QuarterInfo created = quarters.create(form.label().strip(), form.opensOn(), form.dueOn());
				redirect.addFlashAttribute("notice", "admin.quarters.created");
				redirect.addFlashAttribute("noticeArgument", created.label());
				return "redirect:/admin/quarters";
			}
			catch (Quarters.InvalidQuarterException invalid) {
				FormErrors.reject(errors, invalid.problems());
			}
		}
		return list(page);
	}

	@PostMapping("/{quarter}/open")
	String open(@PathVariable String quarter, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		quarters.openQuarter(quarter, user.personId());
		return changed("admin.quarters.opened", quarter, redirect);
	}

	/** Closing asks first, listing the teams that have not submitted. */
	@GetMapping("/{quarter}/close")
	String confirmClose(@PathVariable String quarter, Model page) {
		QuarterInfo info = quarters.byLabel(quarter);
		if (!info.open()) {
			throw AssessmentProblem.notNow("quarter.close.notOpen", quarter);
		}
		List<Quarters.TeamProgress> teams = quarters.teamProgress(info.id());
		page.addAttribute("quarter", info);
		page.addAttribute("teamCount", teams.size());
		page.addAttribute("notSubmitted", teams.stream().filter(team -> !team.submitted()).toList());
		page.addAttribute("pastDue", overdue.isPastDue(info));
		return "assessment/quarter-close";
	}

	@PostMapping("/{quarter}/close")
	String close(@PathVariable String quarter, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		quarters.closeQuarter(quarter, user.personId());
		return changed("admin.quarters.closed", quarter, redirect);
	}

	/**
	 * Reopens a closed quarter; problems are shown beside the form, with what was typed
	 * kept.
	 */
	@PostMapping("/reopen")
	String reopen(@Valid @ModelAttribute("quarterReopenForm") QuarterReopenForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser user, Model page, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				quarters.reopenQuarter(form.quarter(), form.reason(), user.personId());
				return changed("admin.quarters.reopened", form.quarter(), redirect);
			}
			catch (AssessmentProblem problem) {
				if (problem.messageKey().startsWith("quarter.reopen.reason.")) {
					errors.rejectValue("reason", problem.messageKey(), problem.getArguments(), null);
				}
				else {
					errors.reject(problem.messageKey(), problem.getArguments(), null);
				}
			}
		}
		return list(page);
	}

	private static String changed(String notice, String quarter, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArgument", quarter);
		return "redirect:/admin/quarters";
	}

}
