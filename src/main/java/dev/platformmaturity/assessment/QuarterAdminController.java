package dev.platformmaturity.assessment;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.shared.FormErrors;

/**
 * Administrators create quarters and open and close them; a transition that is not possible is told on the page
 * ({@link AssessmentPageProblems}).
 */
@Controller
@RequestMapping("/admin/quarters")
class QuarterAdminController {

	private final Quarters quarters;

	QuarterAdminController(Quarters quarters) {
		this.quarters = quarters;
	}

	@GetMapping
	String list(Model page) {
		page.addAttribute("quarters", quarters.all());
		page.addAttribute("earliestDate", Quarters.EARLIEST_DATE);
		page.addAttribute("latestDate", Quarters.LATEST_DATE);
		if (!page.containsAttribute("quarterForm")) {
			page.addAttribute("quarterForm", QuarterForm.suggestion(quarters.all(), LocalDate.now()));
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
	String open(@PathVariable String quarter, RedirectAttributes redirect) {
		quarters.openQuarter(quarter);
		return changed("admin.quarters.opened", quarter, redirect);
	}

	@PostMapping("/{quarter}/close")
	String close(@PathVariable String quarter, RedirectAttributes redirect) {
		quarters.closeQuarter(quarter);
		return changed("admin.quarters.closed", quarter, redirect);
	}

	private static String changed(String notice, String quarter, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArgument", quarter);
		return "redirect:/admin/quarters";
	}

}
